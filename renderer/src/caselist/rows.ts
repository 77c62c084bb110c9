/**
 * From `assessments.list` rows to the case list's own rows. The list channel is growing (summary
 * tables with names in both scripts, nationality, assessors and what each case waits for); the
 * optional fields are read when present, so the list works with the old shape and the new.
 */
import type { OutputOf } from '../../../shared/contract';
import type { CaseAssessor, CaseRow, Waiting } from './caseSearch';

export type ListRow = OutputOf<'assessments.list'>[number];

type MaybeRicher = ListRow &
  Partial<{
    nameOwnScript: string | null;
    nationality: string | null;
    assessors: CaseAssessor[];
    waiting: Waiting | null;
  }>;

export function toCaseRow(row: ListRow): CaseRow {
  const r = row as MaybeRicher;
  const out: CaseRow = {
    id: r.id,
    reference: r.reference,
    nameLatin: r.nameLatin,
    stage: r.stage,
    status: r.status,
    updatedOn: r.updatedOn,
    assessors: r.assessors ?? [],
  };
  if (r.presumption) out.presumption = r.presumption;
  if (r.nameOwnScript) out.nameOwnScript = r.nameOwnScript;
  if (r.nationality) out.nationality = r.nationality;
  if (r.waiting) out.waiting = r.waiting;
  return out;
}
