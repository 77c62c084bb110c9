import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { KeyObject, randomBytes, webcrypto } from 'node:crypto';
import { sha256Hex } from './canonical';
import { open, seal, type Sealed } from './sealed';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface NewCredential {
  certificateDer: Uint8Array;
  certificateSha256: string;
  pkcs8: Uint8Array;
}

/** A fresh ECDSA P-256 key pair and a self-signed certificate: CN = display name, O = Carefile. */
export async function generateCredential(displayName: string): Promise<NewCredential> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(Date.now() - 60_000);
  const notAfter = new Date(notBefore.getTime() + 10 * 365.25 * 24 * 3600 * 1000);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: `01${randomBytes(15).toString('hex')}`,
    name: [{ CN: [displayName] }, { O: ['Carefile'] }],
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const der = new Uint8Array(cert.rawData);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { certificateDer: der, certificateSha256: sha256Hex(der), pkcs8 };
}

export function signingKeyAad(storeId: string, userId: string): string {
  return `carefile/signing-key/v1/${storeId}/${userId}`;
}

export function sealSigningKey(kek: Uint8Array, pkcs8: Uint8Array, storeId: string, userId: string): string {
  return JSON.stringify(seal(kek, pkcs8, signingKeyAad(storeId, userId)));
}

export function openSigningKey(kek: Uint8Array, sealed: string, storeId: string, userId: string): Buffer | undefined {
  return open(kek, JSON.parse(sealed) as Sealed, signingKeyAad(storeId, userId));
}

export interface SigningCredentials {
  /** WebCrypto ECDSA P-256 private key (extractable, usage 'sign'). */
  privateKey: CryptoKey;
  /** The same key as a node:crypto KeyObject, for libraries that want one. */
  keyObject: KeyObject;
  certificateDer: Uint8Array;
  certificateSha256: string;
}

export async function credentialsFromPkcs8(pkcs8: Uint8Array, certificateDer: Uint8Array): Promise<SigningCredentials> {
  const privateKey = (await webcrypto.subtle.importKey('pkcs8', pkcs8, ALG, true, ['sign'])) as CryptoKey;
  return {
    privateKey,
    keyObject: KeyObject.from(privateKey as unknown as webcrypto.CryptoKey),
    certificateDer,
    certificateSha256: sha256Hex(certificateDer),
  };
}
