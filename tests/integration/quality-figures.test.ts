/**
 * Issue 14 item 8 (the figures): generated assessments in a real encrypted store; every figure of
 * quality.figures, and the drill-downs, checked against a direct computation from the same
 * assessments in this file (the safeguard engine, the calendars and a textbook Wilson interval:
 * not the summary code under test). Also: the migration fills summaries for an existing store, and
 * a save writes its summary in the same transaction.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { HandlerContext } from '../../electron/api/context';
import { StoreSession } from '../../electron/store/session';
import { openStore } from '../../electron/store/index';
import { ADMIN, ADMIN_PASS, kdf, tempDir } from '../unit/store/helpers';
import { generateAssessments } from '../fixtures/quality/generate';
import type { Assessment } from '../../shared/domain/model';
import { daysBetween, isoDateOfInstant } from '../../shared/domain/calendars';
import { countryCodeFromWords, languageCodeFromWords } from '../../shared/domain/identity';
import { stageIndex } from '../../shared/domain/stages';
import { assessorTexts, evaluate, rules } from '../../shared/safeguards/index';
import { findingOlderThanStated } from '../../shared/safeguards/helpers';

const MANAGER = { name: 'mo', pass: 'copper-meadow-falcon-31' };
const SAM = { name: 'sam', pass: 'amber-glacier-notebook-9' };
let ctx: HandlerContext;
let samId: string;
let generated: Assessment[];
const ownDir = mkdtempSync(join(tmpdir(), 'carefile-figures-'));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(name: string, input: unknown): Promise<any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

beforeAll(async () => {
  // Its own folder: the helpers' tempDir is emptied after each test, and this store serves them all.
  const dataDir = join(ownDir, 'data');
  ctx = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
  await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  await ok('users.add', { name: MANAGER.name, role: 'manager', passphrase: MANAGER.pass });
  samId = (await ok('users.add', { name: SAM.name, displayName: 'Sam Carter', role: 'assessor', passphrase: SAM.pass })).id;
  generated = generateAssessments({ n: 64, seed: 7, samUserId: samId });
  const store = ctx.storeSession!.store;
  // Seeded as an import would be, in one transaction.
  store.db.transaction(() => {
    for (const a of generated) store.assessments.put(a);
  })();
  await ok('store.unlock', { userName: MANAGER.name, passphrase: MANAGER.pass });
}, 120_000);
afterAll(() => {
  ctx.storeSession?.lock();
  rmSync(ownDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The direct computation, from the assessments themselves

const isDecided = (a: Assessment) => a.decision !== undefined && ['decided', 'signed', 'authorised'].includes(a.status);

function selected(filter: { since?: string; until?: string; assessors?: string[] }, decided = true): Assessment[] {
  return generated.filter((a) => {
    if (isDecided(a) !== decided) return false;
    if (decided) {
      const day = isoDateOfInstant(a.decision!.decidedOn);
      if (filter.since && day < filter.since) return false;
      if (filter.until && day > filter.until) return false;
    }
    if (filter.assessors?.length) {
      const wanted = filter.assessors.map((s) => s.toLowerCase());
      const ids = wanted.includes('sam') || wanted.includes('sam carter') ? [samId] : [];
      return a.participants.some((p) => p.role === 'assessor' && ((p.userId && ids.includes(p.userId)) || wanted.includes(p.name.toLowerCase())));
    }
    return true;
  });
}

// Each assessment's findings, once (the engine is the slow part of the direct computation).
const findingsMemo = new Map<Assessment, ReturnType<typeof evaluate>>();
function findingsOf(a: Assessment) {
  let f = findingsMemo.get(a);
  if (!f) findingsMemo.set(a, (f = evaluate(a, { now: a.updatedOn })));
  return f;
}

function ruleStatesOf(a: Assessment): Map<string, 'met' | 'departed' | 'missing'> {
  const findings = findingsOf(a);
  const out = new Map<string, 'met' | 'departed' | 'missing'>();
  for (const rule of rules) {
    const hits = findings.filter((f) => f.ruleId === rule.id);
    if (hits.length === 0) {
      if (!rule.appliesFrom || stageIndex(a.stage) >= stageIndex(rule.appliesFrom)) out.set(rule.id, 'met');
    } else out.set(rule.id, hits.every((h) => h.departure) ? 'departed' : 'missing');
  }
  return out;
}

/** Textbook Wilson score interval (Newcombe 1998, method 3). */
function wilsonDirect(k: number, n: number): [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const a = 2 * n * p + z * z;
  const b = z * Math.sqrt(z * z + 4 * n * p * (1 - p));
  const c = 2 * (n + z * z);
  return [(a - b) / c, (a + b) / c];
}

