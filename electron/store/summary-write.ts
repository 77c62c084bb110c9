/**
 * Writes an assessment's summary (summary-schema.ts) inside the caller's transaction: the store's
 * save path calls `writeSummary` from the same transaction that writes the assessment, so the two
 * never disagree. Rows that did not change are left alone (every page not written is a page not
 * encrypted): a save that changes no assessor writes one summary row.
 */
import type { Db } from './db';
import type { Assessment } from '../../shared/domain/model';
import { ruleStateString, summaryFacts, type SummaryFacts } from '../../shared/quality/facts';

/**
 * The summary row is written as an upsert, never INSERT OR REPLACE: a replace deletes the row and
 * inserts it again under a new rowid (at the table's end), so every save dirtied two table pages,
 * the primary key's index and the decided-day index; an upsert rewrites the row where it is and
 * touches an index only when its column changes. Each page not written is a page not encrypted
 * (bench/store: the cipher costs ~80 µs a page written).
 */
const SUMMARY_COLUMNS = ['assessment_id', 'reference', 'name_latin', 'name_own_script', 'nationality', 'nationality_code', 'first_language', 'first_language_code', 'status', 'stage', 'created_at', 'updated_at', 'referral_at', 'first_contact_at', 'decided_at', 'decided_day', 'outcome', 'outcome_detail', 'days_to_decision', 'presumption_kind', 'presumption_status', 'presumption_facts', 'interpreter_present', 'appropriate_adult_present', 'minded_to', 'trafficking_indicators', 'nrm_referral', 'wording_findings', 'words', 'reassessment_of', 'reassessment_reason', 'overturned_on', 'overturned_reason', 'blocking', 'warnings', 'missing_rules', 'rule_states', 'departure_reasons', 'awaiting_countersign_by', 'awaiting_authorisation'] as const;
const UPSERT_SUMMARY = `INSERT INTO assessment_summary (${SUMMARY_COLUMNS.join(', ')})
  VALUES (${SUMMARY_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (assessment_id) DO UPDATE SET ${SUMMARY_COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`;

export function writeSummary(db: Db, a: Assessment, facts: SummaryFacts = summaryFacts(a)): SummaryFacts {
  const f = facts;
  db.prepare(UPSERT_SUMMARY).run(
    f.id, f.reference, f.nameLatin, f.nameOwnScript ?? null, f.nationality ?? null, f.nationalityCode ?? null, f.firstLanguage ?? null, f.firstLanguageCode ?? null,
    f.status, f.stage, f.createdAt, f.updatedAt, f.referralAt ?? null, f.firstContactAt ?? null, f.decidedAt ?? null, f.decidedDay ?? null, f.outcome ?? null, f.outcomeDetail ?? null,
    f.daysToDecision ?? null, f.presumptionKind, f.presumptionStatus, JSON.stringify(f.presumption), f.interpreterPresent ? 1 : 0, f.appropriateAdultPresent ? 1 : 0,
    f.mindedTo, f.traffickingIndicators, f.nrmReferral ? 1 : 0, f.wordingFindings, f.words, f.reassessmentOf ?? null, f.reassessmentReason ?? null,
    f.overturnedOn ?? null, f.overturnedReason ?? null, f.blocking, f.warnings, f.rules.filter((r) => r.state === 'missing').length,
    ruleStateString(f.rules), JSON.stringify(Object.fromEntries(f.rules.filter((r) => r.reason !== undefined).map((r) => [r.ruleId, r.reason]))),
    JSON.stringify(f.awaitingCountersignBy), f.awaitingAuthorisation ? 1 : 0,
  );
  const outcome = JSON.stringify(f.outcomeRow);
  const had = db.prepare('SELECT row FROM summary_outcome WHERE assessment_id = ?').get(f.id) as { row: string } | undefined;
  if (had?.row !== outcome) db.prepare('INSERT OR REPLACE INTO summary_outcome (assessment_id, reference, row) VALUES (?, ?, ?)').run(f.id, f.reference, outcome);
  syncAssessors(db, f);
  return f;
}

function syncAssessors(db: Db, f: SummaryFacts): void {
  const have = db.prepare('SELECT name, user_id FROM summary_assessor WHERE assessment_id = ? ORDER BY ord').all(f.id) as Array<{ name: string; user_id: string | null }>;
  const same = have.length === f.assessors.length && have.every((h, i) => h.name === f.assessors[i]!.name && h.user_id === (f.assessors[i]!.userId ?? null));
  if (same) return;
  db.prepare('DELETE FROM summary_assessor WHERE assessment_id = ?').run(f.id);
  const insert = db.prepare('INSERT INTO summary_assessor (assessment_id, ord, name, user_id) VALUES (?, ?, ?, ?)');
  f.assessors.forEach((x, i) => insert.run(f.id, i, x.name, x.userId ?? null));
}
