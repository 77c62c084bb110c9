import { existsSync, readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomUUID, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { writeFileAtomic } from './atomic';
import { deriveKek, newSalt, type KdfParams } from './kdf';
import { open, seal } from './sealed';
import { StoreUnavailableError } from './errors';
import type { StorePaths } from './paths';

/**
 * Key slots, as LUKS keeps them: each holds the data key wrapped (AES-256-GCM) under a key
 * derived by scrypt from one user's passphrase, or from the recovery key. The file holds no
 * secret in clear; it sits beside the database because it must be read before the key is known,
 * and the database keeps a mirror of it (table key_slot) that backups carry.
 */
const SealedSchema = z.object({ iv: z.string(), ct: z.string(), tag: z.string() });
/**
 * The data key sealed to the slot's X25519 public key (ephemeral key + HKDF + AES-256-GCM), with
 * the slot's private key sealed under the passphrase-derived key. Re-wrapping a new data key for
 * a slot then needs only its public key, so removing a user can rotate the data key for everyone
 * else without knowing their passphrases (docs/decisions/store-06-signed-audit-events.md).
 */
const BoxSchema = z.object({ publicKey: z.string(), privateKey: SealedSchema, epk: z.string(), wrapped: SealedSchema });
export const KeySlotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  userName: z.string().optional(),
  kdf: z.object({ algorithm: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  salt: z.string(),
  /** The data key sealed directly under the passphrase-derived key (slots made before boxes; upgraded at unlock). */
  wrapped: SealedSchema.optional(),
  box: BoxSchema.optional(),
  /**
   * The last audit event this slot's owner saw at their own unlock or lock ({ seq, hash }, sealed
   * under their passphrase-derived key): only they can move it, so a log rewritten behind their
   * back shows at their next unlock (session-signer.ts).
   */
  witness: SealedSchema.optional(),
});
export type KeySlot = z.infer<typeof KeySlotSchema>;

/** The audit log's head, signed, kept outside the database so a cut-off tail shows (audit-head.ts). */
export const SignedHeadSchema = z.object({
  seq: z.number().int().min(0),
  hash: z.string(),
  at: z.string(),
  signer: z.string().optional(),
  keyId: z.string().optional(),
  sig: z.string().optional(),
});
export type SignedHead = z.infer<typeof SignedHeadSchema>;

export const KeySlotFileSchema = z.object({
  format: z.literal('carefile-keyslots'),
  version: z.literal(1),
  storeId: z.string(),
  slots: z.array(KeySlotSchema),
  auditHead: SignedHeadSchema.optional(),
  /**
   * A data key rotation under way: the same slots, wrapping the new key. Kept until the database
   * is proven to open with it (rekey.ts), so a crash at any point leaves a key that opens it.
   */
  next: z.array(KeySlotSchema).optional(),
});
export type KeySlotFile = z.infer<typeof KeySlotFileSchema>;

function aad(storeId: string, slotId: string): string {
  return `carefile/keyslot/v1/${storeId}/${slotId}`;
}

function boxKey(shared: Buffer, storeId: string, slotId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `${aad(storeId, slotId)}/box`, 32));
}

function publicKeyOf(b64: string): KeyObject {
  return createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
}

/** Seals the data key to a slot's public key (no secret of the slot's owner needed). */
export function wrapToSlot(storeId: string, slot: KeySlot, dataKey: Uint8Array): KeySlot {
  if (!slot.box) throw new Error(`key slot ${slot.id} has no public key`);
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyOf(slot.box.publicKey) });
  const wrapped = seal(boxKey(shared, storeId, slot.id), dataKey, aad(storeId, slot.id));
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const { wrapped: _legacy, ...rest } = slot;
  return { ...rest, box: { ...slot.box, epk, wrapped } };
}

/** Gives a slot an X25519 key pair (private half sealed under the slot's key-encryption key) and wraps the data key to it. */
export function boxSlot(storeId: string, slot: KeySlot, kek: Uint8Array, dataKey: Uint8Array): KeySlot {
  const pair = generateKeyPairSync('x25519');
  const privateKey = seal(kek, pair.privateKey.export({ type: 'pkcs8', format: 'der' }), `${aad(storeId, slot.id)}/x25519`);
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const witnessed = slot.witness ? slot : withWitness(storeId, slot, kek, { seq: 0, hash: '' });
  return wrapToSlot(storeId, { ...witnessed, box: { publicKey, privateKey, epk: '', wrapped: { iv: '', ct: '', tag: '' } } }, dataKey);
}

