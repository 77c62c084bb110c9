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

  it('the strict row schema takes every row the real list builds', async () => {
    const dataDir = join(tempDir(), 'data');
    const real: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
    await dispatch('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }, real);
    await dispatch('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS }, real);
    const store = real.storeSession!.store;
    const a = sampleAssessment();
    store.assessments.put(a);
    store.assessments.put({ ...a, id: 'second', reference: 'AA-2026-9999', youngPerson: { ...a.youngPerson, id: 'yp-second' } });
    const r = await dispatch('assessments.list', {}, real);
    real.storeSession!.lock();
    expect(r.ok).toBe(true);
    const listed = (r as { value: unknown[] }).value;
    expect(listed).toHaveLength(2);
    for (const x of listed) expect(contract['assessments.list'].outputRow!.safeParse(x).error).toBeUndefined();
  });
});
