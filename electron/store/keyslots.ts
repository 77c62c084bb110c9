import { existsSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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
export const KeySlotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  userName: z.string().optional(),
  kdf: z.object({ algorithm: z.literal('scrypt'), N: z.number().int(), r: z.number().int(), p: z.number().int() }),
  salt: z.string(),
  wrapped: SealedSchema,
});
export type KeySlot = z.infer<typeof KeySlotSchema>;

export const KeySlotFileSchema = z.object({
  format: z.literal('carefile-keyslots'),
  version: z.literal(1),
  storeId: z.string(),
  slots: z.array(KeySlotSchema),
});
export type KeySlotFile = z.infer<typeof KeySlotFileSchema>;

function aad(storeId: string, slotId: string): string {
  return `carefile/keyslot/v1/${storeId}/${slotId}`;
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
  const slot: KeySlot = {
    id,
    ...who,
    kdf: { algorithm: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p },
    salt: salt.toString('base64'),
    wrapped: seal(kek, dataKey, aad(storeId, id)),
  };
  return { slot, kek };
}

/** Undefined when the secret does not open this slot. */
export async function openSlot(
  storeId: string,
  slot: KeySlot,
  secret: string,
): Promise<{ dataKey: Buffer; kek: Buffer } | undefined> {
  const kek = await deriveKek(secret, Buffer.from(slot.salt, 'base64'), slot.kdf);
  const dataKey = open(kek, slot.wrapped, aad(storeId, slot.id));
  return dataKey && dataKey.length === 32 ? { dataKey, kek } : undefined;
}
