import type { Db } from './db';
import type { KdfParams } from './kdf';
import type { StorePaths } from './paths';
import { KeySlotSchema, writeKeySlots, type KeySlot, type KeySlotFile } from './keyslots';
import { ForbiddenError } from './errors';

export type Role = 'admin' | 'assessor' | 'manager';

/** Who unlocked the store: a user with their passphrase, or whoever holds the recovery key (admin powers). */
export type Session =
  | { via: 'passphrase'; userId: string; name: string; displayName: string; role: Role }
  | { via: 'recovery-key'; name: 'recovery-key'; role: 'admin' };

/** What the repositories of an unlocked store share. */
export interface Core {
  db: Db;
  paths: StorePaths;
  storeId: string;
  dataKey: Buffer;
  kdf: KdfParams;
  session: Session;
}

export function actorOf(core: Core): string {
  return core.session.name;
}

export function requireAdmin(core: Core, what: string): void {
  if (core.session.role !== 'admin') throw new ForbiddenError(`Only an administrator may ${what}.`);
}

/** The key slots as the database mirrors them (the database is the authority once unlocked). */
export function slotsFromDb(db: Db, storeId: string): KeySlotFile {
  const rows = db.prepare('SELECT data FROM key_slot ORDER BY kind DESC, id').all() as Array<{ data: string }>;
  return { format: 'carefile-keyslots', version: 1, storeId, slots: rows.map((r) => KeySlotSchema.parse(JSON.parse(r.data))) };
}

export function mirrorSlot(db: Db, slot: KeySlot): void {
  db.prepare('INSERT INTO key_slot (id, kind, user_id, data) VALUES (?, ?, ?, ?)').run(
    slot.id,
    slot.kind,
    slot.kind === 'user' ? slot.userId! : null,
    JSON.stringify(slot),
  );
}

/** After a commit that changed slots: the file beside the database follows the mirror. */
export function syncSlotsFile(core: Pick<Core, 'db' | 'paths' | 'storeId'>): void {
  writeKeySlots(core.paths, slotsFromDb(core.db, core.storeId));
}
