/**
 * The main side is the authority over the workflow (issue 8): through dispatch, on a real encrypted
 * store, every assessment and record channel is tried by every kind of person in every state, and
 * each forgery an insider tried with the old whole-document `assessments.put` is refused.
 *
 * The expected answers are written out by hand below (not computed from shared/domain/workflow.ts),
 * so a change to the workflow that moves a cell has to change this table too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import type { Assessment } from '../../../shared/domain/model';
import { partChannelName, partNames, readPart } from '../../../shared/domain/parts';
import { ADMIN, ADMIN_PASS, kdf } from '../store/helpers';
import { declarations } from '../../../shared/domain/declaration';
import { authoriseRefusal } from '../../../shared/domain/workflow';
import { execFileSync } from 'node:child_process';
import { pdfsig } from '../../fixtures/record/tools';

/** The record's text as poppler reads it, one line per line (flowed text: a note may wrap). */
function pdftotextOf(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');
}

const ctx: HandlerContext = (() => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'carefile-authority-')), 'data');
  return { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
})();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
async function ok(name: string, input: unknown): Promise<Any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
async function fails(name: string, input: unknown) {
  const r = await dispatch(name, input, ctx);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}
/** 'ok' or the error code. */
async function outcome(name: string, input: unknown): Promise<string> {
  const r = await dispatch(name, input, ctx);
  return r.ok ? 'ok' : r.error.code;
}

const PEOPLE = {
  admin: { name: ADMIN, pass: ADMIN_PASS },
  ruth: { name: 'ruth', pass: 'amber-glacier-notebook-9', role: 'assessor', displayName: 'Ruth Adeyemi' },
  tomasz: { name: 'tomasz', pass: 'copper-meadow-falcon-19', role: 'assessor', displayName: 'Tomasz Nowak' },
  olu: { name: 'olu', pass: 'willow-harbour-ember-77', role: 'assessor', displayName: 'Olu Bankole' },
  // Same display name as Ruth: display names are not unique, user ids are.
  ruth2: { name: 'ruth.a', pass: 'pebble-orchard-signal-31', role: 'assessor', displayName: 'Ruth Adeyemi' },
  priya: { name: 'priya', pass: 'walnut-signal-meadow-27', role: 'manager', displayName: 'Priya Raman' },
} as const;
type Person = keyof typeof PEOPLE;
const ids = {} as Record<Person, string>;
let recoveryKey = '';
let signedIn: Person | 'recovery' | undefined;

async function as(who: Person | 'recovery'): Promise<void> {
  if (signedIn === who) return;
  await ok('store.lock', {});
  if (who === 'recovery') await ok('store.unlockWithRecoveryKey', { recoveryKey });
  else await ok('store.unlock', { userName: PEOPLE[who].name, passphrase: PEOPLE[who].pass });
  signedIn = who;
}

const fixture = (name: string): Assessment =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', `${name}.json`), 'utf8')).assessment;

/** The compliant fixture with its assessors and manager linked to this store's users. */
function linked(base: Assessment): Assessment {
  const map: Record<string, string> = { 'user-radeyemi': ids.ruth, 'user-tnowak': ids.tomasz, 'user-praman': ids.priya };
  return { ...base, participants: base.participants.map((p) => (p.userId ? { ...p, userId: map[p.userId] ?? p.userId } : p)) };
}

const sig = (who: Person, on: string) => ({ userId: ids[who], name: PEOPLE[who].name, role: 'assessor' as const, signedOn: on, certificateSha256: 'a'.repeat(64) });

