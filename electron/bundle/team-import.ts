/**
 * Team import (docs/bundle-format.md, "Importing many bundles"): many signed bundles in one go,
 * each one checked whole (signature, signer, content) before anything of it is written, and
 * written whole or not at all. One bundle refused never stops the others; the answer says, for
 * each, imported, unchanged, superseded or refused, and why.
 *
 * Writes go in groups: one transaction per group with a savepoint per bundle, so a crash loses
 * at most the group in progress, and every bundle is either fully in the store or fully out.
 * One commit per bundle would cost a full fsync each (synchronous = FULL), most of the time.
 */
import type { Assessment } from '../../shared/domain/model';
import { canonicalJson } from '../../shared/bundle/index';
import { checkBundleSignature, type SignerCertificate } from './signature';
import { prepareImport, TransferError, type Prepared } from './transfer';
import type { ImportTrust, UntrustedClaim } from './trust';

/** What an import needs of the store; every call is synchronous so a bundle's writes share one transaction. */
export interface ImportTarget {
  get(id: string): Assessment | undefined;
  /** Create or replace; the store validates and audits it, and refuses to change a signed record. */
  put(a: Assessment, actor: string): void;
  /** Stores the bytes; returns their SHA-256. */
  putAttachment(bytes: Uint8Array, name: string): string;
  /** Runs fn as one transaction, or as a savepoint inside the one already open. */
  atomically<T>(fn: () => T): T;
  /** Keeps the stored form before it is superseded; returns its version number. */
  keepVersion(current: Assessment, actor: string): number;
  /** The versions kept so far, oldest first. */
  versions(id: string): Array<{ version: number }>;
  version(id: string, version: number): Assessment | undefined;
  auditImport(action: 'bundle.accept-unsigned' | 'bundle.signed-import', assessmentId: string, digest: string, actor: string): void;
}

export type Outcome = 'imported' | 'unchanged' | 'superseded' | 'refused';

export interface SignerInfo {
  certificateSha256: string;
  subject: string;
  /** How this store knows the certificate: a user of this store, one an administrator trusted, or not at all. */
  known: 'store-user' | 'trusted' | 'unknown';
  /** For a known certificate: whose it is. */
  who?: string;
}

export interface BundleOutcome {
  file: string;
  outcome: Outcome;
  id?: string;
  reference?: string;
  /** Why it was refused, or what was done (e.g. "version 2 kept"). Plain words. */
  reason?: string;
  /** Field-level detail for a refused bundle's content. */
  errors?: Array<{ path: string; message: string }>;
  signer?: SignerInfo;
  /** An unsigned bundle an administrator accepted (audited). */
  acceptedUnsigned?: boolean;
  /** For a superseded assessment: the number the earlier version was kept under. */
  keptVersion?: number;
  notTrusted: UntrustedClaim[];
}

export interface ImportSummary {
  imported: number;
  unchanged: number;
  superseded: number;
  refused: number;
}

export interface ImportOptions {
  actor: string;
  trust: ImportTrust;
  /** An administrator's explicit acceptance of unsigned bundles (the caller checks the role). */
  acceptUnsigned: boolean;
  /** Whose certificate this is in this store, if anyone's. */
  signerOf(cert: SignerCertificate): Omit<SignerInfo, 'certificateSha256' | 'subject'>;
  /** Bundles written per transaction (default 50). */
  groupSize?: number;
  /** After each group is committed: how many bundles are done. */
  onProgress?(done: number, total: number): void;
}

/** The content as the store compares it: who recorded a departure is the importer's on the way in. */
const contentKey = (a: Assessment) => canonicalJson({ ...a, departures: a.departures.map((d) => ({ ...d, recordedBy: '' })) });

type Checked = { ok: true; prepared: Prepared; signer?: SignerInfo; unsigned: boolean; digest: string } | { ok: false; result: BundleOutcome };

