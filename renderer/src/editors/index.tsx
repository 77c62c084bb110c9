/**
 * The parts of an assessment a social worker edits, listed in the order of the stages. One entry per
 * editor; each editor saves its own part (shared/domain/parts.ts) through the forms layer (forms/useAssessmentForm).
 */
import { lazy, Suspense, useState } from 'react';
import { formatTime } from '../../../shared/format/dates';
import { DraftProvider } from '../drafts/DraftProvider';
import type { EditorProps, EditorSection } from './types';
import { SavedAtContext } from './SaveErrorContext';
import { isLocked, isPartOpen } from '../../../shared/domain/workflow';

// Each editor (and the forms layer under it) is its own chunk, loaded when its part is opened.
const YoungPersonEditor = lazy(() => import('./YoungPersonEditor').then((m) => ({ default: m.YoungPersonEditor })));
const TraffickingEditor = lazy(() => import('./TraffickingEditor').then((m) => ({ default: m.TraffickingEditor })));
const ParticipantsEditor = lazy(() => import('./ParticipantsEditor').then((m) => ({ default: m.ParticipantsEditor })));
const SafeguardLogEditor = lazy(() => import('./SafeguardLogEditor').then((m) => ({ default: m.SafeguardLogEditor })));
const ExplanationConsentEditor = lazy(() => import('./ExplanationConsentEditor').then((m) => ({ default: m.ExplanationConsentEditor })));
const SessionsEditor = lazy(() => import('./SessionsEditor').then((m) => ({ default: m.SessionsEditor })));
const DomainsTimelineEditor = lazy(() => import('./DomainsTimelineEditor').then((m) => ({ default: m.DomainsTimelineEditor })));
const EvidenceEditor = lazy(() => import('./EvidenceEditor').then((m) => ({ default: m.EvidenceEditor })));
const AnalysisEditor = lazy(() => import('./AnalysisEditor').then((m) => ({ default: m.AnalysisEditor })));
const MindedToEditor = lazy(() => import('./MindedToEditor').then((m) => ({ default: m.MindedToEditor })));
const DecisionEditor = lazy(() => import('./DecisionEditor').then((m) => ({ default: m.DecisionEditor })));
const SharingEditor = lazy(() => import('./SharingEditor').then((m) => ({ default: m.SharingEditor })));

export const editorSections: EditorSection[] = [
  { id: 'young-person', title: 'Young person and reason for doubt', paths: ['youngPerson', 'reasonForDoubt'], part: 'youngPerson', Component: YoungPersonEditor },
  { id: 'trafficking', title: 'Trafficking, accommodation and needs', paths: ['trafficking', 'treatedAsStatedAge', 'additionalNeeds', 'youngPerson.accommodation'], part: 'trafficking', Component: TraffickingEditor },
  { id: 'participants', title: 'Participants and information requests', paths: ['participants', 'informationRequests'], part: 'participants', Component: ParticipantsEditor },
  { id: 'safeguard-log', title: 'Safeguard log', paths: ['safeguardLog'], part: 'safeguardLog', Component: SafeguardLogEditor },
  { id: 'explanation', title: 'Explanation and consent', paths: ['explanation', 'consent'], part: 'explanation', Component: ExplanationConsentEditor },
  { id: 'sessions', title: 'Interview sessions', paths: ['sessions'], part: 'sessions', Component: SessionsEditor },
  { id: 'domains-timeline', title: 'Merton domains and life timeline', paths: ['domains', 'timeline'], part: 'domains', Component: DomainsTimelineEditor },
  { id: 'evidence', title: 'Evidence', paths: ['evidence'], part: 'evidence', Component: EvidenceEditor },
  { id: 'analysis', title: 'Analysis and adverse points', paths: ['analysis', 'adversePoints'], part: 'analysis', Component: AnalysisEditor },
  { id: 'minded-to', title: 'Minded-to meeting', paths: ['mindedTo'], part: 'mindedTo', Component: MindedToEditor },
  { id: 'decision', title: 'Decision', paths: ['decision'], part: 'decision', Component: DecisionEditor },
  { id: 'sharing', title: 'Sharing the decision', paths: ['sharing'], part: 'sharing', Component: SharingEditor },
];

/** Which editor covers a finding's field path (e.g. `sessions.0.breaks` → the sessions editor). */
export function sectionForPath(path: string | undefined): EditorSection | undefined {
  if (!path) return undefined;
  // The most specific path wins: `youngPerson.accommodation.type` belongs to the trafficking and accommodation editor.
  let best: { section: EditorSection; length: number } | undefined;
  for (const section of editorSections) {
    for (const p of section.paths) {
      if ((path === p || path.startsWith(`${p}.`)) && (!best || p.length > best.length)) best = { section, length: p.length };
    }
  }
  return best?.section;
}

/**
 * One part's editor on its own page (screens/PartPage.tsx), with its draft kept in the store. An
 * editor is remounted with each saved version of the assessment, so the "saved" note lives here,
 * not in the editor.
 */
export function PartEditor({ assessment, onSaved, section }: EditorProps & { section: EditorSection }) {
  const [savedAt, setSavedAt] = useState<Date>();
  const Editor = section.Component;
  const open = isPartOpen(assessment, section.part);
  return (
    <section className="panel editors" aria-labelledby="editors-title" id="assessment-editors">
      <h2 id="editors-title" className="visually-hidden">
        Record
      </h2>
      <h3 className="visually-hidden">{section.title}</h3>
      {savedAt ? <p role="status">Saved at {formatTime(savedAt.toISOString())}; the safeguards below are checked again.</p> : null}
      {isLocked(assessment) ? (
        <p className="warn-box">
          This assessment is signed and locked: corrections are made by addendum.{open ? ' How the decision was shared can still be recorded.' : ''}
        </p>
      ) : null}
      <SavedAtContext.Provider value={savedAt ? formatTime(savedAt.toISOString()) : undefined}>
        <DraftProvider key={`${section.id}-${assessment.updatedOn}`} assessmentId={assessment.id} part={section.part} enabled={open}>
          <Suspense fallback={<p aria-live="polite">Loading…</p>}>
          <Editor
            assessment={assessment}
            onSaved={(saved) => {
              setSavedAt(new Date());
              onSaved(saved);
            }}
          />
          </Suspense>
        </DraftProvider>
      </SavedAtContext.Provider>
    </section>
  );
}