function type7(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((x, y) => x - y);
  const h = (s.length - 1) * q;
  return s[Math.floor(h)]! + (h - Math.floor(h)) * (s[Math.ceil(h)]! - s[Math.floor(h)]!);
}

const present = (a: Assessment, role: string) => {
  const ids = a.participants.filter((p) => p.role === role).map((p) => p.id);
  if (ids.length === 0) return false;
  const listed = a.sessions.filter((s) => s.presentParticipantIds.length);
  return listed.length === 0 || listed.some((s) => s.presentParticipantIds.some((x) => ids.includes(x)));
};

function expected(filter: { since?: string; until?: string; assessors?: string[] }) {
  const sel = selected(filter);
  const days = sel.map((a) => daysBetween(a.youngPerson.firstContact ?? a.createdOn, a.decision!.decidedOn));
  const states = sel.map(ruleStatesOf);
  const safeguards = rules
    .map((r) => ({
      ruleId: r.id,
      met: states.filter((s) => s.get(r.id) === 'met').length,
      departed: states.filter((s) => s.get(r.id) === 'departed').length,
      missing: states.filter((s) => s.get(r.id) === 'missing').length,
    }))
    .filter((x) => x.met + x.departed + x.missing > 0);
  const wording = sel.map((a) => findingsOf(a).filter((f) => ['AA-24', 'AA-32', 'AA-33'].includes(f.ruleId)).length);
  const words = sel.map((a) => assessorTexts(a).reduce((n, [, t]) => n + (t.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0), 0));
  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const group = (key: (a: Assessment) => string) => {
    const m = new Map<string, { n: number; adult: number; missing: number }>();
    sel.forEach((a, i) => {
      const g = m.get(key(a)) ?? { n: 0, adult: 0, missing: 0 };
      g.n += 1;
      if (a.decision!.outcome === 'adult') g.adult += 1;
      if ([...states[i]!.values()].includes('missing')) g.missing += 1;
      m.set(key(a), g);
    });
    return m;
  };
  return {
    sel,
    assessments: sel.length,
    child: sel.filter((a) => a.decision!.outcome === 'child').length,
    adult: sel.filter((a) => a.decision!.outcome === 'adult').length,
    older: sel.filter((a) => a.decision!.outcome === 'child' && findingOlderThanStated(a)).length,
    median: type7(days, 0.5),
    p90: type7(days, 0.9),
    over28: days.filter((d) => d > 28).length,
    safeguards,
    held: sel.filter((a) => a.mindedTo?.heldOn).length,
    notHeld: sel.filter((a) => !a.mindedTo?.heldOn && a.mindedTo?.notHeldReason?.trim()).length,
    interpreter: sel.filter((a) => present(a, 'interpreter')).length,
    aa: sel.filter((a) => present(a, 'appropriate-adult') || a.mindedTo?.appropriateAdultPresent === true).length,
    wordingFindings: sum(wording),
    words: sum(words),
    trafficking: sel.filter((a) => a.trafficking.indicators.length > 0).length,
    nrm: sel.filter((a) => a.trafficking.nrmReferral).length,
    nationality: group((a) => a.youngPerson.nationalityCode ?? countryCodeFromWords(a.youngPerson.nationality) ?? 'unknown'),
    language: group((a) => {
      const l = a.youngPerson.languages.find((x) => x.firstLanguage);
      return (l && (l.code ?? languageCodeFromWords(l.language))) ?? 'unknown';
    }),
    undecided: selected(filter, false).length,
  };
}

// ---------------------------------------------------------------------------------------------

