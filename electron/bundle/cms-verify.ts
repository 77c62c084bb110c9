/**
 * Verifies a bundle's detached CMS SignedData: exactly the shape Carefile's signer writes
 * (electron/record/cms.ts, buildSignedData), read in one asn1js pass, the cryptography by
 * node:crypto. The record's verifier (checkSignedData) reads the same bytes through
 * @peculiar/asn1-schema and checks more about the PDF envelope; it costs ~10 ms a signature,
 * which a team import of 1,000 bundles cannot afford (docs/decisions/bundle-01-cms-signature.md).
 * A test checks that both verifiers accept every bundle Carefile signs.
 *
 * Checked: the whole DER re-encodes to the same bytes (no length or tag changed); ContentInfo is
 * SignedData v1 with SHA-256 only, detached id-data content, exactly one certificate and one
 * signer; the signer names that certificate (issuer and serial); its signed attributes hold
 * content-type id-data, the message digest of the content, and a signing-certificate-v2 whose
 * hash is that certificate's; the signature over the attributes verifies with its key.
 */
import { createHash, verify as nodeVerify, X509Certificate } from 'node:crypto';
import { fromBER } from 'asn1js';

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  data: '1.2.840.113549.1.7.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
};

/** The parts of an asn1js block this reader uses. */
interface Block {
  idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean };
  valueBlock: { value?: Block[]; valueHexView?: Uint8Array; valueDec?: number };
  valueBeforeDecodeView: Uint8Array;
  getValue?(): string;
  toString(): string;
  toBER(): ArrayBuffer;
}

export interface BundleCmsCheck {
  ok: boolean;
  /** Why not, in plain words (the first problem found). */
  problem?: string;
  certificateDer?: Uint8Array;
  certificateSha256?: string;
}

class Bad extends Error {}
const fail = (why: string): never => {
  throw new Bad(why);
};

const children = (b: Block | undefined, what: string): Block[] => {
  const v = b?.valueBlock.value;
  return Array.isArray(v) ? v : fail(`${what} is not a structure`);
};
const isContext = (b: Block | undefined, n: number) => b?.idBlock.tagClass === 3 && b.idBlock.tagNumber === n;
const oidOf = (b: Block | undefined, what: string): string => {
  if (b?.idBlock.tagClass !== 1 || b.idBlock.tagNumber !== 6) fail(`${what} is not an object identifier`);
  return (b as unknown as { valueBlock: { toString(): string } }).valueBlock.toString();
};
const intOf = (b: Block | undefined, what: string): number => {
  if (b?.idBlock.tagClass !== 1 || b.idBlock.tagNumber !== 2) fail(`${what} is not an integer`);
  return b!.valueBlock.valueDec ?? -1;
};
const octetsOf = (b: Block | undefined, what: string): Uint8Array => {
  if (b?.idBlock.tagClass !== 1 || b.idBlock.tagNumber !== 4 || b.idBlock.isConstructed) fail(`${what} is not an octet string`);
  return b!.valueBlock.valueHexView ?? fail(`${what} is empty`);
};
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

/** An AlgorithmIdentifier's OID, with its parameters absent or NULL. */
function algorithm(b: Block | undefined, what: string): string {
  const [id, params, ...rest] = children(b, what);
  if (rest.length || (params && !(params.idBlock.tagClass === 1 && params.idBlock.tagNumber === 5))) fail(`${what} has unexpected parameters`);
  return oidOf(id, what);
}

