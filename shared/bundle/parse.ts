import type { z } from 'zod';
import type { Assessment } from '../domain/model';
import { AssessmentBundle, BUNDLE_FORMAT, BUNDLE_VERSION } from './schema';
import { upgradeLegacyAssessment } from './legacy';

export interface BundleError {
  /** Dotted path, e.g. `assessment.sessions.0.start`; empty for the whole document. */
  path: string;
  message: string;
}

export type ParseBundleResult = { ok: true; bundle: AssessmentBundle } | { ok: false; errors: BundleError[] };

const pathOf = (p: readonly PropertyKey[]) => p.map(String).join('.');

/**
 * Validates a bundle (text or parsed JSON) and returns every error with its path, or the bundle
 * with defaults applied. Never throws for bad input.
 */
export function parseBundle(input: unknown): ParseBundleResult {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (err) {
      return { ok: false, errors: [{ path: '', message: `Not valid JSON: ${err instanceof Error ? err.message : String(err)}` }] };
    }
  }
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const { format, version } = json as { format?: unknown; version?: unknown };
    if (format === BUNDLE_FORMAT && typeof version === 'number' && version > BUNDLE_VERSION) {
      return { ok: false, errors: [{ path: 'version', message: `Bundle version ${version} is newer than this Carefile reads (${BUNDLE_VERSION}); update Carefile.` }] };
    }
  }
  // Version 1 bundles written before identity codes and date ranges still import (shared/bundle/legacy.ts).
  if (json && typeof json === 'object' && !Array.isArray(json) && 'assessment' in json) {
    json = { ...(json as Record<string, unknown>), assessment: upgradeLegacyAssessment((json as { assessment: unknown }).assessment) };
  }
  const r = AssessmentBundle.safeParse(json);
  if (!r.success) return { ok: false, errors: flatten(r.error.issues) };
  const refErrors = referenceErrors(r.data);
  return refErrors.length ? { ok: false, errors: refErrors } : { ok: true, bundle: r.data };
}

function flatten(issues: readonly z.core.$ZodIssue[]): BundleError[] {
  const out: BundleError[] = [];
  for (const i of issues) {
    if (i.code === 'invalid_union' && 'errors' in i && i.errors.length > 0) {
      out.push(...flatten(i.errors.flat()).map((e) => ({ ...e, path: [pathOf(i.path), e.path].filter(Boolean).join('.') })));
    } else out.push({ path: pathOf(i.path), message: i.message });
  }
  return out;
}

/**
 * Integrity the schema cannot express: unique ids, and references that point at something. Used on
 * import and on every save (`assessments.put`), so neither path can store a dangling reference.
 * `prefix` is the path of the assessment in the document being checked.
 */
export function assessmentReferenceErrors(a: Assessment, prefix = 'assessment'): BundleError[] {
  const errors: BundleError[] = [];
  const unique = (name: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push({ path: `${prefix}.${name}.${i}.id`, message: `Duplicate id "${id}"` });
      seen.add(id);
    });
  };
  unique('participants', a.participants.map((p) => p.id));
  unique('sessions', a.sessions.map((s) => s.id));
  unique('evidence', a.evidence.map((e) => e.id));
  unique('adversePoints', a.adversePoints.map((p) => p.id));
  const participants = new Set(a.participants.map((p) => p.id));
  a.sessions.forEach((s, i) =>
    s.presentParticipantIds.forEach((id, j) => {
      if (!participants.has(id)) errors.push({ path: `${prefix}.sessions.${i}.presentParticipantIds.${j}`, message: `No participant with id "${id}"` });
    }),
  );
  a.sessions.forEach((s, i) => {
    if (Date.parse(s.end) < Date.parse(s.start)) errors.push({ path: `${prefix}.sessions.${i}.end`, message: 'The session ends before it starts' });
  });
  return errors;
}

function referenceErrors(b: AssessmentBundle): BundleError[] {
  const errors = assessmentReferenceErrors(b.assessment);
  if (b.attachments) {
    const refs = new Set(b.assessment.evidence.flatMap((e) => e.attachments.map((x) => x.sha256)));
    for (const sha of Object.keys(b.attachments)) {
      if (!refs.has(sha)) errors.push({ path: `attachments.${sha}`, message: 'Attachment bytes are not referenced by any evidence item' });
    }
  }
  return errors;
}
