import { Database } from './sqlite';
import { chmodSync, existsSync } from 'node:fs';
import { AuthFailedError, StoreUnavailableError } from './errors';
import { asMachineFault } from './faults';

export type Db = Database;

/** At most this many prepared statements are kept per connection (the store's code has ~100 distinct ones). */
export const STATEMENT_CACHE_LIMIT = 256;

/**
 * Keeps each connection's prepared statements, keyed by their SQL, so a save prepares nothing
 * after the first (re-preparing was 57% of a plain save's CPU). Signal Desktop and Actual cache
 * statements the same way. A cached statement is handed back with its modes reset (pluck, raw,
 * expand), so a caller that set one cannot change what the next caller gets. Statements busy
 * iterating are never shared: `iterate()` callers get a fresh statement, because better-sqlite3
 * refuses to run a statement while it iterates. The cache is bounded (oldest out first).
 */
export function cacheStatements(db: Database): Database {
  const prepareFresh = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<Database['prepare']>>();
  db.prepare = ((sql: string) => {
    const hit = cache.get(sql);
    if (hit && !hit.busy) {
      if (hit.reader) hit.pluck(false).raw(false).expand(false);
      // Most recently used last, so the oldest leaves first when the cache is full.
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const stmt = prepareFresh(sql);
    if (hit) return stmt; // the cached one is iterating: this caller gets its own
    cache.set(sql, stmt);
    if (cache.size > STATEMENT_CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    return stmt;
  }) as Database['prepare'];
  return db;
}

/** The data key as SQLCipher's PRAGMA key takes it: a raw 256-bit key, no PBKDF2 on open. */
export function sqlcipherKeyLiteral(dataKey: Uint8Array): string {
  return `x'${Buffer.from(dataKey).toString('hex')}'`;
}

export interface OpenOptions {
  create?: boolean;
  readonly?: boolean;
  /**
   * What "not a database" means: with a key that came out of a verified key slot it can only
   * be a damaged file ('corrupt'); with a key typed by a person it is most likely the wrong key ('auth').
   */
  notADb?: 'corrupt' | 'auth';
}

/**
 * Opens a store database. The order matters every time: cipher, legacy=4 (SQLCipher 4 format),
 * key, then an immediate read, because PRAGMA key accepts any key silently. `dataKey` null opens
 * plain SQLite (benchmarks only).
 */
export function openDatabase(path: string, dataKey: Uint8Array | null, opts: OpenOptions = {}): Db {
  if (!opts.create && !existsSync(path)) {
    throw new StoreUnavailableError(`There is no store database at ${path}.`);
  }
  let db: Db;
  const isNew = opts.create && !existsSync(path);
  try {
    db = cacheStatements(new Database(path, { fileMustExist: !opts.create, readonly: opts.readonly ?? false }));
    // Owner-only: SQLite gives the WAL and shm files the database file's mode.
    if (isNew) chmodSync(path, 0o600);
  } catch (err) {
    throw mapSqliteError(err, path);
  }
  try {
    if (dataKey) {
      db.pragma("cipher='sqlcipher'");
      db.pragma('legacy=4');
      db.pragma(`key="${sqlcipherKeyLiteral(dataKey)}"`);
    }
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    // Pages in the cache are kept decrypted: a larger cache saves decrypting the same pages
    // again (32 MiB at most; the cost of encryption is per page read from or written to disk).
    db.pragma('cache_size = -32768');
    // Sorts and temporary indices stay in memory: no plaintext in temp files.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' && opts.notADb === 'auth') throw new AuthFailedError('The key does not open this database (or it is not a Carefile database).');
    throw mapSqliteError(err, path);
  }
}

/** SQLite failures worth telling a person about, as typed store errors; anything else is rethrown. */
export function mapSqliteError(err: unknown, path = 'the store'): unknown {
  const code = (err as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new StoreUnavailableError(`${path} is damaged or is not a Carefile database. Restore it from a backup (docs/recovery.md).`);
  }
  // Full disk, read-only folder, permission denied, a file held by another program: typed, plain words.
  return asMachineFault(err) ?? err;
}

/** Runs a store operation and turns SQLite's disk-full, I/O and corruption failures into typed errors. */
export function guarded<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) return result.catch((err: unknown) => Promise.reject(mapSqliteError(err))) as R;
      return result;
    } catch (err) {
      throw mapSqliteError(err);
    }
  };
}
