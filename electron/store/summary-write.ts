/**
 * Writes an assessment's summary (summary-schema.ts) inside the caller's transaction: the store's
 * save path calls `writeSummary` from the same transaction that writes the assessment, so the two
 * never disagree. Rows that did not change are left alone (every page not written is a page not
 * encrypted): a save that changes no rule's state writes one summary row.
 */
import type { Db } from './db';
import type { Assessment } from '../../shared/domain/model';
import { summaryFacts, type SummaryFacts } from '../../shared/quality/facts';

export function writeSummary(db: Db, a: Assessment, facts: SummaryFacts = summaryFacts(a)): SummaryFacts {
  const f = facts;
  db.prepare(
    `INSERT OR REPLACE INTO assessment_summary (
       assessment_id, reference, name_latin, name_own_script, nationality, nationality_code, first_language, first_language_code,
       status, stage, created_at, updated_at, referral_at, first_contact_at, decided_at, decided_day, outcome, outcome_detail,
       days_to_decision, presumption_kind, presumption_status, presumption_facts, interpreter_present, appropriate_adult_present,
       minded_to, trafficking_indicators, nrm_referral, wording_findings, words, reassessment_of, reassessment_reason,
       overturned_on, overturned_reason, blocking, warnings, missing_rules, awaiting_countersign_by, awaiting_authorisation, outcome_row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.id, f.reference, f.nameLatin, f.nameOwnScript ?? null, f.nationality ?? null, f.nationalityCode ?? null, f.firstLanguage ?? null, f.firstLanguageCode ?? null,
    f.status, f.stage, f.createdAt, f.updatedAt, f.referralAt ?? null, f.firstContactAt ?? null, f.decidedAt ?? null, f.decidedDay ?? null, f.outcome ?? null, f.outcomeDetail ?? null,
    f.daysToDecision ?? null, f.presumptionKind, f.presumptionStatus, JSON.stringify(f.presumption), f.interpreterPresent ? 1 : 0, f.appropriateAdultPresent ? 1 : 0,
    f.mindedTo, f.traffickingIndicators, f.nrmReferral ? 1 : 0, f.wordingFindings, f.words, f.reassessmentOf ?? null, f.reassessmentReason ?? null,
    f.overturnedOn ?? null, f.overturnedReason ?? null, f.blocking, f.warnings, f.rules.filter((r) => r.state === 'missing').length,
    JSON.stringify(f.awaitingCountersignBy), f.awaitingAuthorisation ? 1 : 0, JSON.stringify(f.outcomeRow),
  );
  syncAssessors(db, f);
  syncRules(db, f);
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

function syncRules(db: Db, f: SummaryFacts): void {
  const have = new Map(
    (db.prepare('SELECT rule_id, state, reason FROM summary_rule WHERE assessment_id = ?').all(f.id) as Array<{ rule_id: string; state: string; reason: string | null }>).map(
      (r) => [r.rule_id, r],
    ),
  );
  let upsert: ReturnType<Db['prepare']> | undefined;
  for (const r of f.rules) {
    const old = have.get(r.ruleId);
    have.delete(r.ruleId);
    if (old && old.state === r.state && old.reason === (r.reason ?? null)) continue;
    (upsert ??= db.prepare('INSERT OR REPLACE INTO summary_rule (assessment_id, rule_id, state, reason) VALUES (?, ?, ?, ?)')).run(f.id, r.ruleId, r.state, r.reason ?? null);
  }
  if (have.size > 0) {
    const del = db.prepare('DELETE FROM summary_rule WHERE assessment_id = ? AND rule_id = ?');
    for (const ruleId of have.keys()) del.run(f.id, ruleId);
  }
}
