/**
 * CMS SignedData for PAdES B-B (ETSI EN 319 142-1): detached, SHA-256, signed attributes
 * content-type, message-digest and signing-certificate-v2, and deliberately NO signing-time
 * attribute (the time goes in the signature dictionary's /M). ECDSA (P-256) or RSA keys.
 */
import { createHash, KeyObject, sign as nodeSign, verify as nodeVerify, X509Certificate } from 'node:crypto';
import { child, children, concat, ctx, integer, nul, octets, oid, oidToString, read, seq, setOf, type Node } from './der';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecPublicKey: '1.2.840.10045.2.1',
};

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** Issuer Name and serial INTEGER, raw, from the certificate's TBSCertificate. */
function issuerAndSerial(certDer: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const tbs = child(read(certDer), 0);
  const parts = children(tbs);
  const i = parts[0]?.tag === 0xa0 ? 1 : 0; // [0] version is optional
  const serial = parts[i];
  const issuer = parts[i + 2];
  if (!serial || !issuer) throw new Error('certificate: cannot read issuer and serial');
  return { issuer: issuer.raw, serial: serial.raw };
}

const algId = (o: string, params?: Uint8Array): Uint8Array => (params ? seq(oid(o), params) : seq(oid(o)));
const attribute = (o: string, value: Uint8Array): Uint8Array => seq(oid(o), setOf([value]));

/** Builds the DER CMS ContentInfo over the given message digest (the PDF's ByteRange bytes hashed). */
export function buildSignedData(digest: Uint8Array, privateKey: KeyObject, certificateDer: Uint8Array): Uint8Array {
  const { issuer, serial } = issuerAndSerial(certificateDer);
  const essCertIdV2 = seq(octets(sha256(certificateDer)), seq(seq(ctx(4, issuer)), serial)); // hashAlgorithm omitted: DEFAULT sha256
  const signedAttrs = [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, seq(seq(essCertIdV2))),
  ];
  const toSign = setOf(signedAttrs); // the signature covers the attributes as an explicit SET OF
  const isEc = privateKey.asymmetricKeyType === 'ec';
  if (!isEc && privateKey.asymmetricKeyType !== 'rsa') throw new Error(`unsupported key type ${privateKey.asymmetricKeyType}`);
  const signature = nodeSign('sha256', toSign, isEc ? { key: privateKey, dsaEncoding: 'der' } : privateKey);
  const signerInfo = seq(
    integer(1),
    seq(issuer, serial),
    algId(OID.sha256),
    setOf(signedAttrs, 0xa0),
    isEc ? algId(OID.ecdsaSha256) : algId(OID.rsaEncryption, nul()),
    octets(new Uint8Array(signature)),
  );
  const signedData = seq(integer(1), setOf([algId(OID.sha256)]), seq(oid(OID.data)), ctx(0, certificateDer), setOf([signerInfo]));
  return seq(oid(OID.signedData), ctx(0, signedData));
}

export function toKeyObject(key: CryptoKey | KeyObject): KeyObject {
  return key instanceof KeyObject ? key : KeyObject.from(key);
}

export interface CmsCheck {
  certificateDer?: Uint8Array;
  certificateSha256?: string;
  subjectCommonName?: string;
  digestMatches: boolean;
  signatureValid: boolean;
  hasSigningCertificateV2: boolean;
  hasSigningTime: boolean;
  problems: string[];
}

/** Checks a detached SignedData against the bytes it claims to sign. Never throws: problems are listed. */
export function checkSignedData(cmsDer: Uint8Array, signedBytes: Uint8Array): CmsCheck {
  const out: CmsCheck = { digestMatches: false, signatureValid: false, hasSigningCertificateV2: false, hasSigningTime: false, problems: [] };
  try {
    const contentInfo = read(cmsDer);
    if (oidToString(child(contentInfo, 0).content) !== OID.signedData) throw new Error('not a SignedData');
    const sd = child(child(contentInfo, 1), 0);
    const parts = children(sd);
    const encap = parts[2];
    if (!encap || children(encap).length > 1) out.problems.push('the CMS is not detached');
    const certs = parts.find((p) => p.tag === 0xa0);
    const signerInfos = parts[parts.length - 1];
    if (!certs || !signerInfos) throw new Error('SignedData without certificates or signer');
    const infos = children(signerInfos);
    if (infos.length !== 1) out.problems.push(`expected one signer, found ${infos.length}`);
    const si = infos[0] as Node;
    const siParts = children(si);
    const sid = siParts[1] as Node;
    const digestAlg = oidToString(child(siParts[2] as Node, 0).content);
    if (digestAlg !== OID.sha256) out.problems.push(`digest algorithm ${digestAlg} is not SHA-256`);
    const signedAttrsNode = siParts[3];
    if (!signedAttrsNode || signedAttrsNode.tag !== 0xa0) throw new Error('no signed attributes');
    const sigAlg = oidToString(child(siParts[4] as Node, 0).content);
    const signature = (siParts[5] as Node).content;

    const cert = children(certs).find((c) => {
      const { issuer, serial } = issuerAndSerial(c.raw);
      return Buffer.from(concat([issuer, serial])).equals(Buffer.from(concat(children(sid).map((n) => n.raw))));
    });
    if (!cert) throw new Error('the signer certificate is not in the CMS');
    out.certificateDer = cert.raw;
    out.certificateSha256 = Buffer.from(sha256(cert.raw)).toString('hex');
    const x509 = new X509Certificate(cert.raw);
    out.subjectCommonName = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1];

    let messageDigest: Uint8Array | undefined;
    for (const attr of children(signedAttrsNode)) {
      const type = oidToString(child(attr, 0).content);
      const value = child(child(attr, 1), 0);
      if (type === OID.messageDigest) messageDigest = value.content;
      if (type === OID.signingTime) out.hasSigningTime = true;
      if (type === OID.signingCertificateV2) {
        const first = child(child(value, 0), 0);
        const hashNode = children(first).find((n) => n.tag === 0x04);
        const hashAlg = children(first)[0]?.tag === 0x30 ? oidToString(child(children(first)[0] as Node, 0).content) : OID.sha256;
        if (hashAlg === OID.sha256 && hashNode && Buffer.from(hashNode.content).equals(Buffer.from(sha256(cert.raw)))) out.hasSigningCertificateV2 = true;
        else out.problems.push('signing-certificate-v2 does not name the signer certificate');
      }
    }
    out.digestMatches = messageDigest !== undefined && Buffer.from(messageDigest).equals(Buffer.from(sha256(signedBytes)));
    if (!out.digestMatches) out.problems.push('the signed bytes do not match the message digest (the document was changed)');

    const toVerify = new Uint8Array(signedAttrsNode.raw);
    toVerify[0] = 0x31;
    const key = x509.publicKey;
    if (sigAlg === OID.ecdsaSha256 && key.asymmetricKeyType === 'ec') {
      out.signatureValid = nodeVerify('sha256', toVerify, { key, dsaEncoding: 'der' }, signature);
    } else if ((sigAlg === OID.rsaEncryption || sigAlg === OID.sha256WithRsa) && key.asymmetricKeyType === 'rsa') {
      out.signatureValid = nodeVerify('sha256', toVerify, key, signature);
    } else out.problems.push(`unsupported signature algorithm ${sigAlg}`);
    if (!out.signatureValid) out.problems.push('the signature value does not verify with the certificate key');
  } catch (e) {
    out.problems.push(`unreadable CMS: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
}
