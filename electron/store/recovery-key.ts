import { randomBytes } from 'node:crypto';

/**
 * The recovery key: 200 random bits written as 8 groups of 5 characters in Crockford's base32
 * (no I, L, O or U, so it survives being copied by hand). Reading forgives case, spaces, dashes,
 * and the look-alikes O→0, I/L→1.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 25;
const CHARS = 40;

export function newRecoveryKey(): string {
  return encode(randomBytes(BYTES));
}

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out.match(/.{5}/g)!.join('-');
}

/** The canonical form (40 characters, no separators), or undefined if it cannot be a recovery key. */
export function normaliseRecoveryKey(input: string): string | undefined {
  const cleaned = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CHARS) return undefined;
  for (const ch of cleaned) if (!ALPHABET.includes(ch)) return undefined;
  return cleaned;
}
