import { useState } from 'react';
import { api } from '../api/client';
import { TextArea } from '../forms/fields';
import { ErrorAlert } from '../components/ErrorAlert';
import { WordingNotes } from '../components/WordingNotes';
import type { ApiError } from '../../../shared/contract';
import type { Assessment } from '../../../shared/domain/model';
import { useSession } from '../state/session';
import { formatInstant } from '../../../shared/format/dates';
import { reviewOutcomeLabels } from '../../../shared/format/labels';


/**
 * Management oversight: every comment kept; a manager comments, or returns a draft. Authorising is
 * not done here: it is the manager's signature on the record, under “Sign and hand over”.
 */
export function ReviewPanel({ assessment, onChanged }: { assessment: Assessment; onChanged(): void }) {
  const role = useSession((s) => s.status?.user?.role);
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError>();
  const signed = assessment.signatures.length > 0;

  async function review(outcome: 'comment' | 'returned') {
    const res = await api['assessments.review']({ id: assessment.id, outcome, text });
    if (res.ok) {
      setText('');
      setError(undefined);
      onChanged();
    } else setError(res.error);
  }

  if (role !== 'manager' && assessment.review.comments.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="review-title">
      <h2 id="review-title">Management review</h2>
      {assessment.review.authorisedBy ? (
        <p className="authorised-note">
          Authorised by {assessment.review.authorisedBy} on {formatInstant(assessment.review.authorisedOn ?? '')}.
        </p>
      ) : null}
      {assessment.review.comments.length > 0 ? (
        <ol>
          {assessment.review.comments.map((c, i) => (
            <li key={`${c.on}-${i}`}>
              <strong>{reviewOutcomeLabels[c.outcome]}</strong>: {c.text} <span className="hint">({c.by}, {formatInstant(c.on)})</span>
            </li>
          ))}
        </ol>
      ) : null}
      {role === 'manager' && assessment.status !== 'authorised' ? (
        <>
          <TextArea label="Your comment" value={text} onChange={setText} error={error?.field === 'text' ? error.message : undefined}>
            <WordingNotes text={text} />
          </TextArea>
          <ErrorAlert error={error} shownAtFields={['text']} />
          <div className="actions">
            <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void review('comment')}>
              Add a comment
            </button>
            {!signed ? (
              <button type="button" className="secondary" disabled={!text.trim()} onClick={() => void review('returned')}>
                Return to the assessors
              </button>
            ) : null}
          </div>
          {signed ? <p className="hint">To authorise, add your signature to the record under “Sign and hand over”, once both assessors have signed.</p> : null}
        </>
      ) : null}
    </section>
  );
}
