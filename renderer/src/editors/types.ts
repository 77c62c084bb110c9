import type { Assessment } from '../../../shared/domain/model';
import type { SavedAssessment } from '../forms/useAssessmentForm';
import type { PartName } from '../../../shared/domain/parts';

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
  /** The part of the assessment (and so the channel) this editor saves. */
  part: PartName;
  /** Loaded when the part is first opened (editors/index.tsx), so the first screen does not carry the forms. */
  Component: React.ComponentType<EditorProps>;
}
