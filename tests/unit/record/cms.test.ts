/** The CMS signer and checker, on their own, with ECDSA P-256 and RSA keys. */
import { createHash, generateKeyPairSync, KeyObject, webcrypto } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromBER } from 'asn1js';
import { describe, expect, it } from 'vitest';
import { buildSignedData, checkSignedData, toKeyObject } from '../../../electron/record/cms';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { makeSigner } from '../../fixtures/record/signers';
import '../../fixtures/record/signers';
import * as x509 from '@peculiar/x509';

const data = new TextEncoder().encode('the signed bytes of a record');
const digest = new Uint8Array(createHash('sha256').update(data).digest());

/** Read back with the library, independently of the checker. */
function signedAttributeTypes(cms: Uint8Array): string[] {
  const sd = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
  return (sd.signerInfos[0]?.signedAttrs ?? []).map((a) => a.attrType);
}

describe('CMS SignedData (PAdES B-B)', () => {
  it('verifies, carries signing-certificate-v2, and has no signing-time attribute', async () => {
    const s = await makeSigner('Hannah Clarke', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    const check = checkSignedData(cms, data);
    expect(check.problems).toEqual([]);
    expect(check).toMatchObject({ digestMatches: true, signatureValid: true, hasSigningCertificateV2: true, hasSigningTime: false, subjectCommonName: 'Hannah Clarke' });
    expect(check.certificateSha256).toBe(s.certificateSha256);
    const types = signedAttributeTypes(cms);
    expect(types).toContain('1.2.840.113549.1.9.16.2.47');
    expect(types).not.toContain('1.2.840.113549.1.9.5');
  });

  it('is readable by OpenSSL as a detached CMS that verifies over the same bytes', async () => {
    const s = await makeSigner('Daniel Osei', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    const dir = (await import('node:fs')).mkdtempSync('/tmp/cms-');
    const fs = await import('node:fs');
    fs.writeFileSync(`${dir}/sig.der`, cms);
    fs.writeFileSync(`${dir}/data`, data);
    const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', `${dir}/sig.der`, '-content', `${dir}/data`, '-noverify', '-out', '/dev/null'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toContain('Verification successful');
  });

  it('reports a digest mismatch for other bytes', async () => {
    const s = await makeSigner('Hannah Clarke', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    const check = checkSignedData(cms, new TextEncoder().encode('other bytes'));
    expect(check.digestMatches).toBe(false);
    expect(check.signatureValid).toBe(true);
  });

  it('signs with an RSA-3072 key too (a council PKCS#12)', async () => {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 3072 };
    const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
    const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '0a', name: 'CN=Council Signer', keys, signingAlgorithm: alg });
    const der = new Uint8Array(cert.rawData);
    const cms = buildSignedData(digest, toKeyObject(keys.privateKey), der);
    expect(checkSignedData(cms, data)).toMatchObject({ digestMatches: true, signatureValid: true, problems: [] });
  });

  it('refuses unsupported key types with a clear error', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    expect(privateKey).toBeInstanceOf(KeyObject);
    expect(() => buildSignedData(digest, privateKey, new Uint8Array([0x30, 0]))).toThrow();
  });

  it('never throws on garbage; it lists the problem', () => {
    expect(checkSignedData(new Uint8Array([1, 2, 3]), data).problems[0]).toMatch(/unreadable CMS/);
  });
});

