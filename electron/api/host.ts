/**
 * A handler context for a host process that is not the app window: the `carefile` CLI. It holds
 * its own store session (unlocked by the CLI's credentials through the ordinary `store.unlock`
 * channels) and is served by the same dispatch as IPC and the loopback transport.
 */
import type { HandlerContext } from './context';
import { StoreSession } from '../store/index';
import { DEFAULT_KDF, defaultDataDir } from '../store/index';

export interface HostContextOptions {
  version: string;
  /** The store folder; default: the app's per-user data folder (the same one the app uses). */
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  /** scrypt N for key slots made by this process (tests and benchmarks only; a power of two). */
  scryptN?: number;
}

export function hostContext(opts: HostContextOptions): HandlerContext {
  const dataDir = opts.dataDir ?? defaultDataDir(opts.env);
  const kdf = opts.scryptN === undefined ? undefined : { ...DEFAULT_KDF, N: opts.scryptN };
  return { app: { version: opts.version, mode: 'cli' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
}

/** The default store folder, for help texts and messages. */
export { defaultDataDir } from '../store/index';
/** The roles a user may have (for option validation before anything is asked). */
export { ROLES } from '../store/index';
/** Notes for the person at the keyboard (a folder's mode tightened), printed by the CLI. */
export { takeStoreNotes } from '../store/index';
