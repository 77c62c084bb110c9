import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Assessment } from '../../../shared/domain/model';

export const bundlesDir = fileURLToPath(new URL('../../fixtures/bundles/', import.meta.url));
export const NOW = '2026-10-02T12:00:00Z';

export function loadBundleJson(name: string): { assessment: unknown } & Record<string, unknown> {
  return JSON.parse(readFileSync(`${bundlesDir}${name}`, 'utf8'));
}

/** A fresh, parsed copy of an assessment fixture (tests mutate it freely). */
export function loadAssessment(name = 'compliant.json'): Assessment {
  return Assessment.parse(loadBundleJson(name).assessment);
}

/** Loosely typed JSON for tests that break documents on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;
