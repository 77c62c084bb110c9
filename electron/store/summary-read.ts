/**
 * Reads the summaries kept at save time (summary-schema.ts): the case list, and the SQL aggregates
 * behind the quality figures (electron/quality/figures.ts shapes them). Nothing here loads a whole
 * assessment.
 */
import type { Db } from './db';
import { presumptionFromFacts, type PresumptionFacts } from '../../shared/safeguards/index';
import type { SummaryFacts } from '../../shared/quality/facts';

/**
 * One row of the case list (shared/contract/store.ts AssessmentSummarySchema): the facts kept at
 * save (shared/quality/facts.ts), with the presumption as it stands today and `updatedOn`.
 */
export type ListRow = Pick<
  SummaryFacts,
  | 'id'
  | 'reference'
  | 'nameLatin'
  | 'nameOwnScript'
  | 'nationality'
  | 'nationalityCode'
  | 'firstLanguage'
  | 'firstLanguageCode'
  | 'status'
  | 'stage'
  | 'updatedAt'
  | 'createdAt'
  | 'decidedAt'
  | 'outcome'
  | 'presumptionKind'
  | 'assessors'
  | 'blocking'
  | 'warnings'
  | 'awaitingCountersignBy'
  | 'awaitingAuthorisation'
> & {
  /** The same instant as `updatedAt`, under its older name. */
  updatedOn: string;
  /** How the young person is treated today (recomputed from the facts kept at save). */
  presumption: string;
};

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
  s.presumption_kind, s.presumption_status,
  -- the facts only where the presumption still moves with time (listRowOf reads them only there)
  CASE s.presumption_kind WHEN 'decided' THEN NULL ELSE s.presumption_facts END AS presumption_facts,
  s.blocking, s.warnings, s.awaiting_countersign_by, s.awaiting_authorisation`;

function put<T extends object, K extends string>(o: T, key: K, value: unknown): void {
  if (value !== null && value !== undefined) (o as Record<string, unknown>)[key] = value;
}

type Said = { kind: ListRow['presumptionKind']; status: string };

/**
 * A list row from its SQL row; `today` (ISO day, UK time) says the presumption for today. `said`
 * remembers, for one listing, what each distinct set of presumption facts says today (many
 * assessments share them), so ten thousand rows parse a few dozen.
 */
export function listRowOf(r: SqlRow, assessors: Map<string, ListRow['assessors']>, today: string, said = new Map<string, Said>()): ListRow {
  const kind = r.presumption_kind as ListRow['presumptionKind'];
  let p: Said;
  if (kind === 'decided') p = { kind, status: r.presumption_status as string };
  else {
    const facts = r.presumption_facts as string;
    p = said.get(facts) ?? presumptionFromFacts(JSON.parse(facts) as PresumptionFacts, today);
    said.set(facts, p);
  }
  const waiting = r.awaiting_countersign_by as string;
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
    awaitingCountersignBy: waiting === '[]' ? [] : (JSON.parse(waiting) as string[]),
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

/**
 * One copy of each repeated value for one listing (`Interner`): the driver hands back a new string
 * for every cell, so ten thousand rows carry ten thousand copies of "draft" or of an assessor's
 * name. Keeping the first and letting the others die at once keeps what the list holds alive
 * smaller, which is what the garbage collector copies while the list is being built.
 */
type Interner = <T extends string | null>(s: T) => T;
function interner(): Interner {
  const seen = new Map<string, string>();
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const known = seen.get(s);
    if (known !== undefined) return known as T;
    seen.set(s, s);
    return s;
  };
}

/** Assessors of the given assessments (all when `ids` is absent), in their order on each. */
function assessorsOf(db: Db, ids?: readonly string[], one: Interner = interner()): Map<string, ListRow['assessors']> {
  const sql =
    ids === undefined
      ? 'SELECT assessment_id, name, user_id FROM summary_assessor ORDER BY assessment_id, ord'
      : 'SELECT assessment_id, name, user_id FROM summary_assessor WHERE assessment_id IN (SELECT value FROM json_each(?)) ORDER BY assessment_id, ord';
  const out = new Map<string, ListRow['assessors']>();
  if (ids !== undefined && ids.length === 0) return out;
  // Raw rows (arrays, not objects keyed by column), all in one call: a row here is three short
  // strings, and stepping the statement from JavaScript once a row (iterate) cost 1 µs a row more,
  // 20 ms of the list at 10,000 assessments (20,000 assessors), for little garbage saved.
  const stmt = db.prepare(sql).raw();
  const rows = (ids === undefined ? stmt.all() : stmt.all(JSON.stringify(ids))) as Array<[assessmentId: string, name: string, userId: string | null]>;
  let current = '';
  let list: ListRow['assessors'] = [];
  for (const [id, name, userId] of rows) {
    // In assessment order (the key's order): one map entry per assessment, no lookup per assessor.
    if (id !== current) {
      current = id;
      list = [];
      out.set(id, list);
    }
    list.push(userId ? { name: one(name), userId: one(userId) } : { name: one(name) });
  }
  return out;
}

/**
 * The list's columns, in the order raw rows read them (RawListRow). The presumption is one column:
 * its words when decided (which no longer move with time), else the facts they are said from today.
 */
const LIST_RAW_COLUMNS = `s.assessment_id, s.reference, s.name_latin, s.name_own_script, s.nationality, s.nationality_code,
  s.first_language, s.first_language_code, s.status, s.stage, s.updated_at, s.created_at, s.decided_at, s.outcome,
  s.presumption_kind, CASE s.presumption_kind WHEN 'decided' THEN s.presumption_status ELSE s.presumption_facts END,
  s.blocking, s.warnings, s.awaiting_countersign_by, s.awaiting_authorisation`;
type RawListRow = [
  id: string, reference: string, nameLatin: string, nameOwnScript: string | null, nationality: string | null, nationalityCode: string | null,
  firstLanguage: string | null, firstLanguageCode: string | null, status: ListRow['status'], stage: ListRow['stage'], updatedAt: string, createdAt: string,
  decidedAt: string | null, outcome: NonNullable<ListRow['outcome']> | null, presumptionKind: ListRow['presumptionKind'], presumption: string,
  blocking: number, warnings: number, awaitingCountersignBy: string, awaitingAuthorisation: number,
];

/**
 * Every assessment, newest change first (then by id), from the summaries. The hot path of the
 * case list (issue 13: 10,000 rows in well under 200 ms, with the contract check, growing no
 * faster than the store): raw rows rather than objects keyed by column, read one at a time and
 * built at once into the list row, the assessors read in one ordered scan, repeated values kept
 * once, and each distinct set of presumption facts said once. What stays alive while the list is
 * built is the list alone: at 10,000 rows the garbage collector's copying of everything alive was
 * the part that grew faster than the store (docs/decisions/perf-02-linear-growth.md).
 */
export function listSummaries(db: Db, today: string): ListRow[] {
  const one = interner();
  const assessors = assessorsOf(db, undefined, one);
  const said = new Map<string, Said>();
  const out: ListRow[] = [];
  for (const r of db.prepare(`SELECT ${LIST_RAW_COLUMNS} FROM assessment_summary s`).raw().iterate() as Iterable<RawListRow>) {
    let kind: ListRow['presumptionKind'] = 'decided';
    let presumption: string;
    if (r[14] === 'decided') presumption = one(r[15]);
    else {
      const facts = r[15];
      let known = said.get(facts);
      if (!known) {
        known = presumptionFromFacts(JSON.parse(facts) as PresumptionFacts, today);
        said.set(facts, known);
      }
      ({ kind, status: presumption } = known);
    }
    const row: ListRow = {
      id: r[0],
      reference: r[1],
      nameLatin: r[2],
      status: one(r[8]),
      stage: one(r[9]),
      updatedOn: r[10],
      updatedAt: r[10],
      createdAt: r[11],
      presumption,
      presumptionKind: kind,
      assessors: assessors.get(r[0]) ?? [],
      blocking: r[16],
      warnings: r[17],
      awaitingCountersignBy: r[18] === '[]' ? [] : (JSON.parse(r[18]) as string[]),
      awaitingAuthorisation: r[19] === 1,
    };
    if (r[3] !== null) row.nameOwnScript = r[3];
    if (r[4] !== null) row.nationality = one(r[4]);
    if (r[5] !== null) row.nationalityCode = one(r[5]);
    if (r[6] !== null) row.firstLanguage = one(r[6]);
    if (r[7] !== null) row.firstLanguageCode = one(r[7]);
    if (r[12] !== null) row.decidedAt = r[12];
    if (r[13] !== null) row.outcome = one(r[13]);
    out.push(row);
  }
  // Sorted here, not by SQL: the sorter would copy every wide row, and an index on the time of the
  // last change would cost every save one more page.
  out.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1));
  return out;
}

/**
 * The WHERE clause selecting the assessments a filter names. `decided`: true limits to decisions
 * in the period (the figures), false to assessments not decided (the period does not apply).
 */
export function filterClause(f: SummaryFilter, decided: boolean): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (decided) {
    // Most assessments are decided: without a period, reading the table straight through costs a
    // third of walking the decided_day index and looking up each row by it (the unary + keeps the
    // planner off the index; measured at 10,000: 5 against 14 ms a query). A period uses the index.
    parts.push(f.since || f.until ? 's.decided_day IS NOT NULL' : '+s.decided_day IS NOT NULL');
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
    // The set of assessments with a matching assessor, found once per query through the two
    // assessor indexes, and each candidate summary looked up by its key. A correlated EXISTS
    // (tried first) probed summary_assessor once per summary in the period, in no useful order,
    // and grew 15x from 1,000 to 10,000 assessments (this 11x; docs/decisions/perf-02-linear-growth.md).
    // NOCASE and lower() fold the same letters (ASCII only: SQLite is built without ICU).
    parts.push(
      `s.assessment_id IN (SELECT x.assessment_id FROM summary_assessor x WHERE x.user_id IN (SELECT value FROM json_each(?))
        UNION SELECT x.assessment_id FROM summary_assessor x WHERE x.name COLLATE NOCASE IN (SELECT value FROM json_each(?)))`,
    );
    params.push(JSON.stringify(userIds), JSON.stringify(names));
  }
  return { where: parts.join(' AND '), params };
}

/** Rows of the summaries a filter selects, with a figure's extra condition, as list rows plus what the figures read. */
export function drilldownRows(
  db: Db,
  f: SummaryFilter,
  opts: { decided: boolean; condition?: string; conditionParams?: unknown[]; join?: string; joinParams?: unknown[]; reason?: string; reasonParams?: unknown[]; today: string },
): Array<ListRow & { daysToDecision: number | null; reason?: string; wordingFindings: number; words: number }> {
  const { where, params } = filterClause(f, opts.decided);
  const sql = `SELECT ${LIST_COLUMNS}, s.days_to_decision, s.wording_findings, s.words${opts.reason ? `, ${opts.reason} AS reason` : ''}
    FROM assessment_summary s ${opts.join ?? ''}
    WHERE ${where}${opts.condition ? ` AND (${opts.condition})` : ''}
    ORDER BY s.decided_day DESC, s.reference, s.assessment_id`;
  const rows = db.prepare(sql).all(...(opts.reasonParams ?? []), ...(opts.joinParams ?? []), ...params, ...(opts.conditionParams ?? [])) as SqlRow[];
  const assessors = assessorsOf(db, rows.map((r) => r.id as string));
  const said = new Map<string, Said>();
  type DrillRow = ListRow & { daysToDecision: number | null; reason?: string; wordingFindings: number; words: number };
  const out = rows as unknown as DrillRow[];
  // Each row built onto the list row (no copy of it) and put in its SQL row's place, which is then garbage.
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const row = listRowOf(r, assessors, opts.today, said) as DrillRow;
    row.daysToDecision = (r.days_to_decision as number | null) ?? null;
    row.wordingFindings = r.wording_findings as number;
    row.words = r.words as number;
    if (r.reason !== null && r.reason !== undefined) row.reason = r.reason as string;
    out[i] = row;
  }
  return out;
}

/** Runs an aggregate over the selected summaries: `select` is the column list, `tail` follows the WHERE (GROUP BY, ORDER BY). */
export function aggregate(db: Db, f: SummaryFilter, decided: boolean, select: string, tail = '', join = ''): SqlRow[] {
  const { where, params } = filterClause(f, decided);
  return db.prepare(`SELECT ${select} FROM assessment_summary s ${join} WHERE ${where} ${tail}`).all(...params) as SqlRow[];
}

/** The rows `carefile outcomes` prints, kept at save (JSON), in reference order. */
export function outcomeRows(db: Db): unknown[] {
  return (db.prepare('SELECT row FROM summary_outcome').all() as Array<{ row: string }>).map((r) => JSON.parse(r.row) as unknown);
}
