import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { initStore, openStore, storeExists, type LockedStore } from './lifecycle';
import type { Store } from './store';
import type { KdfParams } from './kdf';
import { NotUnlockedError } from './errors';
import { storePaths } from './paths';
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

  /** A fresh backup file in <dataDir>/backups (no path ever comes from the renderer). */
  backup(): { fileName: string; size: number } {
    const dir = storePaths(this.dataDir).backups;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const fileName = `carefile-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
    const result = this.store.backup(join(dir, fileName));
    return { fileName, size: result.size };
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
