/**
 * What signed bundles keep in the store (schema v3): earlier versions of an assessment that an
 * imported newer one superseded, certificates an administrator trusts for bundles, and the audit
 * events of those decisions. Every write here runs inside the transaction of the import it serves.
 */
import { Assessment } from '../../shared/domain/model';
import { appendAudit } from './audit';
import type { Db } from './db';
import { canonicalJson, digestOf, sha256Hex } from './canonical';
import { InvalidInputError } from './errors';

export interface AssessmentVersionInfo {
  version: number;
  /** The superseded version's own `updatedOn`. */
  updatedOn: string;
  supersededOn: string;
  digest: string;
}

export interface TrustedBundleSigner {
  certificateSha256: string;
  certificateDer: Uint8Array;
  subject: string;
  addedOn: string;
  addedBy: string;
}

export class BundleRecords {
  constructor(private readonly db: Db) {}

  /** Runs `fn` as one transaction (a savepoint when already inside one): all of it is written, or none. */
  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Keeps the stored form of an assessment about to be superseded; returns its version number (1, 2, …). */
  keepVersion(current: Assessment, actor: string, now = new Date().toISOString()): number {
    return this.atomically(() => {
      const row = this.db.prepare('SELECT max(version) AS n FROM assessment_version WHERE assessment_id = ?').get(current.id) as { n: number | null };
      const version = (row.n ?? 0) + 1;
      const digest = digestOf(current);
      this.db
        .prepare('INSERT INTO assessment_version (assessment_id, version, updated_on, superseded_on, digest, data) VALUES (?, ?, ?, ?, ?, ?)')
        .run(current.id, version, current.updatedOn, now, digest, canonicalJson(current));
      // Its own entity type: the latest 'assessment' event must stay the one for the current form (verify.ts).
      appendAudit(this.db, { actor, action: 'assessment.version-kept', entityType: 'assessment-version', entityId: `${current.id}#${version}`, digest });
      return version;
    });
  }

  versions(assessmentId: string): AssessmentVersionInfo[] {
    const rows = this.db
      .prepare('SELECT version, updated_on, superseded_on, digest FROM assessment_version WHERE assessment_id = ? ORDER BY version')
      .all(assessmentId) as Array<{ version: number; updated_on: string; superseded_on: string; digest: string }>;
    return rows.map((r) => ({ version: r.version, updatedOn: r.updated_on, supersededOn: r.superseded_on, digest: r.digest }));
  }

  version(assessmentId: string, version: number): Assessment | undefined {
    const row = this.db.prepare('SELECT data, digest FROM assessment_version WHERE assessment_id = ? AND version = ?').get(assessmentId, version) as
      | { data: string; digest: string }
      | undefined;
    if (!row) return undefined;
    const a = Assessment.parse(JSON.parse(row.data));
    if (digestOf(a) !== row.digest) throw new InvalidInputError(`Version ${version} of assessment ${assessmentId} no longer matches its digest.`);
    return a;
  }

  /** Trusts a certificate for signed bundles (an administrator's decision; the caller checks the role). */
  trustSigner(der: Uint8Array, subject: string, actor: string, now = new Date().toISOString()): TrustedBundleSigner {
    const sha = sha256Hex(der);
    return this.atomically(() => {
      const existing = this.trustedSigners().find((s) => s.certificateSha256 === sha);
      if (existing) return existing;
      this.db.prepare('INSERT OR REPLACE INTO bundle_signer (sha256, der, subject, added_on, added_by) VALUES (?, ?, ?, ?, ?)').run(sha, Buffer.from(der), subject, now, actor);
      appendAudit(this.db, { actor, action: 'bundle-signer.trust', entityType: 'bundle-signer', entityId: sha, digest: digestOf({ sha256: sha, subject }) });
      return { certificateSha256: sha, certificateDer: der, subject, addedOn: now, addedBy: actor };
    });
  }

  /** Trusted certificates; a row without its audit event, or whose bytes no longer match its hash, is not trusted. */
  trustedSigners(): TrustedBundleSigner[] {
    const audited = new Set(
      (this.db.prepare("SELECT entity_id, digest FROM audit_event WHERE action = 'bundle-signer.trust'").all() as Array<{ entity_id: string; digest: string }>).map(
        (r) => `${r.entity_id} ${r.digest}`,
      ),
    );
    const rows = this.db.prepare('SELECT sha256, der, subject, added_on, added_by FROM bundle_signer ORDER BY added_on').all() as Array<{
      sha256: string;
      der: Buffer;
      subject: string;
      added_on: string;
      added_by: string;
    }>;
    return rows
      .filter((r) => sha256Hex(r.der) === r.sha256 && audited.has(`${r.sha256} ${digestOf({ sha256: r.sha256, subject: r.subject })}`))
      .map((r) => ({ certificateSha256: r.sha256, certificateDer: new Uint8Array(r.der), subject: r.subject, addedOn: r.added_on, addedBy: r.added_by }));
  }

  /** An audited import decision (e.g. an administrator accepting an unsigned bundle), inside the import's transaction. */
  auditImport(action: 'bundle.accept-unsigned' | 'bundle.signed-import', assessmentId: string, digest: string, actor: string): void {
    appendAudit(this.db, { actor, action, entityType: 'bundle-import', entityId: assessmentId, digest });
  }
}
