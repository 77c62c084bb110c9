/**
 * Property: no sequence of content saves, by anyone, changes a field the main side owns. Each step
 * is a part save (any part, any role, content taken from any scenario bundle), sometimes with an
 * owned field forged in: at the top level (refused as an unknown key) or inside the part (the young
 * person's id, the safeguard log's times: dropped or restamped). Through dispatch, on a real store.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { HandlerContext } from '../../../electron/api/context';
import { StoreSession } from '../../../electron/store/session';
import { Assessment as AssessmentSchema, type Assessment } from '../../../shared/domain/model';
import { partChannelName, partNames, readPart } from '../../../shared/domain/parts';
import { ADMIN, ADMIN_PASS, kdf } from '../store/helpers';

const ctx: HandlerContext = (() => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'carefile-authority-prop-')), 'data');
  return { app: { version: 't', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, kdf) };
})();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function ok(name: string, input: unknown): Promise<any> {
  const r = await dispatch(name, input, ctx);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const PEOPLE = {
  admin: { name: ADMIN, pass: ADMIN_PASS },
  ruth: { name: 'ruth', pass: 'amber-glacier-notebook-9' },
  priya: { name: 'priya', pass: 'walnut-signal-meadow-27' },
} as const;
type Who = keyof typeof PEOPLE;
let signedIn: Who = 'admin';
async function as(who: Who) {
  if (signedIn === who) return;
  await ok('store.lock', {});
  await ok('store.unlock', { userName: PEOPLE[who].name, passphrase: PEOPLE[who].pass });
  signedIn = who;
}

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'bundles');
// Parsed as the store reads them, so the defaults are filled in as in any assessment the app holds.
const sources: Assessment[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => AssessmentSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')).assessment));

const OWNED = ['id', 'reference', 'createdOn', 'stage', 'stageHistory', 'status', 'departures', 'review', 'signatures', 'addenda'] as const;
const owned = (a: Assessment) => ({ ...Object.fromEntries(OWNED.map((k) => [k, a[k]])), youngPersonId: a.youngPerson.id });

const FORGED_TOP = {
  stage: 'sharing',
  status: 'authorised',
  stageHistory: [],
  review: { comments: [], authorisedBy: 'Someone', authorisedOn: '2026-01-01T00:00:00Z' },
  signatures: [{ userId: 'u', name: 'Someone', role: 'assessor', signedOn: '2026-01-01T00:00:00Z', certificateSha256: 'a'.repeat(64) }],
  departures: [{ ruleId: 'AA-09', reason: 'Forged.', recordedBy: 'Someone', recordedOn: '2026-01-01T00:00:00Z' }],
  addenda: [],
  createdOn: '2001-01-01T00:00:00Z',
  updatedOn: '2001-01-01T00:00:00Z',
  id: 'another-assessment',
} as const;
const OLD = '2001-01-01T00:00:00Z';

let targets: Assessment[] = [];

beforeAll(async () => {
  await ok('store.init', { adminName: ADMIN, passphrase: ADMIN_PASS });
  await ok('store.unlock', { userName: ADMIN, passphrase: ADMIN_PASS });
  await ok('users.add', { name: 'ruth', role: 'assessor', passphrase: PEOPLE.ruth.pass });
  await ok('users.add', { name: 'priya', role: 'manager', passphrase: PEOPLE.priya.pass });
  const base = sources.find((s) => s.reference === 'AA-2026-0147') ?? sources[0]!;
  const store = ctx.storeSession!.store;
  // One open assessment and one signed one, written as an import would.
  targets = [
    store.assessments.put({ ...base, id: 'prop-open', reference: 'PROP-OPEN', status: 'in-progress', signatures: [], review: { comments: [] } }),
    store.assessments.put({
      ...base,
      id: 'prop-signed',
      reference: 'PROP-SIGNED',
      status: 'signed',
      signatures: [{ userId: 'user-radeyemi', name: 'Ruth Adeyemi', role: 'assessor', signedOn: '2026-09-22T10:00:00Z', certificateSha256: 'b'.repeat(64) }],
    }),
  ];
});

afterAll(() => {
  ctx.storeSession?.lock();
  rmSync(join(ctx.dataDir, '..'), { recursive: true, force: true });
});

// Weighted towards saves that can go through (an assessor, the open assessment, no top-level
// forgery), so that the owned fields inside the parts are really exercised.
const step = fc.record({
  who: fc.oneof({ arbitrary: fc.constant<Who>('ruth'), weight: 4 }, fc.constant<Who>('admin'), fc.constant<Who>('priya')),
  part: fc.constantFrom(...partNames),
  source: fc.nat({ max: sources.length - 1 }),
  target: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, fc.constant(1)),
  forgeTop: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    fc.constantFrom(...(Object.keys(FORGED_TOP) as Array<keyof typeof FORGED_TOP>)),
  ),
  forgeInside: fc.boolean(),
});

describe('content saves never change an owned field', () => {
  it('for any sequence of part saves by any role', async () => {
    const started = Date.now();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const before = await Promise.all(targets.map((t) => ok('assessments.get', { id: t.id }) as Promise<Assessment>));
        const times = new Set(before.flatMap((a) => a.safeguardLog.map((e) => e.recordedOn)));
        for (const s of steps) {
          await as(s.who);
          const content: Record<string, unknown> = readPart(sources[s.source]!, s.part);
          if (s.forgeInside && content.youngPerson) content.youngPerson = { ...(content.youngPerson as object), id: 'forged-id' };
          if (s.forgeInside && Array.isArray(content.safeguardLog)) content.safeguardLog = content.safeguardLog.map((e: object) => ({ ...e, recordedOn: OLD }));
          const input = { id: targets[s.target]!.id, ...content, ...(s.forgeTop ? { [s.forgeTop]: FORGED_TOP[s.forgeTop] } : {}) };
          const r = await dispatch(partChannelName(s.part), input, ctx);
          if (r.ok) accepted += 1;
          if (r.ok) expect(s.forgeTop).toBeUndefined();
        }
        for (const [i, t] of targets.entries()) {
          const after: Assessment = await ok('assessments.get', { id: t.id });
          expect(owned(after)).toEqual(owned(before[i]!));
          for (const e of after.safeguardLog) expect(times.has(e.recordedOn) || Date.parse(e.recordedOn) >= started - 1000).toBe(true);
          expect(after.safeguardLog.some((e) => e.recordedOn === OLD)).toBe(false);
        }
      }),
      { numRuns: 25 },
    );
    // The property is only worth something if some saves went through.
    expect(accepted).toBeGreaterThan(0);
  }, 180_000);
});