describe('hostile CMS input', () => {
  it('reports a CMS whose encoding is not the canonical DER (a long-form length where a short one fits); its signature still verifies, as in pdfsig', async () => {
    const s = await makeSigner('Hannah Clarke', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    // The outer SEQUENCE's length re-encoded with one more length byte: the same value in BER, not DER.
    const lenBytes = (cms[1] ?? 0) & 0x7f;
    const longer = new Uint8Array(cms.length + 1);
    longer[0] = 0x30;
    longer[1] = 0x80 | (lenBytes + 1);
    longer[2] = 0;
    longer.set(cms.subarray(2), 3);
    const check = checkSignedData(longer, data);
    expect(check.problems).toEqual(['the CMS envelope was changed: it is not in its one canonical DER encoding']);
    expect(check).toMatchObject({ digestMatches: true, signatureValid: true });
  });

  it('refuses an element whose length was shortened by one (its last part then overruns it), as pdfsig and OpenSSL do', async () => {
    const s = await makeSigner('Daniel Osei', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    // The signer's IssuerAndSerialNumber (ContentInfo > [0] > SignedData > signerInfos > SignerInfo > sid),
    // located by asn1js, which keeps each element's bytes as a view into the input.
    const kids = (b: unknown): unknown[] => (b as { valueBlock: { value: unknown[] } }).valueBlock.value;
    const signerInfo = kids(kids(kids(kids(fromBER(cms).result)[1])[0]).at(-1))[0];
    const sid = (kids(signerInfo)[1] as { valueBeforeDecodeView: Uint8Array }).valueBeforeDecodeView;
    const at = sid.byteOffset - cms.byteOffset;
    expect(cms[at]).toBe(0x30); // SEQUENCE
    expect(cms[at + 1]).toBeLessThan(0x80); // a short-form length
    const bad = new Uint8Array(cms);
    bad[at + 1] = (bad[at + 1] ?? 0) - 1; // the serial number now ends one byte past the sid

    const check = checkSignedData(bad, data);
    expect(check.problems).toEqual([expect.stringMatching(/^unreadable CMS: malformed BER: an element declares \d+ bytes of content but its parts take \d+$/)]);
    expect(check).toMatchObject({ digestMatches: false, signatureValid: false });
    // OpenSSL's decoder refuses the same bytes: the change is not a tolerated BER variant.
    const dir = mkdtempSync(path.join(tmpdir(), 'cms-'));
    writeFileSync(path.join(dir, 'sig.der'), bad);
    writeFileSync(path.join(dir, 'data'), data);
    const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', path.join(dir, 'sig.der'), '-content', path.join(dir, 'data'), '-noverify', '-out', '/dev/null'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('Verification successful');
    // The unchanged CMS still verifies: the check is on the change, not on the shape.
    expect(checkSignedData(cms, data).problems).toEqual([]);
  });

  it("refuses a SignedData whose digest algorithms no longer list SHA-256 (NSS cannot digest for the signer then)", async () => {
    const s = await makeSigner('Hannah Clarke', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    // SignedData's digestAlgorithms is its second element: SET { SEQUENCE { OID sha256 } }.
    const kids = (b: unknown): unknown[] => (b as { valueBlock: { value: unknown[] } }).valueBlock.value;
    const set = (kids(kids(kids(fromBER(cms).result)[1])[0])[1] as { valueBeforeDecodeView: Uint8Array }).valueBeforeDecodeView;
    const oid = Buffer.from('0609608648016503040201', 'hex'); // OBJECT IDENTIFIER 2.16.840.1.101.3.4.2.1
    const at = set.byteOffset - cms.byteOffset + Buffer.from(set).indexOf(oid);
    expect(at).toBeGreaterThan(set.byteOffset - cms.byteOffset);
    const bad = new Uint8Array(cms);
    bad[at + oid.length - 1] = 0x02; // ...2.2: SHA-384's OID, listed where the signer says SHA-256
    const check = checkSignedData(bad, data);
    expect(check.problems).toEqual(["unreadable CMS: SignedData's digest algorithms do not list SHA-256"]);
    expect(check.signatureValid).toBe(false);
  });

  it('lists truncated, empty and deeply nested input as problems, never throws', () => {
    const nested = new Uint8Array(2 * 5000);
    for (let i = 0; i < 5000; i++) nested.set([0x30, 0x80], i * 2); // indefinite lengths nested 5000 deep
    for (const bad of [new Uint8Array(0), Uint8Array.of(0x30, 0x84, 0xff, 0xff, 0xff, 0xff), nested]) {
      const check = checkSignedData(bad, data);
      expect(check.digestMatches || check.signatureValid).toBe(false);
      expect(check.problems[0]).toMatch(/unreadable CMS/);
    }
  });

  it('every single-byte change to a CMS either still verifies identically or is reported', async () => {
    const s = await makeSigner('Daniel Osei', 'assessor');
    const cms = buildSignedData(digest, toKeyObject(s.privateKey), s.certificateDer);
    for (let at = 0; at < cms.length; at += 7) {
      const bad = new Uint8Array(cms);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      const check = checkSignedData(bad, data);
      expect(check.digestMatches && check.signatureValid && check.problems.length === 0, `byte ${at}`).toBe(false);
    }
  });
});
