/**
 * The record made from, and signed with, the real store: the safeguard engine decides whether it
 * may be signed, the bundle is what gets embedded, and each signature is written back to the
 * assessment (which locks it: later changes only by addendum).
 */
import type { Store } from '../store/index';
import { evaluate, blocking, presumption } from '../../shared/safeguards/index';
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
      const findings = evaluate(assessment, { now });
      const blocks = blocking(findings);
      if (blocks.length > 0) {
        throw new RecordRefused(`the record cannot be signed while safeguards are unmet: ${blocks.map((f) => `${f.ruleId} ${f.message}`).join('; ')}`);
      }
      const { text } = await exportBundle(transferTarget(store), assessmentId, { exportedOn: now.toISOString() });
      return {
        assessment,
        context: {
          findings,
          presumption: presumption(assessment, now).status,
          auditHeadHash: store.audit.head().hash,
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
        status: a.status === 'authorised' ? 'authorised' : 'signed',
        signatures: [...a.signatures, { userId: event.userId, name: event.name, role, signedOn: event.signedOn, certificateSha256: event.certificateSha256 }],
      });
    },
  };
}

/** Only the unlocked user signs, with their own passphrase, and only as an assessor or manager. */
function signerOf(store: Store): string {
  const s = store.session;
  if (s.via !== 'passphrase') throw new RecordRefused('a record is signed with your own passphrase, not the recovery key');
  if (s.role === 'admin') throw new RecordRefused('only assessors and managers sign records');
  return s.userId;
}

/** Composes the record and adds the unlocked user's signature; the assessment is locked from then on. */
export async function signStoredAssessment(store: Store, assessmentId: string, passphrase: string): Promise<Uint8Array> {
  return makeSignedRecord(recordAccess(store), { assessmentId, userId: signerOf(store), passphrase });
}

/** Adds the unlocked user's signature to a record that verifies as it stands, and notes it on the assessment. */
export async function countersignStoredRecord(store: Store, pdf: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const userId = signerOf(store);
  const before = await verifyRecord(pdf, { knownCertificates: knownSigners(store) });
  const mine = new Set(store.signing.knownCertificates().filter((c) => c.userId === userId).map((c) => c.certificateSha256));
  if (before.signatures.some((s) => s.certificateSha256 !== undefined && mine.has(s.certificateSha256))) {
    throw new RecordRefused("you have already signed this record; the next signature must be another person's");
  }
  return countersignWithStore(recordAccess(store, { assessmentId: before.record.assessmentId }), pdf, { userId, passphrase });
}