/** Checks the CMS (DER) against the signed content. Never throws. */
export function verifyBundleCms(der: Uint8Array, content: Uint8Array): BundleCmsCheck {
  try {
    const parsed = fromBER(der);
    if (parsed.offset === -1 || parsed.result.error) fail(`unreadable: ${parsed.result.error || 'not DER'}`);
    if (parsed.offset !== der.byteLength) fail('there are bytes after the signature');
    const root = parsed.result as unknown as Block;
    // One canonical encoding: a changed length, tag or value shows as a different re-encoding.
    if (!same(new Uint8Array(root.toBER()), der)) fail('it is not in its one DER encoding (a length or tag was changed)');

    const [type, wrapped, ...more] = children(root, 'ContentInfo');
    if (more.length || oidOf(type, 'content type') !== OID.signedData || !isContext(wrapped, 0)) fail('it is not a CMS SignedData');
    const [sd] = children(wrapped, 'SignedData wrapper');
    const parts = children(sd, 'SignedData');
    const [version, digestAlgs, encap] = parts;
    if (intOf(version, 'SignedData version') !== 1) fail('SignedData version is not 1');
    const algs = children(digestAlgs, 'digest algorithms');
    if (algs.length !== 1 || algorithm(algs[0], 'digest algorithm') !== OID.sha256) fail('the digest algorithm is not SHA-256 alone');
    const encapParts = children(encap, 'encapsulated content');
    if (encapParts.length !== 1) fail('the signature is not detached (it carries content)');
    if (oidOf(encapParts[0], 'encapsulated content type') !== OID.data) fail('the signed content type is not data');
    const rest = parts.slice(3);
    const certSet = rest.find((b) => isContext(b, 0));
    if (rest.some((b) => isContext(b, 1))) fail('it carries revocation lists');
    const certs = children(certSet, 'certificates');
    if (certs.length !== 1) fail(`expected one certificate, found ${certs.length}`);
    const cert = certs[0]!;
    const certificateDer = new Uint8Array(cert.valueBeforeDecodeView);
    const signerInfos = children(rest.at(-1), 'signer infos');
    if (signerInfos.length !== 1) fail(`expected one signer, found ${signerInfos.length}`);

    const si = children(signerInfos[0], 'signer');
    const [siVersion, sid, digestAlg, attrs, sigAlg, sigValue, ...unsigned] = si;
    if (intOf(siVersion, 'signer version') !== 1) fail('signer version is not 1');
    if (unsigned.length) fail('it carries unsigned attributes');
    if (algorithm(digestAlg, 'signer digest algorithm') !== OID.sha256) fail('the signer digest algorithm is not SHA-256');
    if (!isContext(attrs, 0)) fail('there are no signed attributes');

    // The signer is the certificate carried: same issuer and serial number.
    const tbs = children(children(cert, 'certificate')[0], 'certificate body');
    const at = isContext(tbs[0], 0) ? 1 : 0;
    const [sidIssuer, sidSerial] = children(sid, 'signer identifier');
    if (!sidIssuer || !sidSerial || !same(sidIssuer.valueBeforeDecodeView, tbs[at + 2]!.valueBeforeDecodeView) || !same(sidSerial.valueBeforeDecodeView, tbs[at]!.valueBeforeDecodeView)) {
      fail('the signer is not the certificate the signature carries');
    }

    const certHash = sha256(certificateDer);
    const seen = new Set<string>();
    let digestOk = false;
    let certOk = false;
    let typeOk = false;
    for (const attr of children(attrs, 'signed attributes')) {
      const [attrType, values] = children(attr, 'attribute');
      const oid = oidOf(attrType, 'attribute type');
      if (seen.has(oid)) fail(`signed attribute ${oid} appears twice`);
      seen.add(oid);
      const vals = children(values, 'attribute values');
      if (vals.length !== 1) fail(`signed attribute ${oid} has ${vals.length} values`);
      const value = vals[0];
      if (oid === OID.contentType) typeOk = oidOf(value, 'content-type attribute') === OID.data;
      if (oid === OID.messageDigest) digestOk = same(octetsOf(value, 'message digest'), sha256(content));
      if (oid === OID.signingCertificateV2) {
        const first = children(children(value, 'signing certificate')[0], 'certificate ids')[0];
        const idParts = children(first, 'certificate id');
        const hashAt = idParts[0]?.idBlock.tagNumber === 16 ? 1 : 0; // an explicit hash algorithm first
        if (hashAt === 1 && algorithm(idParts[0], 'certificate hash algorithm') !== OID.sha256) fail('the certificate hash is not SHA-256');
        certOk = same(octetsOf(idParts[hashAt], 'certificate hash'), certHash);
        if (!certOk) fail('the certificate in the signature is not the one the signer signed with (it was changed)');
      }
    }
    if (!typeOk) fail('the signed content type is missing or is not data');
    if (!certOk) fail('the signed attributes do not name the signing certificate');
    if (!digestOk) fail('the signed bytes do not match the message digest (the content was changed)');

    const signed = new Uint8Array(attrs!.valueBeforeDecodeView);
    signed[0] = 0x31; // what is signed is the SET OF attributes, not its [0] tag (RFC 5652 §5.4)
    const key = new X509Certificate(certificateDer).publicKey;
    const alg = algorithm(sigAlg, 'signature algorithm');
    const signature = octetsOf(sigValue, 'signature value');
    let valid = false;
    if (alg === OID.ecdsaSha256 && key.asymmetricKeyType === 'ec') valid = nodeVerify('sha256', signed, { key, dsaEncoding: 'der' }, signature);
    else if ((alg === OID.rsaEncryption || alg === OID.sha256WithRsa) && key.asymmetricKeyType === 'rsa') valid = nodeVerify('sha256', signed, key, signature);
    else fail(`the signature algorithm ${alg} does not fit the certificate's ${key.asymmetricKeyType} key`);
    if (!valid) fail('the signature value does not verify with the certificate key');
    return { ok: true, certificateDer, certificateSha256: Buffer.from(certHash).toString('hex') };
  } catch (err) {
    return { ok: false, problem: err instanceof Bad ? err.message : `unreadable signature: ${err instanceof Error ? err.message : String(err)}` };
  }
}
