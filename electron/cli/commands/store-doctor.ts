import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import type { CliIO } from '../io';
import { CliError, Exit } from '../exit';
import { credentialFrom, kdfFromEnv, output, resolveDataDir, type StoreOptionValues } from '../store-options';
import { openStore, SCHEMA_VERSION, StoreError, storePaths } from '../../store/index';
import { readKeySlots } from '../../store/keyslots';
import { schemaVersionOf } from '../../store/migrations';

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

/** Exit 0 all good, 1 a check failed, 4 no store here at all. */
export async function runDoctor(io: CliIO, opts: StoreOptionValues): Promise<void> {
  const dataDir = resolveDataDir(opts, io);
  const paths = storePaths(dataDir);
  const checks: Check[] = [];
  const add = (check: string, ok: boolean, detail: string) => checks.push({ check, ok, detail });

  if (!existsSync(paths.db) && !existsSync(paths.keySlots)) {
    output(io, opts, { dataDir, ok: false, checks: [] }, `No Carefile store in ${dataDir}.`);
    throw new CliError(Exit.STORE_UNAVAILABLE, '');
  }
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

  let unlockedChecks = false;
  try {
    const locked = openStore({ dataDir, kdf: kdfFromEnv(io) });
    try {
      add('single-writer lock', true, 'free');
      const wait = locked.backoffRemainingMs();
      add('unlock backoff', true, wait > 0 ? `next attempt allowed in ${Math.ceil(wait / 1000)} s` : 'none');
      const canUnlock = Boolean(opts.user || io.env.CAREFILE_USER || opts.recoveryKeyFile || io.env.CAREFILE_RECOVERY_KEY);
      if (canUnlock) {
        const store = await locked.unlockWith(await credentialFrom(io, opts));
        unlockedChecks = true;
        const integrity = store.db.pragma('integrity_check', { simple: true });
        add('integrity_check', integrity === 'ok', String(integrity));
        const version = schemaVersionOf(store.db);
        add('schema version', version === SCHEMA_VERSION, `${version} (this Carefile: ${SCHEMA_VERSION})`);
        const cipher = store.db.pragma('cipher', { simple: true });
        add('cipher', cipher === 'sqlcipher', String(cipher));
        const report = store.audit.verify();
        add('audit chain', report.ok, report.ok ? `${report.events} events intact` : report.firstBroken!.reason);
      }
    } finally {
      locked.close();
    }
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    if (err.code === 'AUTH_FAILED' || err.code === 'BACKOFF') throw err;
    add(unlockedChecks ? 'unlocked checks' : 'open', false, err.message);
  }
  if (!unlockedChecks) add('unlocked checks', true, 'skipped: give --user (and a passphrase) or the recovery key to run integrity_check and the audit check');

  const ok = checks.every((c) => c.ok);
  output(
    io,
    opts,
    { dataDir, ok, checks },
    [`Carefile store in ${dataDir}`, ...checks.map((c) => `  ${c.ok ? 'ok  ' : 'FAIL'} ${c.check}: ${c.detail}`)].join('\n'),
  );
  if (!ok) throw new CliError(Exit.CHECK_FAILED, '');
}