/** Everything about one bundle that can be known without writing: signature, signer, content. */
function check(file: string, text: string, options: ImportOptions): Checked {
  const refused = (reason: string, extra: Partial<BundleOutcome> = {}): Checked => ({ ok: false, result: { file, outcome: 'refused', reason, notTrusted: [], ...extra } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return refused(`not a bundle: the file is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const sig = checkBundleSignature(json);
  let signer: SignerInfo | undefined;
  if (sig.status === 'invalid') {
    const who = sig.signer ? { signer: { certificateSha256: sig.signer.certificateSha256, subject: sig.signer.subject, ...options.signerOf(sig.signer) } } : {};
    return refused(`tampered or damaged: the signature does not match the content (${sig.reason})`, who);
  }
  if (sig.status === 'unsigned') {
    if (!options.acceptUnsigned) return refused('unsigned: a bundle must be signed by the person who exported it; an administrator may accept an unsigned bundle explicitly (audited)');
  } else {
    signer = { certificateSha256: sig.signer.certificateSha256, subject: sig.signer.subject, ...options.signerOf(sig.signer) };
    if (signer.known === 'unknown') {
      return refused(
        `signed by a certificate this store does not know: "${sig.signer.subject}", SHA-256 ${sig.signer.certificateSha256}; an administrator who has checked that fingerprint with its owner may trust it`,
        { signer },
      );
    }
  }
  const withoutSignature = { ...(json as Record<string, unknown>) };
  delete withoutSignature.signature;
  let prepared: Prepared;
  try {
    prepared = prepareImport(withoutSignature, file, options.trust);
  } catch (err) {
    if (!(err instanceof TransferError)) throw err;
    return refused(err.message.replace(`${file}: `, ''), { errors: err.errors, ...(signer ? { signer } : {}) });
  }
  // What the audit event records: who signed which content (the signed bytes' hash), or the unsigned content itself.
  const digest = sig.status === 'valid' ? `${sig.signer.certificateSha256}:${sig.contentSha256}` : canonicalJson({ signer: null, content: (json as { assessment?: unknown }).assessment ?? null });
  return { ok: true, prepared, signer, unsigned: sig.status === 'unsigned', digest };
}

/** Writes one checked bundle inside the open transaction, or throws (its savepoint is then rolled back). */
function write(target: ImportTarget, c: Extract<Checked, { ok: true }>, actor: string, hash: (s: string) => string): BundleOutcome {
  const p = c.prepared;
  const a = p.assessment;
  const base: BundleOutcome = {
    file: p.file,
    outcome: 'imported',
    id: a.id,
    reference: a.reference,
    notTrusted: p.notTrusted,
    ...(c.signer ? { signer: c.signer } : {}),
    ...(c.unsigned ? { acceptedUnsigned: true } : {}),
  };
  const existing = target.get(a.id);
  let keptVersion: number | undefined;
  if (existing) {
    if (contentKey(existing) === contentKey(a)) return { ...base, outcome: 'unchanged', reason: 'the store already holds this version' };
    if (Date.parse(a.updatedOn) <= Date.parse(existing.updatedOn)) {
      const key = contentKey(a);
      const kept = target.versions(a.id).find((v) => {
        const old = target.version(a.id, v.version);
        return old !== undefined && contentKey(old) === key;
      });
      if (kept) return { ...base, outcome: 'unchanged', reason: `an earlier version the store already keeps (version ${kept.version})` };
      const same = Date.parse(a.updatedOn) === Date.parse(existing.updatedOn);
      return {
        ...base,
        outcome: 'refused',
        reason: same
          ? `conflict: the store holds a different version of ${a.reference} updated at the same time (${existing.updatedOn}); nothing was written`
          : `older than the version in the store (this one was updated ${a.updatedOn}, the store's ${existing.updatedOn}); nothing was written`,
      };
    }
    keptVersion = target.keepVersion(existing, actor);
  }
  for (const [sha, { data, name }] of p.bytes) {
    const stored = target.putAttachment(data, name);
    if (stored !== sha) throw new TransferError(`the store hashed attachment ${name} differently`);
  }
  target.put(a, actor);
  target.auditImport(c.unsigned ? 'bundle.accept-unsigned' : 'bundle.signed-import', a.id, hash(c.digest), actor);
  return keptVersion === undefined ? base : { ...base, outcome: 'superseded', keptVersion, reason: `the earlier version is kept as version ${keptVersion}` };
}

/**
 * Imports bundles: each is checked fully before any of it is written, and written whole or not at
 * all. Never throws for a bad bundle (it is refused with the reason); a store fault (disk full)
 * is thrown after the groups before it were committed.
 */
export function importTeamBundles(
  target: ImportTarget,
  files: ReadonlyArray<{ file: string; text: string }>,
  options: ImportOptions,
  hash: (s: string) => string,
): { results: BundleOutcome[]; summary: ImportSummary } {
  const results: BundleOutcome[] = [];
  const group = Math.max(1, options.groupSize ?? 50);
  for (let start = 0; start < files.length; start += group) {
    const slice = files.slice(start, start + group);
    const done = target.atomically(() =>
      slice.map((f) => {
        const c = check(f.file, f.text, options);
        if (!c.ok) return c.result;
        try {
          return target.atomically(() => {
            const r = write(target, c, options.actor, hash);
            // A refusal found while writing rolls this bundle's savepoint back, whatever was done.
            if (r.outcome === 'refused') throw new Refused(r);
            return r;
          });
        } catch (err) {
          if (err instanceof Refused) return err.result;
          const message = err instanceof Error ? err.message : String(err);
          if (!refusable(err)) throw err;
          return { file: f.file, outcome: 'refused' as const, id: c.prepared.assessment.id, reference: c.prepared.assessment.reference, reason: `${message}; nothing was written`, notTrusted: c.prepared.notTrusted, ...(c.signer ? { signer: c.signer } : {}) };
        }
      }),
    );
    results.push(...done);
    options.onProgress?.(results.length, files.length);
  }
  const summary: ImportSummary = { imported: 0, unchanged: 0, superseded: 0, refused: 0 };
  for (const r of results) summary[r.outcome]++;
  return { results, summary };
}

class Refused extends Error {
  constructor(readonly result: BundleOutcome) {
    super(result.reason);
  }
}

/**
 * What refuses one bundle: its content (the store's validation, a signed record it may not
 * change). Anything else, a fault of the machine (disk full, I/O) or a bug, fails the whole call.
 */
function refusable(err: unknown): boolean {
  if (err instanceof TransferError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ['INVALID_INPUT', 'LOCKED', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND'].includes(code);
}
