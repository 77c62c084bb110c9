/**
 * The signed PDF record kept with its assessment (schema v3), so a countersignature, the manager's
 * authorisation and the hand-over work from the store rather than from files passed around. Only
 * the latest revision is kept: every later signature is an incremental update, so it starts with
 * the earlier revision's bytes unchanged, and a replacement that does not is refused (nothing can
 * swap the stored record for a different document).
 */
import type { Db } from './db';
import { appendAudit } from './audit';
import { sha256Hex } from './canonical';
import { ConflictError, InvalidInputError } from './errors';

export interface StoredRecord {
  assessmentId: string;
  pdf: Uint8Array;
  sha256: string;
  /** How many signatures the PDF holds (one revision per signature). */
  signatures: number;
  storedOn: string;
}

/** A signed record is a PDF; 40 MB is the most the record channels accept. */
const MAX_RECORD_BYTES = 40 * 1024 * 1024;

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && Buffer.compare(bytes.subarray(0, prefix.length), prefix) === 0;
}

export class SignedRecords {
  constructor(
    private readonly db: Db,
    private readonly defaultActor: () => string,
  ) {}

  get(assessmentId: string): StoredRecord | undefined {
    const row = this.db.prepare('SELECT pdf, sha256, signatures, stored_on FROM signed_record WHERE assessment_id = ?').get(assessmentId) as
      | { pdf: Buffer; sha256: string; signatures: number; stored_on: string }
      | undefined;
    if (!row) return undefined;
    return { assessmentId, pdf: new Uint8Array(row.pdf), sha256: row.sha256, signatures: row.signatures, storedOn: row.stored_on };
  }

  /** Keeps `pdf` as the assessment's signed record; a replacement must extend the one kept (an incremental update). Audited. */
  put(assessmentId: string, pdf: Uint8Array, signatures: number, actor = this.defaultActor(), now = new Date().toISOString()): StoredRecord {
    if (pdf.length > MAX_RECORD_BYTES) throw new InvalidInputError('A signed record larger than 40 MB is not kept.', 'pdf');
    return this.db.transaction(() => {
      const current = this.get(assessmentId);
      if (current && !startsWith(pdf, current.pdf)) {
        throw new ConflictError('This PDF does not continue the signed record kept with the assessment (an earlier or a different copy): sign the record kept in the store.', 'pdf');
      }
      const sha256 = sha256Hex(pdf);
      if (current?.sha256 === sha256) return current;
      this.db
        .prepare(
          `INSERT INTO signed_record (assessment_id, pdf, sha256, signatures, stored_on) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (assessment_id) DO UPDATE SET pdf = excluded.pdf, sha256 = excluded.sha256, signatures = excluded.signatures, stored_on = excluded.stored_on`,
        )
        .run(assessmentId, Buffer.from(pdf), sha256, signatures, now);
      appendAudit(this.db, { actor, action: current ? 'record.update' : 'record.store', entityType: 'signed-record', entityId: assessmentId, digest: sha256 });
      return { assessmentId, pdf, sha256, signatures, storedOn: now };
    })();
  }
}
