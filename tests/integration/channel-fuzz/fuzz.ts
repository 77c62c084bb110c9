/**
 * The channel fuzz (issue 12.6), shared by tests/integration/channel-fuzz-*.test.ts: each file
 * fuzzes one group of channels (so the groups run in parallel), every channel 1,000 cases in
 * `npm test`, through dispatch on real encrypted stores (world.ts). Each case is a role and an
 * input; the answer must be a success or a typed error (a code the contract knows, a message in
 * words), never INTERNAL and never a throw, and an error must leave the store as it was.
 *
 * How the inputs are weighted, and why. A real fuzz covers the whole input space, in which valid
 * inputs are a sparse subset; so most cases are refusals, as they would be. Three kinds of input:
 * - junk: any JSON value, or nothing;
 * - shaped: an object of the channel's own field names filled from a pool of likely values (the
 *   real assessment's id, user names, dates, base64, long, empty and broken text), which reaches
 *   zod's field checks and now and then a handler;
 * - seeded: a valid input written for the channel (below), sent as is or with one field replaced
 *   by a likely value or dropped, so the handler's own checks and its success path are fuzzed.
 *   Every seed is also sent once, first, as the role it is written for (fast-check `examples`),
 *   and a channel with seeds must have succeeded at least once: the test fails if a change makes
 *   its success path unreachable.
 * A channel without a seed must be named in NO_SEED with the reason.
 * Most channels take 20% junk, 40% shaped, 40% seeded. Some do heavy work on success: render a
 * PDF (record.preview ~0.5 s, quality.report ~150 ms), copy the store (store.backup, store.restore
 * ~50-100 ms), walk the audit chain and integrity_check (audit.verify, store.doctor ~15 ms), sign
 * or check signatures (assessments.exportBundle, record.countersign, record.verify), re-wrap a
 * key slot (users.add, users.passwd), derive keys and sign in
 * (store.unlock*, store.init; and a lock costs the next case a sign-in, ~50 ms), or grow the case
 * every later case reads (assessments.addAddendum, bundles.import). Their seeded share is cut to a
 * few percent (HEAVY below), which keeps 1,000 cases to seconds while each still succeeds a few
 * times a run. Every seed is still sent once as its role, so no run depends on luck for that.
 *
 * The role is drawn per case from every role (admin, assessor, manager), the recovery key, a
 * locked store and no store; a case that signed someone out or in is undone before the next
 * (world.ts heal). Failed authentication is recorded on purpose (the back-off counter and the
 * audit log, issue 12.2), so AUTH_FAILED and BACKOFF answers are exempt from "unchanged", and the
 * back-off is cleared after them so the fuzz can sign in again.
 *
 * Key derivation is the store's test setting (TEST_KDF, scrypt N = 2^10, tests/unit/store/helpers.ts),
 * as in every store test: a sign-in still runs the whole unlock, only cheaper.
 *
 * CAREFILE_FULL_FUZZ=1 runs 10,000 cases a channel (minutes); CAREFILE_FUZZ_REPORT=1 prints each
 * channel's wall and CPU time, successes and error codes by role.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { channelNames, contract, ErrorCode, type ChannelName } from '../../../shared/contract';
import { partChannelName, partNames, readPart } from '../../../shared/domain/parts';
import { ADMIN, ADMIN_PASS } from '../../unit/store/helpers';
import { clearBackoff, closeWorld, heal, ID, ID_RECORD, ID_SIGNED, ID_SMALL, ID_WITHDRAW, makeWorld, PEOPLE, snapshot, WHO, type Who, type World } from './world';

export const FULL = Boolean(process.env.CAREFILE_FULL_FUZZ);
export const RUNS = FULL ? 10_000 : 1_000;
const REPORT = Boolean(process.env.CAREFILE_FUZZ_REPORT);

export const fieldsOf = (name: ChannelName) => Object.keys((contract[name].input as { shape?: Record<string, unknown> }).shape ?? {});

const likely = fc.oneof(
  fc.constantFrom(ID, ADMIN, ADMIN_PASS, 'ruth', 'nobody', 'AA-09', '', ' ', 'x'.repeat(300), '2026-01-01', '2026-01-01T10:00:00Z', 'JVBERi0xLjQK', '\u0000', '\ud800'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

const bundleJson = readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'minimal.json'), 'utf8');
const TEXT = 'A sentence long enough for any field that asks for a reason or a note.';

/** A seed: a valid input, and the role it is written for (sent once as that role before the random cases). */
interface Seed {
  as: Who;
  input: Record<string, unknown>;
}
const seed = (as: Who, input: Record<string, unknown> = {}): Seed => ({ as, input });

