/**
 * Writing a backup of the open store (Store.backup), and proving that a copy opens with the key.
 * Kept apart from restoring (backup.ts) because the Store uses this, and restoring uses the
 * lifecycle that creates Stores: together they formed the cycle store → backup → lifecycle → store.
 */
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { appendAudit } from './audit';
import { digestOf } from './canonical';
import type { Core } from './core';
import { openDatabase, type Db } from './db';
import { ConflictError, StoreUnavailableError } from './errors';
import { fsyncDir } from './atomic';

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Opens a copy and proves it: the key reads it, integrity_check is ok, and it is a Carefile store. */
export function prove(path: string, dataKey: Uint8Array, notADb: 'auth' | 'corrupt'): { db: Db; storeId: string } {
  const db = openDatabase(path, dataKey, { notADb });
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new StoreUnavailableError('The copy is damaged (integrity_check failed); nothing was replaced.');
    const row = db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() as { value: string } | undefined;
    if (!row) throw new StoreUnavailableError('The copy is not a Carefile store; nothing was replaced.');
    return { db, storeId: row.value };
  } catch (err) {
    db.close();
    throw err;
  }
}

/**
 * An online backup: SQLite's VACUUM INTO writes a consistent snapshot of the open database,
 * encrypted with the same data key (the backup API itself is refused by SQLite3MultipleCiphers
 * between an encrypted source and a target it opens without the key: docs/decisions/store-04-backup-and-restore.md).
 * The copy is proven before it takes its final name.
 */
export function backupTo(core: Core, outPath: string, actor: string): { path: string; size: number; auditSeq: number } {
  const out = resolve(outPath);
  if (existsSync(out)) throw new ConflictError(`${out} already exists: choose another file name.`, 'out');
  mkdirSync(dirname(out), { recursive: true });
  const event = core.db.transaction(() =>
    appendAudit(core.db, {
      actor,
      action: 'store.backup',
      entityType: 'store',
      entityId: core.storeId,
      digest: digestOf({ file: basename(out) }),
    }),
  )();
  const tmp = `${out}.partial-${process.pid}`;
  try {
    core.db.prepare('VACUUM INTO ?').run(tmp);
    chmodSync(tmp, 0o600);
    const { db, storeId } = prove(tmp, core.dataKey, 'corrupt');
    db.close();
    if (storeId !== core.storeId) throw new StoreUnavailableError('The backup copy does not match the store.');
    fsyncFile(tmp);
    renameSync(tmp, out);
    fsyncDir(dirname(out));
  } catch (err) {
    rmSync(tmp, { force: true });
    rmSync(`${tmp}-wal`, { force: true });
    rmSync(`${tmp}-shm`, { force: true });
    throw err;
  }
  return { path: out, size: statSync(out).size, auditSeq: event.seq };
}
