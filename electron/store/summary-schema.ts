/**
 * Schema v3: the summaries kept at save time (issue 13 item 1; docs/decisions/0010-summaries-at-save.md).
 *
 * One row per assessment with what the case list, its filters and the quality figures read, its
 * assessors, and the state of each safeguard rule, all written in the same transaction as the
 * assessment itself (summary-write.ts). The list and the figures are SQL over these tables; no
 * query loads a whole assessment. Derived data: a store can always refill them from the
 * assessments (`fillSummaries`), which the migration does for an existing store.
 */
export const SUMMARY_SCHEMA = `
CREATE TABLE assessment_summary (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  reference TEXT NOT NULL,
  name_latin TEXT NOT NULL,
  name_own_script TEXT,
  nationality TEXT,
  nationality_code TEXT,
  first_language TEXT,
  first_language_code TEXT,
  status TEXT NOT NULL,
  stage TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  referral_at TEXT,
  first_contact_at TEXT,
  decided_at TEXT,
  -- the decision's UK day: what a period filters on
  decided_day TEXT,
  outcome TEXT CHECK (outcome IN ('child', 'adult')),
  outcome_detail TEXT CHECK (outcome_detail IN ('stated-age-accepted', 'older-but-child', 'adult')),
  days_to_decision INTEGER,
  presumption_kind TEXT NOT NULL,
  presumption_status TEXT NOT NULL,
  -- what the presumption depends on besides the day (JSON), so the list says it for today
  presumption_facts TEXT NOT NULL,
  interpreter_present INTEGER NOT NULL,
  appropriate_adult_present INTEGER NOT NULL,
  minded_to TEXT NOT NULL CHECK (minded_to IN ('held', 'not-held-with-reason', 'not-recorded')),
  trafficking_indicators INTEGER NOT NULL,
  nrm_referral INTEGER NOT NULL,
  wording_findings INTEGER NOT NULL,
  words INTEGER NOT NULL,
  reassessment_of TEXT,
  reassessment_reason TEXT,
  overturned_on TEXT,
  overturned_reason TEXT,
  blocking INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  -- rules in state 'missing' (the disparity view counts assessments with any)
  missing_rules INTEGER NOT NULL,
  -- JSON array of user ids
  awaiting_countersign_by TEXT NOT NULL,
  awaiting_authorisation INTEGER NOT NULL,
  -- the row carefile outcomes prints (JSON; shared/quality/outcome-row.ts)
  outcome_row TEXT NOT NULL
);
-- a period is a range of decision days; undecided rows stay out of the index
CREATE INDEX assessment_summary_decided ON assessment_summary (decided_day) WHERE decided_day IS NOT NULL;

CREATE TABLE summary_assessor (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  user_id TEXT,
  PRIMARY KEY (assessment_id, ord)
) WITHOUT ROWID;
CREATE INDEX summary_assessor_user ON summary_assessor (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX summary_assessor_name ON summary_assessor (name COLLATE NOCASE);

-- one row per rule that applied at the assessment's stage: met, departed (with the reason) or missing
CREATE TABLE summary_rule (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  rule_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('met', 'departed', 'missing')),
  reason TEXT,
  PRIMARY KEY (assessment_id, rule_id)
) WITHOUT ROWID;
`;
