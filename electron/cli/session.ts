/**
 * How every store verb reaches the main side: a handler context of its own (electron/api/host.ts),
 * unlocked with the CLI's credentials through the `store.unlock` channels, and then the same
 * `dispatch` that serves the app. A verb never touches the store, the record or the bundle code.
 * The handler map (and with it every handler's code) is imported when a session starts, not when
 * the CLI starts: `carefile --version` and `carefile lint-text` never load it.
 */
import type { ApiError, ChannelName, ErrorCode, InputOf, OutputOf, Result } from '../../shared/contract';
import type { HandlerContext } from '../api/context';
import { CliError, Exit, type ExitCode } from './exit';
import type { CliIO } from './io';
import { credentialFrom, resolveDataDir, scryptNFromEnv, type StoreOptionValues } from './store-options';
import packageJson from '../../package.json' with { type: 'json' };

/** Error codes of the contract to the documented exit codes (docs/cli.md). */
export const EXIT_BY_CODE: Record<ErrorCode, ExitCode> = {
  SAFEGUARD_BLOCK: Exit.CHECK_FAILED,
  INTERNAL: Exit.CHECK_FAILED,
  AUTH_FAILED: Exit.AUTH,
  BACKOFF: Exit.AUTH,
  FORBIDDEN: Exit.AUTH,
  STORE_UNAVAILABLE: Exit.STORE_UNAVAILABLE,
  NOT_UNLOCKED: Exit.STORE_UNAVAILABLE,
  INVALID_INPUT: Exit.USAGE,
  CONFLICT: Exit.USAGE,
  NOT_FOUND: Exit.USAGE,
  LOCKED: Exit.USAGE,
  UNKNOWN_CHANNEL: Exit.USAGE,
};

export function cliErrorOf(error: ApiError): CliError {
  return new CliError(EXIT_BY_CODE[error.code], error.message);
}

export interface CliSession {
  readonly ctx: HandlerContext;
  readonly dataDir: string;
  /** The answer as dispatch gives it (never throws). */
  result(name: string, input: unknown): Promise<Result<unknown>>;
  /** The value, or a CliError with the documented exit code and the handler's message. */
  call<K extends ChannelName>(name: K, input: InputOf<K>): Promise<OutputOf<K>>;
  /** How the session was unlocked, if it was. */
  readonly credential?: Awaited<ReturnType<typeof credentialFrom>>;
}

export function hasCredentials(io: CliIO, opts: StoreOptionValues): boolean {
  return Boolean(opts.user || io.env.CAREFILE_USER || opts.recoveryKeyFile || io.env.CAREFILE_RECOVERY_KEY);
}

/**
 * Runs `fn` with a session; `unlock`: 'always' (the verb needs the store), 'if-credentials' (it can
 * do more when unlocked), or 'never'. The store is always locked again afterwards (the lock released).
 */
export async function withSession<T>(
  io: CliIO,
  opts: StoreOptionValues,
  unlock: 'always' | 'if-credentials' | 'never',
  fn: (session: CliSession) => Promise<T>,
): Promise<T> {
  const dataDir = await resolveDataDir(opts, io);
  const [{ dispatch }, { hostContext, takeStoreNotes }] = await Promise.all([import('../api/dispatch'), import('../api/host')]);
  const ctx = hostContext({ version: packageJson.version, dataDir, scryptN: scryptNFromEnv(io) });
  const result = (name: string, input: unknown) => dispatch(name, input, ctx);
  const call = async <K extends ChannelName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const r = await result(name, input);
    if (!r.ok) throw cliErrorOf(r.error);
    return r.value as OutputOf<K>;
  };
  let credential: CliSession['credential'];
  try {
    if (unlock === 'always' || (unlock === 'if-credentials' && hasCredentials(io, opts))) {
      // The store first: a missing store is exit 4 before anyone is asked for a passphrase.
      const status = await call('store.status', {});
      if (status.state === 'uninitialised') throw new CliError(Exit.STORE_UNAVAILABLE, `There is no Carefile store in ${dataDir}.`);
      credential = await credentialFrom(io, opts);
      if (credential.kind === 'passphrase') await call('store.unlock', { userName: credential.userName, passphrase: credential.passphrase });
      else await call('store.unlockWithRecoveryKey', { recoveryKey: credential.recoveryKey });
    }
    return await fn({ ctx, dataDir, result, call, credential });
  } finally {
    await dispatch('store.lock', {}, ctx);
    for (const note of takeStoreNotes()) io.err(`carefile: note: ${note}`);
  }
}

/** Whether a channel works without unlocking (app info, status, unlock, verify, doctor …). */
export async function isPublicChannel(name: string): Promise<boolean> {
  const { contract } = await import('../../shared/contract');
  return Boolean((contract as Record<string, { public?: boolean }>)[name]?.public);
}