type State = 'early' | 'ready' | 'signed' | 'authorised';
let serial = 0;
/** A fresh copy of the compliant assessment in a state, written straight into the store (as an import would). */
function seed(state: State, change: (a: Assessment) => Assessment = (a) => a): Assessment {
  serial += 1;
  const base = linked(fixture('compliant'));
  let a: Assessment = { ...base, id: `auth-${serial}`, reference: `AUTH-${serial}`, status: 'in-progress', review: { comments: [] }, departures: [], signatures: [], addenda: [] };
  if (state === 'early') a = { ...a, stage: 'initial-presentation', stageHistory: a.stageHistory.slice(0, 1) };
  if (state === 'signed') {
    a = { ...a, stage: 'decision', stageHistory: a.stageHistory.filter((s) => s.stage !== 'sharing'), status: 'signed', signatures: [sig('ruth', '2026-09-22T10:00:00Z')] };
    a.addenda = [{ id: 'ad-1', text: 'The interpreter’s name is spelt Mebrat throughout.', createdOn: '2026-09-22T11:00:00Z', createdBy: 'Ruth Adeyemi', createdByUserId: ids.ruth }];
  }
  if (state === 'authorised') {
    a = {
      ...a,
      status: 'authorised',
      signatures: [sig('ruth', '2026-09-22T10:00:00Z'), sig('tomasz', '2026-09-22T12:00:00Z')],
      review: { comments: [{ by: 'Priya Raman', on: '2026-09-23T10:00:00Z', text: 'Authorised.', outcome: 'authorised' }], authorisedBy: 'Priya Raman', authorisedOn: '2026-09-23T10:00:00Z' },
      addenda: [{ id: 'ad-1', text: 'The interpreter’s name is spelt Mebrat throughout.', createdOn: '2026-09-24T11:00:00Z', createdBy: 'Ruth Adeyemi', createdByUserId: ids.ruth }],
    };
  }
  return ctx.storeSession!.store.assessments.put(change(a));
}

afterAll(() => {
  ctx.storeSession?.lock();
  rmSync(join(ctx.dataDir, '..'), { recursive: true, force: true });
});

beforeAll(async () => {
  ({ recoveryKey } = await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS }));
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  signedIn = 'admin';
  for (const who of ['ruth', 'tomasz', 'olu', 'ruth2', 'priya'] as const) {
    const p = PEOPLE[who];
    ids[who] = (await ok('users.add', { name: p.name, displayName: p.displayName, role: p.role, passphrase: p.pass })).id;
  }
  ids.admin = (await ok('users.list', {})).find((u: { name: string }) => u.name === ADMIN).id;
});

// ---------------------------------------------------------------------------------------------
// Role × state → allowed or refused, for every channel that reads or changes an assessment

type Who = 'admin' | 'recovery' | 'ruth' | 'olu' | 'priya';
const WHO: Who[] = ['admin', 'recovery', 'ruth', 'olu', 'priya'];
const STATES: State[] = ['early', 'ready', 'signed', 'authorised'];
const passOf = (w: Who) => (w === 'recovery' ? 'no-key-of-their-own' : PEOPLE[w].pass);

/** One row per channel: the input for an assessment, and the answer per person per state. */
interface Row {
  channel: string;
  input(a: Assessment, who: Who): unknown;
  expect: Record<Who, Record<State, string> | string>;
}
const all = (s: string): Record<State, string> => ({ early: s, ready: s, signed: s, authorised: s });
const byState = (early: string, ready: string, signed: string, authorised: string): Record<State, string> => ({ early, ready, signed, authorised });
const FORBIDDEN = 'FORBIDDEN';
const nonAssessors = { admin: FORBIDDEN, recovery: FORBIDDEN, priya: FORBIDDEN };

const partRows: Row[] = partNames.map((part) => {
  // A part stays open after signing only for the sharing of the decision (AA-27, AA-28 come after it).
  const assessor = part === 'sharing' ? all('ok') : byState('ok', 'ok', 'LOCKED', 'LOCKED');
  return { channel: partChannelName(part), input: (a) => ({ id: a.id, ...readPart(a, part) }), expect: { ...nonAssessors, ruth: assessor, olu: assessor } };
});

