/** The per-connection statement cache (electron/store/db.ts): the same SQL prepares once, and sharing never leaks state. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, STATEMENT_CACHE_LIMIT, type Db } from '../../../electron/store/db';

let dir: string;
let db: Db;
function open(): Db {
  dir = mkdtempSync(join(tmpdir(), 'carefile-stmt-'));
  db = openDatabase(join(dir, 's.db'), null, { create: true });
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  db.prepare('INSERT INTO t (v) VALUES (?), (?), (?)').run('a', 'b', 'c');
  return db;
}
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('statement cache', () => {
  it('hands back the same statement for the same SQL', () => {
    open();
    const sql = 'SELECT v FROM t WHERE id = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql)).not.toBe(db.prepare(`${sql} `));
  });

  it('resets pluck and raw, so one caller cannot change what the next gets', () => {
    open();
    const sql = 'SELECT v FROM t WHERE id = ?';
    expect(db.prepare(sql).pluck().get(1)).toBe('a');
    expect(db.prepare(sql).get(1)).toEqual({ v: 'a' });
    expect(db.prepare(sql).raw().get(2)).toEqual(['b']);
    expect(db.prepare(sql).get(2)).toEqual({ v: 'b' });
  });

  it('gives a fresh statement while the cached one iterates (nested use of the same SQL)', () => {
    open();
    const sql = 'SELECT id, v FROM t ORDER BY id';
    const seen: string[] = [];
    for (const row of db.prepare(sql).iterate() as IterableIterator<{ v: string }>) {
      seen.push(row.v, String((db.prepare(sql).all() as unknown[]).length));
    }
    expect(seen).toEqual(['a', '3', 'b', '3', 'c', '3']);
  });

  it('stays bounded', () => {
    open();
    const first = db.prepare('SELECT 0');
    for (let i = 1; i <= STATEMENT_CACHE_LIMIT; i++) db.prepare(`SELECT ${i}`);
    expect(db.prepare('SELECT 0')).not.toBe(first); // the oldest left the cache
    expect(db.prepare('SELECT 0').pluck().get()).toBe(0);
  });
});