function checkDisparity(rows: Array<Record<string, unknown>>, groups: Map<string, { n: number; adult: number; missing: number }>) {
  const small = [...groups.entries()].filter(([, g]) => g.n < 5);
  const big = [...groups.entries()].filter(([, g]) => g.n >= 5);
  const shown = rows.filter((r) => r.group !== 'suppressed');
  expect(shown.map((r) => r.group).sort()).toEqual(big.map(([k]) => k).sort());
  for (const [k, g] of big) {
    const row = shown.find((r) => r.group === k)!;
    expect(row).toMatchObject({ n: g.n, adult: g.adult, withMissingSafeguard: g.missing });
    expect(row.adultShare).toBeCloseTo(g.adult / g.n, 4);
    const [lo, hi] = wilsonDirect(g.adult, g.n);
    expect((row.ci95 as number[])[0]).toBeCloseTo(lo, 4);
    expect((row.ci95 as number[])[1]).toBeCloseTo(hi, 4);
    const [mlo, mhi] = wilsonDirect(g.missing, g.n);
    expect((row.missingCi95 as number[])[0]).toBeCloseTo(mlo, 4);
    expect((row.missingCi95 as number[])[1]).toBeCloseTo(mhi, 4);
  }
  const suppressed = rows.find((r) => r.group === 'suppressed');
  if (small.length === 0) expect(suppressed).toBeUndefined();
  else expect(suppressed).toEqual({ group: 'suppressed', n: small.reduce((s, [, g]) => s + g.n, 0), groups: small.length });
  // The totals add up.
  expect(rows.reduce((s, r) => s + (r.n as number), 0)).toBe([...groups.values()].reduce((s, g) => s + g.n, 0));
}

function notesExpected(groups: Map<string, { n: number; adult: number }>) {
  const totalN = [...groups.values()].reduce((s, g) => s + g.n, 0);
  const totalA = [...groups.values()].reduce((s, g) => s + g.adult, 0);
  return [...groups.entries()]
    .filter(([, g]) => g.n >= 5 && totalN - g.n >= 5)
    .flatMap(([k, g]) => {
      const [lo, hi] = wilsonDirect(g.adult, g.n);
      const [rlo, rhi] = wilsonDirect(totalA - g.adult, totalN - g.n);
      return lo > rhi ? [[k, 'higher']] : hi < rlo ? [[k, 'lower']] : [];
    })
    .sort();
}

