import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession, takeStoreNotes } from '../../../electron/store/index';
import { ADMIN, ADMIN_PASS, kdf, tempDir } from '../store/helpers';

const SAM_PASS = 'amber-glacier-notebook-9';

async function setup(extra: Partial<HandlerContext> = {}) {
  const dataDir = join(tempDir(), 'data');
  const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf), ...extra };
  const call = (name: string, input: unknown = {}) => dispatch(name, input, ctx);
  await call('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
  await call('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  await call('users.add', { name: 'sam', role: 'assessor', passphrase: SAM_PASS });
  return { ctx, call, dataDir };
}

describe('backups: administrators only, owner-only files, a retention limit', () => {
  it('refuses an assessor; keeps the newest N the administrator sets; files 0600 in a 0700 folder, a loose folder tightened with a note', async () => {
    const { call, dataDir } = await setup();
    const backups = join(dataDir, 'backups');
    mkdirSync(backups);
    chmodSync(backups, 0o755);
    takeStoreNotes();
    expect(await call('settings.set', { backupKeep: 2 })).toMatchObject({ ok: true, value: { backupKeep: 2, idleLockMinutes: 10 } });
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call('store.backup');
      if (!r.ok) throw new Error(r.error.message);
      made.push((r.value as { fileName: string }).fileName);
      await new Promise((res) => setTimeout(res, 5)); // distinct names (milliseconds)
    }
    expect(takeStoreNotes().join()).toMatch(/was open to other users.*mode 755.*owner-only \(700\)/);
    expect(statSync(backups).mode & 0o777).toBe(0o700);
    const kept = readdirSync(backups).sort();
    expect(kept).toEqual(made.slice(1).sort());
    for (const f of kept) expect(statSync(join(backups, f)).mode & 0o777).toBe(0o600);
    // A file Carefile did not make is never deleted.
    writeFileSync(join(backups, 'notes.txt'), 'kept');
    await call('store.backup');
    expect(readdirSync(backups)).toContain('notes.txt');

    await call('store.unlock', { userName: 'sam', passphrase: SAM_PASS });
    expect(await call('store.backup')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('settings.set', { idleLockMinutes: 240 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('settings.get')).toMatchObject({ ok: true, value: { backupKeep: 2 } });
    await call('store.lock');
  });

  it('refuses settings out of range, naming the field', async () => {
    const { call } = await setup();
    expect(await call('settings.set', { idleLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'idleLockMinutes' } });
    expect(await call('settings.set', { backupKeep: 1000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'backupKeep' } });
    await call('store.lock');
  });
});

describe('the idle lock (main side)', () => {
  it('locks the store after the idle time; activity restarts the count; the CLI has none', async () => {
    const { call, ctx } = await setup({ idleLockMs: 300 });
    const first = await call('session.activity');
    expect(first).toMatchObject({ ok: true });
    expect((first as { value: { idleLockMs: number } }).value.idleLockMs).toBeLessThanOrEqual(300);
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150));
      expect(await call('session.activity')).toMatchObject({ ok: true });
    }
    await new Promise((r) => setTimeout(r, 450));
    expect(ctx.storeSession!.state).toBe('locked');
    expect(await call('users.list')).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });
    expect(await call('session.activity')).toMatchObject({ ok: false, error: { code: 'NOT_UNLOCKED' } });

    const cli = await setup({ app: { version: 't', mode: 'cli' }, idleLockMs: 50 });
    await new Promise((r) => setTimeout(r, 120));
    expect(cli.ctx.storeSession!.state).toBe('unlocked');
    await cli.call('store.lock');
  });
});
