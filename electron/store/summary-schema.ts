/**
 * Schema v3: the summaries kept at save time (issue 13 item 1; docs/decisions/store-07-summaries-at-save.md).
 *
 * One row per assessment with what the case list, its filters and the quality figures read (the
 * state of each safeguard rule included), and its assessors, all written in the same transaction as the
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
  -- each rule's state, the character at position NN for rule AA-NN: m met, d departed (with a
  -- reason), x missing, - not applying at this stage (shared/quality/facts.ts ruleStateString).
  -- One short string per assessment: the figures GROUP BY it, which reads 10,000 rows, where a
  -- row per rule would be 400,000.
  rule_states TEXT NOT NULL,
  -- JSON object: rule id -> the reason of the departure that covers it
  departure_reasons TEXT NOT NULL,
  -- JSON array of user ids
  awaiting_countersign_by TEXT NOT NULL,
  awaiting_authorisation INTEGER NOT NULL
);
-- a period is a range of decision days; undecided rows stay out of the index
CREATE INDEX assessment_summary_decided ON assessment_summary (decided_day) WHERE decided_day IS NOT NULL;

-- the row carefile outcomes prints (JSON; shared/quality/outcome-row.ts), kept apart so the
-- summary rows the figures scan stay narrow
CREATE TABLE summary_outcome (
  assessment_id TEXT PRIMARY KEY REFERENCES assessment (id) ON DELETE CASCADE,
  reference TEXT NOT NULL,
  row TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE summary_assessor (
  assessment_id TEXT NOT NULL REFERENCES assessment (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  name TEXT NOT NULL,
  user_id TEXT,
  PRIMARY KEY (assessment_id, ord)
) WITHOUT ROWID;
CREATE INDEX summary_assessor_user ON summary_assessor (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX summary_assessor_name ON summary_assessor (name COLLATE NOCASE);

`;
