import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { appendAudit, auditHead, setAuditSigner } from './audit';
import { digestOf } from './canonical';
import { mirrorSlot, syncSlotsFile, type Core, type Session } from './core';
import { mapSqliteError, openDatabase, type Db } from './db';
import { AuthFailedError, BackoffError, ConflictError, StoreUnavailableError } from './errors';
import { DEFAULT_KDF, deriveKek, newSalt, type KdfParams } from './kdf';
import { makeSlot, openSlot, readKeySlots, unwrapWithKek, type KeySlot, type KeySlotFile } from './keyslots';
import { insertRecoveryAuditKey, newRecoveryAuditKey, userSigner } from './audit-signer';
import { sessionSignerAndAlarms, recordAlarms, updateWitness, upgradeLegacySlot } from './session-signer';
import { finishRotation, rekeyPending, rotateDataKey } from './rekey';
import { GENERATED_KEY_ALGORITHM } from './signing';
import { acquireLock, type HeldLock } from './lockfile';
import { migrate } from './migrations';
import { checkPassphrase } from './passphrase-policy';
import { storePaths, tightenDataDir, type StorePaths } from './paths';
import { cleanLeftovers, journalPath, recoverInterruptedRestore } from './restore-journal';
import { faultTyped } from './faults';
import { newRecoveryKey, normaliseRecoveryKey } from './recovery-key';
import { readUnlockState, remainingBackoffMs, writeUnlockState } from './backoff';
import { insertUser, prepareUser, checkUserName } from './users';
import { Store, newDataKey } from './store';

export interface InitOptions {
  dataDir: string;
  adminName: string;
  adminPassphrase: string;
  adminDisplayName?: string;
  /** Key derivation for the slots made now (tests pass TEST_KDF). */
  kdf?: KdfParams;
}

/**
 * Creates a new store: data key, database (schema v1), the administrator with their key slot
 * and signing certificate, and the recovery key slot. Async (key derivation and certificate
 * generation). The recovery key is returned once and never stored in clear.
 */
export async function initStore(opts: InitOptions): Promise<{ recoveryKey: string; storeId: string }> {
  try {
    return await initStoreIn(opts);
  } catch (err) {
    throw mapSqliteError(err);
  }
}

async function initStoreIn(opts: InitOptions): Promise<{ recoveryKey: string; storeId: string }> {
  const kdf = opts.kdf ?? DEFAULT_KDF;
  const paths = storePaths(opts.dataDir);
  checkUserName(opts.adminName);
  checkPassphrase(opts.adminPassphrase);
  if (existsSync(paths.db) || existsSync(paths.keySlots)) {
    throw new ConflictError(`There is already a Carefile store in ${paths.dataDir}.`);
  }
  mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
  tightenDataDir(paths.dataDir);
  const lock = acquireLock(paths.lock);
  const dataKey = newDataKey();
  const storeId = randomUUID();
  let db: Db | undefined;
  try {
    const recoveryKey = newRecoveryKey();
    const recovery = await makeSlot(storeId, normaliseRecoveryKey(recoveryKey)!, dataKey, kdf, { kind: 'recovery' });
    const core = { storeId, dataKey, kdf };
    const admin = await prepareUser(core, {
      name: opts.adminName,
      displayName: opts.adminDisplayName,
      role: 'admin',
      passphrase: opts.adminPassphrase,
    });
    db = openDatabase(paths.db, dataKey, { create: true });
    migrate(db);
    const openDb = db;
    setAuditSigner(
      openDb,
      userSigner(storeId, admin.row.id, admin.credential.certificateSha256, { pkcs8: Buffer.from(admin.credential.pkcs8), algorithm: GENERATED_KEY_ALGORITHM }),
    );
    const recoveryAuditKey = newRecoveryAuditKey(storeId, recovery.kek);
    const fullCore: Core = {
      db: openDb,
      paths,
      storeId,
      dataKey,
      kdf,
      session: { via: 'passphrase', userId: admin.row.id, name: admin.row.name, displayName: admin.row.display_name, role: 'admin' },
    };
    openDb.transaction(() => {
      const now = new Date().toISOString();
      openDb.prepare('INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)').run('store_id', storeId, 'created_on', now);
      appendAudit(openDb, { actor: opts.adminName, action: 'store.init', entityType: 'store', entityId: storeId, digest: digestOf({ storeId, now }) });
      mirrorSlot(openDb, recovery.slot, opts.adminName);
      insertRecoveryAuditKey(openDb, recoveryAuditKey);
      appendAudit(openDb, { actor: opts.adminName, action: 'audit-key.add', entityType: 'audit-key', entityId: recoveryAuditKey.id, digest: recoveryAuditKey.id });
      insertUser(fullCore, admin, opts.adminName);
    })();
    syncSlotsFile(fullCore);
    // Reserves the failed-unlock counter's space, so a full disk can still count failures (backoff.ts).
    writeUnlockState(paths.unlockState, { failures: 0, pending: [] });
    return { recoveryKey, storeId };
  } catch (err) {
    db?.close();
    db = undefined;
    for (const p of [paths.db, `${paths.db}-wal`, `${paths.db}-shm`, paths.keySlots, paths.unlockState]) rmSync(p, { force: true });
    throw err;
  } finally {
    db?.close();
    dataKey.fill(0);
    lock.release();
  }
}

