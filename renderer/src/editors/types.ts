import type { Assessment } from '../../../shared/domain/model';
import type { SavedAssessment } from './useAssessmentSave';

export interface EditorProps {
  assessment: Assessment;
  /** Called with the saved assessment and its safeguard check (one answer from the main side). */
  onSaved(saved: SavedAssessment): void;
}

export interface EditorSection {
  id: string;
  title: string;
  /** Dotted model paths this editor covers, so a finding's `path` can open the right editor. */
  paths: string[];
  Component: (props: EditorProps) => React.JSX.Element | null;
}
