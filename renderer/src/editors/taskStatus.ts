/**
 * The status of each part of a case on its task list (GOV.UK task list pattern): "Not started",
 * "In progress", "Completed" or "Cannot start yet". Worked out from the assessment, its safeguard
 * findings and the signed-in person's drafts; pure, so it is tested without a browser.
 */
import type { Assessment } from '../../../shared/domain/model';
import type { PartName } from '../../../shared/domain/parts';

export type TaskStatus = 'not-started' | 'in-progress' | 'completed' | 'cannot-start';

export const taskStatusLabels: Record<TaskStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'cannot-start': 'Cannot start yet',
};

/** Whether anything has been recorded in a part yet. */
const hasContent: Record<PartName, (a: Assessment) => boolean> = {
  youngPerson: (a) => a.reasonForDoubt !== undefined,
  trafficking: (a) => a.trafficking.screenedOn !== undefined || a.trafficking.indicators.length > 0,
  participants: (a) => a.participants.length > 0,
  safeguardLog: (a) => a.safeguardLog.length > 0,
  explanation: (a) => a.explanation.verbalOn !== undefined || a.explanation.writtenOn !== undefined || a.consent.toTakePart !== undefined,
  sessions: (a) => a.sessions.length > 0,
  domains: (a) => a.domains.length > 0 || a.timeline.length > 0,
  evidence: (a) => a.evidence.length > 0,
  analysis: (a) => (a.analysis ?? '').trim() !== '' || a.adversePoints.length > 0,
  mindedTo: (a) => a.mindedTo !== undefined,
  decision: (a) => a.decision !== undefined,
  sharing: (a) => a.sharing.copies.length > 0 || a.sharing.challengeRouteGiven || a.sharing.homeOffice !== undefined,
};

/** What must be recorded before a part can be started, in words (only the later parts wait on earlier ones). */
const waitsFor: Partial<Record<PartName, { part: PartName; what: string }>> = {
  analysis: { part: 'sessions', what: 'an interview session' },
  mindedTo: { part: 'analysis', what: 'the analysis' },
  decision: { part: 'mindedTo', what: 'the minded-to meeting' },
  sharing: { part: 'decision', what: 'the decision' },
};

export interface TaskInput {
  assessment: Assessment;
  part: PartName;
  /** Model paths of the open findings (not covered by a departure). */
  openFindingPaths: readonly string[];
  /** Model paths this part covers (editors/index.tsx). */
  paths: readonly string[];
  hasDraft: boolean;
}

export function taskStatus({ assessment, part, openFindingPaths, paths, hasDraft }: TaskInput): { status: TaskStatus; waitingFor?: string } {
  const started = hasContent[part](assessment);
  const wait = waitsFor[part];
  if (!started && !hasDraft && wait && !hasContent[wait.part](assessment)) return { status: 'cannot-start', waitingFor: wait.what };
  if (!started) return { status: hasDraft ? 'in-progress' : 'not-started' };
  const open = openFindingPaths.some((f) => paths.some((p) => f === p || f.startsWith(`${p}.`)));
  return { status: open || hasDraft ? 'in-progress' : 'completed' };
}
