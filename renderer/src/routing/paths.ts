/**
 * Every screen's address. The app uses hash history (`#/assessments/…`): it works unchanged under
 * the Electron `app://` protocol and the loopback server, where the document itself is always
 * `index.html` and the server never sees the route. Other screens add their address here and a
 * route in routing/router.tsx.
 */
export const paths = {
  assessments: () => '/assessments',
  newAssessment: () => '/assessments/new',
  /** A case: its task list, stage gate and safeguards. */
  assessment: (id: string) => `/assessments/${encodeURIComponent(id)}`,
  /** One part of a case on its own page (`part` is the editor section id, e.g. `young-person`). */
  part: (id: string, part: string) => `/assessments/${encodeURIComponent(id)}/parts/${encodeURIComponent(part)}`,
  /** Check your answers, the declaration and signing. */
  check: (id: string) => `/assessments/${encodeURIComponent(id)}/check`,
  verify: () => '/verify',
  settings: () => '/settings',
  /** The manager's quality dashboard (managers and administrators). */
  dashboard: () => '/dashboard',
} as const;

/** The screens as the older `go(screen)` calls name them (kept so screens outside this area need not change). */
export type Screen =
  | { name: 'assessments' }
  | { name: 'assessment'; id: string; part?: string }
  | { name: 'check'; id: string }
  | { name: 'new-assessment' }
  | { name: 'verify' }
  | { name: 'settings' }
  | { name: 'dashboard' };

export function pathOf(screen: Screen): string {
  switch (screen.name) {
    case 'assessments':
      return paths.assessments();
    case 'new-assessment':
      return paths.newAssessment();
    case 'assessment':
      return screen.part ? paths.part(screen.id, screen.part) : paths.assessment(screen.id);
    case 'check':
      return paths.check(screen.id);
    case 'verify':
      return paths.verify();
    case 'settings':
      return paths.settings();
    case 'dashboard':
      return paths.dashboard();
  }
}
