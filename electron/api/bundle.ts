/**
 * `bundles.import`: the one way bundles enter a store, for the app and for `carefile import`.
 * Each bundle's own signature (the exporter's) is checked first (electron/bundle/team-import.ts).
 * Signatures a bundle claims count only where a signed PDF record given with it proves them: a
 * valid signature, by a certificate this store knows, belonging to the claimed user in the claimed
 * role, over a record.json with the same signed content as the bundle's assessment.
 */
import type { HandlerMap } from './types';
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { createHash } from 'node:crypto';
import { type ImportTrust } from '../bundle/transfer';
import { importTarget } from '../bundle/store-target';
import { importTeamBundles, type SignerInfo } from '../bundle/team-import';
import { checkBundleSignature, type SignerCertificate } from '../bundle/signature';
import { signedContentDigest, type Store } from '../store/index';
import { knownSigners } from './record-access';
import { actorOf, allow, loadAssessment } from './workflow';
import { roleRefusal } from '../../shared/domain/workflow';
import { verifyRecord } from '../record/index';
import type { Assessment } from '../../shared/domain/model';
import { parseBundle } from '../../shared/bundle/index';

interface Proof {
  assessmentId: string;
  contentDigest: string;
  certificateSha256: string;
}

async function proofsFrom(store: Store, records: readonly string[]): Promise<Proof[]> {
  const proofs: Proof[] = [];
  for (const b64 of records) {
    const report = await verifyRecord(new Uint8Array(Buffer.from(b64, 'base64')), { knownCertificates: knownSigners(store) });
    const parsed = report.record.text === undefined ? undefined : parseBundle(report.record.text);
    if (!parsed?.ok || !report.record.matchesFooters) continue;
    const contentDigest = signedContentDigest(parsed.bundle.assessment);
    for (const s of report.signatures) {
      if (s.valid && s.knownSigner && s.certificateSha256) proofs.push({ assessmentId: parsed.bundle.assessment.id, contentDigest, certificateSha256: s.certificateSha256 });
    }
  }
  return proofs;
}

function actorName(store: Store): string {
  const s = store.session;
  return s.via === 'passphrase' ? s.displayName : 'Recovery key holder';
}

async function trustFor(store: Store, records: readonly string[]): Promise<ImportTrust> {
  const users = new Map(store.users.list({ includeRemoved: false }).map((u) => [u.id, u.role]));
  const certificates = new Map(store.signing.knownCertificates().map((c) => [c.certificateSha256, c]));
  const proofs = await proofsFrom(store, records);
  return {
    importer: actorName(store),
    userRole: (id) => users.get(id),
    signatureProof(original: Assessment, index: number) {
      const sig = original.signatures[index]!;
      const cert = certificates.get(sig.certificateSha256);
      if (!cert) return `certificate ${sig.certificateSha256.slice(0, 12)}… is not known to this store`;
      if (cert.userId !== sig.userId) return `that certificate belongs to ${cert.displayName}, not to the user the signature names`;
      if (cert.role !== sig.role) return `${cert.displayName} is a ${cert.role} here, not a ${sig.role}`;
      if (records.length === 0) return 'a bundle carries no signature bytes, and no signed PDF record was given to prove it';
      const digest = signedContentDigest(original);
      const proven = proofs.some((p) => p.assessmentId === original.id && p.certificateSha256 === sig.certificateSha256 && p.contentDigest === digest);
      return proven ? undefined : 'no signed record given has a valid signature by that certificate over this content';
    },
  };
}

