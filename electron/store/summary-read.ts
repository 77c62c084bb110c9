/**
 * Reads the summaries kept at save time (summary-schema.ts): the case list, and the SQL aggregates
 * behind the quality figures (electron/quality/figures.ts shapes them). Nothing here loads a whole
 * assessment.
 */
import type { Db } from './db';
import type { Assessment } from '../../shared/domain/model';
import { presumptionFromFacts, type PresumptionFacts } from '../../shared/safeguards/index';

/** One row of the case list (shared/contract/store.ts AssessmentSummarySchema). */
export interface ListRow {
  id: string;
  reference: string;
  nameLatin: string;
  nameOwnScript?: string;
  nationality?: string;
  nationalityCode?: string;
  firstLanguage?: string;
  firstLanguageCode?: string;
  status: Assessment['status'];
  stage: Assessment['stage'];
  updatedOn: string;
  updatedAt: string;
  createdAt: string;
  decidedAt?: string;
  outcome?: 'child' | 'adult';
  presumption: string;
  presumptionKind: 'decided' | 's51' | 'stated-age';
  assessors: Array<{ name: string; userId?: string }>;
  blocking: number;
  warnings: number;
  awaitingCountersignBy: string[];
  awaitingAuthorisation: boolean;
}

/** Which assessments a figure counts (the contract's QualityFilter, with assessor names resolved to user ids). */
export interface SummaryFilter {
  since?: string;
  until?: string;
  /** Match an assessor by store user id ... */
  userIds?: readonly string[];
  /** ... or by the name written on the assessment (ignoring case). Both empty or absent: everyone. */
  names?: readonly string[];
}

type SqlRow = Record<string, unknown>;

const LIST_COLUMNS = `s.assessment_id AS id, s.reference, s.name_latin, s.name_own_script, s.nationality, s.nationality_code,
  s.first_language, s.first_language_code, s.status, s.stage, s.updated_at, s.created_at, s.decided_at, s.outcome,
  s.presumption_kind, s.presumption_status, s.presumption_facts, s.blocking, s.warnings, s.awaiting_countersign_by, s.awaiting_authorisation`;

function put<T extends object, K extends string>(o: T, key: K, value: unknown): void {
  if (value !== null && value !== undefined) (o as Record<string, unknown>)[key] = value;
}

/** A list row from its SQL row; `today` (ISO day, UK time) says the presumption for today. */
export function listRowOf(r: SqlRow, assessors: Map<string, ListRow['assessors']>, today: string): ListRow {
  const kind = r.presumption_kind as ListRow['presumptionKind'];
  const p = kind === 'decided' ? { kind, status: r.presumption_status as string } : presumptionFromFacts(JSON.parse(r.presumption_facts as string) as PresumptionFacts, today);
  const row: ListRow = {
    id: r.id as string,
    reference: r.reference as string,
    nameLatin: r.name_latin as string,
    status: r.status as ListRow['status'],
    stage: r.stage as ListRow['stage'],
    updatedOn: r.updated_at as string,
    updatedAt: r.updated_at as string,
    createdAt: r.created_at as string,
    presumption: p.status,
    presumptionKind: p.kind,
    assessors: assessors.get(r.id as string) ?? [],
    blocking: r.blocking as number,
    warnings: r.warnings as number,
    awaitingCountersignBy: JSON.parse(r.awaiting_countersign_by as string) as string[],
    awaitingAuthorisation: r.awaiting_authorisation === 1,
  };
  put(row, 'nameOwnScript', r.name_own_script);
  put(row, 'nationality', r.nationality);
  put(row, 'nationalityCode', r.nationality_code);
  put(row, 'firstLanguage', r.first_language);
  put(row, 'firstLanguageCode', r.first_language_code);
  put(row, 'decidedAt', r.decided_at);
  put(row, 'outcome', r.outcome);
  return row;
}

