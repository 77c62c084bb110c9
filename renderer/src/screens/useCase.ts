import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ApiError, OutputOf } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import type { SavedAssessment } from '../forms/useAssessmentForm';

export type Check = OutputOf<'assessments.check'>;
export type DraftList = OutputOf<'drafts.list'>;

/** One case as its screens need it: the assessment, its safeguard check and the person's drafts. */
export function useCase(id: string) {
  const [assessment, setAssessment] = useState<Assessment>();
  const [check, setCheck] = useState<Check>();
  const [drafts, setDrafts] = useState<DraftList>([]);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(async () => {
    const [a, c, d] = await Promise.all([api['assessments.get']({ id }), api['assessments.check']({ id }), api['drafts.list']({ assessmentId: id })]);
    if (a.ok) setAssessment(a.value);
    else setError(a.error);
    if (c.ok) setCheck(c.value);
    else setError(c.error);
    if (d.ok) setDrafts(d.value);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  /** A part save answers with the assessment and its check: no second round trip. */
  const saved = useCallback((s: SavedAssessment) => {
    setAssessment(s.assessment);
    setCheck(s.check);
    setError(undefined);
  }, []);

  return { assessment, check, drafts, error, setError, load, saved };
}