/** Whose a bundle's signing certificate is here: a user of this store (any certificate ever issued), one an administrator trusted, or nobody's. */
export function signerLookup(store: Store): (cert: SignerCertificate) => Omit<SignerInfo, 'certificateSha256' | 'subject'> {
  const users = new Map(store.signing.knownCertificates().map((c) => [c.certificateSha256, c]));
  const trusted = new Map(store.bundles.trustedSigners().map((t) => [t.certificateSha256, t]));
  return (cert) => {
    const user = users.get(cert.certificateSha256);
    if (user) return { known: 'store-user', who: `${user.displayName} (${user.role} of this store${user.current ? '' : ', an earlier certificate'})` };
    const t = trusted.get(cert.certificateSha256);
    if (t) return { known: 'trusted', who: `trusted by ${t.addedBy} on ${t.addedOn.slice(0, 10)}` };
    return { known: 'unknown' };
  };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export const bundleHandlers = {
  'bundles.import': (input, ctx: HandlerContext) =>
    guardStore(async () => {
      // Who may import, and who may accept an unsigned bundle, is the workflow's decision (shared/domain/workflow.ts).
      const actor = actorOf(ctx);
      allow(roleRefusal(actor, 'import'));
      if (input.acceptUnsigned) allow(roleRefusal(actor, 'importUnsigned'));
      const store = storeSessionOf(ctx).store;
      const trust = await trustFor(store, input.records ?? []);
      const files = input.bundles.map((b) => ({ file: b.name, text: b.json }));
      return importTeamBundles(
        importTarget(store),
        files,
        { actor: trust.importer, trust, acceptUnsigned: input.acceptUnsigned === true, signerOf: signerLookup(store) },
        sha256,
      );
    }),

  'bundles.trustSigner': (input, ctx: HandlerContext) =>
    guardStore(() => {
      allow(roleRefusal(actorOf(ctx), 'trustBundleSigner'));
      const store = storeSessionOf(ctx).store;
      const sig = checkBundleSignature(input.bundle.json);
      if (sig.status === 'unsigned') throw new ApiFailure('INVALID_INPUT', `${input.bundle.name} is not signed: there is no certificate to trust.`, 'bundle');
      if (sig.status === 'invalid' || !sig.signer) {
        throw new ApiFailure('INVALID_INPUT', `${input.bundle.name}: the signature does not match the content (${sig.status === 'invalid' ? sig.reason : 'no signer'}); a certificate is trusted only from a bundle it really signed.`, 'bundle');
      }
      if (sig.signer.certificateSha256 !== input.fingerprint) {
        throw new ApiFailure('CONFLICT', `${input.bundle.name} was signed by the certificate with SHA-256 ${sig.signer.certificateSha256}, not the fingerprint given (${input.fingerprint}); nothing was trusted.`, 'fingerprint');
      }
      if (store.signing.knownCertificates().some((c) => c.certificateSha256 === input.fingerprint)) {
        throw new ApiFailure('CONFLICT', 'That certificate belongs to a user of this store; it is known already.', 'fingerprint');
      }
      const t = store.bundles.trustSigner(sig.signer.certificateDer, sig.signer.subject);
      return { certificateSha256: t.certificateSha256, subject: t.subject, addedOn: t.addedOn, addedBy: t.addedBy };
    }),

  'bundles.signers': (_input, ctx: HandlerContext) =>
    guardStore(() => {
      allow(roleRefusal(actorOf(ctx), 'read'));
      const signers = storeSessionOf(ctx).store.bundles.trustedSigners();
      return { signers: signers.map((t) => ({ certificateSha256: t.certificateSha256, subject: t.subject, addedOn: t.addedOn, addedBy: t.addedBy })) };
    }),

  'bundles.versions': (input, ctx: HandlerContext) =>
    guardStore(() => {
      allow(roleRefusal(actorOf(ctx), 'read'));
      const store = storeSessionOf(ctx).store;
      loadAssessment(store, input.id);
      const versions = store.bundles.versions(input.id);
      if (input.version === undefined) return { versions };
      const assessment = store.bundles.version(input.id, input.version);
      if (!assessment) throw new ApiFailure('NOT_FOUND', `Assessment ${input.id} has no version ${input.version} kept.`, 'version');
      return { versions, assessment };
    }),
} satisfies Partial<HandlerMap>;