/** Assessors of the given assessments (all when `ids` is absent), in their order on each. */
function assessorsOf(db: Db, ids?: readonly string[]): Map<string, ListRow['assessors']> {
  const rows = (
    ids === undefined
      ? db.prepare('SELECT assessment_id, name, user_id FROM summary_assessor ORDER BY assessment_id, ord').all()
      : ids.length === 0
        ? []
        : db.prepare(`SELECT assessment_id, name, user_id FROM summary_assessor WHERE assessment_id IN (SELECT value FROM json_each(?)) ORDER BY assessment_id, ord`).all(JSON.stringify(ids))
  ) as Array<{ assessment_id: string; name: string; user_id: string | null }>;
  const out = new Map<string, ListRow['assessors']>();
  for (const r of rows) {
    const list = out.get(r.assessment_id) ?? [];
    list.push(r.user_id ? { name: r.name, userId: r.user_id } : { name: r.name });
    out.set(r.assessment_id, list);
  }
  return out;
}

/** Every assessment, newest change first (then by id), from the summaries. */
export function listSummaries(db: Db, today: string): ListRow[] {
  const rows = db.prepare(`SELECT ${LIST_COLUMNS} FROM assessment_summary s ORDER BY s.updated_at DESC, s.assessment_id`).all() as SqlRow[];
  const assessors = assessorsOf(db);
  return rows.map((r) => listRowOf(r, assessors, today));
}

/**
 * The WHERE clause selecting the assessments a filter names. `decided`: true limits to decisions
 * in the period (the figures), false to assessments not decided (the period does not apply).
 */
export function filterClause(f: SummaryFilter, decided: boolean): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (decided) {
    parts.push('s.decided_day IS NOT NULL');
    if (f.since) {
      parts.push('s.decided_day >= ?');
      params.push(f.since);
    }
    if (f.until) {
      parts.push('s.decided_day <= ?');
      params.push(f.until);
    }
  } else parts.push('s.decided_day IS NULL');
  const userIds = f.userIds ?? [];
  const names = f.names ?? [];
  if (userIds.length > 0 || names.length > 0) {
    parts.push(
      `EXISTS (SELECT 1 FROM summary_assessor x WHERE x.assessment_id = s.assessment_id AND
        (x.user_id IN (SELECT value FROM json_each(?)) OR lower(x.name) IN (SELECT lower(value) FROM json_each(?))))`,
    );
    params.push(JSON.stringify(userIds), JSON.stringify(names));
  }
  return { where: parts.join(' AND '), params };
}

/** Rows of the summaries a filter selects, with a figure's extra condition, as list rows plus what the figures read. */
export function drilldownRows(
  db: Db,
  f: SummaryFilter,
  opts: { decided: boolean; condition?: string; conditionParams?: unknown[]; join?: string; joinParams?: unknown[]; reason?: string; today: string },
): Array<ListRow & { daysToDecision: number | null; reason?: string; wordingFindings: number; words: number }> {
  const { where, params } = filterClause(f, opts.decided);
  const sql = `SELECT ${LIST_COLUMNS}, s.days_to_decision, s.wording_findings, s.words${opts.reason ? `, ${opts.reason} AS reason` : ''}
    FROM assessment_summary s ${opts.join ?? ''}
    WHERE ${where}${opts.condition ? ` AND (${opts.condition})` : ''}
    ORDER BY s.decided_day DESC, s.reference, s.assessment_id`;
  const rows = db.prepare(sql).all(...(opts.joinParams ?? []), ...params, ...(opts.conditionParams ?? [])) as SqlRow[];
  const assessors = assessorsOf(db, rows.map((r) => r.id as string));
  return rows.map((r) => {
    const row = {
      ...listRowOf(r, assessors, opts.today),
      daysToDecision: (r.days_to_decision as number | null) ?? null,
      wordingFindings: r.wording_findings as number,
      words: r.words as number,
    };
    if (r.reason !== null && r.reason !== undefined) (row as { reason?: string }).reason = r.reason as string;
    return row;
  });
}

/** Runs an aggregate over the selected summaries: `select` is the column list, `from` may join summary_rule. */
export function aggregate(db: Db, f: SummaryFilter, decided: boolean, select: string, tail = '', join = ''): SqlRow[] {
  const { where, params } = filterClause(f, decided);
  return db.prepare(`SELECT ${select} FROM assessment_summary s ${join} WHERE ${where} ${tail}`).all(...params) as SqlRow[];
}

/** The rows `carefile outcomes` prints, kept at save (JSON), in reference order. */
export function outcomeRows(db: Db): unknown[] {
  return (db.prepare('SELECT outcome_row FROM assessment_summary').all() as Array<{ outcome_row: string }>).map((r) => JSON.parse(r.outcome_row) as unknown);
}
