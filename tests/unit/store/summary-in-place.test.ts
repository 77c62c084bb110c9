/**
 * The summary kept at save is rewritten where it stands (electron/store/summary-write.ts): an
 * INSERT OR REPLACE deleted the row and inserted it again under a new rowid, dirtying two table
 * pages and both indexes on every save, each page then encrypted (issue 13.2).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/store/db';
import { migrate } from '../../../electron/store/migrations';
import { Assessments } from '../../../electron/store/assessments';
import { sampleAssessment } from './helpers';

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('summary written in place', () => {
  it('keeps the row (and its rowid) across saves, and follows what changed', () => {
    dir = mkdtempSync(join(tmpdir(), 'carefile-summary-'));
    db = openDatabase(join(dir, 's.db'), null, { create: true });
    migrate(db);
    const repo = new Assessments(db, () => 'test');
    const a = sampleAssessment('a-1');
    repo.put(a);
    repo.put(sampleAssessment('a-2'));
    const row = () => db.prepare("SELECT rowid AS r, reference, updated_at AS u FROM assessment_summary WHERE assessment_id = 'a-1'").get() as { r: number; reference: string; u: string };
    const before = row();
    repo.put({ ...a, reference: 'AA-CHANGED', updatedOn: '2026-12-01T10:00:00.000Z', analysis: 'weighed again' });
    const after = row();
    expect(after.r).toBe(before.r);
    expect(after.reference).toBe('AA-CHANGED');
    expect(after.u).toBe('2026-12-01T10:00:00.000Z');
    expect((db.prepare('SELECT count(*) AS n FROM assessment_summary').get() as { n: number }).n).toBe(2);
  });
});
