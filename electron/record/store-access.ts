/**
 * The record made from, and signed with, the real store: the safeguard engine decides whether it
 * may be signed, the bundle is what gets embedded, and each signature is written back to the
 * assessment (which locks it: later changes only by addendum).
 */
import type { Store } from '../store/index';
import { evaluate, blocking, presumption } from '../../shared/safeguards/index';
import { exportBundle } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';
import { countersignRecord, makeSignedRecord, RecordRefused, type RecordStoreAccess } from './service';
import { verifyRecord } from './verify';
import type { KnownCertificate } from './types';

/** The store's certificates as the verifier names signers: by the name shown on records. */
export function knownSigners(store: Store): KnownCertificate[] {
  return store.signing.knownCertificates().map((c) => ({ certificateSha256: c.certificateSha256, name: c.displayName, role: c.role }));
}

export function recordAccess(store: Store): RecordStoreAccess {
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
  };
}

function signerOf(store: Store): { userId: string; name: string; role: 'assessor' | 'manager' } {
  const s = store.session;
  if (s.via !== 'passphrase') throw new RecordRefused('a record is signed with your own passphrase, not the recovery key');
  if (s.role === 'admin') throw new RecordRefused('only assessors and managers sign records');
  return { userId: s.userId, name: s.displayName, role: s.role };
}

function noteSignature(store: Store, assessmentId: string, signer: ReturnType<typeof signerOf>, certificateSha256: string, signedOn: string): void {
  const a = store.assessments.get(assessmentId);
  if (!a) return;
  store.assessments.put({
    ...a,
    status: a.status === 'authorised' ? 'authorised' : 'signed',
    signatures: [...a.signatures, { userId: signer.userId, name: signer.name, role: signer.role, signedOn, certificateSha256 }],
  });
}

/** Composes the record and adds the unlocked user's signature; the assessment is locked from then on. */
export async function signStoredAssessment(store: Store, assessmentId: string, passphrase: string): Promise<Uint8Array> {
  const signer = signerOf(store);
  const now = new Date();
  const pdf = await makeSignedRecord(recordAccess(store), { assessmentId, userId: signer.userId, passphrase, now });
  const { certificateSha256 } = await store.signing.credentialsFor(signer.userId, passphrase);
  noteSignature(store, assessmentId, signer, certificateSha256, now.toISOString());
  return pdf;
}

/** Adds the unlocked user's signature to a record that verifies as it stands, and notes it on the assessment. */
export async function countersignStoredRecord(store: Store, pdf: Uint8Array, passphrase: string): Promise<Uint8Array> {
  const signer = signerOf(store);
  const now = new Date();
  const before = await verifyRecord(pdf, { knownCertificates: knownSigners(store) });
  const credentials = await store.signing.credentialsFor(signer.userId, passphrase);
  if (before.signatures.some((s) => s.certificateSha256 === credentials.certificateSha256)) {
    throw new RecordRefused('you have already signed this record; the next signature must be another person\'s');
  }
  const signed = await countersignRecord(pdf, { ...credentials, name: signer.name, role: signer.role }, { knownCertificates: knownSigners(store), now });
  if (before.record.assessmentId) noteSignature(store, before.record.assessmentId, signer, credentials.certificateSha256, now.toISOString());
  return signed;
}
