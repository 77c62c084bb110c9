import { randomBytes, scrypt } from 'node:crypto';

/** scrypt parameters, stored with each key slot so they can be raised later without breaking old slots. */
export interface KdfParams {
  algorithm: 'scrypt';
  /** Cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/**
 * Production default: N = 2^17, r = 8, p = 1 takes about 250-280 ms on the build machines
 * (docs/decisions/0003-store-kdf-parameters.md). Uses 128 MiB of memory per derivation.
 */
export const DEFAULT_KDF: KdfParams = { algorithm: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** For tests only: fast, and clearly too weak for real use. */
export const TEST_KDF: KdfParams = { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1 };

export function checkKdf(params: KdfParams): void {
  const { N, r, p } = params;
  if (params.algorithm !== 'scrypt' || !Number.isInteger(N) || N < 2 || (N & (N - 1)) !== 0 || r < 1 || p < 1) {
    throw new Error('Unsupported key derivation parameters.');
  }
}

/** Derives a 256-bit key-encryption key from a secret string (passphrase or normalised recovery key). */
export function deriveKek(secret: string, salt: Uint8Array, params: KdfParams): Promise<Buffer> {
  checkKdf(params);
  const maxmem = 256 * params.N * params.r + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

export function newSalt(): Buffer {
  return randomBytes(16);
}
