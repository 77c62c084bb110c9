/** Restoring a backup (writing one is backup-write.ts). */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { appendAudit, auditHead, setAuditSigner } from './audit';
import { signerFromSlot } from './session-signer';
import { retiredKeys } from './rekey';
import type { SessionSigner } from './audit-signer';
import type { KeySlot } from './keyslots';
import { digestOf } from './canonical';
import { slotsFromDb, syncSlotsFile } from './core';
import { openDatabase, type Db } from './db';
import { AuthFailedError, InvalidInputError, StoreUnavailableError } from './errors';
import { fsyncDir } from './atomic';
import type { KdfParams } from './kdf';
import { writeKeySlots } from './keyslots';
import { acquireLock } from './lockfile';
import { migrate } from './migrations';
import { storePaths } from './paths';
import { openStore, type Credential } from './lifecycle';
import { fsyncFile, prove } from './backup-write';

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
 * Restores a backup: checks the key and integrity_check on a copy before anything is replaced,
 * moves the current database aside, puts the copy in place, proves it again, and only then
 * deletes the previous file (on any failure the previous file is put back).
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
    const lock = acquireLock(paths.lock);
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

  const tmp = `${paths.db}.restore-${process.pid}`;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const prevDb = `${paths.db}.pre-restore-${stamp}`;
  const prevSlots = `${paths.keySlots}.pre-restore-${stamp}`;
  const cleanTmp = () => {
    for (const p of [tmp, `${tmp}-wal`, `${tmp}-shm`]) rmSync(p, { force: true });
  };
  try {
    copyFileSync(source, tmp);
    chmodSync(tmp, 0o600);
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
      } finally {
        db.close();
      }
      fsyncFile(tmp);
    }

    // Swap: the previous files step aside (kept until the new one is proven).
    const moved: Array<[string, string]> = [];
    const move = (from: string, to: string) => {
      if (existsSync(from)) {
        renameSync(from, to);
        moved.push([from, to]);
      }
    };
    try {
      move(paths.db, prevDb);
      move(`${paths.db}-wal`, `${prevDb}-wal`);
      rmSync(`${paths.db}-shm`, { force: true });
      move(paths.keySlots, prevSlots);
      renameSync(tmp, paths.db);
      fsyncDir(paths.dataDir);
      const { db } = prove(paths.db, dataKey, 'corrupt');
      setAuditSigner(db, signer);
      try {
        writeKeySlots(paths, slotsFromDb(db, storeId));
        syncSlotsFile({ db, paths, storeId });
      } finally {
        db.close();
      }
    } catch (err) {
      rmSync(paths.db, { force: true });
      rmSync(`${paths.db}-wal`, { force: true });
      rmSync(`${paths.db}-shm`, { force: true });
      for (const [from, to] of moved.reverse()) renameSync(to, from);
      throw err;
    }
    for (const p of [prevDb, `${prevDb}-wal`, prevSlots]) rmSync(p, { force: true });
    return { storeId, auditSeq, backupHead };
  } finally {
    cleanTmp();
    dataKey.fill(0);
    opened?.kek.fill(0);
    releaseLock();
  }
}
