/**
 * `bundles.import`: the one way bundles enter a store, for the app and for `carefile import`.
 * Signatures a bundle claims count only where a signed PDF record given with it proves them: a
 * valid signature, by a certificate this store knows, belonging to the claimed user in the claimed
 * role, over a record.json with the same signed content as the bundle's assessment.
 */
import type { HandlerMap } from './types';
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { importBundles, TransferError, type ImportTrust } from '../bundle/transfer';
import { transferTarget } from '../bundle/store-target';
import { signedContentDigest, type Store } from '../store/index';
import { knownSigners } from './record-access';
import { actorOf, allow } from './workflow';
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

function transferFailure(err: unknown): never {
  if (err instanceof TransferError) {
    const details = err.errors.map((e) => `${e.path || '(document)'}: ${e.message}`);
    throw new ApiFailure(/already in the store/.test(err.message) ? 'CONFLICT' : 'INVALID_INPUT', [err.message, ...details].join('\n  '), err.errors[0]?.path);
  }
  throw err;
}

export const bundleHandlers = {
  'bundles.import': (input, ctx: HandlerContext) =>
    guardStore(async () => {
      // Who may import is the workflow's decision, like every other intent (shared/domain/workflow.ts).
      allow(roleRefusal(actorOf(ctx), 'import'));
      const store = storeSessionOf(ctx).store;
      const trust = await trustFor(store, input.records ?? []);
      const files = input.bundles.map((b) => ({ file: b.name, text: b.json }));
      const results = await importBundles(transferTarget(store), files, trust.importer, trust).catch(transferFailure);
      return { results };
    }),
} satisfies Partial<HandlerMap>;
