/**
 * CMS SignedData for PAdES B-B (ETSI EN 319 142-1): detached, SHA-256, signed attributes
 * content-type, message-digest and signing-certificate-v2, and deliberately NO signing-time
 * attribute (the time goes in the signature dictionary's /M). ECDSA (P-256) or RSA keys.
 *
 * All ASN.1 goes through @peculiar/asn1-cms / asn1-x509 / asn1-schema (on asn1js); the
 * cryptography is node:crypto. See docs/decisions/record-asn1-libraries.md.
 */
import { createHash, KeyObject, sign as nodeSign, verify as nodeVerify, X509Certificate } from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  id_data,
  id_signedData,
  IssuerAndSerialNumber,
  SignatureAlgorithmIdentifier,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnArray, AsnConvert, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { Certificate, GeneralName, GeneralNames } from '@peculiar/asn1-x509';
import { fromBER, ObjectIdentifier } from 'asn1js';
import { EssCertIdsV2, EssCertIdV2, id_aa_signingCertificateV2, IssuerSerial, SigningCertificateV2 } from './ess';

const OID = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());
const bytes = (b: ArrayBuffer | ArrayBufferView): Uint8Array => (ArrayBuffer.isView(b) ? new Uint8Array(b.buffer, b.byteOffset, b.byteLength) : new Uint8Array(b));
const same = (a: ArrayBuffer | Uint8Array, b: ArrayBuffer | Uint8Array): boolean => Buffer.from(bytes(a)).equals(Buffer.from(bytes(b)));

function encode(value: unknown): ArrayBuffer {
  return AsnConvert.serialize(value);
}

/** A DER length-prefixed element's exact size at the start of `der` (the rest may be padding). */
export function derLength(der: Uint8Array): number {
  const { offset, result } = fromBER(der);
  if (offset === -1 || result.error) throw new Error(`not DER: ${result.error || 'unreadable'}`);
  return offset;
}

interface BerBlock {
  idBlock: { isConstructed: boolean };
  lenBlock: { isIndefiniteForm: boolean; length: number };
  valueBlock: { value?: unknown };
  blockLength: number;
}

/**
 * Where a definite-length constructed element is not exactly filled by its children, or undefined
 * when every one is. asn1js reads each child by its own declared length and checks it only against
 * the end of the whole buffer, so an element whose length was shortened by one (its last child
 * then overruns it) still parses, and re-encodes with the right length. NSS (pdfsig) and OpenSSL
 * refuse such input as unparseable, so must we. Long-form and indefinite lengths stay accepted:
 * they are valid BER, which NSS reads too. Primitive elements are not descended into (asn1js may
 * show an OCTET STRING's bytes as encapsulated BER; those bytes are data, not structure).
 */
function lengthMismatch(root: unknown): string | undefined {
  const stack = [root as BerBlock];
  for (let block = stack.pop(); block; block = stack.pop()) {
    const children = block.valueBlock.value;
    if (!block.idBlock.isConstructed || !Array.isArray(children)) continue;
    const filled = (children as BerBlock[]).reduce((n, c) => n + c.blockLength, 0);
    if (!block.lenBlock.isIndefiniteForm && filled !== block.lenBlock.length) {
      return `an element declares ${block.lenBlock.length} bytes of content but its parts take ${filled}`;
    }
    stack.push(...(children as BerBlock[]));
  }
  return undefined;
}

function attribute(type: string, value: unknown): Attribute {
  return new Attribute({ attrType: type, attrValues: [encode(value)] });
}

/** Builds the DER CMS ContentInfo over the given message digest (the PDF's ByteRange bytes hashed). */
export function buildSignedData(digest: Uint8Array, privateKey: KeyObject, certificateDer: Uint8Array): Uint8Array {
  const isEc = privateKey.asymmetricKeyType === 'ec';
  if (!isEc && privateKey.asymmetricKeyType !== 'rsa') throw new Error(`unsupported key type ${privateKey.asymmetricKeyType}`);
  const cert = AsnConvert.parse(certificateDer, Certificate);
  const { issuer, serialNumber } = cert.tbsCertificate;
  const essCertId = new EssCertIdV2({
    certHash: new OctetString(sha256(certificateDer)),
    issuerSerial: new IssuerSerial({ issuer: new GeneralNames([new GeneralName({ directoryName: issuer })]), serialNumber }),
  }); // hashAlgorithm omitted: DEFAULT sha256
  const signedAttrs = [
    new Attribute({ attrType: OID.contentType, attrValues: [new ObjectIdentifier({ value: id_data }).toBER()] }),
    attribute(OID.messageDigest, new OctetString(digest)),
    attribute(id_aa_signingCertificateV2, new SigningCertificateV2({ certs: new EssCertIdsV2([essCertId]) })),
  ].sort((a, b) => Buffer.compare(Buffer.from(encode(a)), Buffer.from(encode(b)))); // DER: a SET OF is sorted

  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({ issuerAndSerialNumber: new IssuerAndSerialNumber({ issuer, serialNumber }) }),
    digestAlgorithm: new DigestAlgorithmIdentifier({ algorithm: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: isEc ? new SignatureAlgorithmIdentifier({ algorithm: OID.ecdsaSha256 }) : new SignatureAlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: null }),
  });
  const toSign = signedAttributesForSignature(signerInfo);
  const signature = nodeSign('sha256', toSign, isEc ? { key: privateKey, dsaEncoding: 'der' } : privateKey);
  signerInfo.signature = new OctetString(new Uint8Array(signature));

  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new DigestAlgorithmIdentifier({ algorithm: OID.sha256 })]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet([new CertificateChoices({ certificate: cert })]),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return bytes(encode(new ContentInfo({ contentType: id_signedData, content: encode(signedData) })));
}

