import type { Db } from './db';
import { SCHEMA_V1 } from './schema-v1';
import { migrateToV2 } from './schema-v2';
import { SCHEMA_V3 } from './schema-v3';
import { migrateToV4 } from './schema-v4';
import { SCHEMA_V5 } from './schema-v5';
import { SCHEMA_V6 } from './schema-v6';
import { SCHEMA_V7 } from './schema-v7';
import { StoreUnavailableError } from './errors';

/**
 * Forward-only, versioned migrations. Each runs in its own transaction together with the
 * user_version bump, so a failure leaves the store at the previous version, untouched.
 * Never edit a released step: add the next one (and a fixture of the version before it).
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial schema', up: (db) => db.exec(SCHEMA_V1) },
  { version: 2, name: 'signed audit events', up: (db) => migrateToV2(db) },
  { version: 3, name: 'assessment versions and bundle signers', up: (db) => db.exec(SCHEMA_V3) },
  { version: 4, name: 'summaries kept at save time', up: (db) => migrateToV4(db) },
  { version: 5, name: 'signed records kept with their assessments', up: (db) => db.exec(SCHEMA_V5) },
  { version: 6, name: 'drafts', up: (db) => db.exec(SCHEMA_V6) },
  { version: 7, name: 'attachment links indexed by evidence item', up: (db) => db.exec(SCHEMA_V7) },
];

export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

export function schemaVersionOf(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the database to the newest version; returns the versions applied. */
export function migrate(db: Db, steps: readonly Migration[] = migrations, now = () => new Date().toISOString()): number[] {
  const latest = steps[steps.length - 1]!.version;
  const current = schemaVersionOf(db);
  if (current > latest) {
    throw new StoreUnavailableError(`This store has schema version ${current}, newer than this Carefile understands (${latest}). Update Carefile.`);
  }
  const applied: number[] = [];
  for (const step of steps) {
    if (step.version <= current) continue;
    db.transaction(() => {
      step.up(db);
      db.prepare('INSERT INTO schema_version (version, name, applied_on) VALUES (?, ?, ?)').run(step.version, step.name, now());
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.version);
  }
  return applied;
}
