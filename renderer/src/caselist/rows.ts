/**
 * From `assessments.list` rows (the summaries kept at save time) to the case list's own rows:
 * what the case waits for, and from whom, in one field the filters and badges read.
 */
import type { OutputOf } from '../../../shared/contract';
import type { CaseRow } from './caseSearch';

export type ListRow = OutputOf<'assessments.list'>[number];

export function toCaseRow(r: ListRow): CaseRow {
  const out: CaseRow = {
    id: r.id,
    reference: r.reference,
    nameLatin: r.nameLatin,
    stage: r.stage,
    status: r.status,
    updatedOn: r.updatedAt,
    assessors: r.assessors,
  };
  if (r.presumption) out.presumption = r.presumption;
  if (r.nameOwnScript) out.nameOwnScript = r.nameOwnScript;
  if (r.nationality) out.nationality = r.nationality;
  if (r.awaitingCountersignBy.length > 0) out.waiting = { kind: 'countersign', userIds: r.awaitingCountersignBy };
  else if (r.awaitingAuthorisation) out.waiting = { kind: 'authorise', userIds: [] };
  return out;
}
