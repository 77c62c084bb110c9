/**
 * No statement a save runs reads a whole table (issue 13): every save is a few indexed look-ups
 * and writes, however many assessments the store holds. Each statement the save prepares is put
 * through EXPLAIN QUERY PLAN; a full SCAN fails the test unless it is listed below with its reason.
 * (Attachment links were read by a scan of every link in the store before schema v7.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/store/db';
import { migrate } from '../../../electron/store/migrations';
import { Assessments } from '../../../electron/store/assessments';
import { sampleAssessment } from './helpers';

/** Scans that stop at once: the newest audit event, read backwards from the end of the key (LIMIT 1). */
const ALLOWED = [/^SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1$/];

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

function planOf(sql: string): string[] {
  const named = [...new Set(sql.match(/@\w+/g) ?? [])].map((n) => n.slice(1));
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (named.length ? stmt.all(Object.fromEntries(named.map((n) => [n, null]))) : stmt.all(...new Array((sql.match(/\?/g) ?? []).length).fill(null))) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

describe('what a save reads', () => {
  it('uses an index for every statement (no full scans)', () => {
    dir = mkdtempSync(join(tmpdir(), 'carefile-save-plan-'));
    db = openDatabase(join(dir, 's.db'), null, { create: true });
    migrate(db);
    const repo = new Assessments(db, () => 'test');
    const a = sampleAssessment('a-1');
    const att = { sha256: 'a'.repeat(64), name: 'scan.pdf', mediaType: 'application/pdf' as const, size: 10 };
    const withLinks = { ...a, evidence: a.evidence.map((e) => ({ ...e, attachments: [att] })) };
    repo.put(withLinks);
    const seen = new Set<string>();
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => (seen.add(sql), prepare(sql))) as typeof db.prepare;
    // a changed text, a removed evidence item (its links go too) and a changed summary
    repo.put({ ...withLinks, analysis: 'weighed again', evidence: withLinks.evidence.slice(1), updatedOn: '2026-12-01T10:00:00.000Z' });
    db.prepare = prepare;
    expect(seen.size).toBeGreaterThan(10);
    const scans = [...seen]
      .map((sql) => sql.replace(/\s+/g, ' ').trim())
      .filter((sql) => /^(SELECT|UPDATE|DELETE|INSERT)/i.test(sql) && !ALLOWED.some((re) => re.test(sql)))
      .flatMap((sql) => planOf(sql).filter((d) => /^SCAN /.test(d)).map((d) => `${d}: ${sql}`));
    expect(scans).toEqual([]);
  });
});