/**
 * SignedAttributes as the explicit SET OF the signature covers (RFC 5652 §5.4). asn1-schema keeps
 * no raw bytes for a repeated field, so they are re-encoded; the verifier accepts only a CMS whose
 * re-encoding is byte-identical to what it read, so these are the bytes that were signed.
 */
class SignedAttributesSet extends AsnArray<Attribute> {
  constructor(items?: Attribute[]) {
    super(items);
    Object.setPrototypeOf(this, SignedAttributesSet.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })(SignedAttributesSet);

function signedAttributesForSignature(info: SignerInfo): Uint8Array {
  if (!info.signedAttrs?.length) throw new Error('the signer has no signed attributes');
  return bytes(encode(new SignedAttributesSet(info.signedAttrs)));
}

/**
 * The first signer's signed attributes exactly as they were encoded in the CMS (asn1js keeps each
 * element's bytes as read), with the [0] tag made SET: what the signature covers, even when the
 * envelope around them is not canonical. Undefined when the tree does not have the expected shape.
 */
function signedAttributesAsRead(cmsDer: Uint8Array): Uint8Array | undefined {
  const children = (b: unknown): unknown[] => {
    const v = (b as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
    return Array.isArray(v) ? v : [];
  };
  const { result } = fromBER(cmsDer);
  const signedData = children(children(result)[1])[0];
  const signerInfo = children(children(signedData).at(-1))[0];
  const attrs = children(signerInfo).find((b) => {
    const id = (b as { idBlock?: { tagClass?: number; tagNumber?: number } }).idBlock;
    return id?.tagClass === 3 && id.tagNumber === 0;
  }) as { valueBeforeDecodeView?: Uint8Array } | undefined;
  if (!attrs?.valueBeforeDecodeView?.length) return undefined;
  const raw = new Uint8Array(attrs.valueBeforeDecodeView);
  raw[0] = 0x31;
  return raw;
}

export function toKeyObject(key: CryptoKey | KeyObject): KeyObject {
  return key instanceof KeyObject ? key : KeyObject.from(key);
}

export interface CmsCheck {
  certificateDer?: Uint8Array;
  certificateSha256?: string;
  subjectCommonName?: string;
  /** The certificate subject as OpenSSL prints it (one RDN a line). */
  subject?: string;
  digestMatches: boolean;
  signatureValid: boolean;
  hasSigningCertificateV2: boolean;
  hasSigningTime: boolean;
  problems: string[];
}

function algorithmIs(alg: { algorithm: string; parameters?: ArrayBuffer | null }, expected: string, params: 'absent-or-null' | 'absent' | 'null'): boolean {
  if (alg.algorithm !== expected) return false;
  // asn1-schema reads an absent parameters field as undefined and an ASN.1 NULL as null.
  const isNull = alg.parameters === null;
  const absent = alg.parameters === undefined;
  return params === 'absent' ? absent : params === 'null' ? isNull : absent || isNull;
}

/** Checks a detached SignedData against the bytes it claims to sign. Never throws: problems are listed. */
export function checkSignedData(cmsDer: Uint8Array, signedBytes: Uint8Array): CmsCheck {
  const out: CmsCheck = { digestMatches: false, signatureValid: false, hasSigningCertificateV2: false, hasSigningTime: false, problems: [] };
  try {
    // Malformed BER (not merely non-canonical) is refused before the schema reads it.
    const { result } = fromBER(cmsDer);
    const mismatch = result.error ? undefined : lengthMismatch(result);
    if (mismatch) throw new Error(`malformed BER: ${mismatch}`);
    const contentInfo = AsnConvert.parse(cmsDer, ContentInfo);
    // The envelope (everything outside the signed attributes) is not signed. Any change to it is
    // reported, but, as in pdfsig, does not by itself make the signature's cryptography fail.
    const envelope = (what: string): void => void out.problems.push(`the CMS envelope was changed: ${what}`);
    // Canonical DER: what the library re-encodes must be the bytes it read.
    if (!same(encode(contentInfo), cmsDer)) envelope('it is not in its one canonical DER encoding');
    if (contentInfo.contentType !== id_signedData) throw new Error('not a SignedData');
    const sd = AsnConvert.parse(contentInfo.content, SignedData);
    if (sd.version !== CMSVersion.v1) envelope('SignedData version is not 1');
    // NSS digests the content with the algorithms listed here and finds the signer's digest among
    // them, so pdfsig cannot validate a signer whose algorithm is missing: neither can we.
    if (!sd.digestAlgorithms.some((alg) => algorithmIs(alg, OID.sha256, 'absent-or-null'))) throw new Error("SignedData's digest algorithms do not list SHA-256");
    for (const alg of sd.digestAlgorithms) if (!algorithmIs(alg, OID.sha256, 'absent-or-null')) envelope(`digest algorithm ${alg.algorithm} is not SHA-256`);
    if (sd.encapContentInfo.eContent) out.problems.push('the CMS is not detached');
    if (sd.encapContentInfo.eContentType !== id_data) envelope('eContentType is not id-data');
    if (sd.crls?.length) envelope('it carries CRLs');
    const certs = (sd.certificates ?? []).map((c) => c.certificate).filter((c): c is Certificate => Boolean(c));
    if (sd.signerInfos.length !== 1) out.problems.push(`expected one signer, found ${sd.signerInfos.length}`);
    const si = sd.signerInfos[0];
    if (!si) throw new Error('SignedData without a signer');
    if (si.version !== CMSVersion.v1) envelope('SignerInfo version is not 1');
    if (si.unsignedAttrs?.length) envelope('it carries unsigned attributes');
    const sid = si.sid.issuerAndSerialNumber;
    if (!sid) throw new Error('the signer is not named by issuer and serial number');
    if (!algorithmIs(si.digestAlgorithm, OID.sha256, 'absent-or-null')) throw new Error('the signer digest algorithm is not SHA-256');
    const sigAlg = si.signatureAlgorithm;
    const ec = algorithmIs(sigAlg, OID.ecdsaSha256, 'absent');
    const rsa = algorithmIs(sigAlg, OID.rsaEncryption, 'null') || algorithmIs(sigAlg, OID.sha256WithRsa, 'null');
    if (!ec && !rsa) throw new Error(`unsupported signature algorithm ${sigAlg.algorithm}`);

    const sidDer = encode(sid);
    const cert = certs.find((c) => same(encode(new IssuerAndSerialNumber({ issuer: c.tbsCertificate.issuer, serialNumber: c.tbsCertificate.serialNumber })), sidDer));
    if (!cert) throw new Error('the signer certificate is not in the CMS');
    const certDer = bytes(encode(cert));
    out.certificateDer = certDer;
    out.certificateSha256 = Buffer.from(sha256(certDer)).toString('hex');
    const x509 = new X509Certificate(certDer);
    out.subject = x509.subject;
    out.subjectCommonName = /(?:^|\n)CN=([^\n]*)/.exec(x509.subject)?.[1];

    let messageDigest: Uint8Array | undefined;
    const seen = new Set<string>();
    for (const attr of si.signedAttrs ?? []) {
      if (seen.has(attr.attrType)) throw new Error(`signed attribute ${attr.attrType} appears twice`);
      seen.add(attr.attrType);
      if (attr.attrValues.length !== 1) throw new Error(`signed attribute ${attr.attrType} has ${attr.attrValues.length} values`);
      const value = attr.attrValues[0] as ArrayBuffer;
      if (attr.attrType === OID.messageDigest) messageDigest = bytes(AsnConvert.parse(value, OctetString).buffer);
      if (attr.attrType === OID.signingTime) out.hasSigningTime = true;
      if (attr.attrType === id_aa_signingCertificateV2) {
        const first = AsnConvert.parse(value, SigningCertificateV2).certs[0];
        const hashAlg = first?.hashAlgorithm?.algorithm ?? OID.sha256;
        if (first && hashAlg === OID.sha256 && same(first.certHash.buffer, sha256(certDer))) out.hasSigningCertificateV2 = true;
        else out.problems.push('the certificate in the signature is not the one the signer signed with (signing-certificate-v2 does not match it): it was changed');
      }
    }
    if (!messageDigest) throw new Error('no message-digest attribute');
    out.digestMatches = same(messageDigest, sha256(signedBytes));
    if (!out.digestMatches) out.problems.push('the signed bytes do not match the message digest (the document was changed)');

    const key = x509.publicKey;
    const toVerify = signedAttributesAsRead(cmsDer) ?? signedAttributesForSignature(si);
    const signature = bytes(si.signature.buffer);
    if (ec && key.asymmetricKeyType === 'ec') out.signatureValid = nodeVerify('sha256', toVerify, { key, dsaEncoding: 'der' }, signature);
    else if (rsa && key.asymmetricKeyType === 'rsa') out.signatureValid = nodeVerify('sha256', toVerify, key, signature);
    else out.problems.push(`the signature algorithm ${sigAlg.algorithm} does not fit the certificate's ${key.asymmetricKeyType} key`);
    if (!out.signatureValid) out.problems.push('the signature value does not verify with the certificate key');
  } catch (e) {
    out.problems.push(`unreadable CMS: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
}