const table: Row[] = [
  { channel: 'assessments.get', input: (a) => ({ id: a.id }), expect: { admin: 'ok', recovery: 'ok', ruth: 'ok', olu: 'ok', priya: 'ok' } },
  { channel: 'assessments.check', input: (a) => ({ id: a.id }), expect: { admin: 'ok', recovery: 'ok', ruth: 'ok', olu: 'ok', priya: 'ok' } },
  { channel: 'assessments.list', input: () => ({}), expect: { admin: 'ok', recovery: 'ok', ruth: 'ok', olu: 'ok', priya: 'ok' } },
  {
    channel: 'assessments.create',
    input: () => ({ reference: `NEW-${++serial}`, nameLatin: 'Amanuel Tesfaye', route: 'council' }),
    expect: { ...nonAssessors, ruth: 'ok', olu: 'ok' },
  },
  ...partRows,
  {
    channel: 'assessments.advance',
    // early → before-you-start; signed (at the decision) → sharing; ready and authorised are at the last stage.
    input: (a) => ({ id: a.id, to: a.stage === 'initial-presentation' ? 'before-you-start' : 'sharing' }),
    // Signed by Ruth alone: sharing waits for the second signature (AA-30); see the scenario below for the move once both signed.
    expect: { ...nonAssessors, ruth: byState('ok', 'INVALID_INPUT', 'SAFEGUARD_BLOCK', 'INVALID_INPUT'), olu: byState('ok', 'INVALID_INPUT', 'SAFEGUARD_BLOCK', 'INVALID_INPUT') },
  },
  {
    channel: 'assessments.recordDeparture',
    input: (a) => ({ id: a.id, ruleId: 'AA-10', reason: 'The young person chose not to have a solicitor present at this session.' }),
    expect: { ...nonAssessors, ruth: byState('ok', 'ok', 'LOCKED', 'LOCKED'), olu: byState('ok', 'ok', 'LOCKED', 'LOCKED') },
  },
  {
    channel: 'assessments.review',
    input: (a) => ({ id: a.id, outcome: 'comment', text: 'Please check the dates.' }),
    expect: { admin: FORBIDDEN, recovery: FORBIDDEN, ruth: FORBIDDEN, olu: FORBIDDEN, priya: 'ok' },
  },
  {
    channel: 'assessments.review#returned',
    input: (a) => ({ id: a.id, outcome: 'returned', text: 'Say which session the second point was put in.' }),
    expect: { admin: FORBIDDEN, recovery: FORBIDDEN, ruth: FORBIDDEN, olu: FORBIDDEN, priya: byState('ok', 'ok', 'CONFLICT', 'CONFLICT') },
  },
  {
    channel: 'assessments.review#authorised',
    input: (a) => ({ id: a.id, outcome: 'authorised', text: 'Authorised.' }),
    // Authorising is not a review: it is the manager's signature on the record (record.countersign),
    // one door with one set of rules, so the review channel refuses the outcome itself.
    expect: { admin: 'INVALID_INPUT', recovery: 'INVALID_INPUT', ruth: 'INVALID_INPUT', olu: 'INVALID_INPUT', priya: 'INVALID_INPUT' },
  },
  {
    channel: 'assessments.addAddendum',
    input: (a) => ({ id: a.id, text: 'A correction to the date of arrival.' }),
    expect: { admin: FORBIDDEN, recovery: FORBIDDEN, ruth: byState('CONFLICT', 'CONFLICT', 'ok', 'ok'), olu: byState('CONFLICT', 'CONFLICT', 'ok', 'ok'), priya: byState('CONFLICT', 'CONFLICT', 'ok', 'ok') },
  },
  {
    channel: 'assessments.signAddendum',
    input: (a, who) => ({ id: a.id, addendumId: 'ad-1', passphrase: passOf(who) }),
    // Only its author (Ruth, by user id) signs the addendum; there is none before signing.
    expect: { admin: FORBIDDEN, recovery: FORBIDDEN, ruth: byState('NOT_FOUND', 'NOT_FOUND', 'ok', 'ok'), olu: byState('NOT_FOUND', 'NOT_FOUND', FORBIDDEN, FORBIDDEN), priya: byState('NOT_FOUND', 'NOT_FOUND', FORBIDDEN, FORBIDDEN) },
  },
  {
    channel: 'assessments.withdraw',
    input: (a) => ({ id: a.id, reason: 'Opened twice for the same young person by mistake.' }),
    // Its named assessors (Olu is not one) or a manager, until the record is signed (then corrections are addenda).
    expect: { admin: FORBIDDEN, recovery: FORBIDDEN, ruth: byState('ok', 'ok', 'LOCKED', 'LOCKED'), olu: byState(FORBIDDEN, FORBIDDEN, 'LOCKED', 'LOCKED'), priya: byState('ok', 'ok', 'LOCKED', 'LOCKED') },
  },
  {
    channel: 'assessments.exportBundle',
    input: (a) => ({ id: a.id }),
    // Export is judged as at the last stage: a complete assessment exports whatever its stage;
    // signed by one assessor only, AA-30 blocks it. The bundle is signed with the exporting user's
    // own key, so the recovery key, which has none, cannot export.
    expect: { admin: byState('ok', 'ok', 'SAFEGUARD_BLOCK', 'ok'), recovery: byState(FORBIDDEN, FORBIDDEN, 'SAFEGUARD_BLOCK', FORBIDDEN), ruth: byState('ok', 'ok', 'SAFEGUARD_BLOCK', 'ok'), olu: byState('ok', 'ok', 'SAFEGUARD_BLOCK', 'ok'), priya: byState('ok', 'ok', 'SAFEGUARD_BLOCK', 'ok') },
  },
  {
    channel: 'record.sign',
    input: (a, who) => ({ id: a.id, passphrase: passOf(who), declaration: true }),
    // Before the decision stage: refused whoever asks; only a named assessor signs first; once signed, the next is a countersignature.
    expect: { ...nonAssessors, ruth: byState('CONFLICT', 'ok', 'CONFLICT', 'CONFLICT'), olu: byState('CONFLICT', FORBIDDEN, 'CONFLICT', 'CONFLICT') },
  },
];

