/**
 * Import and export of assessment bundles against the store, through a small interface so that
 * this logic does not depend on the store's internals. The integrator passes the real store
 * (see docs/cli.md, "Assessment verbs"); tests pass an in-memory double of the store.
 */
import { createHash } from 'node:crypto';
import type { Assessment } from '../../shared/domain/model';
import { AssessmentBundle, BUNDLE_FORMAT, BUNDLE_VERSION, canonicalJson, parseBundle, stableJson, type BundleError } from '../../shared/bundle/index';
import { noTrust, withoutUntrustedClaims, type ImportTrust, type UntrustedClaim } from './trust';

export { noTrust, type ImportTrust, type UntrustedClaim } from './trust';

type MaybePromise<T> = T | Promise<T>;

/** What import, export and `check ID` need from the store. */
export interface AssessmentStoreLike {
  assessments: {
    get(id: string): MaybePromise<Assessment | undefined>;
    /** Create or replace; the store validates, audits (actor) and refuses changes to a signed record (AA-31). */
    put(a: Assessment, actor: string): MaybePromise<void>;
    list(): MaybePromise<ReadonlyArray<{ id: string; reference?: string }>>;
  };
  attachments: {
    /** Stores the bytes and returns their SHA-256 (lower-case hex). */
    put(bytes: Uint8Array, name: string): MaybePromise<string>;
    get(sha256: string): MaybePromise<Uint8Array | undefined>;
  };
  /**
   * Optional: runs synchronous work in one store transaction. A store that has it gets every
   * bundle of an import written in one transaction (one commit for a thousand files), and
   * must then answer the calls made inside synchronously.
   */
  batch?<T>(work: () => T): T;
  /** Optional: the head of the assessment's audit chain, carried in the bundle. */
  audit?: { headHash(assessmentId: string): MaybePromise<string | undefined>; entries?(): MaybePromise<number> };
}

