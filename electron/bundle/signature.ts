/**
 * Signed bundles (docs/bundle-format.md, "Signature"; docs/decisions/bundle-01-cms-signature.md).
 * The exporting user's key signs a detached CMS SignedData (the record's own CMS builder and
 * strict checker, electron/record/cms.ts) over the UTF-8 bytes of the bundle's canonical JSON
 * less its `signature` member; the signer's certificate travels inside the CMS.
 */
import { createHash, X509Certificate, type KeyObject } from 'node:crypto';
import { buildSignedData } from '../record/index';
import { verifyBundleCms } from './cms-verify';
import { splitSignature, stableJson } from '../../shared/bundle/index';

export interface BundleSigner {
  privateKey: KeyObject;
  certificateDer: Uint8Array;
}

export interface SignerCertificate {
  certificateSha256: string;
  certificateDer: Uint8Array;
  /** The certificate's subject common name (who it says it is: not proof of anything by itself). */
  subject: string;
}

export type SignatureCheck =
  | { status: 'unsigned' }
  | { status: 'invalid'; reason: string; signer?: SignerCertificate }
  | { status: 'valid'; signer: SignerCertificate; /** SHA-256 of the signed bytes (the canonical content). */ contentSha256: string };

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The bundle document with its signature member set; written with stableJson like any export. */
export function signBundle(doc: Record<string, unknown>, signer: BundleSigner): { doc: Record<string, unknown>; text: string } {
  const split = splitSignature(doc);
  if (!split.ok) throw new Error(split.message);
  const digest = new Uint8Array(createHash('sha256').update(utf8(split.content)).digest());
  const cms = buildSignedData(digest, signer.privateKey, signer.certificateDer);
  const signed = { ...split.json, signature: { cms: Buffer.from(cms).toString('base64') } };
  return { doc: signed, text: `${stableJson(signed)}\n` };
}

function certificateOf(der: Uint8Array, sha256: string): SignerCertificate {
  let subject = '(unreadable subject)';
  try {
    const full = new X509Certificate(der).subject;
    subject = /(?:^|\n)CN=([^\n]*)/.exec(full)?.[1] ?? full;
  } catch {
    // the CMS check has already said what is wrong with it
  }
  return { certificateSha256: sha256, certificateDer: der, subject };
}

/**
 * Checks the signature of a bundle (text or parsed JSON) against its content. Says nothing about
 * whether the signer is trusted: that is the store's question (electron/bundle/import.ts).
 */
export function checkBundleSignature(input: unknown): SignatureCheck {
  const split = splitSignature(input);
  if (!split.ok) return { status: 'invalid', reason: split.message };
  if (!split.signature) return { status: 'unsigned' };
  const der = new Uint8Array(Buffer.from(split.signature.cms, 'base64'));
  if (Buffer.from(der).toString('base64') !== split.signature.cms.replace(/\s+/g, '')) {
    return { status: 'invalid', reason: 'the signature is not valid base64' };
  }
  const content = utf8(split.content);
  const check = verifyBundleCms(der, content);
  const signer = check.certificateDer && check.certificateSha256 ? certificateOf(check.certificateDer, check.certificateSha256) : undefined;
  if (check.ok && signer) return { status: 'valid', signer, contentSha256: createHash('sha256').update(content).digest('hex') };
  const reason = check.problem ?? 'the signature does not verify';
  return signer ? { status: 'invalid', reason, signer } : { status: 'invalid', reason };
}