/**
 * Valid inputs, each for the role that may use it. A channel absent here has no seed, so no success
 * is required of it; NO_SEED says why for each.
 */
function seedsFor(name: ChannelName, world: World): Seed[] {
  const a = world.assessment;
  const part = partNames.find((p) => partChannelName(p) === name);
  if (part) return [seed('assessor', { id: ID, ...readPart(a, part) })];
  if (fieldsOf(name).length === 0) return [seed(contract[name].public ? 'locked' : 'admin')];
  const seeds: Partial<Record<ChannelName, Seed[]>> = {
    'store.init': [seed('none', { adminName: ADMIN, passphrase: ADMIN_PASS })],
    'store.unlock': [seed('locked', { userName: ADMIN, passphrase: ADMIN_PASS }), seed('manager', { userName: PEOPLE.manager.name, passphrase: PEOPLE.manager.pass })],
    'store.unlockWithRecoveryKey': [seed('locked', { recoveryKey: world.recoveryKey })],
    'users.list': [seed('manager', { includeRemoved: true })],
    'users.add': [seed('admin', { name: 'sam', role: 'assessor', passphrase: 'harbour-quilt-pepper-31' })],
    'users.passwd': [
      seed('admin', { name: PEOPLE.spare.name, newPassphrase: PEOPLE.spare.pass }),
      seed('assessor', { name: PEOPLE.assessor.name, newPassphrase: PEOPLE.assessor.pass, currentPassphrase: PEOPLE.assessor.pass }),
    ],
    'users.remove': [seed('admin', { name: PEOPLE.spare.name })],
    'assessments.get': [seed('manager', { id: ID })],
    'assessments.check': [seed('assessor', { id: ID })],
    'assessments.create': [seed('assessor', { reference: 'FUZZ-NEW', nameLatin: 'Amanuel', route: 'council', statedAge: 16 })],
    'assessments.advance': [seed('assessor', { id: ID, to: 'decision' })],
    'assessments.acknowledgeWarning': [seed('assessor', { id: ID, ruleId: 'AA-29', note: TEXT })],
    'assessments.addAddendum': [seed('assessor', { id: ID_SIGNED, text: TEXT })],
    'assessments.review': [seed('manager', { id: ID, outcome: 'comment', text: TEXT })],
    'assessments.reopen': [seed('manager', { id: ID_SIGNED, kind: 'document', description: TEXT, receivedOn: '2026-10-01' })],
    'assessments.recordOverturned': [
      seed('manager', { id: ID_SIGNED, by: 'court', body: 'High Court', on: '2026-10-02', newOutcome: { outcome: 'adult' }, reason: TEXT }),
    ],
    'assessments.recordDeparture': [seed('assessor', { id: ID, ruleId: 'AA-09', reason: TEXT })],
    'assessments.withdraw': [seed('assessor', { id: ID_WITHDRAW, reason: TEXT })],
    'assessments.exportBundle': [seed('assessor', { id: ID_SIGNED })],
    'assessments.linkParticipant': [seed('assessor', { id: ID_SMALL, participantId: 'p-a1', userName: PEOPLE.assessor.name })],
    'record.preview': [seed('assessor', { id: ID_SMALL })],
    ...(world.signedPdf && {
      'record.get': [seed('manager', { id: ID_RECORD })],
      'record.countersign': [seed('manager', { id: ID_RECORD, passphrase: PEOPLE.manager.pass, declaration: true, comment: 'Authorised.' })],
      'record.verify': [seed('locked', { pdfBase64: world.signedPdf })],
    }),
    'attachments.get': [seed('assessor', { sha256: world.attachmentSha256 })],
    'assessments.signAddendum': [seed('assessor', { id: ID_SIGNED, addendumId: world.addendumId, passphrase: PEOPLE.assessor.pass })],
    'store.restore': [
      seed('admin', { fileName: world.backupFileName, passphrase: ADMIN_PASS }),
      seed('recovery', { fileName: world.backupFileName, recoveryKey: world.recoveryKey }),
    ],
    'attachments.add': [seed('assessor', { name: 'note.txt', dataBase64: Buffer.from('a note').toString('base64') })],
    'bundles.import': [seed('admin', { bundles: [{ name: 'minimal.json', json: bundleJson }], acceptUnsigned: true })],
    'bundles.versions': [seed('manager', { id: ID })],
    'quality.figures': [seed('manager', { since: '2026-01-01' })],
    'quality.drilldown': [seed('manager', { figure: 'assessments' })],
    'quality.report': [seed('manager', { since: '2026-01-01' }), seed('admin')],
    'drafts.save': [seed('assessor', { assessmentId: ID, part: 'evidence', content: { evidence: [] } })],
    'drafts.get': [seed('assessor', { assessmentId: ID, part: 'evidence' })],
    'drafts.list': [seed('assessor', { assessmentId: ID })],
    'drafts.discard': [seed('assessor', { assessmentId: ID, part: 'evidence' })],
    'settings.set': [seed('admin', { backupKeep: 3 })],
  };
  return seeds[name] ?? [];
}

