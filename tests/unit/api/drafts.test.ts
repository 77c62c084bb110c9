/**
 * Drafts through dispatch on a real encrypted store: each person's own, bounded in size, gone
 * when the part is saved, and never in the file in clear.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { MAX_DRAFT_BYTES } from '../../../shared/contract/drafts';
import { ADMIN, ADMIN_PASS, kdf } from '../store/helpers';

const RUTH = { userName: 'ruth', passphrase: 'amber-glacier-notebook-9' };
const OLU = { userName: 'olu', passphrase: 'willow-harbour-ember-77' };
const WORDS = 'KESTREL-DRAFT-4471 he said he walked from Herat';

// One store for the file (the helpers' tempDir is emptied after each test).
const dataDir = join(mkdtempSync(join(tmpdir(), 'carefile-drafts-')), 'data');
const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(name: string, input: unknown): Promise<any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function as(who: { userName: string; passphrase: string }) {
  await ok('store.lock', {});
  await ok('store.unlock', who);
}
let id = '';

afterAll(() => rmSync(dirname(dataDir), { recursive: true, force: true }));

beforeAll(async () => {
  await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  for (const [u, name] of [[RUTH, 'Ruth Adeyemi'], [OLU, 'Olu Bankole']] as const) {
    await ok('users.add', { name: u.userName, displayName: name, role: 'assessor', passphrase: u.passphrase });
  }
  await as(RUTH);
  id = (await ok('assessments.create', { reference: 'DRAFT-1', nameLatin: 'Yonas Haile', route: 'council' })).id;
});

describe('drafts', () => {
  it("keeps one person's typing per part, shows it only to them, and survives a lock", async () => {
    await as(RUTH);
    const saved = await ok('drafts.save', { assessmentId: id, part: 'youngPerson', content: { reason: WORDS } });
    expect(Date.parse(saved.savedOn)).not.toBeNaN();
    await ok('drafts.save', { assessmentId: 'new', part: 'create', content: { reference: 'X' } });
    await as(OLU);
    expect(await ok('drafts.get', { assessmentId: id, part: 'youngPerson' })).toEqual({ draft: null });
    expect(await ok('drafts.list', { assessmentId: id })).toEqual([]);
    await as(RUTH);
    expect(await ok('drafts.get', { assessmentId: id, part: 'youngPerson' })).toEqual({ draft: { content: { reason: WORDS }, savedOn: saved.savedOn } });
    expect(await ok('drafts.list', { assessmentId: id })).toEqual([{ part: 'youngPerson', savedOn: saved.savedOn }]);
    // Encrypted like everything else in the store.
    await ok('store.lock', {});
    for (const f of readdirSync(dataDir)) {
      if (f.endsWith('.db') || f.endsWith('-wal')) expect(readFileSync(join(dataDir, f)).includes(Buffer.from('KESTREL-DRAFT'))).toBe(false);
    }
  });

  it('refuses a draft for an assessment that does not exist, an unknown part and an oversized draft, in plain words', async () => {
    await as(RUTH);
    const missing = await dispatch('drafts.save', { assessmentId: 'nope', part: 'sessions', content: {} }, ctx);
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const part = await dispatch('drafts.save', { assessmentId: id, part: 'stage', content: {} }, ctx);
    expect(part).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'part' } });
    const big = await dispatch('drafts.save', { assessmentId: id, part: 'analysis', content: { analysis: 'a'.repeat(MAX_DRAFT_BYTES) } }, ctx);
    expect(big).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'content' } });
    if (!big.ok) expect(big.error.message).toContain('larger than 1024 KiB');
  });

  it('a saved part discards its draft; discard answers whether there was one', async () => {
    await as(RUTH);
    await ok('drafts.save', { assessmentId: id, part: 'analysis', content: { analysis: 'half a thought' } });
    await ok('drafts.save', { assessmentId: id, part: 'mindedTo', content: { x: 1 } });
    await ok('assessments.saveAnalysis', { id, analysis: 'A whole thought.', adversePoints: [] });
    expect(await ok('drafts.get', { assessmentId: id, part: 'analysis' })).toEqual({ draft: null });
    expect(await ok('drafts.discard', { assessmentId: id, part: 'mindedTo' })).toEqual({ discarded: true });
    expect(await ok('drafts.discard', { assessmentId: id, part: 'mindedTo' })).toEqual({ discarded: false });
  });
});

describe('what was stated at creation stays editable until signing', () => {
  it('the young person part takes a new stated age and date of birth; the main side converts the told date itself', async () => {
    await as(RUTH);
    const a = await ok('assessments.get', { id });
    const { id: _id, accommodation: _acc, ...yp } = a.youngPerson;
    void _id;
    void _acc;
    const told = { calendar: 'persian', year: 1391, month: 7, asSaid: 'Mizan 1391', gregorian: '1999-01-01' };
    const saved = await ok('assessments.saveYoungPerson', { id, youngPerson: { ...yp, statedAge: 15, statedDateOfBirth: told }, route: a.route, reasonForDoubt: a.reasonForDoubt });
    // A month told is a range, and a Gregorian day sent by the renderer is not believed.
    expect(saved.assessment.youngPerson.statedAge).toBe(15);
    expect(saved.assessment.youngPerson.statedDateOfBirth).toMatchObject({ calendar: 'persian', year: 1391, month: 7, gregorianFrom: '2012-09-22', gregorianTo: '2012-10-21' });
    expect(saved.assessment.youngPerson.statedDateOfBirth.gregorian).toBeUndefined();
    const bad = await dispatch('assessments.saveYoungPerson', { id, youngPerson: { ...yp, statedDateOfBirth: { calendar: 'ethiopic', year: 2010, month: 13, day: 9 } }, route: a.route, reasonForDoubt: a.reasonForDoubt }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'youngPerson.statedDateOfBirth' } });
  });
});
