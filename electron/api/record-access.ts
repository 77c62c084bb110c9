/**
 * The record made from, and signed with, the real store: the workflow (shared/domain/workflow.ts)
 * decides who may sign and whether the safeguards allow it, the bundle is what gets embedded, and
 * each signature is written back to the assessment (which locks it: later changes only by addendum).
 */
import type { Store } from '../store/index';
import { evaluate, presumption } from '../../shared/safeguards/index';
import { actorFor, authoriseRefusal, countersignRefusal, signRefusal, statusAfterSignature, type Refusal } from '../../shared/domain/workflow';
import type { Assessment } from '../../shared/domain/model';
import { exportBundle } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';
import { countersignWithStore, makeSignedRecord, previewRecord, RecordRefused, verifyRecord, type KnownCertificate, type RecordStoreAccess, type SignatureEvent } from '../record/index';

/** The store's certificates as the verifier names signers: by the name shown on records. */
export function knownSigners(store: Store): KnownCertificate[] {
  return store.signing.knownCertificates().map((c) => ({ certificateSha256: c.certificateSha256, name: c.displayName, role: c.role }));
}

/**
 * The store as the record service sees it. `assessmentId` names the assessment a countersignature
 * belongs to (read from the record.json embedded in the PDF), so the signature can be noted on it.
 */
export function recordAccess(store: Store, countersigned?: { assessmentId?: string; authorisation?: { comment?: string } }): RecordStoreAccess {
  return {
    async recordInput(assessmentId) {
      const assessment = store.assessments.get(assessmentId);
      if (!assessment) throw new RecordRefused(`there is no assessment ${assessmentId}`);
      const now = new Date();
      // Whether it may be signed was decided before (signStoredAssessment); these are shown in the record.
      const findings = evaluate(assessment, { now });
      const { text } = await exportBundle(transferTarget(store), assessmentId, { exportedOn: now.toISOString() });
      return {
        assessment,
        context: {
          findings,
          presumption: presumption(assessment, now).status,
          // The head as event count and hash: a later copy of the store (or its signed head) must contain it.
          auditHeadHash: ((h) => `${h.hash} (event ${h.seq})`)(store.audit.head()),
          attachments: (sha) => store.attachments.get(sha),
          recordJson: text,
        },
      };
    },
    credentialsFor: (userId, passphrase) => store.signing.credentialsFor(userId, passphrase),
    async signerInfo(userId) {
      const user = store.users.list({ includeRemoved: false }).find((u) => u.id === userId);
      if (!user) throw new RecordRefused('the signing user is not in this store');
      return { name: user.displayName, role: user.role };
    },
    knownCertificates: async () => knownSigners(store),
    async recordSignature(event) {
      const id = event.assessmentId ?? countersigned?.assessmentId;
      const a = id ? store.assessments.get(id) : undefined;
      if (!a) return;
      // The assessment notes the signature and the store keeps the signed PDF, in one transaction.
      store.records.put(a.id, event.pdf, event.signatureCount, afterSignature(a, event, countersigned?.authorisation));
    },
  };
}

/**
 * The assessment once this signature is on it. A manager's signature is the authorisation
 * (docs/decisions/record-later-signatures-in-the-update.md, items 1 and 4):
 * it sets the status and the review's authorisation, with the manager's comment. An assessment
 * already authorised (in an older store a review could authorise without signing) keeps its authorisation.
 */
function afterSignature(a: Assessment, event: SignatureEvent, authorisation?: { comment?: string }): Assessment {
  const role = event.role === 'manager' ? 'manager' : 'assessor';
  const signatures = [...a.signatures, { userId: event.userId, name: event.name, role, signedOn: event.signedOn, certificateSha256: event.certificateSha256, declaration: event.declaration } as const];
  if (role !== 'manager' || a.status === 'authorised') return { ...a, status: statusAfterSignature(a), signatures, updatedOn: event.signedOn };
  const comment = { by: event.name, on: event.signedOn, text: authorisation?.comment ?? 'Authorised by signing the record.', outcome: 'authorised' as const };
  return {
    ...a,
    status: 'authorised',
    signatures,
    review: { ...a.review, comments: [...a.review.comments, comment], authorisedBy: event.name, authorisedOn: event.signedOn },
    updatedOn: event.signedOn,
  };
}

/** A signature the workflow refuses; `refusal.code` is the contract's error code. */
export class SigningRefused extends RecordRefused {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
    this.name = 'SigningRefused';
  }
}

