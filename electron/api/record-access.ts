/**
 * The record made from, and signed with, the real store: the workflow (shared/domain/workflow.ts)
 * decides who may sign and whether the safeguards allow it, the bundle is what gets embedded, and
 * each signature is written back to the assessment (which locks it: later changes only by addendum).
 */
import type { Store } from '../store/index';
import { evaluate, presumption } from '../../shared/safeguards/index';
import { actorFor, countersignRefusal, signRefusal, statusAfterSignature, type Refusal } from '../../shared/domain/workflow';
import { exportBundle } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';
import { countersignWithStore, makeSignedRecord, RecordRefused, verifyRecord, type KnownCertificate, type RecordStoreAccess } from '../record/index';

/** The store's certificates as the verifier names signers: by the name shown on records. */
export function knownSigners(store: Store): KnownCertificate[] {
  return store.signing.knownCertificates().map((c) => ({ certificateSha256: c.certificateSha256, name: c.displayName, role: c.role }));
}

/**
 * The store as the record service sees it. `assessmentId` names the assessment a countersignature
 * belongs to (read from the record.json embedded in the PDF), so the signature can be noted on it.
 */
export function recordAccess(store: Store, countersigned?: { assessmentId?: string }): RecordStoreAccess {
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
      const role = event.role === 'manager' ? 'manager' : 'assessor';
      store.assessments.put({
        ...a,
        status: statusAfterSignature(a),
        signatures: [...a.signatures, { userId: event.userId, name: event.name, role, signedOn: event.signedOn, certificateSha256: event.certificateSha256, declaration: event.declaration }],
      });
    },
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
 * Adds the unlocked user's signature to a record that verifies as it stands, and notes it on the
 * assessment. The assessment is found from the record.json embedded in the PDF; a record whose
 * assessment is not in this store cannot be countersigned here (nobody could say who may sign it).
 */
export async function countersignStoredRecord(store: Store, pdf: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const actor = actorFor(store.session);
  const before = await verifyRecord(pdf, { knownCertificates: knownSigners(store) });
  const mine = new Set(store.signing.knownCertificates().filter((c) => c.userId === actor.userId).map((c) => c.certificateSha256));
  if (before.signatures.some((s) => s.certificateSha256 !== undefined && mine.has(s.certificateSha256))) {
    throw new SigningRefused({ code: 'CONFLICT', message: "You have already signed this record; the next signature must be another person's." });
  }
  const a = before.record.assessmentId ? store.assessments.get(before.record.assessmentId) : undefined;
  if (!a) throw new SigningRefused({ code: 'NOT_FOUND', message: "This record's assessment is not in this store, so it cannot be countersigned here." });
  const refusal = countersignRefusal(actor, a, new Date());
  if (refusal) throw new SigningRefused(refusal);
  return countersignWithStore(recordAccess(store, { assessmentId: a.id }), pdf, { userId: signerOf(store), passphrase });
}
