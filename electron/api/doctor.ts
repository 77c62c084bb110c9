/**
 * `store.doctor`: what a records officer checks first. Without unlocking: the files, the key slots,
 * the single-writer lock and any unlock backoff. When the session is unlocked, also integrity_check,
 * the schema version, the cipher and the audit chain.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { HandlerContext } from './context';
import { storeSessionOf } from './store';
import { openStore, SCHEMA_VERSION, StoreError, storePaths } from '../store/index';
import { readKeySlots, schemaVersionOf } from '../store/index';

interface Check {
  check: string;
  ok: boolean;
  detail: string;
}

function head16(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(16);
    readSync(fd, b, 0, 16, 0);
    return b.toString('latin1');
  } finally {
    closeSync(fd);
  }
}

export function runDoctor(ctx: HandlerContext): { dataDir: string; exists: boolean; ok: boolean; checks: Check[] } {
  const dataDir = ctx.dataDir;
  const paths = storePaths(dataDir);
  const checks: Check[] = [];
  const add = (check: string, ok: boolean, detail: string) => checks.push({ check, ok, detail });
  if (!existsSync(paths.db) && !existsSync(paths.keySlots)) return { dataDir, exists: false, ok: false, checks };

  add('database file', existsSync(paths.db), existsSync(paths.db) ? `${paths.db} (${statSync(paths.db).size} bytes)` : 'missing');
  if (existsSync(paths.db)) {
    const clear = head16(paths.db).startsWith('SQLite format 3');
    add('database encrypted', !clear, clear ? 'the file is a plain SQLite database!' : 'no plain SQLite header');
  }
  try {
    const slots = readKeySlots(paths);
    const users = slots.slots.filter((s) => s.kind === 'user').length;
    const recovery = slots.slots.some((s) => s.kind === 'recovery');
    add('key slots', users > 0 && recovery, `${users} user slot(s), ${recovery ? 'a' : 'NO'} recovery slot`);
  } catch (err) {
    add('key slots', false, err instanceof Error ? err.message : String(err));
  }

  const session = storeSessionOf(ctx);
  if (session.state === 'unlocked') {
    add('single-writer lock', true, 'held by this session');
    try {
      const store = session.store;
      const integrity = store.db.pragma('integrity_check', { simple: true });
      add('integrity_check', integrity === 'ok', String(integrity));
      const version = schemaVersionOf(store.db);
      add('schema version', version === SCHEMA_VERSION, `${version} (this Carefile: ${SCHEMA_VERSION})`);
      const cipher = store.db.pragma('cipher', { simple: true });
      add('cipher', cipher === 'sqlcipher', String(cipher));
      const report = store.audit.verify();
      add('audit chain', report.ok, report.ok ? `${report.events} events intact` : report.firstBroken!.reason);
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      add('unlocked checks', false, err.message);
    }
  } else {
    try {
      const locked = openStore({ dataDir });
      try {
        add('single-writer lock', true, 'free');
        const wait = locked.backoffRemainingMs();
        add('unlock backoff', true, wait > 0 ? `next attempt allowed in ${Math.ceil(wait / 1000)} s` : 'none');
      } finally {
        locked.close();
      }
    } catch (err) {
      if (!(err instanceof StoreError)) throw err;
      add('open', false, err.message);
    }
    add('unlocked checks', true, 'skipped: unlock (a user and passphrase, or the recovery key) to run integrity_check and the audit check');
  }
  return { dataDir, exists: true, ok: checks.every((c) => c.ok), checks };
}
