import { roleMay } from '../../../shared/domain/roles';

/** Who sees the dashboard: the same roles the main side serves the figures to. Apart from the screen, so the main navigation does not load the charts. */
export function mayReadFigures(role: string | undefined): boolean {
  return roleMay.audit.some((r) => r === role);
}
