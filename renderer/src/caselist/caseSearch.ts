/**
 * The case list's search, filters and sort, pure so they are tested (and benchmarked) without a
 * DOM. Matching is by folded text: Unicode compatibility decomposition (NFKD) with the combining
 * marks removed and the case lowered, so "Hélène" matches "helene", Arabic short vowels and
 * presentation forms match the plain letters, and fullwidth digits match ASCII ones, with no
 * hand-written tables. Sorting uses Intl.Collator (numeric, base sensitivity), so "AA-2" comes
 * before "AA-10" and accents do not scatter names.
 */
import type { Assessment, StageId } from '../../../shared/domain/model';

type AssessmentStatus = Assessment['status'];
import type { Role } from '../../../shared/domain/workflow';

export interface CaseAssessor {
  userId?: string;
  name: string;
}

/** What the case waits for next, and from whom (user ids); undefined when nothing is pending. */
export interface Waiting {
  kind: 'sign' | 'countersign' | 'authorise';
  userIds: string[];
}

export interface CaseRow {
  id: string;
  reference: string;
  nameLatin: string;
  nameOwnScript?: string;
  nationality?: string;
  stage: StageId;
  status: AssessmentStatus;
  updatedOn: string;
  presumption?: string;
  assessors: CaseAssessor[];
  waiting?: Waiting;
}

export interface Me {
  userId?: string;
  role: Role;
}

export type SortKey = 'reference' | 'name' | 'nationality' | 'stage' | 'status' | 'updatedOn';
export interface CaseQuery {
  text: string;
  stage?: StageId;
  /** A status, or undefined for every status except withdrawn. */
  status?: AssessmentStatus;
  /** Store user id of an assessor, or a name for assessors not linked to a user. */
  assessor?: string;
  needsMyAction: boolean;
  sort: SortKey;
  descending: boolean;
}

export const defaultQuery: CaseQuery = { text: '', needsMyAction: false, sort: 'updatedOn', descending: true };

export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\p{M}\u0640]/gu, '').toLowerCase();
}

export function assessorKey(a: CaseAssessor): string {
  return a.userId ?? `name:${a.name}`;
}

/** Whether the signed-in person is the one this case waits for (or, returned, one of its assessors). */
export function needsActionBy(row: CaseRow, me: Me): boolean {
  if (row.status === 'withdrawn' || me.userId === undefined) return false;
  if (row.waiting?.userIds.includes(me.userId)) return true;
  if (row.waiting?.kind === 'authorise' && me.role === 'manager' && row.waiting.userIds.length === 0) {
    return !row.assessors.some((a) => a.userId === me.userId);
  }
  return row.status === 'returned' && me.role === 'assessor' && row.assessors.some((a) => a.userId === me.userId);
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

const sortValue: Record<SortKey, (r: CaseRow) => string> = {
  reference: (r) => r.reference,
  name: (r) => r.nameLatin,
  nationality: (r) => r.nationality ?? '',
  stage: (r) => r.stage,
  status: (r) => r.status,
  updatedOn: (r) => r.updatedOn,
};

/**
 * Rows prepared once per list: each with its folded search text, sorted once per sort key. The
 * query then only filters (a substring test per row), which is what runs on each keystroke.
 */
export class CaseIndex {
  private readonly haystacks: Map<string, string>;
  private readonly sorted = new Map<string, CaseRow[]>();

  constructor(
    readonly rows: readonly CaseRow[],
    private readonly stageRank: (s: StageId) => number = () => 0,
  ) {
    this.haystacks = new Map(rows.map((r) => [r.id, fold([r.reference, r.nameLatin, r.nameOwnScript ?? '', r.nationality ?? ''].join('\u0001'))]));
  }

  private sortedBy(key: SortKey, descending: boolean): CaseRow[] {
    const k = `${key}:${descending}`;
    let out = this.sorted.get(k);
    if (!out) {
      const value = sortValue[key];
      const cmp = key === 'stage' ? (a: CaseRow, b: CaseRow) => this.stageRank(a.stage) - this.stageRank(b.stage) : (a: CaseRow, b: CaseRow) => collator.compare(value(a), value(b));
      out = [...this.rows].sort((a, b) => (descending ? -1 : 1) * cmp(a, b) || collator.compare(a.reference, b.reference));
      this.sorted.set(k, out);
    }
    return out;
  }

  query(q: CaseQuery, me: Me): CaseRow[] {
    const words = fold(q.text).split(/\s+/).filter(Boolean);
    return this.sortedBy(q.sort, q.descending).filter((r) => {
      if (q.status ? r.status !== q.status : r.status === 'withdrawn') return false;
      if (q.stage && r.stage !== q.stage) return false;
      if (q.assessor && !r.assessors.some((a) => assessorKey(a) === q.assessor)) return false;
      if (q.needsMyAction && !needsActionBy(r, me)) return false;
      if (words.length > 0) {
        const hay = this.haystacks.get(r.id)!;
        for (const w of words) if (!hay.includes(w)) return false;
      }
      return true;
    });
  }

  /** Every assessor named on any case, for the filter's choices, by name. */
  assessors(): CaseAssessor[] {
    const seen = new Map<string, CaseAssessor>();
    for (const r of this.rows) for (const a of r.assessors) if (!seen.has(assessorKey(a))) seen.set(assessorKey(a), a);
    return [...seen.values()].sort((a, b) => collator.compare(a.name, b.name));
  }
}
