import type { Assessment } from '../../../shared/domain/model';

export interface EditorProps {
  assessment: Assessment;
  /** Called with the saved assessment; the screen reloads its safeguard findings. */
  onSaved(a: Assessment): void;
}

export interface EditorSection {
  id: string;
  title: string;
  /** Dotted model paths this editor covers, so a finding's `path` can open the right editor. */
  paths: string[];
  Component: (props: EditorProps) => React.JSX.Element | null;
}