/** Channels no seed reaches, and why: their success needs what a fuzz case cannot cheaply hold. */
export const NO_SEED: Partial<Record<ChannelName, string>> = {
  'record.sign':
    'the set-up signs a record once (for record.get, countersign and verify); another first signature would render a whole record again (~1 s); tests/integration/record covers it',
  'users.importP12': 'needs a PKCS#12 the fuzz would have to make (an RSA key); tests/unit/store/pkcs12.test.ts covers the import',
  'bundles.trustSigner': 'needs a bundle signed by someone outside the store, so a second store; tests/unit/bundle/signed-import.test.ts covers it',
};

/**
 * Heavy successes (see the header): the seeded share in percent, instead of 40, and for some the
 * shaped share too, instead of two thirds of the rest: for the sign-in channels (a well-formed wrong
 * credential costs a key derivation, a written back-off and, on a signed-in store, the next case's
 * sign-in), quality.report (whose fields are all optional, so most shaped inputs are valid) and
 * record.preview (the pool's id is the full case, an 11-page record); the rest is junk. A channel without
 * fields is 20% "nothing" (undefined, null or {}, which is valid) and 80% other JSON, refused; a
 * heavy one takes its seeded share of "nothing".
 */
const HEAVY: Partial<Record<ChannelName, { seeded: number; shaped?: number }>> = {
  'record.preview': { seeded: 0.2, shaped: 10 },
  'record.verify': { seeded: 2 },
  'record.countersign': { seeded: 2 },
  'quality.report': { seeded: 1, shaped: 3 },
  'store.backup': { seeded: 3 },
  'store.restore': { seeded: 1 },
  'store.doctor': { seeded: 5 },
  'audit.verify': { seeded: 5 },
  'store.lock': { seeded: 3 },
  'store.init': { seeded: 2 },
  'store.unlock': { seeded: 2, shaped: 5 },
  'store.unlockWithRecoveryKey': { seeded: 2, shaped: 5 },
  'users.passwd': { seeded: 5 },
  'users.add': { seeded: 5 },
  'assessments.exportBundle': { seeded: 10 },
  'assessments.addAddendum': { seeded: 10 },
  'bundles.import': { seeded: 10 },
};

function inputsFor(name: ChannelName, seeds: Seed[]): fc.Arbitrary<unknown> {
  const keys = fieldsOf(name);
  const heavy = HEAVY[name];
  const anyJunk = fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 4 }, { arbitrary: fc.constant(undefined), weight: 1 });
  // "Nothing" is valid wherever every field is optional: a heavy channel has it only in its seeded share.
  const junk = heavy ? anyJunk.filter((v) => !isNothing(v)) : anyJunk;
  if (keys.length === 0) {
    const nothing = fc.constantFrom(undefined, null, {});
    return heavy === undefined
      ? fc.oneof({ arbitrary: nothing, weight: 1 }, { arbitrary: junk, weight: 4 })
      : fc.oneof({ arbitrary: nothing, weight: heavy.seeded * 10 }, { arbitrary: junk, weight: (100 - heavy.seeded) * 10 });
  }
  const seededPct = seeds.length ? (heavy?.seeded ?? 40) : 0;
  const shapedPct = heavy?.shaped ?? ((100 - seededPct) * 2) / 3;
  const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, likely])), { requiredKeys: [] });
  const parts: Array<fc.WeightedArbitrary<unknown>> = [
    { arbitrary: junk, weight: Math.round((100 - seededPct - shapedPct) * 10) },
    { arbitrary: shaped, weight: Math.round(shapedPct * 10) },
  ];
  if (seeds.length) {
    const inputs = seeds.map((s) => s.input);
    const mutated = fc
      .tuple(fc.constantFrom(...inputs), fc.constantFrom(...keys), fc.option(likely, { nil: undefined }))
      .map(([input, key, value]) => {
        const out: Record<string, unknown> = { ...input };
        if (value === undefined) delete out[key];
        else out[key] = value;
        return out;
      });
    parts.push({ arbitrary: fc.oneof(fc.constantFrom(...inputs), mutated), weight: Math.round(seededPct * 10) });
  }
  return fc.oneof(...parts);
}

