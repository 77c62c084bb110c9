import type { Db } from './db';
import { Assessments } from './assessments';
import { SUMMARY_SCHEMA } from './summary-schema';
import { writeSummary } from './summary-write';

/**
 * Schema v3: the summaries kept at save time (summary-schema.ts), filled for every assessment
 * already in the store, in the migration's own transaction (all or nothing).
 */
export function migrateToV3(db: Db): void {
  db.exec(SUMMARY_SCHEMA);
  fillSummaries(db);
}

/**
 * (Re)writes the summary of every assessment from the assessment itself. The summaries are
 * derived data: this is also how they are rebuilt if the way they are computed changes.
 */
export function fillSummaries(db: Db): number {
  const repo = new Assessments(db, () => 'migration');
  let n = 0;
  for (const id of repo.ids()) {
    const a = repo.get(id);
    if (!a) continue;
    writeSummary(db, a);
    n += 1;
  }
  return n;
}
