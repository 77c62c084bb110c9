import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** AES-256-GCM box: what a key slot or a wrapped signing key stores (base64 fields, JSON-friendly). */
export interface Sealed {
  iv: string;
  ct: string;
  tag: string;
}

export function seal(key: Uint8Array, plaintext: Uint8Array, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns undefined when the key is wrong (or the box was altered): the caller decides what that means. */
export function open(key: Uint8Array, box: Sealed, aad: string): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(box.ct, 'base64')), decipher.final()]);
  } catch {
    return undefined;
  }
}
