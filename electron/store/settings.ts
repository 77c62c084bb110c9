/**
 * Settings an administrator chooses for the whole store, kept in the encrypted database (table
 * `meta`, keys `setting.*`), each change audited. Read by the main side only: the idle lock
 * (electron/api/idle-lock.ts) and the backup retention (session.ts).
 */
import { appendAudit } from './audit';
import { digestOf } from './canonical';
import { actorOf, requireAdmin, type Core } from './core';
import { InvalidInputError } from './errors';

export interface StoreSettings {
  /** Minutes without activity before the store locks itself (1 to 240). */
  idleLockMinutes: number;
  /** Backups kept in the store's backups folder: the newest N (1 to 100); older ones are deleted. */
  backupKeep: number;
}

export const DEFAULT_SETTINGS: StoreSettings = { idleLockMinutes: 10, backupKeep: 10 };

const LIMITS: Record<keyof StoreSettings, { min: number; max: number; words: string }> = {
  idleLockMinutes: { min: 1, max: 240, words: 'The idle lock is between 1 and 240 minutes.' },
  backupKeep: { min: 1, max: 100, words: 'Between 1 and 100 backups are kept.' },
};

export function readSettings(core: Pick<Core, 'db'>): StoreSettings {
  const rows = core.db.prepare("SELECT key, value FROM meta WHERE key LIKE 'setting.%'").all() as Array<{ key: string; value: string }>;
  const out: StoreSettings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) {
    const name = key.slice('setting.'.length) as keyof StoreSettings;
    const limit = LIMITS[name];
    const n = Number(value);
    if (limit && Number.isInteger(n) && n >= limit.min && n <= limit.max) out[name] = n;
  }
  return out;
}

/** Administrators only; audited. */
export function writeSettings(core: Core, patch: Partial<StoreSettings>): StoreSettings {
  requireAdmin(core, "change the store's settings");
  for (const [name, value] of Object.entries(patch) as Array<[keyof StoreSettings, number | undefined]>) {
    const limit = LIMITS[name];
    if (!limit) throw new InvalidInputError(`There is no setting ${String(name)}.`, String(name));
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) throw new InvalidInputError(limit.words, name);
  }
  const db = core.db;
  db.transaction(() => {
    const upsert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
    for (const [name, value] of Object.entries(patch)) if (value !== undefined) upsert.run(`setting.${name}`, String(value));
    appendAudit(db, { actor: actorOf(core), action: 'settings.change', entityType: 'store', entityId: core.storeId, digest: digestOf(patch) });
  })();
  return readSettings(core);
}