function signerOf(store: Store): string {
  const s = store.session;
  if (s.via !== 'passphrase') throw new SigningRefused({ code: 'FORBIDDEN', message: 'A record is signed with your own passphrase, not the recovery key.' });
  return s.userId;
}

/** Composes the record and adds the unlocked user's signature; the assessment is locked from then on. */
export async function signStoredAssessment(store: Store, assessmentId: string, passphrase: string): Promise<Uint8Array> {
  const a = store.assessments.get(assessmentId);
  if (!a) throw new SigningRefused({ code: 'NOT_FOUND', message: `There is no assessment ${assessmentId}.`, field: 'id' });
  const refusal = signRefusal(actorFor(store.session), a, new Date());
  if (refusal) throw new SigningRefused(refusal);
  return makeSignedRecord(recordAccess(store), { assessmentId, userId: signerOf(store), passphrase });
}

/**
 * Adds the unlocked user's signature to a record that verifies as it stands, notes it on the
 * assessment and keeps the new revision with it. The record is the one kept with the assessment
 * (`assessmentId`), or a PDF handed in, whose assessment is found from its embedded record.json; a
 * handed-in PDF must be the one kept (or continue it), so the store never holds two diverging
 * records. A record whose assessment is not in this store cannot be countersigned here (nobody could
 * say who may sign it). A manager's signature is the authorisation: it carries their comment.
 */
export async function countersignStoredRecord(
  store: Store,
  source: { pdf: Uint8Array } | { assessmentId: string },
  passphrase: string,
  opts: { comment?: string } = {},
): Promise<Uint8Array> {
  const actor = actorFor(store.session);
  const kept = 'assessmentId' in source ? store.records.get(source.assessmentId) : undefined;
  if ('assessmentId' in source && !kept) {
    const exists = store.assessments.get(source.assessmentId);
    throw new SigningRefused({ code: 'NOT_FOUND', message: exists ? 'No signed record is kept with this assessment yet: the first assessor signs it, or countersign the PDF file.' : `There is no assessment ${source.assessmentId}.`, field: 'id' });
  }
  const pdf = kept ? kept.pdf : (source as { pdf: Uint8Array }).pdf;
  const before = await verifyRecord(pdf, { knownCertificates: knownSigners(store) });
  const mine = new Set(store.signing.knownCertificates().filter((c) => c.userId === actor.userId).map((c) => c.certificateSha256));
  if (before.signatures.some((s) => s.certificateSha256 !== undefined && mine.has(s.certificateSha256))) {
    throw new SigningRefused({ code: 'CONFLICT', message: "You have already signed this record; the next signature must be another person's." });
  }
  const a = before.record.assessmentId ? store.assessments.get(before.record.assessmentId) : undefined;
  if (!a) throw new SigningRefused({ code: 'NOT_FOUND', message: "This record's assessment is not in this store, so it cannot be countersigned here." });
  const now = new Date();
  const refusal = countersignRefusal(actor, a, now);
  if (refusal) throw new SigningRefused(refusal);
  if (!kept) {
    const current = store.records.get(a.id);
    if (current && (pdf.length < current.pdf.length || Buffer.compare(Buffer.from(pdf.subarray(0, current.pdf.length)), Buffer.from(current.pdf)) !== 0)) {
      throw new SigningRefused({
        code: 'CONFLICT',
        message: `This is not the latest signed record of ${a.reference}: the one kept with the assessment has ${current.signatures} signature${current.signatures === 1 ? '' : 's'}. Countersign the record kept in the store.`,
        field: 'pdfBase64',
      });
    }
  }
  // A manager's signature is the authorisation (the only way to it): the authorisation's rules apply.
  if (actor.role === 'manager' && a.status !== 'authorised') {
    const refused = authoriseRefusal(actor, a, now);
    if (refused) throw new SigningRefused(refused);
  }
  return countersignWithStore(recordAccess(store, { assessmentId: a.id, authorisation: { comment: opts.comment } }), pdf, { userId: signerOf(store), passphrase, now, comment: opts.comment });
}

/** The unsigned record as it stands: what the first signer would sign (a preview; it says it is not the signed record). */
export async function previewStoredAssessment(store: Store, assessmentId: string): Promise<Uint8Array> {
  if (!store.assessments.get(assessmentId)) throw new SigningRefused({ code: 'NOT_FOUND', message: `There is no assessment ${assessmentId}.`, field: 'id' });
  return previewRecord(recordAccess(store), assessmentId);
}