export interface Witness {
  seq: number;
  hash: string;
}

export function withWitness(storeId: string, slot: KeySlot, kek: Uint8Array, witness: Witness): KeySlot {
  return { ...slot, witness: seal(kek, Buffer.from(JSON.stringify(witness), 'utf8'), `${aad(storeId, slot.id)}/witness`) };
}

/** The slot's witness, or undefined when it is missing or does not open with this key. */
export function readWitness(storeId: string, slot: KeySlot, kek: Uint8Array): Witness | undefined {
  if (!slot.witness) return undefined;
  const plain = open(kek, slot.witness, `${aad(storeId, slot.id)}/witness`);
  if (!plain) return undefined;
  try {
    const w = JSON.parse(plain.toString('utf8')) as Witness;
    return typeof w.seq === 'number' && typeof w.hash === 'string' ? w : undefined;
  } catch {
    return undefined;
  }
}

function openBox(storeId: string, slot: KeySlot, kek: Uint8Array): Buffer | undefined {
  const box = slot.box!;
  const pkcs8 = open(kek, box.privateKey, `${aad(storeId, slot.id)}/x25519`);
  if (!pkcs8) return undefined;
  try {
    const shared = diffieHellman({ privateKey: createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }), publicKey: publicKeyOf(box.epk) });
    return open(boxKey(shared, storeId, slot.id), box.wrapped, aad(storeId, slot.id));
  } catch {
    return undefined;
  } finally {
    pkcs8.fill(0);
  }
}

export function readKeySlots(paths: StorePaths): KeySlotFile {
  if (!existsSync(paths.keySlots)) {
    throw new StoreUnavailableError(
      existsSync(paths.db)
        ? `The key slots file is missing from ${paths.dataDir}: restore it from a copy, or restore a backup with the raw key (docs/recovery.md).`
        : `No Carefile store in ${paths.dataDir}. Run "carefile init" first.`,
    );
  }
  try {
    return KeySlotFileSchema.parse(JSON.parse(readFileSync(paths.keySlots, 'utf8')));
  } catch {
    throw new StoreUnavailableError(`The key slots file ${paths.keySlots} is damaged. Restore it from a backup (docs/recovery.md).`);
  }
}

export function writeKeySlots(paths: StorePaths, file: KeySlotFile): void {
  writeFileAtomic(paths.keySlots, `${JSON.stringify(KeySlotFileSchema.parse(file), null, 2)}\n`);
}

export async function makeSlot(
  storeId: string,
  secret: string,
  dataKey: Uint8Array,
  kdf: KdfParams,
  who: { kind: 'user'; userId: string; userName: string } | { kind: 'recovery' },
): Promise<{ slot: KeySlot; kek: Buffer }> {
  const id = randomUUID();
  const salt = newSalt();
  const kek = await deriveKek(secret, salt, kdf);
  const bare: KeySlot = { id, ...who, kdf: { algorithm: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p }, salt: salt.toString('base64') };
  return { slot: boxSlot(storeId, bare, kek, dataKey), kek };
}

/** Undefined when the secret does not open this slot. */
export async function openSlot(
  storeId: string,
  slot: KeySlot,
  secret: string,
): Promise<{ dataKey: Buffer; kek: Buffer } | undefined> {
  const kek = await deriveKek(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  const dataKey = unwrapWithKek(storeId, slot, kek);
  return dataKey && { dataKey, kek };
}

/** The data key from a slot, given the key-encryption key already derived for it (undefined: wrong key). */
export function unwrapWithKek(storeId: string, slot: KeySlot, kek: Uint8Array): Buffer | undefined {
  const dataKey = slot.box ? openBox(storeId, slot, kek) : slot.wrapped && open(kek, slot.wrapped, aad(storeId, slot.id));
  return dataKey && dataKey.length === 32 ? dataKey : undefined;
}
