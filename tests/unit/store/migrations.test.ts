import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, kdf, sampleAssessment } from './helpers';
import { openStore, SCHEMA_VERSION, storePaths } from '../../../electron/store/index';
import { openDatabase } from '../../../electron/store/db';
import { migrate, migrations, schemaVersionOf, type Migration } from '../../../electron/store/migrations';
import { randomBytes } from 'node:crypto';

const FIXTURE_V1 = join(import.meta.dirname, '../../fixtures/store/v1');

function copyFixture(): string {
  const dir = tempDir();
  cpSync(FIXTURE_V1, dir, { recursive: true });
  return dir;
}

const NEXT = SCHEMA_VERSION + 1;

/** A real extra step, as the next version would be: a column and a backfill. */
const v2: Migration = {
  version: NEXT,
  name: 'test: assessment.reference_upper',
  up: (db) => {
    db.exec('ALTER TABLE assessment ADD COLUMN reference_upper TEXT');
    db.exec('UPDATE assessment SET reference_upper = upper(reference)');
  },
};

describe('migrations', () => {
  it('builds the newest schema from an empty file, in order, recording each version', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'x.db'), randomBytes(32), { create: true });
    expect(schemaVersionOf(db)).toBe(0);
    expect(migrate(db)).toEqual(migrations.map((m) => m.version));
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(migrations.map((m) => ({ version: m.version })));
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('opens the v1 fixture with today\'s code: data intact, audit chain intact, old events verify as before signing', async () => {
    const dir = copyFixture();
    const s = await openStore({ dataDir: dir, kdf }).unlock('sam', 'amber-glacier-notebook-9');
    expect(s.assessments.get('fixture-1')).toEqual(sampleAssessment('fixture-1'));
    expect(s.users.list().map((u) => u.name)).toEqual(['admin', 'sam']);
    const report = s.audit.verify();
    expect(report.ok, JSON.stringify(report.problems)).toBe(true);
    expect(schemaVersionOf(s.db)).toBe(SCHEMA_VERSION);
    // the migration point: every old event unsigned, then the marker; from there on, signed
    const events = s.audit.events();
    const marker = events.find((e) => e.action === 'audit.signing-begins')!;
    expect(report.signingSince).toBe(marker.seq);
    expect(events.filter((e) => e.seq <= marker.seq).every((e) => !e.sig)).toBe(true);
    const after = events.filter((e) => e.seq > marker.seq);
    expect(after.length).toBeGreaterThan(0);
    const samId = s.users.byName('sam')!.id;
    expect(after.every((e) => e.sig && e.signer === samId)).toBe(true);
    // a v1 store's slots have no public key until used: removing a user waits for the rotation
    s.close();
    const admin = await openStore({ dataDir: dir, kdf }).unlock('admin', 'violet-harbour-lantern-42');
    expect(admin.users.remove('sam').keyRotation).toMatchObject({ rotated: false, reason: 'waiting-for-slots', waitingFor: ['recovery key'] });
    admin.close();
    // the recovery key's first use gives it a signing key and a public-key slot; the rotation then completes
    const r = await openStore({ dataDir: dir, kdf }).unlockWithRecoveryKey('0RNW3-9PHRJ-KXR6N-RQYTW-3DR3H-PWMWD-3BY5M-M1N13');
    const actions = r.audit.events().map((e) => e.action);
    expect(actions).toContain('audit-key.add');
    expect(actions.at(-1)).toBe('store.rekey');
    expect(r.audit.events().at(-1)).toMatchObject({ signer: 'recovery' });
    const again = r.audit.verify();
    expect(again.ok, JSON.stringify(again.problems)).toBe(true);
    r.close();
  });

  it('applies a later step to the migrated v1 fixture, and a failing step leaves it at the version before, untouched', async () => {
    const dir = copyFixture();
    const s = await openStore({ dataDir: dir, kdf }).unlock('admin', 'violet-harbour-lantern-42');
    const key = s.revealKey();
    s.close();
    const hex = Buffer.from(key.slice(2, -1), 'hex');
    const dbPath = storePaths(dir).db;

    const failing: Migration = {
      version: NEXT,
      name: 'test: fails half-way',
      up: (db) => {
        db.exec('ALTER TABLE assessment ADD COLUMN half TEXT');
        throw new Error('boom');
      },
    };
    let db = openDatabase(dbPath, hex);
    expect(() => migrate(db, [...migrations, failing])).toThrow('boom');
    expect(schemaVersionOf(db)).toBe(SCHEMA_VERSION);
    expect((db.prepare('SELECT * FROM assessment').get() as Record<string, unknown>).half).toBeUndefined();
    expect(migrate(db, [...migrations, v2])).toEqual([NEXT]);
    expect(schemaVersionOf(db)).toBe(NEXT);
    expect(db.prepare('SELECT reference_upper FROM assessment').get()).toEqual({ reference_upper: 'REF-FIXTURE-1' });
    db.close();

    // a store newer than this code is refused, not damaged
    db = openDatabase(dbPath, hex);
    expect(() => migrate(db)).toThrow(/newer than this Carefile/);
    db.close();
  });
});