/** Channels after which the assessment is still in the state it was seeded in (so the next row may reuse it). */
const keepsState = (channel: string) => /^assessments\.(get|check|list|exportBundle|create|save[A-Z])/.test(channel);

describe('role × state → allowed or refused, for every assessment and record channel', () => {
  for (const who of WHO) {
    it(`as ${who}`, async () => {
      await as(who);
      const got: Record<string, Record<State, string>> = {};
      const want: Record<string, Record<State, string>> = {};
      const seeded: Partial<Record<State, Assessment>> = {};
      for (const row of table) {
        const e = row.expect[who];
        want[row.channel] = typeof e === 'string' ? all(e) : e;
        got[row.channel] = {} as Record<State, string>;
        for (const state of STATES) {
          const a = (seeded[state] ??= seed(state));
          const answer = await outcome(row.channel.replace(/#.*/, ''), row.input(a, who));
          got[row.channel]![state] = answer;
          // A refusal changes nothing; an accepted change of workflow state needs a fresh copy for the next row.
          if (answer === 'ok' && !keepsState(row.channel)) delete seeded[state];
        }
      }
      expect(got).toEqual(want);
    }, 120_000);
  }
});

// ---------------------------------------------------------------------------------------------
// Each forgery tried through the old whole-document channel, refused

const OWNED = ['id', 'reference', 'createdOn', 'stage', 'stageHistory', 'status', 'departures', 'review', 'signatures', 'addenda'] as const;
const owned = (a: Assessment) => ({ ...Object.fromEntries(OWNED.map((k) => [k, a[k]])), youngPersonId: a.youngPerson.id });

describe('forgeries an insider tried, each refused', () => {
  it('the whole-document channel is gone', async () => {
    await as('ruth');
    const a = seed('ready');
    expect(await fails('assessments.put', { assessment: { ...a, status: 'authorised' } })).toMatchObject({ code: 'UNKNOWN_CHANNEL' });
  });

  it('a content save cannot carry stage, status, review, signatures, departures or addenda, on a new or a locked assessment', async () => {
    await as('ruth');
    for (const state of ['early', 'signed'] as const) {
      const a = seed(state);
      const forged = {
        stage: 'sharing',
        status: 'authorised',
        review: { comments: [], authorisedBy: 'Priya Raman', authorisedOn: '2026-09-23T10:00:00Z' },
        signatures: [sig('tomasz', '2026-09-22T12:00:00Z')],
        departures: [{ ruleId: 'AA-09', reason: 'Forged so that the gate passes.', recordedBy: 'Priya Raman', recordedOn: '2026-09-01T10:00:00Z' }],
        addenda: [{ id: 'x', text: 'Forged.', createdOn: '2026-09-01T10:00:00Z', createdBy: 'Tomasz Nowak', createdByUserId: ids.tomasz, signedOn: '2026-09-01T10:00:00Z' }],
        updatedOn: '2001-01-01T00:00:00Z',
        createdOn: '2001-01-01T00:00:00Z',
      };
      for (const [key, value] of Object.entries(forged)) {
        const error = await fails('assessments.saveSharing', { id: a.id, sharing: a.sharing, [key]: value });
        expect(error.code).toBe('INVALID_INPUT');
        expect(error.message).toContain(key);
      }
      expect(owned(await ok('assessments.get', { id: a.id }))).toEqual(owned(a));
    }
  });

  it('owned fields inside a part are the main side\'s: the young person\'s id, the safeguard log\'s times', async () => {
    await as('ruth');
    const a = seed('early');
    const before = Date.now();
    const yp = await ok('assessments.saveYoungPerson', { id: a.id, ...readPart(a, 'youngPerson'), youngPerson: { ...a.youngPerson, id: 'someone-else' } });
    expect(yp.assessment.youngPerson.id).toBe(a.youngPerson.id);
    const log = a.safeguardLog.map((e, i) => (i === 0 ? { ...e, used: !e.used, reason: 'Changed: the reason it was not used, written today.', recordedOn: '2001-01-01T00:00:00Z' } : e));
    const saved = await ok('assessments.saveSafeguardLog', { id: a.id, safeguardLog: log });
    expect(Date.parse(saved.assessment.safeguardLog[0].recordedOn)).toBeGreaterThanOrEqual(before - 1000);
    expect(saved.assessment.safeguardLog.slice(1)).toEqual(a.safeguardLog.slice(1));
    expect(Date.parse(saved.assessment.updatedOn)).toBeGreaterThanOrEqual(before - 1000);
    // One answer: the saved assessment and its safeguard check.
    expect(saved.check).toMatchObject({ presumption: { status: expect.any(String) }, findings: expect.any(Array) });
  });

  it('no signature before the decision stage: not on an assessment holding a decision left at initial presentation, not on an empty one', async () => {
    await as('ruth');
    const early = seed('early');
    expect(early.decision).toBeDefined();
    expect(await fails('record.sign', { id: early.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Decision') });
    const empty = await ok('assessments.create', { reference: `EMPTY-${++serial}`, nameLatin: 'Yonas Haile', route: 'council' });
    expect(await fails('record.sign', { id: empty.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'CONFLICT' });
    // Even moved to the decision stage by hand (as a forged import might), there is no decision to sign.
    const noDecision = seed('ready', (x) => ({ ...x, decision: undefined }));
    expect(await fails('record.sign', { id: noDecision.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'CONFLICT', field: 'decision' });
  });

  it('signing is judged by the decision stage\'s rules; export by every stage\'s (AA-28 comes after signing)', async () => {
    await as('ruth');
    // At the decision stage, no copy given yet: the record can be signed, but not exported.
    const noCopy = seed('ready', (x) => ({ ...x, sharing: { ...x.sharing, copies: [] } }));
    expect(await fails('assessments.exportBundle', { id: noCopy.id })).toMatchObject({ code: 'SAFEGUARD_BLOCK', message: expect.stringContaining('AA-28') });
    const signed = await ok('record.sign', { id: noCopy.id, passphrase: PEOPLE.ruth.pass, declaration: true });
    expect(signed.fileName).toMatch(/\.pdf$/);
    // A rule of the decision stage unmet stops the signature, whatever stage the assessment says it is at.
    const noBenefit = seed('ready', (x) => ({ ...x, decision: { ...x.decision!, outcome: 'adult', ageLow: 19, ageHigh: 21, benefitOfDoubt: undefined } }));
    expect(await fails('record.sign', { id: noBenefit.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'SAFEGUARD_BLOCK', message: expect.stringContaining('AA-23') });
  });

  it('an assessor not named on the assessment cannot sign it, nor countersign it', async () => {
    const a = seed('ready');
    await as('olu');
    expect(await fails('record.sign', { id: a.id, passphrase: PEOPLE.olu.pass, declaration: true })).toMatchObject({ code: 'FORBIDDEN' });
    await as('ruth');
    const first = await ok('record.sign', { id: a.id, passphrase: PEOPLE.ruth.pass, declaration: true });
    await as('olu');
    expect(await fails('record.countersign', { pdfBase64: first.pdfBase64, passphrase: PEOPLE.olu.pass, declaration: true })).toMatchObject({ code: 'FORBIDDEN' });
    // The manager countersigns only after both assessors; Ruth cannot sign twice; Tomasz can.
    await as('priya');
    expect(await fails('record.countersign', { pdfBase64: first.pdfBase64, passphrase: PEOPLE.priya.pass, declaration: true })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Tomasz') });
    await as('ruth');
    expect(await fails('record.countersign', { pdfBase64: first.pdfBase64, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'CONFLICT' });
    await as('tomasz');
    const second = await ok('record.countersign', { pdfBase64: first.pdfBase64, passphrase: PEOPLE.tomasz.pass, declaration: true });
    // Both signed at the decision stage: now the assessment may move on to sharing the decision.
    const moved = seed('signed', (x) => ({ ...x, signatures: [sig('ruth', '2026-09-22T10:00:00Z'), sig('tomasz', '2026-09-22T12:00:00Z')] }));
    expect((await ok('assessments.advance', { id: moved.id, to: 'sharing' })).stage).toBe('sharing');
    await as('priya');
    // The store keeps the latest record: an earlier copy cannot be signed (two diverging records).
    expect(await fails('record.countersign', { pdfBase64: first.pdfBase64, passphrase: PEOPLE.priya.pass, declaration: true })).toMatchObject({ code: 'CONFLICT', field: 'pdfBase64' });
    const kept = await ok('record.get', { id: a.id });
    expect(kept).toMatchObject({ sha256: second.sha256, signatures: 2, next: [{ name: 'Priya Raman', role: 'manager' }] });
    expect(kept.signedBy.map((x: { name: string }) => x.name)).toEqual(['Ruth Adeyemi', 'Tomasz Nowak']);
    // The manager's signature, on the record kept with the assessment, is the authorisation.
    const third = await ok('record.countersign', { id: a.id, passphrase: PEOPLE.priya.pass, declaration: true, comment: 'Lawful and fair; the reasons cite the evidence.' });
    expect(third.fileName).toMatch(/signed-3/);
    const authorised = ctx.storeSession!.store.assessments.get(a.id)!;
    expect(authorised).toMatchObject({ status: 'authorised', review: { authorisedBy: 'Priya Raman' } });
    expect(authorised.review.comments.at(-1)).toMatchObject({ by: 'Priya Raman', outcome: 'authorised', text: 'Lawful and fair; the reasons cite the evidence.' });
    expect(await ok('record.get', { id: a.id })).toMatchObject({ sha256: third.sha256, signatures: 3, next: [], status: 'authorised' });
    // The signature was the one door to it: a review cannot authorise, and says where to go.
    expect(await fails('assessments.review', { id: a.id, outcome: 'authorised', text: 'Authorised.' })).toMatchObject({ code: 'INVALID_INPUT', field: 'outcome', message: expect.stringContaining('record.countersign') });
    const verified = await ok('record.verify', { pdfBase64: third.pdfBase64 });
    expect(verified).toMatchObject({ valid: true, verdict: 'valid', signedBy: ['Ruth Adeyemi', 'Tomasz Nowak', 'Priya Raman'] });
    // Each later revision says what it is in its own signed dictionary: the declaration, and the manager's comment.
    expect(verified.signatures[1].reason).toBe(`Countersigned as assessor. Declaration confirmed: ${declarations.assessor}`);
    expect(verified.signatures[2].reason).toBe(`Authorised by the manager. Declaration confirmed: ${declarations.manager} Comment: Lawful and fair; the reasons cite the evidence.`);
    const sig3 = pdfsig(Buffer.from(third.pdfBase64, 'base64')).stdout;
    expect(sig3.match(/Signature is Valid\./g)).toHaveLength(3);
  });

  it('the record kept with the assessment: a preview before signing, nothing to get or countersign by id until the first signature', async () => {
    await as('ruth');
    const a = seed('ready');
    expect(await fails('record.get', { id: a.id })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    await as('tomasz');
    expect(await fails('record.countersign', { id: a.id, passphrase: PEOPLE.tomasz.pass, declaration: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await fails('record.countersign', { passphrase: PEOPLE.tomasz.pass, declaration: true })).toMatchObject({ code: 'INVALID_INPUT', field: 'id' });
    const preview = await ok('record.preview', { id: a.id });
    const text = pdftotextOf(Buffer.from(preview.pdfBase64, 'base64'));
    expect(text).toContain('Not signed: this copy is not the signed record.');
    expect(pdfsig(Buffer.from(preview.pdfBase64, 'base64')).stdout).not.toContain('Signature #1');
    expect(await fails('record.preview', { id: 'no-such-assessment' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an open warning is answered with a note by a named assessor before signing; the signature needs the declaration confirmed', async () => {
    await as('ruth');
    const a = seed('ready', (x) => ({ ...x, analysis: `${x.analysis} He has mature facial features.` }));
    // Without the declaration nothing is signed, whatever else holds.
    expect(await fails('record.sign', { id: a.id, passphrase: PEOPLE.ruth.pass })).toMatchObject({ code: 'INVALID_INPUT', field: 'declaration' });
    // An unanswered warning stops the first signature, and says which.
    expect(await fails('record.sign', { id: a.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'SAFEGUARD_BLOCK', field: 'acknowledgedWarnings', message: expect.stringContaining('AA-33') });
    // Only a warning that is open can be answered, in words, by an assessor named on it.
    expect(await fails('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-21', note: 'Nothing to answer here at all.' })).toMatchObject({ code: 'CONFLICT', field: 'ruleId' });
    expect(await fails('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-33', note: 'ok' })).toMatchObject({ code: 'INVALID_INPUT', field: 'note' });
    await as('olu');
    expect(await fails('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-33', note: 'Appearance was not relied on.' })).toMatchObject({ code: 'FORBIDDEN' });
    await as('priya');
    expect(await fails('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-33', note: 'Appearance was not relied on.' })).toMatchObject({ code: 'FORBIDDEN' });
    await as('ruth');
    const note = 'Appearance was noted only as context; the decision rests on E2 and E4, not on it.';
    const answered = await ok('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-33', note });
    expect(answered.acknowledgedWarnings).toEqual([{ ruleId: 'AA-33', note, byUserId: ids.ruth, byName: 'Ruth Adeyemi', at: expect.any(String) }]);
    const signed = await ok('record.sign', { id: a.id, passphrase: PEOPLE.ruth.pass, declaration: true });
    const stored = ctx.storeSession!.store.assessments.get(a.id)!;
    expect(stored.signatures[0]!.declaration).toBe(declarations.assessor);
    // Locked now: the answer is part of what was signed.
    expect(await fails('assessments.acknowledgeWarning', { id: a.id, ruleId: 'AA-33', note: 'A second thought after signing.' })).toMatchObject({ code: 'LOCKED' });
    // The record prints the warning with its answer, and the declaration beside the signature.
    const text = pdftotextOf(Buffer.from(signed.pdfBase64, 'base64'));
    expect(text).toContain('AA-33');
    expect(text).toContain('Appearance was noted only as context');
    expect(text).toContain('I declare that this record is a true and complete account');
  });

  it('one person named as both assessors does not make two assessors', async () => {
    await as('ruth');
    const a = seed('ready');
    const twice = a.participants.map((p) => (p.role === 'assessor' ? { ...p, userId: ids.ruth } : p));
    expect(await fails('assessments.saveParticipants', { id: a.id, participants: twice, informationRequests: a.informationRequests })).toMatchObject({ code: 'INVALID_INPUT', field: 'participants.1.userId' });
    // The same state arriving by import: the signature is refused.
    const imported = seed('ready', (x) => ({ ...x, participants: twice }));
    expect(await fails('record.sign', { id: imported.id, passphrase: PEOPLE.ruth.pass, declaration: true })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('same Carefile user') });
  });

  it('a manager named as an assessor cannot authorise it, and a manager cannot be linked as an assessor', async () => {
    await as('ruth');
    const a = seed('ready');
    const asAssessor = a.participants.map((p) => (p.id === 'p-assessor-2' ? { ...p, userId: ids.priya } : p.role === 'manager' ? { ...p, userId: undefined } : p));
    expect(await fails('assessments.saveParticipants', { id: a.id, participants: asAssessor, informationRequests: a.informationRequests })).toMatchObject({ code: 'INVALID_INPUT', field: 'participants.1.userId' });
    // The same state arriving by import, with both "assessor" signatures in place.
    const imported = seed('signed', (x) => ({ ...x, participants: asAssessor, signatures: [sig('ruth', '2026-09-22T10:00:00Z'), sig('priya', '2026-09-22T12:00:00Z')] }));
    // The authorisation's rule, which record.countersign asks before a manager's signature goes on.
    expect(authoriseRefusal({ role: 'manager', userId: ids.priya, name: 'Priya Raman' }, ctx.storeSession!.store.assessments.get(imported.id)!, new Date())).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('AA-30') });
  });

  it('an addendum is signed by its author, known by user id, not by a namesake', async () => {
    await as('ruth');
    const a = seed('signed', (x) => ({ ...x, addenda: [] }));
    const added = await ok('assessments.addAddendum', { id: a.id, text: 'The date of arrival is 2 September, not 1 September.' });
    expect(added.addenda[0]).toMatchObject({ createdBy: 'Ruth Adeyemi', createdByUserId: ids.ruth });
    await as('ruth2');
    expect(await fails('assessments.signAddendum', { id: a.id, addendumId: added.addenda[0].id, passphrase: PEOPLE.ruth2.pass })).toMatchObject({ code: 'FORBIDDEN' });
    await as('ruth');
    expect(await fails('assessments.signAddendum', { id: a.id, addendumId: added.addenda[0].id, passphrase: PEOPLE.ruth2.pass })).toMatchObject({ code: 'AUTH_FAILED' });
    expect((await ok('assessments.signAddendum', { id: a.id, addendumId: added.addenda[0].id, passphrase: PEOPLE.ruth.pass })).addenda[0].signedOn).toBeDefined();
  });
});