const isNothing = (v: unknown) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

const KNOWN_CODES = new Set<string>(ErrorCode.options);

/** Registers the fuzz of `names`: one store world for the file, one test a channel. */
export function fuzzChannels(group: Group, names: readonly ChannelName[]): void {
  let world: World;
  const lines: string[] = [];
  beforeAll(async () => {
    // The record channels need a signed record: made only for the file that fuzzes them.
    world = await makeWorld({ signedRecord: names.some((n) => n.startsWith('record.')) });
  }, 180_000);
  afterAll(() => {
    // undefined when the set-up failed: its own error is the one to see
    if (world) closeWorld(world);
    if (REPORT && lines.length) console.log(`channel fuzz, ${group}, ${RUNS} cases a channel (wall time, this process's CPU time):\n${lines.join('\n')}`);
  });

  describe(`${group}: every channel fuzzed, ${RUNS.toLocaleString('en-GB')} cases each`, () => {
    it.each(names.map((n) => [n]))('%s: success or a typed error, never INTERNAL, and an error changes nothing', async (name) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const seeds = seedsFor(name, world);
      // A new channel gets a seed, or a written reason why it has none.
      if (!seeds.length) expect(NO_SEED[name], `${name} has no seed input and no reason in NO_SEED`).toBeDefined();
      const outcomes: Record<string, Record<string, number>> = {};
      let successes = 0;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...WHO), inputsFor(name, seeds), async (who, input) => {
          await heal(world, who);
          const before = snapshot(world, who);
          const result = await dispatch(name, input, world.ctx[who]);
          expect(typeof result.ok).toBe('boolean');
          const code = result.ok ? 'ok' : result.error.code;
          (outcomes[who] ??= {})[code] = (outcomes[who][code] ?? 0) + 1;
          if (result.ok) {
            successes += 1;
            return;
          }
          expect(result.error.code).not.toBe('INTERNAL');
          expect(KNOWN_CODES.has(result.error.code)).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(0);
          if (['AUTH_FAILED', 'BACKOFF'].includes(result.error.code)) clearBackoff(world, who);
          else expect(snapshot(world, who), `${name} as ${who} answered ${result.error.code} and changed the store`).toBe(before);
        }),
        { numRuns: RUNS, examples: seeds.map((s): [Who, unknown] => [s.as, s.input]) },
      );
      if (REPORT) {
        const ms = (n: number) => String(Math.round(n)).padStart(6);
        const used = process.cpuUsage(cpu);
        lines.push(`${name.padEnd(32)} ${ms(performance.now() - started)} ms, CPU ${ms((used.user + used.system) / 1000)} ms  ${JSON.stringify(outcomes)}`);
      }
      // The success path must stay reachable: a seeded channel that never succeeded has lost it.
      if (seeds.length) expect(successes, `${name} never succeeded`).toBeGreaterThan(0);
    }, FULL ? 3_600_000 : 120_000);
  });
}

/**
 * The groups, one a test file, of about equal cost: the part saves, the rest of the assessment's
 * workflow, and everything else (the store, people, records, attachments, bundles, quality,
 * drafts), which takes whatever the first two do not, so no channel is missed.
 */
export type Group = 'parts' | 'workflow' | 'store';
const partChannels = new Set<string>(partNames.map(partChannelName));
export function channelsOf(group: Group): ChannelName[] {
  const groupOf = (n: string): Group => (partChannels.has(n) ? 'parts' : n.startsWith('assessments.') ? 'workflow' : 'store');
  return channelNames.filter((n) => groupOf(n) === group);
}
