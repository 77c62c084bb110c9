/**
 * The parts of an assessment a social worker edits, in the order of the stages. One entry per
 * editor; each editor saves the whole assessment through useAssessmentSave.
 */
import { useState } from 'react';
import type { EditorProps, EditorSection } from './types';
import { YoungPersonEditor } from './YoungPersonEditor';
import { SessionsEditor } from './SessionsEditor';
import { DomainsTimelineEditor } from './DomainsTimelineEditor';
import { EvidenceEditor } from './EvidenceEditor';

export const editorSections: EditorSection[] = [
  { id: 'young-person', title: 'Young person and reason for doubt', stage: 'initial-presentation', paths: ['youngPerson', 'reasonForDoubt'], Component: YoungPersonEditor },
  { id: 'sessions', title: 'Interview sessions', stage: 'interviews', paths: ['sessions'], Component: SessionsEditor },
  { id: 'domains-timeline', title: 'Merton domains and life timeline', stage: 'interviews', paths: ['domains', 'timeline'], Component: DomainsTimelineEditor },
  { id: 'evidence', title: 'Evidence', stage: 'interviews', paths: ['evidence'], Component: EvidenceEditor },
];

/** Which editor covers a finding's field path (e.g. `sessions.0.breaks` → the sessions editor). */
export function sectionForPath(path: string | undefined): EditorSection | undefined {
  if (!path) return undefined;
  return editorSections.find((s) => s.paths.some((p) => path === p || path.startsWith(`${p}.`)));
}

export function AssessmentEditors({ assessment, onSaved, initial }: EditorProps & { initial?: string }) {
  const [open, setOpen] = useState(initial ?? editorSections[0]?.id);
  const section = editorSections.find((s) => s.id === open) ?? editorSections[0];
  if (!section) return null;
  const Editor = section.Component;
  return (
    <section className="panel editors" aria-labelledby="editors-title">
      <h2 id="editors-title">Record</h2>
      <nav className="editor-tabs" aria-label="Parts of the assessment">
        {editorSections.map((s) => (
          <button key={s.id} type="button" className="secondary" aria-current={s.id === section.id ? 'true' : undefined} onClick={() => setOpen(s.id)}>
            {s.title}
          </button>
        ))}
      </nav>
      <h3>{section.title}</h3>
      {assessment.signatures.length > 0 ? <p className="warn-box">This assessment is signed and locked: corrections are made by addendum.</p> : null}
      <Editor key={`${section.id}-${assessment.updatedOn}`} assessment={assessment} onSaved={onSaved} />
    </section>
  );
}
