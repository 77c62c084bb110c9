/** Restoring a backup (writing one is backup-write.ts). */
import { chmodSync, copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { appendAudit, auditHead, setAuditSigner } from './audit';
import { signerFromSlot } from './session-signer';
import { retiredKeys } from './rekey';
import type { SessionSigner } from './audit-signer';
import type { KeySlot } from './keyslots';
import { digestOf } from './canonical';
import { syncSlotsFile } from './core';
import { openDatabase, type Db } from './db';
import { AuthFailedError, InvalidInputError, StoreUnavailableError } from './errors';
import { fsyncDir } from './atomic';
import type { KdfParams } from './kdf';
import { acquireLock } from './lockfile';
import { migrate } from './migrations';
import { storePaths } from './paths';
import { openStore, type Credential } from './lifecycle';
import { fsyncFile, prove } from './backup-write';
import { cleanLeftovers, recoverInterruptedRestore, restoreNames, rollForward, step, writeJournal } from './restore-journal';
import { asMachineFault, faultTyped } from './faults';

/** Tries the current store's retired data keys on a backup copy; the first that opens it, proven. */
function provenWithRetiredKey(currentDb: string, currentKey: Buffer, copy: string): { key: Buffer; proven: { db: Db; storeId: string } } | undefined {
  let keys: Buffer[];
  try {
    const db = openDatabase(currentDb, currentKey, { readonly: true, notADb: 'auth' });
    try {
      keys = retiredKeys(db);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
  for (const key of keys) {
    try {
      return { key, proven: prove(copy, key, 'auth') };
    } catch (err) {
      if (!(err instanceof AuthFailedError)) throw err;
    }
  }
  return undefined;
}


export interface RestoreOptions {
  dataDir: string;
  /** The backup file to restore. */
  file: string;
  /** A user's passphrase or the recovery key, checked against the current store's key slots. */
  credential?: Credential;
  /**
   * The raw data key (as `carefile key reveal` prints it), for restoring onto a machine that has
   * no store (no key slots) yet. The key slots come back from the backup.
   */
  rawKey?: string;
  kdf?: KdfParams;
}

export function parseRawKey(text: string): Buffer {
  const m = /^\s*(?:x'([0-9a-fA-F]{64})'|"x'([0-9a-fA-F]{64})'"|([0-9a-fA-F]{64}))\s*$/.exec(text);
  const hex = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!hex) throw new InvalidInputError("A raw key is 64 hexadecimal characters, optionally written x'…'.", 'rawKey');
  return Buffer.from(hex, 'hex');
}

/**
 * Restores a backup: checks the key and integrity_check on a copy (and writes the key slots file
 * that goes with it) before anything is replaced; then writes the restore journal, and swaps
 * (restore-journal.ts). A kill before the journal leaves the old store (its leftovers are deleted
 * at the next open); a kill after it is rolled forward at the next open.
 */
export async function restoreStore(opts: RestoreOptions): Promise<{ storeId: string; auditSeq: number; backupHead: { seq: number; hash: string } }> {
  const paths = storePaths(opts.dataDir);
  const source = resolve(opts.file);
  if (!existsSync(source)) throw new InvalidInputError(`There is no backup file ${source}.`, 'file');
  let dataKey: Buffer;
  let actor: string;
  let opened: { slot: KeySlot; kek: Buffer } | undefined;
  let signer: SessionSigner | undefined;
  let releaseLock: () => void;
  const hasStore = existsSync(paths.keySlots);
  if (opts.rawKey !== undefined) {
    dataKey = parseRawKey(opts.rawKey);
    actor = 'raw-key';
    mkdirSync(paths.dataDir, { recursive: true, mode: 0o700 });
    const lock = faultTyped(() => acquireLock(paths.lock));
    try {
      recoverInterruptedRestore(paths);
      cleanLeftovers(paths);
    } catch (err) {
      lock.release();
      throw asMachineFault(err) ?? err;
    }
    releaseLock = () => lock.release();
  } else {
    if (!opts.credential) throw new InvalidInputError('Restoring needs a passphrase, the recovery key, or the raw data key.');
    if (!hasStore) {
      throw new StoreUnavailableError(`There is no store in ${paths.dataDir} whose key slots could check a passphrase: restore with the raw data key (docs/recovery.md).`);
    }
    const locked = openStore({ dataDir: opts.dataDir, kdf: opts.kdf });
    try {
      const found = await locked.dataKeyFor(opts.credential);
      dataKey = found.dataKey;
      opened = { slot: found.slot, kek: found.kek };
    } catch (err) {
      locked.close();
      throw err;
    }
    actor = opts.credential.kind === 'passphrase' ? opts.credential.userName : 'recovery-key';
    releaseLock = () => locked.close();
  }

  const names = restoreNames(paths);
  const tmp = join(paths.dataDir, names.newDb);
  const stagedSlots = join(paths.dataDir, names.newSlots);
  let decided = false;
  const cleanTmp = () => {
    if (decided) return;
    for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`, stagedSlots]) rmSync(p, { force: true });
  };
  try {
    step('start');
    copyFileSync(source, tmp);
    chmodSync(tmp, 0o600);
    step('copied');
    let storeId: string;
    let auditSeq: number;
    let backupHead: { seq: number; hash: string };
    {
      let proven: { db: Db; storeId: string };
      try {
        proven = prove(tmp, dataKey, 'auth');
      } catch (err) {
        // A backup made before a key rotation (a user's removal) opens with a retired key.
        const older = err instanceof AuthFailedError && opts.rawKey === undefined ? provenWithRetiredKey(paths.db, dataKey, tmp) : undefined;
        if (older) {
          dataKey.fill(0);
          dataKey = older.key;
          proven = older.proven;
        } else if (err instanceof AuthFailedError && opts.rawKey === undefined) {
          throw new InvalidInputError('That file is not a backup of this store: this store\'s key does not open it (a backup of another store, or not a Carefile backup). Nothing was replaced.', 'file');
        }
        else throw err;
      }
      const db = proven.db;
      storeId = proven.storeId;
      try {
        migrate(db);
        // What the backup held, before the restore event: callers compare it with the store it replaces.
        backupHead = auditHead(db);
        // Signed by the restorer's key as the backup holds it (a raw-key restore has none: its event stays unsigned).
        signer = opened && signerFromSlot(db, storeId, opened.slot, opened.kek);
        setAuditSigner(db, signer);
        db.transaction(() => {
          appendAudit(db, { actor, action: 'store.restore', entityType: 'store', entityId: storeId, digest: digestOf({ file: basename(source) }) });
        })();
        auditSeq = auditHead(db).seq;
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.pragma('journal_mode = DELETE');
        // The key slots file that goes with it (from the backup's mirror, with its signed head), staged beside.
        syncSlotsFile({ db, paths: { ...paths, keySlots: stagedSlots }, storeId });
      } finally {
        db.close();
      }
      fsyncFile(tmp);
      fsyncDir(paths.dataDir);
    }
    step('prepared');
    // Decided: from here a kill is finished by the next open (restore-journal.ts).
    writeJournal(paths, names);
    decided = true;
    step('journal-written');
    rollForward(paths, names);
    step('done');
    return { storeId, auditSeq, backupHead };
  } finally {
    cleanTmp();
    dataKey.fill(0);
    opened?.kek.fill(0);
    releaseLock();
  }
}
