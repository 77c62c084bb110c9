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

function expect(node: Node, tag: number, what: string): Node {
  if (node.tag !== tag) throw new Error(`${what}: unexpected tag 0x${node.tag.toString(16)}`);
  return node;
}

/** AlgorithmIdentifier for a digest: the OID, with absent or NULL parameters. */
function checkAlg(node: Node, expected: string): void {
  const parts = children(expect(node, 0x30, 'AlgorithmIdentifier'));
  const id = oidToString(expect(parts[0] as Node, 0x06, 'algorithm').content);
  if (id !== expected) throw new Error(`algorithm ${id} is not ${expected}`);
  if (parts.length > 2 || (parts.length === 2 && parts[1]?.raw.join() !== '5,0')) throw new Error('algorithm parameters');
}

/** Checks a detached SignedData against the bytes it claims to sign. Never throws: problems are listed. */
export function checkSignedData(cmsDer: Uint8Array, signedBytes: Uint8Array): CmsCheck {
  const out: CmsCheck = { digestMatches: false, signatureValid: false, hasSigningCertificateV2: false, hasSigningTime: false, problems: [] };
  try {
    // Strict shape: every tag, version and algorithm as RFC 5652 and this signer write them, so no
    // byte of the (unsigned) CMS envelope can change without being noticed.
    const contentInfo = expect(read(cmsDer), 0x30, 'ContentInfo');
    if (contentInfo.raw.length !== cmsDer.length) throw new Error('trailing bytes after the CMS');
    const [ciType, ciContent, ...ciRest] = children(contentInfo);
    if (!ciType || !ciContent || ciRest.length) throw new Error('ContentInfo shape');
    if (oidToString(expect(ciType, 0x06, 'contentType').content) !== OID.signedData) throw new Error('not a SignedData');
    const wrapped = children(expect(ciContent, 0xa0, '[0] content'));
    if (wrapped.length !== 1) throw new Error('SignedData wrapper shape');
    const sd = expect(wrapped[0] as Node, 0x30, 'SignedData');
    const parts = children(sd);
    const [version, digestAlgs, encap] = parts;
    if (!version || !digestAlgs || !encap) throw new Error('SignedData shape');
    if (expect(version, 0x02, 'version').content.join() !== '1') throw new Error('SignedData version is not 1');
    for (const alg of children(expect(digestAlgs, 0x31, 'digestAlgorithms'))) checkAlg(alg, OID.sha256);
    const encapParts = children(expect(encap, 0x30, 'encapContentInfo'));
    if (encapParts.length !== 1) out.problems.push('the CMS is not detached');
    if (oidToString(expect(encapParts[0] as Node, 0x06, 'eContentType').content) !== OID.data) throw new Error('eContentType is not id-data');
    const rest = parts.slice(3);
    const certs = rest[0]?.tag === 0xa0 ? rest.shift() : undefined;
    const signerInfos = rest.shift();
    if (!certs || !signerInfos || rest.length) throw new Error('SignedData without certificates or signer, or with CRLs');
    const infos = children(expect(signerInfos, 0x31, 'signerInfos'));
    if (infos.length !== 1) out.problems.push(`expected one signer, found ${infos.length}`);
    const si = expect(infos[0] as Node, 0x30, 'SignerInfo');
    const siParts = children(si);
    if (siParts.length !== 6) throw new Error('SignerInfo shape (unsigned attributes are not expected)');
    if (expect(siParts[0] as Node, 0x02, 'version').content.join() !== '1') throw new Error('SignerInfo version is not 1');
    const sid = expect(siParts[1] as Node, 0x30, 'sid');
    const sidParts = children(sid);
    if (sidParts.length !== 2 || sidParts[0]?.tag !== 0x30 || sidParts[1]?.tag !== 0x02) throw new Error('sid shape');
    checkAlg(siParts[2] as Node, OID.sha256);
    const signedAttrsNode = expect(siParts[3] as Node, 0xa0, 'signedAttrs');
    const sigAlgNode = expect(siParts[4] as Node, 0x30, 'signatureAlgorithm');
    const sigAlg = oidToString(expect(child(sigAlgNode, 0), 0x06, 'algorithm').content);
    const sigAlgParams = children(sigAlgNode).slice(1);
    if (sigAlg === OID.ecdsaSha256 ? sigAlgParams.length !== 0 : sigAlgParams.length !== 1 || sigAlgParams[0]?.raw.join() !== '5,0') {
      throw new Error('signatureAlgorithm parameters');
    }
    const signature = expect(siParts[5] as Node, 0x04, 'signature').content;

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
      const type = oidToString(expect(child(attr, 0), 0x06, 'attrType').content);
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