describe('quality.figures against a direct computation', () => {
  for (const [label, filter] of [
    ['the whole store', {}],
    ['a period', { since: '2026-03-01', until: '2026-08-31' }],
    ['one assessor by user name', { assessors: ['sam'] }],
    ['an assessor named on assessments only, and a period', { assessors: ['KIM LEE'], since: '2026-02-01' }],
  ] as const) {
    it(`every figure for ${label}`, async () => {
      const f = await ok('quality.figures', filter);
      const e = expected(filter as never);
      expect(e.assessments).toBeGreaterThan(5); // the case is not empty
      expect(f.assessments).toBe(e.assessments);
      expect(f.outcomes).toEqual({ child: e.child, adult: e.adult });
      expect(f.outcomeDetail).toEqual({ statedAgeAccepted: e.child - e.older, olderButChild: e.older, adult: e.adult });
      expect(f.medianDaysToDecision).toBeCloseTo(e.median!, 2);
      expect(f.p90DaysToDecision).toBeCloseTo(e.p90!, 2);
      expect(f.overDecisionThreshold).toEqual({ thresholdDays: 28, n: e.over28 });
      expect(f.safeguards.map(({ ruleId, met, departed, missing }: Record<string, unknown>) => ({ ruleId, met, departed, missing }))).toEqual(e.safeguards);
      expect(f.mindedTo).toEqual({ held: e.held, notHeldWithReason: e.notHeld, notRecorded: e.assessments - e.held - e.notHeld });
      expect(f.interpreterPresent).toBe(e.interpreter);
      expect(f.appropriateAdultPresent).toBe(e.aa);
      expect(f.wording.findings).toBe(e.wordingFindings);
      expect(f.wording.words).toBe(e.words);
      expect(f.wording.per1000Words).toBeCloseTo((e.wordingFindings * 1000) / e.words, 2);
      expect(f.trafficking).toEqual({ withIndicators: e.trafficking, nrmReferrals: e.nrm });
      expect(f.reassessment).toEqual({ reassessed: 0, overturned: 0, reasons: [] });
      expect(f.undecided).toBe(e.undecided);
      checkDisparity(f.disparity.nationality, e.nationality);
      checkDisparity(f.disparity.firstLanguage, e.language);
      const notes = f.disparity.notes.map((x: { dimension: string; group: string; direction: string }) => [x.dimension, x.group, x.direction]);
      expect(notes).toEqual([
        ...notesExpected(e.nationality).map(([g, d]) => ['nationality', g, d]),
        ...notesExpected(e.language).map(([g, d]) => ['firstLanguage', g, d]),
      ]);
      expect(f.period).toEqual({ since: (filter as { since?: string }).since ?? null, until: (filter as { until?: string }).until ?? null });
    });
  }

  it('knows the answers built into the data: Eritrean adults stand out, small groups fold together', async () => {
    const f = await ok('quality.figures', {});
    const er = f.disparity.nationality.find((r: { group: string }) => r.group === 'ER');
    expect(er.label).toBe('Eritrea');
    expect(f.disparity.notes.find((x: { group: string }) => x.group === 'ER')).toMatchObject({ dimension: 'nationality', direction: 'higher' });
    expect(f.disparity.notes.find((x: { group: string }) => x.group === 'ER').text).toMatch(/Eritrea \(ER\).*more often.*95% interval/);
    expect(f.disparity.nationality.at(-1)).toMatchObject({ group: 'suppressed', groups: 2 });
    expect(f.disparity.nationality.some((r: { group: string }) => r.group === 'unknown')).toBe(true);
  });

  it('each drill-down returns exactly the assessments behind its figure', async () => {
    const filter = { since: '2026-02-01', until: '2026-10-31' };
    const e = expected(filter);
    const ids = async (input: Record<string, unknown>) => {
      const r = await ok('quality.drilldown', { ...filter, ...input });
      expect(r.count).toBe(r.rows.length);
      return (r.rows as Array<{ id: string }>).map((x) => x.id).sort();
    };
    const want = (pred: (a: Assessment) => boolean) => e.sel.filter(pred).map((a) => a.id).sort();
    expect(await ids({ figure: 'assessments' })).toEqual(want(() => true));
    expect(await ids({ figure: 'outcome.adult' })).toEqual(want((a) => a.decision!.outcome === 'adult'));
    expect(await ids({ figure: 'outcome.olderButChild' })).toEqual(want((a) => a.decision!.outcome === 'child' && findingOlderThanStated(a)));
    expect(await ids({ figure: 'mindedTo.notRecorded' })).toEqual(want((a) => !a.mindedTo?.heldOn && !a.mindedTo?.notHeldReason?.trim()));
    expect(await ids({ figure: 'trafficking.nrmReferral' })).toEqual(want((a) => a.trafficking.nrmReferral !== undefined));
    for (const state of ['met', 'departed', 'missing'] as const) {
      expect(await ids({ figure: `safeguard.${state}`, ruleId: 'AA-29' })).toEqual(want((a) => ruleStatesOf(a).get('AA-29') === state));
    }
    const departed = await ok('quality.drilldown', { ...filter, figure: 'safeguard.departed', ruleId: 'AA-29' });
    expect(departed.rows[0].reason).toMatch(/baptism certificate/);
    const natOf = (a: Assessment) => a.youngPerson.nationalityCode ?? countryCodeFromWords(a.youngPerson.nationality) ?? 'unknown';
    expect(await ids({ figure: 'disparity.nationality.adult', group: 'ER' })).toEqual(want((a) => natOf(a) === 'ER' && a.decision!.outcome === 'adult'));
    expect(await ids({ figure: 'disparity.nationality', group: 'suppressed' })).toEqual(want((a) => ['VN', 'AL'].includes(natOf(a))));
    expect(await ids({ figure: 'undecided' })).toEqual(selected(filter, false).map((a) => a.id).sort());
  });

  it('refuses assessors, and a figure asked without what it needs', async () => {
    const bad = await dispatch('quality.drilldown', { figure: 'safeguard.missing' }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'ruleId' } });
    const backwards = await dispatch('quality.figures', { since: '2026-05-01', until: '2026-01-01' }, ctx);
    expect(backwards).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'until' } });
    await ok('store.unlock', { userName: SAM.name, passphrase: SAM.pass });
    try {
      expect(await dispatch('quality.figures', {}, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await dispatch('quality.drilldown', { figure: 'assessments' }, ctx)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await ok('store.unlock', { userName: MANAGER.name, passphrase: MANAGER.pass });
    }
  });
});

