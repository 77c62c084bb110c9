import type { ReactNode } from 'react';
import type { Assessment } from '../../../shared/domain/model';
import type { Check } from './useCase';

/** The presumption (always in view: how the young person is to be treated now) and the case's heading. */
export function CaseHeader({ assessment, check, caption, title, children }: { assessment: Assessment; check: Check; caption?: string; title?: string; children?: ReactNode }) {
  const yp = assessment.youngPerson;
  const name = (
    <>
      {assessment.reference}: {yp.nameLatin}
      {yp.nameOwnScript ? (
        <span className="own-script" dir="auto" lang="und">
          {' '}
          ({yp.nameOwnScript})
        </span>
      ) : null}
    </>
  );
  return (
    <>
      <p className="presumption" role="status">
        {check.presumption.status}
      </p>
      <div className="title-row">
        <h1 id="a-title">
          {title ? (
            <>
              <span className="caption">{name}</span>
              {caption ? <span className="caption">{caption}</span> : null}
              {title}
            </>
          ) : (
            name
          )}
        </h1>
        {children}
      </div>
      {/* On every page of the case: what the s.51 presumption still asks for is never out of sight. */}
      {check.presumption.prompts.length > 0 ? (
        <div className="warn-box">
          <strong>Still to do under the s.51 presumption:</strong>
          <ul>
            {check.presumption.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
