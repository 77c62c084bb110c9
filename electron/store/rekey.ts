import { randomBytes } from 'node:crypto';
import { appendAudit } from './audit';
import { digestOf, sha256Hex } from './canonical';
import { rewriteSlot, slotsFromDb, syncSlotsFile, type Core } from './core';
import { sqlcipherKeyLiteral } from './db';
import { wrapToSlot, type KeySlot } from './keyslots';

/**
 * Rotating the data key when a user is removed, so their old key slot (or a copy of the whole
 * old slots file) opens nothing. Every remaining slot is re-wrapped to its public key (no
 * passphrase needed), then SQLite3MultipleCiphers re-encrypts every page (PRAGMA rekey, which
 * needs a rollback journal: WAL is switched off for the duration).
 *
 * Crash safety, step by step (the next unlock finishes what was begun; lifecycle.ts):
 *  1. the removal commits with meta.rekey_pending set: a crash before step 3 leaves the old key
 *     in force and the next unlock starts the rotation again;
 *  2. the slots file is rewritten atomically with both wraps: `slots` (old key) and `next` (new);
 *  3. PRAGMA rekey: atomic in SQLite (its rollback journal); the database opens with the old key
 *     before it commits and with the new one after;
 *  4. the mirror takes the new wraps and rekey_pending goes, with a `store.rekey` event;
 *  5. the slots file is rewritten from the mirror, without `next`.
 * At unlock, a credential's slot in `slots` gives the old key; if that no longer opens the
 * database, the same slot in `next` gives the new one, and steps 4-5 are done then.
 */
export type RotationResult =
  | { rotated: true }
  | { rotated: false; reason: 'not-pending' }
  /** Some slots were made before slots had public keys: they are upgraded when next used, and the rotation then completes. */
  | { rotated: false; reason: 'waiting-for-slots'; waitingFor: string[] };

/** For the crash tests: stop (throw) right after a step, leaving the files as a kill would. */
export type RotationStop = 'after-next-written' | 'after-rekey' | 'after-mirror';

export class RotationStopped extends Error {}

export function rekeyPending(core: Pick<Core, 'db'>): boolean {
  return Boolean(core.db.prepare("SELECT 1 FROM meta WHERE key = 'rekey_pending'").get());
}

export function rotateDataKey(core: Core, actor: string, stopAt?: RotationStop): RotationResult {
  if (!rekeyPending(core)) return { rotated: false, reason: 'not-pending' };
  const slots = slotsFromDb(core.db, core.storeId).slots;
  const legacy = slots.filter((s) => !s.box);
  if (legacy.length > 0) {
    return { rotated: false, reason: 'waiting-for-slots', waitingFor: legacy.map((s) => (s.kind === 'recovery' ? 'recovery key' : s.userName ?? s.id)) };
  }
  const newKey = randomBytes(32);
  const next = slots.map((s) => wrapToSlot(core.storeId, s, newKey));
  core.db
    .prepare('INSERT OR IGNORE INTO retired_key (id, key, retired_on) VALUES (?, ?, ?)')
    .run(sha256Hex(core.dataKey), Buffer.from(core.dataKey), new Date().toISOString());
  syncSlotsFile(core, { next });
  if (stopAt === 'after-next-written') throw new RotationStopped(stopAt);

  const db = core.db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  try {
    db.pragma(`rekey="${sqlcipherKeyLiteral(newKey)}"`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
  core.dataKey.fill(0);
  core.dataKey = newKey;
  if (stopAt === 'after-rekey') throw new RotationStopped(stopAt);

  finishRotation(core, next, actor);
  if (stopAt === 'after-mirror') throw new RotationStopped(stopAt);
  syncSlotsFile(core);
  return { rotated: true };
}

/** Step 4: the database already opens with the new key; the mirror takes the new wraps. */
export function finishRotation(core: Core, next: KeySlot[], actor: string): void {
  const db = core.db;
  db.transaction(() => {
    const current = new Set(slotsFromDb(db, core.storeId).slots.map((s) => s.id));
    for (const slot of next) if (current.has(slot.id)) rewriteSlot(db, slot);
    db.prepare("DELETE FROM meta WHERE key = 'rekey_pending'").run();
    appendAudit(db, { actor, action: 'store.rekey', entityType: 'store', entityId: core.storeId, digest: digestOf({ slots: [...current].sort() }) });
  })();
}

/** The data keys retired by rotations, newest first, read from the store with its current key (for restoring older backups). */
export function retiredKeys(db: Pick<Core, 'db'>['db']): Buffer[] {
  try {
    return (db.prepare('SELECT key FROM retired_key ORDER BY retired_on DESC').all() as Array<{ key: Buffer }>).map((r) => Buffer.from(r.key));
  } catch {
    return [];
  }
}
