import type { Assessment } from '../../../shared/domain/model';
import type { TaskItem } from '../components/TaskList';
import { editorSections } from '../editors/index';
import { taskStatus } from '../editors/taskStatus';
import { paths } from '../routing/paths';
import type { Check } from './useCase';

/** Each part of the case with its status (GOV.UK task list), worked out from the record, the findings and the person's drafts. */
export function caseTasks(assessment: Assessment, check: Check, drafts: ReadonlyArray<{ part: string }>): TaskItem[] {
  const openPaths = check.findings.filter((f) => !f.departure && f.path).map((f) => f.path!);
  const drafted = new Set(drafts.map((d) => d.part));
  return editorSections.map((s) => {
    const { status, waitingFor } = taskStatus({ assessment, part: s.part, openFindingPaths: openPaths, paths: s.paths, hasDraft: drafted.has(s.part) });
    return { id: s.id, title: s.title, href: paths.part(assessment.id, s.id), status, hint: waitingFor ? `Waits for ${waitingFor}.` : drafted.has(s.part) ? 'You have a draft that is not saved yet.' : undefined };
  });
}