describe('summaries in the store', () => {
  it('the list is read from the summaries, with what the case list needs', async () => {
    const rows = await ok('assessments.list', {});
    expect(rows).toHaveLength(generated.length);
    const row = rows.find((r: { id: string }) => r.id === 'q-0');
    expect(row).toMatchObject({
      reference: 'Q-00000',
      nameLatin: 'Young Person 0',
      nameOwnScript: 'ሰምሃር ተስፋይ',
      nationalityCode: 'AF',
      firstLanguageCode: 'pus',
      presumptionKind: generated[0]!.status === 'decided' ? 'decided' : 'stated-age',
      assessors: [{ name: 'Ruth Adeyemi', userId: 'user-radeyemi' }, { name: 'Sam Carter', userId: samId }],
      awaitingCountersignBy: [],
      awaitingAuthorisation: false,
    });
    // Newest change first.
    const times = rows.map((r: { updatedAt: string }) => r.updatedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a save updates its summary in the same transaction; a failed summary write undoes the save', () => {
    const store = ctx.storeSession!.store;
    const before = store.audit.head().seq;
    const a = structuredClone(generated.find((x) => x.decision?.outcome === 'child')!);
    a.decision = { ...a.decision!, outcome: 'adult', ageLow: 20, ageHigh: 24 };
    a.updatedOn = new Date().toISOString();
    store.assessments.put(a);
    const row = store.db.prepare('SELECT outcome, updated_at FROM assessment_summary WHERE assessment_id = ?').get(a.id);
    expect(row).toEqual({ outcome: 'adult', updated_at: a.updatedOn });
    expect(store.audit.head().seq).toBe(before + 1);

    // A summary that cannot be written takes the save with it: nothing half-written, no audit event.
    store.db.exec("CREATE TEMP TRIGGER refuse_summary BEFORE INSERT ON assessment_summary WHEN NEW.reference = 'BOOM' BEGIN SELECT RAISE(ABORT, 'no summary'); END");
    try {
      const b = { ...structuredClone(a), reference: 'BOOM', updatedOn: new Date(Date.now() + 1000).toISOString() };
      expect(() => store.assessments.put(b)).toThrow();
      expect(store.assessments.get(a.id)!.reference).toBe(a.reference);
      expect(store.audit.head().seq).toBe(before + 1);
    } finally {
      store.db.exec('DROP TRIGGER temp.refuse_summary');
    }
  });
});

describe('the migration', () => {
  it('fills the summaries of an existing store, as the saves would have', async () => {
    const dataDir = join(tempDir('carefile-migrate-summary-'), 'data');
    const session = new StoreSession(dataDir, kdf);
    await session.init(ADMIN, ADMIN_PASS);
    let store = await session.unlock(ADMIN, ADMIN_PASS);
    const some = generateAssessments({ n: 8, seed: 3 });
    for (const a of some) store.assessments.put(a);
    const dump = (db: typeof store.db) => ({
      summary: db.prepare('SELECT * FROM assessment_summary ORDER BY assessment_id').all(),
      assessors: db.prepare('SELECT * FROM summary_assessor ORDER BY assessment_id, ord').all(),
      rules: db.prepare('SELECT * FROM summary_rule ORDER BY assessment_id, rule_id').all(),
    });
    const saved = dump(store.db);
    expect(saved.summary).toHaveLength(8);
    // Back to a v2 store: no summary tables.
    store.db.exec('DROP TABLE summary_rule; DROP TABLE summary_assessor; DROP TABLE assessment_summary; DELETE FROM schema_version WHERE version = 3;');
    store.db.pragma('user_version = 2');
    session.lock();
    store = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(3);
      expect(dump(store.db)).toEqual(saved);
    } finally {
      store.close();
    }
  });
});
