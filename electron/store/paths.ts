import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The files a store is made of, all inside one data directory. */
export function storePaths(dataDir: string) {
  return {
    dataDir,
    db: join(dataDir, 'carefile.db'),
    /** Wrapped copies of the data key (no secret in clear); mirrored inside the database. */
    keySlots: join(dataDir, 'keyslots.json'),
    /** Failed-unlock counter for the backoff; must be readable before the key is known. */
    unlockState: join(dataDir, 'unlock-state.json'),
    lock: join(dataDir, 'carefile.lock'),
    backups: join(dataDir, 'backups'),
  };
}
export type StorePaths = ReturnType<typeof storePaths>;

/** Notes for the person at the keyboard (a folder's mode tightened): the CLI prints them, the doctor shows them. */
const notes: string[] = [];
export function takeStoreNotes(): string[] {
  return notes.splice(0);
}

/**
 * Makes an existing folder owner-only: takes away every group and other permission, with a note
 * saying so. `mkdirSync(..., { mode })` sets the mode only when it creates the folder, so a folder
 * made earlier by hand or by another tool (often 0755) would let other local users list the
 * store's files. The owner's own bits are kept (a folder deliberately made read-only stays so).
 * Best effort: on a read-only file system, or a folder owned by someone else, chmod fails and the
 * open goes on to report its own, clearer error. Skipped on Windows, where modes mean little.
 */
export function tightenFolder(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const mode = statSync(dir).mode & 0o777;
    if (mode & 0o077) {
      chmodSync(dir, mode & 0o700);
      notes.push(`The folder ${dir} was open to other users of this computer (mode ${mode.toString(8)}); Carefile made it owner-only (${(mode & 0o700).toString(8)}).`);
    }
  } catch {
    // see above: the store's own open or write reports the real problem
  }
}

/** The data folder, owner-only (tightenFolder). */
export function tightenDataDir(dataDir: string): void {
  tightenFolder(dataDir);
}

/** Makes a folder if missing, owner-only either way. */
export function privateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  tightenFolder(dir);
}

/**
 * The per-user app data directory, the same as Electron's app.getPath('userData') for
 * productName "Carefile", so the CLI and the app find the same store by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Carefile');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Carefile');
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'Carefile');
}