export class TransferError extends Error {
  constructor(
    message: string,
    readonly errors: BundleError[] = [],
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface Prepared {
  file: string;
  assessment: Assessment;
  bytes: Map<string, { data: Uint8Array; name: string }>;
  notTrusted: UntrustedClaim[];
}

/**
 * Validates one bundle text fully (schema, references, attachment hashes) and takes off every
 * workflow claim `trust` cannot prove (electron/bundle/trust.ts); writes nothing.
 */
export function prepareImport(text: string, file = 'bundle', trust: ImportTrust = noTrust('import')): Prepared {
  const r = parseBundle(text);
  if (!r.ok) throw new TransferError(`${file}: not a valid assessment bundle`, r.errors);
  const b = r.bundle;
  const bytes = new Map<string, { data: Uint8Array; name: string }>();
  const errors: BundleError[] = [];
  const evidence = b.assessment.evidence.map((e, i) => ({
    ...e,
    attachments: e.attachments.map((att, j) => {
      const { data: inline, ...ref } = att;
      const b64 = inline ?? b.attachments?.[att.sha256];
      if (b64 !== undefined) {
        const data = new Uint8Array(Buffer.from(b64, 'base64'));
        if (sha256(data) !== att.sha256) errors.push({ path: `assessment.evidence.${i}.attachments.${j}`, message: 'The attachment bytes do not match their SHA-256' });
        else if (data.length !== att.size) errors.push({ path: `assessment.evidence.${i}.attachments.${j}.size`, message: `Size ${att.size} does not match the ${data.length} bytes carried` });
        else bytes.set(att.sha256, { data, name: att.name });
      }
      return ref;
    }),
  }));
  if (errors.length) throw new TransferError(`${file}: attachment check failed`, errors);
  const { assessment, notTrusted } = withoutUntrustedClaims({ ...b.assessment, evidence }, trust);
  return { file, assessment, bytes, notTrusted };
}

/** Who recorded a departure is the importer's on the way in; an identical re-import by someone else is still identical. */
function sameContent(a: Assessment, b: Assessment): boolean {
  const key = (x: Assessment) => canonicalJson({ ...x, departures: x.departures.map((d) => ({ ...d, recordedBy: '' })) });
  return key(a) === key(b);
}

export interface ImportResult {
  file: string;
  id: string;
  reference: string;
  outcome: 'imported' | 'unchanged';
  /** The claims of the bundle this store did not take, and why (empty when nothing was taken off). */
  notTrusted: UntrustedClaim[];
}

/**
 * Imports bundles: every file is validated first, and if any fails nothing is written. Workflow
 * claims are taken only as far as `trust` proves them (by default: not at all).
 * An assessment already in the store is left alone when identical, and refused when different.
 */
export async function importBundles(
  store: AssessmentStoreLike,
  files: ReadonlyArray<{ file: string; text: string }>,
  actor: string,
  trust: ImportTrust = noTrust(actor),
): Promise<ImportResult[]> {
  const prepared = files.map((f) => prepareImport(f.text, f.file, trust));
  const seen = new Set<string>();
  for (const p of prepared) {
    if (seen.has(p.assessment.id)) throw new TransferError(`${p.file}: assessment ${p.assessment.id} appears in more than one file`);
    seen.add(p.assessment.id);
    const existing = await store.assessments.get(p.assessment.id);
    if (existing && !sameContent(existing, p.assessment)) {
      throw new TransferError(`${p.file}: assessment ${p.assessment.reference} (${p.assessment.id}) is already in the store with different content; nothing was imported`);
    }
  }
  if (store.batch) return store.batch(() => writePreparedNow(store, prepared, actor));
  const results: ImportResult[] = [];
  for (const p of prepared) {
    for (const [sha, { data, name }] of p.bytes) {
      const stored = await store.attachments.put(data, name);
      if (stored !== sha) throw new TransferError(`${p.file}: the store hashed attachment ${name} differently`);
    }
    const existing = await store.assessments.get(p.assessment.id);
    const base = { file: p.file, id: p.assessment.id, reference: p.assessment.reference, notTrusted: p.notTrusted };
    if (existing) results.push({ ...base, outcome: 'unchanged' });
    else {
      await store.assessments.put(p.assessment, actor);
      results.push({ ...base, outcome: 'imported' });
    }
  }
  return results;
}

/** The write phase of importBundles inside a store transaction: the same steps, with no await. */
function writePreparedNow(store: AssessmentStoreLike, prepared: Prepared[], actor: string): ImportResult[] {
  const now = <T>(value: MaybePromise<T>): T => {
    if (value instanceof Promise) throw new TransferError('A store that batches must answer synchronously inside the batch');
    return value;
  };
  return prepared.map((p): ImportResult => {
    for (const [sha, { data, name }] of p.bytes) {
      if (now(store.attachments.put(data, name)) !== sha) throw new TransferError(`${p.file}: the store hashed attachment ${name} differently`);
    }
    const base = { file: p.file, id: p.assessment.id, reference: p.assessment.reference, notTrusted: p.notTrusted };
    if (now(store.assessments.get(p.assessment.id))) return { ...base, outcome: 'unchanged' };
    now(store.assessments.put(p.assessment, actor));
    return { ...base, outcome: 'imported' };
  });
}

export interface ExportOptions {
  /** Carry attachment bytes (base64, keyed by SHA-256). */
  withAttachments?: boolean;
  exportedOn?: string;
  exportedBy?: string;
}

/** Builds the bundle for one assessment; stable key order, so the same record gives the same text. */
export async function exportBundle(store: AssessmentStoreLike, id: string, options: ExportOptions = {}): Promise<{ bundle: AssessmentBundle; text: string }> {
  const a = await store.assessments.get(id);
  if (!a) throw new TransferError(`No assessment with id ${id}`);
  const bundle: AssessmentBundle = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedOn: options.exportedOn ?? new Date().toISOString(),
    assessment: a,
  };
  if (options.exportedBy) bundle.exportedBy = options.exportedBy;
  if (options.withAttachments) {
    const map: Record<string, string> = {};
    for (const e of a.evidence) {
      for (const att of e.attachments) {
        const bytes = await store.attachments.get(att.sha256);
        if (!bytes) throw new TransferError(`Attachment ${att.name} (${att.sha256.slice(0, 12)}…) is referenced but not in the store`);
        map[att.sha256] = Buffer.from(bytes).toString('base64');
      }
    }
    if (Object.keys(map).length > 0) bundle.attachments = map;
  }
  const head = await store.audit?.headHash(id);
  // The store's audit head (hash and length) as exported: a later copy of the store must contain it.
  if (head) bundle.audit = { headHash: head, ...(store.audit?.entries ? { entries: await store.audit.entries() } : {}) };
  // Prove what we write reads back: an export that would not import is a bug, not a file.
  const check = AssessmentBundle.safeParse(bundle);
  if (!check.success) throw new TransferError('The stored assessment does not form a valid bundle', check.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  return { bundle, text: `${stableJson(bundle)}\n` };
}
