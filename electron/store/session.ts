import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { initStore, openStore, storeExists, type LockedStore } from './lifecycle';
import type { Store } from './store';
import type { KdfParams } from './kdf';
import { NotUnlockedError } from './errors';
import { privateFolder, storePaths } from './paths';
import { readUnlockState, remainingBackoffMs } from './backoff';

export type SessionState = 'uninitialised' | 'locked' | 'unlocked';

/**
 * The app's one store session: what the unlock screen, settings and every feature channel share.
 * The single-writer lock is held from unlock until lock (or quit).
 */
export class StoreSession {
  private handle: LockedStore | undefined;

  constructor(
    readonly dataDir: string,
    private readonly kdf?: KdfParams,
  ) {}

  get state(): SessionState {
    if (this.handle?.current) return 'unlocked';
    return storeExists(this.dataDir) ? 'locked' : 'uninitialised';
  }

  /** The unlocked store, or NOT_UNLOCKED. */
  get store(): Store {
    const s = this.handle?.current;
    if (!s) throw new NotUnlockedError();
    return s;
  }

  backoffMs(): number {
    if (!existsSync(storePaths(this.dataDir).keySlots)) return 0;
    return remainingBackoffMs(readUnlockState(storePaths(this.dataDir).unlockState), new Date());
  }

  init(adminName: string, passphrase: string, adminDisplayName?: string): Promise<{ recoveryKey: string; storeId: string }> {
    return initStore({ dataDir: this.dataDir, adminName, adminPassphrase: passphrase, adminDisplayName, kdf: this.kdf });
  }

  async unlock(userName: string, passphrase: string): Promise<Store> {
    return this.withHandle((h) => h.unlock(userName, passphrase));
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Store> {
    return this.withHandle((h) => h.unlockWithRecoveryKey(recoveryKey));
  }

  lock(): void {
    this.handle?.close();
    this.handle = undefined;
  }

  /**
   * A fresh backup file in <dataDir>/backups (no path ever comes from the renderer), owner-only;
   * then only the newest `backupKeep` (an administrator's setting) are kept. Who may back up is
   * the workflow's rule, asked by the handler (electron/api/store.ts).
   */
  backup(): { fileName: string; size: number; removed: string[] } {
    const dir = storePaths(this.dataDir).backups;
    privateFolder(dir);
    const fileName = `carefile-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
    const result = this.store.backup(join(dir, fileName));
    return { fileName, size: result.size, removed: pruneBackups(dir, this.store.settings.get().backupKeep) };
  }

  private async withHandle(fn: (h: LockedStore) => Promise<Store>): Promise<Store> {
    // Signing in while someone is signed in is a change of person: close their session first, so the
    // new credentials are always checked and nobody inherits another user's unlocked store.
    if (this.handle?.current) this.lock();
    this.handle ??= openStore({ dataDir: this.dataDir, kdf: this.kdf });
    try {
      return await fn(this.handle);
    } catch (err) {
      // a failed attempt releases the single-writer lock; the backoff lives on disk
      this.handle.close();
      this.handle = undefined;
      throw err;
    }
  }
}

/** Names the backups folder holds that Carefile made (carefile-<ISO time>.backup): they sort by time. */
const BACKUP_NAME = /^carefile-\d{4}-\d{2}-\d{2}T[\d-]+Z\.backup$/;

/** Keeps the newest `keep` backups Carefile made; deletes the rest. Returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const ours = readdirSync(dir).filter((n) => BACKUP_NAME.test(n)).sort();
  const old = ours.slice(0, Math.max(0, ours.length - keep));
  for (const name of old) rmSync(join(dir, name), { force: true });
  return old;
}
