/**
 * Every channel of the contract, fuzzed through dispatch on one real encrypted store (issue 12.6):
 * each answer is a success or a typed error (a code the contract knows, a message in words), never
 * INTERNAL and never a throw; and an error leaves the store as it was (audit head, assessments,
 * users). Inputs mix arbitrary JSON with objects built from the channel's own field names, filled
 * from a pool of likely values (the real assessment's id, real user names, dates, base64), so a
 * share of the cases passes zod and reaches the handler.
 *
 * Cases per channel in `npm test`: 30 (5 for a channel whose input has no fields: the store-wide
 * ones such as lock, backup, doctor and audit.verify, where every valid case does the full work);
 * CAREFILE_FULL_FUZZ=1 runs 1,000 a channel (tens of minutes on two cores):
 * `CAREFILE_FULL_FUZZ=1 npx vitest run tests/integration/channel-fuzz.test.ts`.
 * Failed authentication is recorded on purpose (the back-off counter and the audit log, issue
 * 12.2), so AUTH_FAILED and BACKOFF answers are exempt from "unchanged"; the back-off file is
 * cleared between cases so the fuzz can sign in again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import type { HandlerContext } from '../../electron/api/context';
import { StoreSession } from '../../electron/store/session';
import { storePaths } from '../../electron/store/paths';
import { channelNames, contract, ErrorCode, type ChannelName } from '../../shared/contract';
import { ADMIN, ADMIN_PASS, kdf, sampleAssessment } from '../unit/store/helpers';

const FULL = Boolean(process.env.CAREFILE_FULL_FUZZ);
/** Cases for a channel: its input has fields to vary, or it takes none (then few cases say all: {} or not). */
const runsFor = (name: ChannelName) => (FULL ? 1_000 : fieldsOf(name).length ? 30 : 5);
const fieldsOf = (name: ChannelName) => Object.keys((contract[name].input as { shape?: Record<string, unknown> }).shape ?? {});
const root = mkdtempSync(join(tmpdir(), 'carefile-fuzz-'));
const dataDir = join(root, 'data');
const session = new StoreSession(dataDir, kdf);
const ctx: HandlerContext = { app: { version: 't', mode: 'browser' }, dataDir, storeSession: session };
const ID = 'fuzz-assessment-1';

async function signInAgain(): Promise<void> {
  rmSync(storePaths(dataDir).unlockState, { force: true });
  if (session.state !== 'unlocked') await session.unlock(ADMIN, ADMIN_PASS);
}

/** What an error must not change: the audit chain's head, the assessments and the users. */
async function snapshot(): Promise<string | undefined> {
  if (session.state !== 'unlocked') return undefined;
  const store = session.store;
  const users = await dispatch('users.list', { includeRemoved: true }, ctx);
  return JSON.stringify({ head: store.audit.head(), list: store.assessments.list(), users });
}

beforeAll(async () => {
  await session.init(ADMIN, ADMIN_PASS);
  await session.unlock(ADMIN, ADMIN_PASS);
  session.store.assessments.put(sampleAssessment(ID));
}, 60_000);

afterAll(() => {
  session.lock();
  rmSync(root, { recursive: true, force: true });
});

const likely = fc.oneof(
  fc.constantFrom(ID, ADMIN, ADMIN_PASS, 'nobody', 'AA-09', '', ' ', 'x'.repeat(300), '2026-01-01', '2026-01-01T10:00:00Z', 'JVBERi0xLjQK', '\u0000', '\ud800'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/** Inputs for one channel: arbitrary JSON, or an object of its own field names with likely values. */
function inputsFor(name: ChannelName): fc.Arbitrary<unknown> {
  const keys = fieldsOf(name);
  const shaped = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, likely])), { requiredKeys: [] })
    : fc.constant({});
  return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
}

const KNOWN_CODES = new Set<string>(ErrorCode.options);

describe(`every channel, fuzzed (${FULL ? '1,000 cases each' : '30 cases each, 5 for those without input fields'})`, () => {
  it.each(channelNames.map((n) => [n]))('%s: success or a typed error, never INTERNAL, and an error changes nothing', async (name) => {
    await fc.assert(
      fc.asyncProperty(inputsFor(name), async (input) => {
        await signInAgain();
        const before = await snapshot();
        const result = await dispatch(name, input, ctx);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) {
          expect(result.error.code).not.toBe('INTERNAL');
          expect(KNOWN_CODES.has(result.error.code)).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(0);
          if (!['AUTH_FAILED', 'BACKOFF'].includes(result.error.code) && before !== undefined && session.state === 'unlocked') {
            expect(await snapshot()).toBe(before);
          }
        }
      }),
      { numRuns: runsFor(name) },
    );
  }, FULL ? 3_600_000 : 60_000);
});