export interface OpenOptions {
  dataDir: string;
  /** Key derivation for slots made while unlocked (new users, passphrase changes). */
  kdf?: KdfParams;
  /** The clock, for backoff tests. */
  now?: () => Date;
}

export type StoreState = 'locked' | 'unlocked' | 'closed';

/** Whether a data directory holds a store (or a restore of one, finished at the next open), without opening or locking it. */
export function storeExists(dataDir: string): boolean {
  const paths = storePaths(dataDir);
  return (existsSync(paths.keySlots) && existsSync(paths.db)) || existsSync(journalPath(paths));
}

/**
 * Opens a store, locked: takes the single-writer lock, finishes a restore that was killed
 * (restore-journal.ts), deletes what killed operations left behind, and reads the key slots;
 * nothing is decrypted yet. A full disk, a read-only folder or a file held by another program
 * comes out as a typed STORE_UNAVAILABLE (faults.ts).
 */
export function openStore(opts: OpenOptions): LockedStore {
  const paths = storePaths(opts.dataDir);
  if (!existsSync(paths.db) && !existsSync(journalPath(paths))) {
    throw new StoreUnavailableError(`There is no Carefile store in ${paths.dataDir}. Run "carefile init" to create one.`);
  }
  tightenDataDir(paths.dataDir);
  if (!existsSync(paths.keySlots) && !existsSync(journalPath(paths))) readKeySlots(paths); // the clear "missing" message
  const lock = faultTyped(() => acquireLock(paths.lock));
  try {
    faultTyped(() => {
      recoverInterruptedRestore(paths);
      cleanLeftovers(paths);
    });
    readKeySlots(paths);
  } catch (err) {
    lock.release();
    throw err;
  }
  return new LockedStore(paths, lock, opts.kdf ?? DEFAULT_KDF, opts.now ?? (() => new Date()));
}

/** A credential that may open the store. */
export type Credential =
  | { kind: 'passphrase'; userName: string; passphrase: string }
  | { kind: 'recovery-key'; recoveryKey: string };

export class LockedStore {
  private store: Store | undefined;
  private closed = false;
  private relocking = false;

  constructor(
    readonly paths: StorePaths,
    private readonly lock: HeldLock,
    private readonly kdf: KdfParams,
    private readonly now: () => Date,
  ) {}

  get state(): StoreState {
    if (this.closed) return 'closed';
    return this.store?.isOpen ? 'unlocked' : 'locked';
  }

  /** The unlocked store, if any. */
  get current(): Store | undefined {
    return this.store?.isOpen ? this.store : undefined;
  }

