/**
 * The output check of a long list (docs/decisions/api-01-sampled-output-check.md): outside tests,
 * dispatch parses a spread sample of `assessments.list`'s rows against the strict row schema
 * instead of every row. Here the production path is asked for (CAREFILE_CHECK_OUTPUTS=sample)
 * and fed rows built wrong in the ways a handler could build them, through the real dispatch.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch, SAMPLE_ROWS } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { handlers } from '../../../electron/api/handlers';
import { StoreSession } from '../../../electron/store/session';
import { contract } from '../../../shared/contract';
import { ADMIN, ADMIN_PASS, kdf, sampleAssessment, tempDir } from '../store/helpers';

const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir: join(tempDir(), 'data') };
const row = (i: number) => ({
  id: `a-${i}`,
  reference: `AA-2026-${String(i).padStart(4, '0')}`,
  nameLatin: 'Ahmad Karimi',
  status: 'draft',
  stage: 'initial-presentation',
  updatedOn: '2026-09-01T10:00:00Z',
  updatedAt: '2026-09-01T10:00:00Z',
  createdAt: '2026-09-01T10:00:00Z',
  presumption: 'Treated as a child (s.51)',
  presumptionKind: 's51',
  assessors: [{ name: 'Sam Carter', userId: 'u-1' }],
  blocking: 0,
  warnings: 1,
  awaitingCountersignBy: [],
  awaitingAuthorisation: false,
});
const rows = (n: number, change: (r: Record<string, unknown>, i: number) => Record<string, unknown> = (r) => r) => Array.from({ length: n }, (_, i) => change(row(i), i));
const list = (value: unknown) => dispatch('assessments.list', {}, ctx, { ...handlers, 'assessments.list': () => value as never });

afterEach(() => vi.unstubAllEnvs());

describe('a long list is checked by a sample of its rows outside tests', () => {
  it('hands the rows on as built when the sample is sound', async () => {
    vi.stubEnv('CAREFILE_CHECK_OUTPUTS', 'sample');
    const built = rows(1000);
    const r = await list(built);
    expect(r.ok && r.value).toBe(built);
  });

  it('refuses a field the contract does not name, a missing one, and a wrong type', async () => {
    vi.stubEnv('CAREFILE_CHECK_OUTPUTS', 'sample');
    const internal = { ok: false, error: { code: 'INTERNAL' } };
    expect(await list(rows(1000, (r) => ({ ...r, dateOfBirth: '2010-01-18' })))).toMatchObject(internal);
    expect(await list(rows(1000, (r, i) => (i % 3 === 0 ? { ...r, reference: undefined } : r)))).toMatchObject(internal);
    expect(await list(rows(1000, (r, i) => (i % 2 === 1 ? { ...r, blocking: '0' } : r)))).toMatchObject(internal);
    // The first and the last rows are always in the sample.
    expect(await list(rows(1000, (r, i) => (i === 999 ? { ...r, status: 'lost' } : r)))).toMatchObject(internal);
    expect(await list({ rows: rows(1000) })).toMatchObject(internal);
  });

  it('parses a short list whole, and every row of a long one under tests', async () => {
    vi.stubEnv('CAREFILE_CHECK_OUTPUTS', 'sample');
    expect(await list(rows(SAMPLE_ROWS, (r, i) => (i === 100 ? { ...r, warnings: -0.5 } : r)))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    vi.stubEnv('CAREFILE_CHECK_OUTPUTS', 'all');
    expect(await list(rows(1000, (r, i) => (i === 500 ? { ...r, warnings: -0.5 } : r)))).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('the outcomes: a sample of their rows, and the rest of the answer whole', async () => {
    vi.stubEnv('CAREFILE_CHECK_OUTPUTS', 'sample');
    const outcome = (i: number) => ({
      reference: `AA-2026-${String(i).padStart(4, '0')}`, id: `a-${i}`, status: 'signed', stage: 'decision', route: 'referral', firstContact: '2026-08-01',
      decidedOn: '2026-09-01', outcome: 'child', ageRange: '16-17', dateOfBirth: '2010-01-18', statedAge: '16', daysToDecision: '31',
      blocking: 0, warnings: 0, departures: '', returnedByManager: 0, authorised: '', addenda: 0, newInformationAfterDecision: 0,
    });
    const outcomes = (value: unknown) => dispatch('quality.outcomes', {}, ctx, { ...handlers, 'quality.outcomes': () => value as never });
    const good = { rows: Array.from({ length: 1000 }, (_, i) => outcome(i)), csv: 'reference\r\n' };
    const r = await outcomes(good);
    expect(r.ok && r.value).toBe(good);
    const internal = { ok: false, error: { code: 'INTERNAL' } };
    expect(await outcomes({ ...good, rows: good.rows.map((x) => ({ ...x, nameLatin: 'Ahmad' })) })).toMatchObject(internal);
    expect(await outcomes({ ...good, csv: 42 })).toMatchObject(internal);
    expect(await outcomes({ ...good, names: ['Ahmad'] })).toMatchObject(internal);
  });

  it('the strict row schemas take every row the real list, outcomes and drill-down build', async () => {
    const dataDir = join(tempDir(), 'data');
    const real: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
    await dispatch('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, real);
    await dispatch('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, real);
    const store = real.storeSession!.store;
    const a = sampleAssessment();
    store.assessments.put(a);
    store.assessments.put({ ...a, id: 'second', reference: 'AA-2026-9999', youngPerson: { ...a.youngPerson, id: 'yp-second' } });
    const r = await dispatch('assessments.list', {}, real);
    const o = await dispatch('quality.outcomes', {}, real);
    const drilled = [
      ...((await dispatch('quality.drilldown', { figure: 'undecided' }, real)) as { value: { rows: unknown[] } }).value.rows,
      ...((await dispatch('quality.drilldown', { figure: 'assessments' }, real)) as { value: { rows: unknown[] } }).value.rows,
    ];
    real.storeSession!.lock();
    expect(drilled).toHaveLength(2);
    for (const x of drilled) expect(contract['quality.drilldown'].outputRows!.row.safeParse(x).error).toBeUndefined();
    expect(o.ok).toBe(true);
    for (const x of (o as { value: { rows: unknown[] } }).value.rows) expect(contract['quality.outcomes'].outputRows!.row.safeParse(x).error).toBeUndefined();
    expect(r.ok).toBe(true);
    const listed = (r as { value: unknown[] }).value;
    expect(listed).toHaveLength(2);
    for (const x of listed) expect(contract['assessments.list'].outputRows!.row.safeParse(x).error).toBeUndefined();
  });
});
