/** The CMS signer and checker, on their own, with ECDSA P-256 and RSA keys. */
import { createHash, generateKeyPairSync, KeyObject, webcrypto } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildSignedData, checkSignedData, toKeyObject } from '../../../electron/record/cms';
import { children, oidToString, read, setOf, tlv } from '../../../electron/record/der';
import { makeSigner } from '../../fixtures/record/signers';
import '../../fixtures/record/signers';
import * as x509 from '@peculiar/x509';

const data = new TextEncoder().encode('the signed bytes of a record');
const digest = new Uint8Array(createHash('sha256').update(data).digest());

function signedAttributeTypes(cms: Uint8Array): string[] {
  const sd = children(children(read(cms))[1] as ReturnType<typeof read>)[0] as ReturnType<typeof read>;
  const si = children(children(sd).at(-1) as ReturnType<typeof read>)[0] as ReturnType<typeof read>;
  const attrs = children(si)[3] as ReturnType<typeof read>;
  return children(attrs).map((a) => oidToString((children(a)[0] as ReturnType<typeof read>).content));
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

describe('DER', () => {
  it('sorts SET OF members by their encodings', () => {
    const a = tlv(0x04, Uint8Array.of(2));
    const b = tlv(0x04, Uint8Array.of(1));
    expect([...setOf([a, b])]).toEqual([0x31, 6, 0x04, 1, 1, 0x04, 1, 2]);
  });

  it('round-trips long lengths', () => {
    const big = tlv(0x04, new Uint8Array(70000));
    expect(read(big).content.length).toBe(70000);
    expect(() => read(big.subarray(0, 100))).toThrow(/truncated/);
  });
});
