import { webcrypto } from 'node:crypto';
import { InvalidInputError } from './errors';
import type { KeyAlgorithm } from './signing';

export interface Pkcs12Contents {
  pkcs8: Uint8Array;
  algorithm: KeyAlgorithm;
  certificateDer: Uint8Array;
}

/**
 * Reads a council-issued PKCS#12 (.p12/.pfx) with @libpdf/core's P12Signer (already a dependency
 * for PDF signing; it uses pkijs underneath). P12Signer keeps the key it imported (extractable)
 * in a TypeScript-private field; @libpdf/core is pinned exactly, and the test of this import
 * fails if that field ever moves.
 */
export async function readPkcs12(p12: Uint8Array, password: string): Promise<Pkcs12Contents> {
  const { P12Signer } = await import('@libpdf/core');
  let signer: Awaited<ReturnType<typeof P12Signer.create>>;
  try {
    signer = await P12Signer.create(p12, password);
  } catch {
    throw new InvalidInputError('The PKCS#12 file could not be opened: the password is wrong, or it is not a .p12/.pfx file.', 'p12');
  }
  const key = (signer as unknown as { privateKey?: CryptoKey }).privateKey;
  if (!key) throw new InvalidInputError('The PKCS#12 file holds no private key Carefile can use.', 'p12');
  const alg = key.algorithm as { name: string; namedCurve?: string };
  let algorithm: KeyAlgorithm;
  if (alg.name === 'ECDSA' && (alg.namedCurve === 'P-256' || alg.namedCurve === 'P-384' || alg.namedCurve === 'P-521')) {
    algorithm = { name: 'ECDSA', namedCurve: alg.namedCurve };
  } else if (alg.name === 'RSASSA-PKCS1-v1_5' || alg.name === 'RSA-PSS') {
    algorithm = { name: alg.name, hash: 'SHA-256' };
  } else {
    throw new InvalidInputError(`The key in the PKCS#12 file (${alg.name}) is not one Carefile can sign with (ECDSA or RSA).`, 'p12');
  }
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key as unknown as webcrypto.CryptoKey));
  return { pkcs8, algorithm, certificateDer: new Uint8Array(signer.certificate) };
}