  /** Milliseconds to wait before the next attempt is allowed (0: now). */
  backoffRemainingMs(): number {
    return remainingBackoffMs(readUnlockState(this.paths.unlockState), this.now());
  }

  async unlock(userName: string, passphrase: string): Promise<Store> {
    return this.unlockWith({ kind: 'passphrase', userName, passphrase });
  }

  async unlockWithRecoveryKey(recoveryKey: string): Promise<Store> {
    return this.unlockWith({ kind: 'recovery-key', recoveryKey });
  }

  async unlockWith(credential: Credential): Promise<Store> {
    if (this.closed) throw new StoreUnavailableError('This store handle was closed.');
    if (this.current) return this.current;
    const { dataKey, slot, kek } = await this.dataKeyFor(credential);
    const slotsFile = readKeySlots(this.paths);
    let db: Db | undefined;
    let key = dataKey;
    try {
      // A rotation cut short after PRAGMA rekey: the old key no longer opens the database, the
      // same slot in `next` holds the new one (rekey.ts).
      const nextSlot = slotsFile.next?.find((s) => s.id === slot.id);
      try {
        db = openDatabase(this.paths.db, key, { notADb: 'corrupt' });
      } catch (err) {
        const newKey = nextSlot && unwrapWithKek(slotsFile.storeId, nextSlot, kek);
        if (!newKey) throw err;
        dataKey.fill(0);
        key = newKey;
        db = openDatabase(this.paths.db, key, { notADb: 'corrupt' });
      }
      migrate(db);
      const storeId = (db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() as { value: string } | undefined)?.value;
      if (storeId !== slotsFile.storeId) throw new StoreUnavailableError('The key slots file belongs to another store.');
      const session = sessionFor(db, slot);
      const core: Core = { db, paths: this.paths, storeId, dataKey: key, kdf: this.kdf, session };
      // Checked before this unlock writes anything: the head in the file against the chain, and
      // the session's signing key against the certificate the store holds for it.
      const alarms = sessionSignerAndAlarms(core, slot, kek);
      this.recordUnlock(core);
      recordAlarms(core, alarms);
      if (key !== dataKey && slotsFile.next && rekeyPending(core)) finishRotation(core, slotsFile.next, session.name);
      upgradeLegacySlot(core, slot, kek);
      updateWitness(core, slot.id, kek);
      // The database is the authority: a crash between a commit and the slots file write is mended
      // here, and the file takes the new signed head (and loses a `next` that never took effect).
      syncSlotsFile(core);
      if (rekeyPending(core)) rotateDataKey(core, session.name);
      // Kept for the session only, to move the witness at lock (then wiped).
      const witnessKek = kek;
      this.store = new Store(core, () => {
        if (!this.relocking) this.close();
      }, () => {
        try {
          if (core.db.open && auditHeadSeq(core) > 0) {
            updateWitness(core, slot.id, witnessKek);
            syncSlotsFile(core);
          }
        } finally {
          witnessKek.fill(0);
        }
      });
      return this.store;
    } catch (err) {
      db?.close();
      key.fill(0);
      // A full disk or read-only folder at unlock (its audit events cannot be written): typed.
      throw mapSqliteError(err);
    }
  }

  /**
   * The data key for a credential, checked against the key slots only (the database file is
   * not touched, so a wrong passphrase cannot change it). Failures count toward the backoff.
   */
  async dataKeyFor(credential: Credential): Promise<{ dataKey: Buffer; slot: KeySlot; kek: Buffer }> {
    const state = readUnlockState(this.paths.unlockState);
    const wait = remainingBackoffMs(state, this.now());
    if (wait > 0) throw new BackoffError(wait);
    const file = readKeySlots(this.paths);
    const found = await this.trySlots(file, credential);
    if (!found) {
      const who = credential.kind === 'passphrase' ? credential.userName : 'recovery-key';
      const at = this.now().toISOString();
      const recorded = writeUnlockState(this.paths.unlockState, {
        failures: state.failures + 1,
        lastFailureAt: at,
        // Well-formed text only (a lone surrogate, typed or cut in half here, would be stored as
        // U+FFFD and the audit event would never match its hash again).
        pending: [...state.pending, { at, user: who.slice(0, 64).toWellFormed() }],
      });
      const refused = credential.kind === 'passphrase' ? 'That user name and passphrase do not open this store.' : 'That recovery key does not open this store.';
      // The attempt still counts (in this process) when the disk cannot record it: the back-off holds.
      throw new AuthFailedError(recorded ? refused : `${refused} (The disk could not record the attempt; it counts until Carefile is closed.)`);
    }
    return found;
  }

