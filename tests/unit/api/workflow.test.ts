/**
 * The assessment workflow channels through dispatch, on a real encrypted store: the safeguard
 * engine decides stage changes and departures; managers review and authorise; signing locks.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { ADMIN, ADMIN_PASS, kdf } from '../store/helpers';

const ctx: HandlerContext = (() => {
  // One store for the whole file (the helpers' tempDir is emptied after each test).
  const dataDir = join(mkdtempSync(join(tmpdir(), 'carefile-workflow-')), 'data');
  return { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
})();

async function call(name: string, input: unknown) {
  return dispatch(name, input, ctx);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(name: string, input: unknown): Promise<any> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function fails(name: string, input: unknown) {
  const r = await call(name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}
// Each person signs in on their own, as at the unlock screen: lock, then unlock as them.
const as = async (userName: string, passphrase: string) => {
  await ok('store.lock', {});
  await ok('store.unlock', { userName, passphrase });
};

const ASSESSOR = { name: 'sam', pass: 'amber-glacier-notebook-9' };
const MANAGER = { name: 'priya', pass: 'walnut-signal-meadow-27' };
const bundle = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'compliant.json'), 'utf8'));

afterAll(() => {
  ctx.storeSession?.lock();
  rmSync(join(ctx.dataDir, '..'), { recursive: true, force: true });
});

beforeAll(async () => {
  await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
  await as(ADMIN, ADMIN_PASS);
  await ok('users.add', { name: ASSESSOR.name, role: 'assessor', passphrase: ASSESSOR.pass });
  await ok('users.add', { name: MANAGER.name, role: 'manager', passphrase: MANAGER.pass });
});

describe('assessment workflow channels', () => {
  it('creates at initial presentation, converts the calendar, and refuses a date that does not exist', async () => {
    await as(ASSESSOR.name, ASSESSOR.pass);
    const a = await ok('assessments.create', {
      reference: 'WF-1',
      nameLatin: 'Semhar Tesfay',
      statedAge: 16,
      statedDob: { calendar: 'ethiopic', year: 2002, month: 5, day: 10 },
      route: 'council',
      reasonForDoubt: 'The Home Office screening record gives a different year of birth.',
    });
    expect(a.youngPerson.statedDateOfBirth.gregorian).toBe('2010-01-18');
    expect(a.stage).toBe('initial-presentation');
    expect(await fails('assessments.create', { reference: 'WF-1', nameLatin: 'X', route: 'council' })).toMatchObject({ code: 'CONFLICT', field: 'reference' });
    expect(await fails('assessments.create', { reference: 'WF-2', nameLatin: 'X', route: 'council', statedDob: { calendar: 'ethiopic', year: 2002, month: 13, day: 9 } })).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'statedDob',
    });

    const check = await ok('assessments.check', { id: a.id });
    expect(check.presumption.status).toContain('Treated as a child aged 16 (stated age)');
    expect(check.next).toMatchObject({ stage: 'before-you-start', ok: true });
    const moved = await ok('assessments.advance', { id: a.id, to: 'before-you-start' });
    expect(moved.stage).toBe('before-you-start');
    // Skipping a stage is refused; so is planning before the trafficking screen (a gate).
    expect(await fails('assessments.advance', { id: a.id, to: 'explaining' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await fails('assessments.advance', { id: a.id, to: 'planning' })).toMatchObject({ code: 'SAFEGUARD_BLOCK' });
  });

  it('signing in as someone else checks their passphrase; a wrong one leaves nobody signed in', async () => {
    await as(ASSESSOR.name, ASSESSOR.pass);
    expect(await fails('store.unlock', { userName: MANAGER.name, passphrase: 'not-the-managers-passphrase' })).toMatchObject({ code: 'AUTH_FAILED' });
    expect(await ok('store.status', {})).toMatchObject({ state: 'locked' });
    await ok('store.unlock', { userName: MANAGER.name, passphrase: MANAGER.pass });
    expect(await ok('store.status', {})).toMatchObject({ state: 'unlocked', user: { name: MANAGER.name, role: 'manager' } });
  });

  it('records a departure only where the law allows one', async () => {
    await as(ASSESSOR.name, ASSESSOR.pass);
    const [row] = (await ok('assessments.list', {})) as Array<{ id: string }>;
    const id = row!.id;
    const done = await ok('assessments.recordDeparture', { id, ruleId: 'AA-09', reason: 'No appropriate adult could be found in time; the young person chose to go ahead with their solicitor present.' });
    expect(done.departures).toHaveLength(1);
    expect(await fails('assessments.recordDeparture', { id, ruleId: 'AA-23', reason: 'We would rather not state the benefit of the doubt here at all.' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails('assessments.recordDeparture', { id, ruleId: 'AA-09', reason: 'short' })).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
  });

  it('only a manager reviews; a draft can be returned, a review never authorises, and export waits for the safeguards', async () => {
    // Seeded as an import would be: no channel writes a whole assessment.
    ctx.storeSession!.store.assessments.put({ ...bundle.assessment, review: { comments: [] } });
    const id = bundle.assessment.id;
    await as(ASSESSOR.name, ASSESSOR.pass);
    expect(await fails('assessments.review', { id, outcome: 'comment', text: 'Looks fine.' })).toMatchObject({ code: 'FORBIDDEN' });
    const exported = await ok('assessments.exportBundle', { id });
    expect(JSON.parse(exported.json).assessment.id).toBe(id);

    await as(MANAGER.name, MANAGER.pass);
    // Authorising is the manager's signature on the record (record.countersign), never a review.
    expect(await fails('assessments.review', { id, outcome: 'authorised', text: 'Authorised.' })).toMatchObject({ code: 'INVALID_INPUT', field: 'outcome' });
    const returned = await ok('assessments.review', { id, outcome: 'returned', text: 'Please say which session the second point was put in.' });
    expect(returned.status).toBe('returned');
    expect(returned.review.comments).toMatchObject([{ outcome: 'returned', by: 'priya' }]);

    const unsafe = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'same-day-interview.json'), 'utf8')).assessment;
    ctx.storeSession!.store.assessments.put(unsafe);
    expect(await fails('assessments.exportBundle', { id: unsafe.id })).toMatchObject({ code: 'SAFEGUARD_BLOCK', message: expect.stringContaining('AA-09') });
  });
});
