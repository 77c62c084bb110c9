import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { editorSections, PartEditor, sectionForPath } from '../editors/index';
import { SaveErrorContext } from '../editors/SaveErrorContext';
import { ErrorSummary } from '../forms/ErrorSummary';
import { FindingList } from '../components/FindingList';
import { paths } from '../routing/paths';
import { CaseHeader } from './CaseHeader';
import type { Check, useCase } from './useCase';

/**
 * One part of a case on its own page (GOV.UK "one thing per page"): the part's editor, an error
 * summary at the top when a save is refused, and the case's safeguard findings, checked again
 * with every save.
 */
export function PartPage({ c, assessment, check, part }: { c: ReturnType<typeof useCase>; assessment: Assessment; check: Check; part: string }) {
  const navigate = useNavigate();
  const [saveError, setSaveError] = useState<ApiError>();
  const index = editorSections.findIndex((s) => s.id === part);
  const section = editorSections[index];
  const next = editorSections[index + 1];
  const back = (
    <Link className="back-link" to={paths.assessment(assessment.id)}>
      Back to the task list
    </Link>
  );
  if (!section) {
    return (
      <section className="panel">
        {back}
        <h1>There is no such part</h1>
        <p>This case has no part called “{part}”.</p>
      </section>
    );
  }
  function openField(path: string): string | undefined {
    const target = sectionForPath(path);
    if (target) void navigate(paths.part(assessment.id, target.id));
    return target?.id;
  }
  return (
    <article aria-labelledby="a-title">
      {back}
      <CaseHeader assessment={assessment} check={check} title={section.title} />
      <ErrorSummary error={saveError} scopeId="assessment-editors" />
      <SaveErrorContext.Provider value={setSaveError}>
        <PartEditor key={section.id} assessment={assessment} section={section} onSaved={c.saved} />
      </SaveErrorContext.Provider>
      <p>
        {next ? (
          <Link to={paths.part(assessment.id, next.id)}>Next part: {next.title}</Link>
        ) : (
          <Link to={paths.check(assessment.id)}>Check your answers</Link>
        )}
      </p>
      <section className="panel" aria-labelledby="findings-title">
        <h2 id="findings-title">Safeguards</h2>
        {check.findings.length === 0 ? <p>No safeguard findings.</p> : <FindingList findings={check.findings} onOpenField={openField} />}
      </section>
    </article>
  );
}