  private async trySlots(file: KeySlotFile, credential: Credential): Promise<{ dataKey: Buffer; slot: KeySlot; kek: Buffer } | undefined> {
    const secret = credential.kind === 'recovery-key' ? normaliseRecoveryKey(credential.recoveryKey) : credential.passphrase;
    const slot =
      credential.kind === 'recovery-key'
        ? file.slots.find((s) => s.kind === 'recovery')
        : file.slots.find((s) => s.kind === 'user' && s.userName?.toLowerCase() === credential.userName.toLowerCase());
    if (!slot || secret === undefined) {
      // Same cost as a real try, so timing does not tell which user names exist.
      await deriveKek(credential.kind === 'passphrase' ? credential.passphrase : credential.recoveryKey, newSalt(), this.kdf);
      return undefined;
    }
    const opened = await openSlot(file.storeId, slot, secret);
    return opened && { dataKey: opened.dataKey, slot, kek: opened.kek };
  }

  /** Copies pending failed attempts into the audit log and the unlock_attempt table, then the success. */
  private recordUnlock(core: Core): void {
    const db = core.db;
    const state = readUnlockState(this.paths.unlockState);
    const insertAttempt = db.prepare('INSERT INTO unlock_attempt (at, user_name, outcome) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const f of state.pending) {
        // Signed by the session that copies it in (the person who failed had no key); the actor is the name tried.
        const user = f.user.toWellFormed();
        insertAttempt.run(f.at, user, 'failed');
        appendAudit(db, { actor: user, action: 'unlock.failed', entityType: 'store', entityId: core.storeId, digest: digestOf({ ...f, user }) });
      }
      const at = this.now().toISOString();
      insertAttempt.run(at, core.session.name, 'succeeded');
      appendAudit(db, {
        actor: core.session.name,
        action: core.session.via === 'recovery-key' ? 'unlock.recovery-key' : 'unlock',
        entityType: 'store',
        entityId: core.storeId,
        digest: digestOf({ at, failuresBefore: state.failures }),
      });
    })();
    if (state.failures > 0 || state.pending.length > 0) writeUnlockState(this.paths.unlockState, { failures: 0, pending: [] });
  }

  /** Locks again (closes the unlocked store) but keeps the single-writer lock. */
  lockAgain(): void {
    this.relocking = true;
    try {
      this.store?.close();
    } finally {
      this.relocking = false;
      this.store = undefined;
    }
  }

  /** Closes everything and releases the single-writer lock. */
  close(): void {
    if (this.closed) return;
    this.lockAgain();
    this.closed = true;
    this.lock.release();
  }
}

function auditHeadSeq(core: Core): number {
  return auditHead(core.db).seq;
}

function sessionFor(db: Db, slot: KeySlot): Session {
  if (slot.kind === 'recovery') return { via: 'recovery-key', name: 'recovery-key', role: 'admin' };
  const user = db.prepare('SELECT id, name, display_name, role FROM user WHERE id = ? AND removed_on IS NULL').get(slot.userId) as
    | { id: string; name: string; display_name: string; role: 'admin' | 'assessor' | 'manager' }
    | undefined;
  if (!user) throw new AuthFailedError('That user has been removed from this store.');
  return { via: 'passphrase', userId: user.id, name: user.name, displayName: user.display_name, role: user.role };
}
