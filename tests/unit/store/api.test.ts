import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { ADMIN, ADMIN_PASS, kdf, sampleAssessment, tempDir } from './helpers';

function context(): HandlerContext {
  const dataDir = join(tempDir(), 'data');
  return { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(name: string, input: unknown, ctx: HandlerContext): Promise<any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function fails(name: string, input: unknown, ctx: HandlerContext) {
  const r = await dispatch(name, input, ctx);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

describe('store channels through dispatch', () => {
  it('init, unlock, users, assessments, backup, lock: the screens\' story', async () => {
    const ctx = context();
    expect(await ok('app.info', {}, ctx)).toMatchObject({ storeState: 'uninitialised' });
    expect(await ok('store.status', {}, ctx)).toEqual({ state: 'uninitialised', backoffMs: 0 });
    expect(await fails('store.init', { adminName: ADMIN, passphrase: 'short' }, ctx)).toMatchObject({ code: 'INVALID_INPUT', field: 'passphrase' });
    const { recoveryKey } = await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx);
    expect(recoveryKey).toMatch(/-/);
    expect(await fails('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx)).toMatchObject({ code: 'CONFLICT' });
    expect(await ok('app.info', {}, ctx)).toMatchObject({ storeState: 'locked' });

    expect(await fails('assessments.list', {}, ctx)).toMatchObject({ code: 'NOT_UNLOCKED' });
    expect(await fails('store.unlock', { userName: ADMIN, passphrase: 'wrong-wrong-wrong' }, ctx)).toMatchObject({ code: 'AUTH_FAILED' });
    expect(await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, ctx)).toMatchObject({
      state: 'unlocked',
      user: { name: ADMIN, role: 'admin' },
    });
    expect(await ok('app.info', {}, ctx)).toMatchObject({ storeState: 'unlocked' });

    expect(await ok('users.add', { name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ name: 'sam', role: 'assessor' });
    expect(await fails('users.add', { name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ code: 'CONFLICT' });
    expect(await fails('users.add', { name: 'x', role: 'root', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ code: 'INVALID_INPUT', field: 'role' });
    expect((await ok('users.list', {}, ctx) as unknown[]).length).toBe(2);
    expect(await fails('users.passwd', { name: ADMIN, newPassphrase: 'granite-orchard-puzzle-8' }, ctx)).toMatchObject({ field: 'currentPassphrase' });
    await ok('users.passwd', { name: ADMIN, newPassphrase: 'granite-orchard-puzzle-8', currentPassphrase: ADMIN_PASS }, ctx);
    await ok('users.passwd', { name: 'sam', newPassphrase: 'reset-by-admin-pebble-2' }, ctx);

    const a = sampleAssessment('api-1');
    expect(await fails('assessments.get', { id: 'api-1' }, ctx)).toMatchObject({ code: 'NOT_FOUND' });
    // Seeded as an import would be; assessments are written only through the intent channels
    // (tests/unit/api/authority.test.ts), and an administrator writes none.
    ctx.storeSession!.store.assessments.put(a);
    expect(await ok('assessments.get', { id: 'api-1' }, ctx)).toEqual(a);
    expect(await fails('assessments.get', { id: 'missing' }, ctx)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await ok('assessments.list', {}, ctx)).toMatchObject([{ id: 'api-1', nameLatin: a.youngPerson.nameLatin }]);
    expect(await fails('assessments.saveAnalysis', { id: 'api-1', analysis: 'edit', adversePoints: [] }, ctx)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails('assessments.put', { assessment: a }, ctx)).toMatchObject({ code: 'UNKNOWN_CHANNEL' });

    const backup = await ok('store.backup', {}, ctx);
    expect((backup as { fileName: string }).fileName).toMatch(/^carefile-.*\.backup$/);
    expect(existsSync(join(ctx.dataDir, 'backups', (backup as { fileName: string }).fileName))).toBe(true);
    expect(await fails('store.backup', { path: '/etc/passwd' }, ctx)).toMatchObject({ code: 'INVALID_INPUT' });

    await ok('users.remove', { name: 'sam' }, ctx);
    expect(await ok('store.lock', {}, ctx)).toEqual({ state: 'locked', backoffMs: 0 });
    expect(await fails('users.list', {}, ctx)).toMatchObject({ code: 'NOT_UNLOCKED' });
    const viaKey = await ok('store.unlockWithRecoveryKey', { recoveryKey }, ctx);
    expect(viaKey).toMatchObject({ state: 'unlocked', user: { role: 'admin' } });
    await ok('store.lock', {}, ctx);
    expect(await ok('store.unlock', { userName: ADMIN, passphrase: 'granite-orchard-puzzle-8' }, ctx)).toMatchObject({ state: 'unlocked' });
    await ok('store.lock', {}, ctx);
  });

  it('an assessor cannot manage users; backoff shows in status', async () => {
    const ctx = context();
    await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx);
    await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, ctx);
    await ok('users.add', { name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' }, ctx);
    await ok('store.lock', {}, ctx);
    await ok('store.unlock', { userName: 'sam', passphrase: 'amber-glacier-notebook-9' }, ctx);
    expect(await fails('users.add', { name: 'kim', role: 'assessor', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails('users.remove', { name: ADMIN }, ctx)).toMatchObject({ code: 'FORBIDDEN' });
    await ok('store.lock', {}, ctx);
    for (let i = 0; i < 3; i++) await fails('store.unlock', { userName: 'sam', passphrase: `nope-nope-nope-${i}` }, ctx);
    const st = await ok('store.status', {}, ctx);
    expect((st as { backoffMs: number }).backoffMs).toBeGreaterThan(0);
    expect(await fails('store.unlock', { userName: 'sam', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ code: 'BACKOFF' });
  });

  it('an unlock says whether the person who held the last session is back (resumes), and nothing before anyone proves who they are', async () => {
    const ctx = context();
    await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, ctx);
    // The first sign-in since the app started: nobody to compare with.
    expect(await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, ctx)).not.toHaveProperty('resumes');
    await ok('users.add', { name: 'sam', role: 'assessor', passphrase: 'amber-glacier-notebook-9' }, ctx);
    await ok('store.lock', {}, ctx);
    expect(await ok('store.status', {}, ctx)).toEqual({ state: 'locked', backoffMs: 0 });
    expect(await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, ctx)).toMatchObject({ state: 'unlocked', resumes: true });
    await ok('store.lock', {}, ctx);
    expect(await ok('store.unlock', { userName: 'sam', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ user: { name: 'sam' }, resumes: false });
    // A status read while signed in never carries it.
    expect(await ok('store.status', {}, ctx)).not.toHaveProperty('resumes');
    await ok('store.lock', {}, ctx);
    expect(await ok('store.unlock', { userName: 'sam', passphrase: 'amber-glacier-notebook-9' }, ctx)).toMatchObject({ resumes: true });
  });
});
