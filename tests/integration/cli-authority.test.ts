/**
 * Issue 8, items 3 and 5: the CLI is a door to the same handler map as the app. Under Node, with a
 * real encrypted store: who may run each verb (administrator, assessor, manager, recovery key), the
 * CLI and dispatch giving the same answer to the same request, restore's role check and warning,
 * linking a participant, and an import that does not take forged workflow state on trust.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram, main } from '../../electron/cli/main';
import { Command } from 'commander';
import { commandFamilies, familiesFor } from '../../electron/cli/commands/index';
import type { CliIO } from '../../electron/cli/io';
import { Exit } from '../../electron/cli/exit';
import { dispatch } from '../../electron/api/dispatch';
import { hostContext } from '../../electron/api/host';
import { restoreWarnings } from '../../electron/api/admin';
import { openStore, TEST_KDF } from '../../electron/store/index';
import { signBundle } from '../../electron/bundle/signature';

const dir = mkdtempSync(path.join(tmpdir(), 'carefile-cli-authority-'));
const storeDir = path.join(dir, 'store');
const bundles = path.resolve(import.meta.dirname, '..', 'fixtures', 'bundles');
const compliant = path.join(bundles, 'compliant.json');
const blocked = path.join(bundles, 'same-day-interview.json');
const compliantId = (JSON.parse(readFileSync(compliant, 'utf8')) as { assessment: { id: string } }).assessment.id;
const blockedId = 'scn-same-day-0001';
const signedCompliant = path.join(dir, 'compliant.signed.json');

const PASS = { admin: 'amber kestrel lantern 42', asha: 'willow harbour ember 77', daniel: 'copper meadow falcon 19', max: 'granite orchard puzzle 8' };
type Who = 'admin' | 'assessor' | 'manager' | 'recovery';
let recoveryKey = '';

function env(who: Who | 'daniel'): NodeJS.ProcessEnv {
  const base = { CAREFILE_DATA_DIR: storeDir, CAREFILE_SCRYPT_N: '1024', CAREFILE_NEW_PASSPHRASE: 'a new colleague passphrase 5' };
  if (who === 'recovery') return { ...base, CAREFILE_RECOVERY_KEY: recoveryKey };
  const user = { admin: 'admin', assessor: 'asha', manager: 'max', daniel: 'daniel' }[who];
  return { ...base, CAREFILE_USER: user, CAREFILE_PASSPHRASE: PASS[user as keyof typeof PASS] };
}

async function run(args: string[], e: NodeJS.ProcessEnv, stdin = '') {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIO = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), readStdin: async () => stdin, env: e, interactive: false };
  const code = await main(['node', 'carefile', ...args], io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}

beforeAll(async () => {
  const init = await run(['init', '--json'], env('admin'));
  expect(init.code, init.err).toBe(0);
  recoveryKey = (JSON.parse(init.out) as { recoveryKey: string }).recoveryKey;
  for (const [name, role] of [['asha', 'assessor'], ['daniel', 'assessor'], ['max', 'manager']] as const) {
    const r = await run(['user', 'add', name, '--role', role], { ...env('admin'), CAREFILE_NEW_PASSPHRASE: PASS[name] });
    expect(r.code, r.err).toBe(0);
  }
  expect((await run(['import', compliant, blocked, '--accept-unsigned'], env('admin'))).code).toBe(0);
  // the same assessment as its administrator exported it: signed by a user of this store
  const exported = await run(['export', compliantId, '--out', signedCompliant], env('admin'));
  expect(exported.code, exported.err).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('every verb', () => {
  it('has --help (every leaf command of the program, found by walking it)', async () => {
    const io: CliIO = { out: () => {}, err: () => {}, readStdin: async () => '', env: {}, interactive: false };
    const verbs: string[][] = [];
    const walk = (cmd: Command, prefix: string[]) => {
      for (const c of cmd.commands) {
        const path_ = [...prefix, c.name()];
        if (c.commands.length) walk(c, path_);
        else verbs.push(path_);
      }
    };
    walk(await buildProgram(io), []);
    expect(verbs.length).toBeGreaterThan(25);
    for (const v of verbs) {
      const r = await run([...v, '--help'], {});
      expect(r.code, v.join(' ')).toBe(0);
    }
  });
});

describe('who may run each verb', () => {
  const ok = Exit.OK;
  const no = Exit.AUTH;
  let n = 0;
  const fresh = () => path.join(dir, `out-${n++}`);
  // [verb, args, admin, assessor, manager, recovery key]
  const table: Array<[string, () => string[], number, number, number, number]> = [
    ['user list', () => ['user', 'list'], ok, ok, ok, ok],
    ['user add', () => ['user', 'add', `u${n++}`, '--role', 'assessor'], ok, no, no, ok],
    ['key reveal', () => ['key', 'reveal'], ok, no, no, ok],
    ['backup', () => ['backup', '--out', fresh()], ok, no, no, ok],
    ['audit-log verify', () => ['audit-log', 'verify'], ok, ok, ok, ok],
    ['doctor', () => ['doctor'], ok, ok, ok, ok],
    ['outcomes', () => ['outcomes'], ok, no, ok, ok],
    ['import', () => ['import', signedCompliant], ok, ok, ok, ok],
    ['import --accept-unsigned', () => ['import', compliant, '--accept-unsigned'], ok, no, no, ok],
    // a bundle is signed with the exporting user's own key: the recovery key has none
    ['export', () => ['export', compliantId, '--out', fresh()], ok, ok, ok, no],
    ['export (a block stands)', () => ['export', blockedId, '--out', fresh()], Exit.CHECK_FAILED, Exit.CHECK_FAILED, Exit.CHECK_FAILED, Exit.CHECK_FAILED],
    ['check ID', () => ['check', compliantId], ok, ok, ok, ok],
    ['assessment list', () => ['assessment', 'list'], ok, ok, ok, ok],
    ['assessment link', () => ['assessment', 'link', blockedId, '--participant', 'p-assessor-1', '--store-user', 'asha'], no, ok, ok, no],
    ['assessment depart (a rule allowing none)', () => ['assessment', 'depart', blockedId, '--rule', 'AA-18', '--reason', 'We did not think this applied at all here.'], no, no, no, no],
    ['assessment review (comment)', () => ['assessment', 'review', blockedId, '--outcome', 'comment', '--text', 'Seen.'], no, no, ok, no],
    // Role checks first (exit 3), then the workflow's CONFLICT (exit 2): this one has no signed decision to reopen or overturn.
    ['assessment reopen (undecided)', () => ['assessment', 'reopen', blockedId, '--kind', 'document', '--description', 'A school certificate giving the year of birth.', '--received', '2026-10-01'], no, Exit.USAGE, Exit.USAGE, no],
    ['assessment overturned (undecided)', () => ['assessment', 'overturned', blockedId, '--by', 'tribunal', '--body', 'Upper Tribunal (IAC)', '--on', '2026-10-01', '--outcome', 'child', '--reason', 'The tribunal found the account credible throughout.'], no, no, Exit.USAGE, no],
    // Only assessors sign (shared/domain/workflow.ts); this one is not yet at the decision stage: CONFLICT, exit 2.
    ['pdf (sign)', () => ['pdf', blockedId, '--confirm-declaration', '--out', fresh()], no, Exit.USAGE, no, no],
    ['restore', () => ['restore', path.join(bundles, 'compliant.json')], Exit.USAGE, no, no, Exit.USAGE],
    ['call store.status', () => ['call', 'store.status'], ok, ok, ok, ok],
  ];
  const whoOrder: Who[] = ['admin', 'assessor', 'manager', 'recovery'];
  for (const [verb, args, ...expected] of table) {
    it(verb, async () => {
      for (const [i, who] of whoOrder.entries()) {
        const r = await run(args(), env(who));
        expect(r.code, `${verb} as ${who}: ${r.err}`).toBe(expected[i]);
      }
    });
  }
  // restore: administrators and the recovery key pass the role check, then this non-backup file is refused (2).
});

describe('the CLI and dispatch give the same answer', () => {
  async function viaDispatch(name: string, input: unknown) {
    const ctx = hostContext({ version: 'test', dataDir: storeDir, scryptN: 1024 });
    try {
      const unlocked = await dispatch('store.unlock', { userName: 'asha', passphrase: PASS.asha }, ctx);
      expect(unlocked.ok).toBe(true);
      return await dispatch(name, input, ctx);
    } finally {
      await dispatch('store.lock', {}, ctx);
    }
  }

  it('export with a block: the same code and message through call, the named verb and dispatch', async () => {
    const input = { id: blockedId };
    const direct = await viaDispatch('assessments.exportBundle', input);
    expect(direct).toMatchObject({ ok: false, error: { code: 'SAFEGUARD_BLOCK' } });
    const called = await run(['call', 'assessments.exportBundle', '--input', '-'], env('assessor'), JSON.stringify(input));
    expect(called.code).toBe(Exit.CHECK_FAILED);
    expect(JSON.parse(called.out)).toEqual(direct);
    const named = await run(['export', blockedId, '--out', path.join(dir, 'never.json')], env('assessor'));
    expect(named.code).toBe(Exit.CHECK_FAILED);
    expect(named.err).toBe(`carefile: ${(direct as { error: { message: string } }).error.message}`);
    expect(existsSync(path.join(dir, 'never.json'))).toBe(false);
  });

  it('a read gives the same value; a bad input the same typed error', async () => {
    const direct = await viaDispatch('assessments.get', { id: compliantId });
    const called = await run(['call', 'assessments.get', '--input', '-'], env('assessor'), JSON.stringify({ id: compliantId }));
    expect(called.code).toBe(0);
    expect(JSON.parse(called.out)).toEqual(direct);
    const bad = await viaDispatch('assessments.get', { id: '' });
    const badCall = await run(['call', 'assessments.get', '--input', '-'], env('assessor'), '{"id":""}');
    expect(badCall.code).toBe(Exit.USAGE);
    expect(JSON.parse(badCall.out)).toEqual(bad);
    expect((await run(['call', 'no.such.channel'], env('assessor'))).code).toBe(Exit.USAGE);
  });
});

describe('the audit head travels with what leaves the store', () => {
  it('an exported bundle carries the head hash and length of the audit chain, as audit-log verify reports them', async () => {
    const out = path.join(dir, 'head-bundle.json');
    expect((await run(['export', compliantId, '--out', out], env('admin'))).code).toBe(0);
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as { audit?: { headHash: string; entries?: number } };
    const verify = await run(['audit-log', 'verify', '--json'], env('admin'));
    const report = JSON.parse(verify.out) as { head: { seq: number; hash: string } };
    expect(bundle.audit?.headHash).toMatch(/^[0-9a-f]{64}$/);
    // verify's own unlock adds events after the export: the bundle's head is an earlier point of the same chain
    expect(bundle.audit?.entries).toBeGreaterThan(0);
    expect(bundle.audit!.entries!).toBeLessThanOrEqual(report.head.seq);
  });
});

describe('assessment link', () => {
  it('links an assessor; refuses the same user twice, a manager as assessor, an unknown user', async () => {
    const linked = await run(['assessment', 'link', compliantId, '--participant', 'p-assessor-1', '--store-user', 'asha', '--json'], env('assessor'));
    expect(linked.code, linked.err).toBe(0);
    const a = JSON.parse(linked.out) as { participants: Array<{ id: string; userId?: string }> };
    expect(a.participants.find((p) => p.id === 'p-assessor-1')?.userId).toBeDefined();
    const twice = await run(['assessment', 'link', compliantId, '--participant', 'p-assessor-2', '--store-user', 'asha'], env('assessor'));
    expect(twice.code).toBe(Exit.USAGE);
    expect(twice.err).toMatch(/two different people/);
    expect((await run(['assessment', 'link', compliantId, '--participant', 'p-assessor-2', '--store-user', 'max'], env('assessor'))).code).toBe(Exit.USAGE);
    expect((await run(['assessment', 'link', compliantId, '--participant', 'p-assessor-2', '--store-user', 'nobody'], env('assessor'))).code).toBe(Exit.USAGE);
    expect((await run(['assessment', 'link', compliantId, '--participant', 'p-assessor-2', '--store-user', 'daniel'], env('assessor'))).code).toBe(0);
  });
});

describe('import keeps history, never trust', () => {
  it('a bundle with forged signatures, authorisation, departures and a signed addendum arrives unsigned, with the notes', async () => {
    const users = JSON.parse((await run(['user', 'list', '--json'], env('admin'))).out) as Array<{ id: string; name: string; certificateSha256: string }>;
    const asha = users.find((u) => u.name === 'asha')!;
    const max = users.find((u) => u.name === 'max')!;
    const b = JSON.parse(readFileSync(compliant, 'utf8'));
    const a = b.assessment;
    a.id = 'forged-0001';
    a.reference = 'FORGED-1';
    a.status = 'authorised';
    a.participants[0].userId = asha.id;
    a.participants[1].userId = asha.id; // one person as both assessors
    a.signatures = [
      { userId: asha.id, name: 'Asha', role: 'assessor', signedOn: '2026-09-23T10:00:00Z', certificateSha256: asha.certificateSha256 },
      { userId: max.id, name: 'Max', role: 'manager', signedOn: '2026-09-23T11:00:00Z', certificateSha256: 'ab'.repeat(32) },
    ];
    a.review = { comments: [], authorisedBy: 'Max', authorisedOn: '2026-09-24T10:00:00Z' };
    a.departures = [
      { ruleId: 'AA-29', reason: 'The decision took longer because of an interpreter shortage.', recordedBy: 'Max', recordedOn: '2026-09-20T10:00:00Z' },
      { ruleId: 'AA-18', reason: 'We did not think this applied to this young person at all.', recordedBy: 'Max', recordedOn: '2026-09-20T10:00:00Z' },
    ];
    a.addenda = [{ id: 'ad-1', text: 'A correction.', createdOn: '2026-09-25T10:00:00Z', createdBy: 'Max', signedOn: '2026-09-25T10:05:00Z' }];
    const file = path.join(dir, 'forged.json');
    // Signed by Asha herself: a signed bundle says who sent it, never that its workflow claims are true.
    const asAsha = await openStore({ dataDir: storeDir, kdf: TEST_KDF }).unlock('asha', PASS.asha);
    writeFileSync(file, signBundle(b, asAsha.bundles.sessionSigner()!).text);
    asAsha.close();

    const r = await run(['import', file, '--json'], env('assessor'));
    expect(r.code, r.err).toBe(0);
    const [result] = (JSON.parse(r.out) as { results: Array<{ outcome: string; notTrusted: Array<{ path: string; why: string }> }> }).results;
    expect(result!.outcome).toBe('imported');
    const why = Object.fromEntries(result!.notTrusted.map((x) => [x.path, x.why]));
    expect(why['signatures.0']).toMatch(/no signed PDF record/);
    expect(why['signatures.1']).toMatch(/not known to this store/);
    expect(why['review.authorisedBy']).toBeDefined();
    expect(why.status).toMatch(/arrives unsigned/);
    expect(why['departures.0.recordedBy']).toMatch(/answers for it/);
    expect(why['departures.1']).toMatch(/allows no departure/);
    expect(why['addenda.0.signedOn']).toBeDefined();
    expect(why['participants.1.userId']).toMatch(/already the other assessor/);
    expect(why['participants.0.userId']).toBeUndefined();

    const stored = JSON.parse((await run(['assessment', 'show', 'forged-0001'], env('assessor'))).out);
    expect(stored.status).toBe('in-progress');
    expect(stored.signatures).toEqual([]);
    expect(stored.review.authorisedBy).toBeUndefined();
    expect(stored.departures.map((d: { ruleId: string; recordedBy: string }) => [d.ruleId, d.recordedBy])).toEqual([['AA-29', 'asha']]);
    expect(stored.addenda[0].signedOn).toBeUndefined();
    expect(stored.stageHistory).toEqual(a.stageHistory);
    // the same answer through dispatch's generic door
    const again = await run(['call', 'bundles.import', '--input', '-'], env('assessor'), JSON.stringify({ bundles: [{ name: 'forged.json', json: readFileSync(file, 'utf8') }] }));
    expect(JSON.parse(again.out)).toMatchObject({ ok: true, value: { results: [{ outcome: 'unchanged', notTrusted: result!.notTrusted }] } });
  });
});

describe('restore', () => {
  it('an assessor is refused; an administrator restores an older backup and is warned', async () => {
    const backup = path.join(dir, 'older.backup');
    expect((await run(['backup', '--out', backup], env('admin'))).code).toBe(0);
    const added = await run(['user', 'add', 'late', '--role', 'assessor'], { ...env('admin'), CAREFILE_NEW_PASSPHRASE: 'a late arrival passphrase' });
    expect(added.code).toBe(0);
    const byAssessor = await run(['restore', backup], env('assessor'));
    expect(byAssessor.code).toBe(Exit.AUTH);
    expect(byAssessor.err).toMatch(/Only an administrator or the recovery key restores/);
    expect((await run(['user', 'list', '--json'], env('admin'))).out).toContain('"late"');

    const restored = await run(['restore', backup, '--json'], env('admin'));
    expect(restored.code, restored.err).toBe(0);
    expect(restored.err).toMatch(/WARNING: The backup is older than the store/);
    const r = JSON.parse(restored.out) as { backupHead: { seq: number }; replacedHead: { seq: number }; warnings: string[] };
    expect(r.backupHead.seq).toBeLessThan(r.replacedHead.seq);
    expect(r.warnings).toHaveLength(1);
    expect((await run(['user', 'list', '--json'], env('admin'))).out).not.toContain('"late"');
    // the copy the CLI placed in the store's backups folder is gone again
    expect(readdirSync(path.join(storeDir, 'backups')).filter((f) => f.startsWith('restore-'))).toEqual([]);
  });
});

describe('restore with the recovery key, and onto a new machine with the raw key', () => {
  it('the recovery key restores; the raw key only where no store exists', async () => {
    const backup = path.join(dir, 'for-recovery.backup');
    expect((await run(['backup', '--out', backup], env('admin'))).code).toBe(0);
    const byRecovery = await run(['restore', backup], env('recovery'));
    expect(byRecovery.code, byRecovery.err).toBe(0);
    expect(byRecovery.err).not.toMatch(/WARNING/); // only unlocks came after the backup: nothing is undone

    const rawKey = JSON.parse((await run(['key', 'reveal', '--json'], env('admin'))).out).key as string;
    const keyFile = path.join(dir, 'raw.key');
    writeFileSync(keyFile, `${rawKey}\n`);
    // over an existing store the raw key is refused: unlock as an administrator instead
    const over = await run(['restore', backup, '--raw-key-file', keyFile], env('admin'));
    expect(over.code).toBe(Exit.AUTH);
    const newMachine = { CAREFILE_DATA_DIR: path.join(dir, 'new-machine'), CAREFILE_SCRYPT_N: '1024' };
    const fresh = await run(['restore', backup, '--raw-key-file', keyFile, '--json'], newMachine);
    expect(fresh.code, fresh.err).toBe(0);
    expect((await run(['user', 'list'], { ...newMachine, CAREFILE_USER: 'asha', CAREFILE_PASSPHRASE: PASS.asha })).code).toBe(0);
  });

  it('warns for an older or a diverged backup, not for unlocks and backups alone', () => {
    const ev = (seq: number, action: string, hash = `h${seq}`) => ({ seq, hash, action });
    const store = [ev(1, 'store.init'), ev(2, 'unlock'), ev(3, 'store.backup'), ev(4, 'unlock'), ev(5, 'user.add'), ev(6, 'assessment.update'), ev(7, 'assessment.update')];
    expect(restoreWarnings({ seq: 3, hash: 'h3' }, store)[0]).toMatch(/older.*3 later changes are undone \(user\.add, assessment\.update ×2\)/s);
    expect(restoreWarnings({ seq: 3, hash: 'other' }, store)[0]).toMatch(/does not share this store's history/);
    expect(restoreWarnings({ seq: 3, hash: 'h3' }, store.slice(0, 4))).toEqual([]);
    expect(restoreWarnings({ seq: 9, hash: 'h9' }, store)).toEqual([]);
    expect(restoreWarnings({ seq: 3, hash: 'h3' }, undefined)).toEqual([]);
  });
});

describe('CLI verb families (loaded one at a time: electron/cli/commands/index.ts)', () => {
  const io: CliIO = { out: () => {}, err: () => {}, readStdin: async () => '', env: {}, interactive: false };
  it('each family names exactly the top-level verbs it registers, and no verb is in two', async () => {
    const all: string[] = [];
    for (const family of commandFamilies) {
      const program = new Command('carefile');
      (await family.load())(program, io);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...family.verbs].sort());
      all.push(...family.verbs);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it('carefile --help, listed without loading a family, is word for word the help of the loaded families', async () => {
    const listed = await buildProgram(io, ['node', 'carefile', '--help']);
    expect(listed.commands.every((c) => c.commands.length === 0 && c.options.length === 0)).toBe(true);
    expect(listed.helpInformation()).toBe((await buildProgram(io)).helpInformation());
  });

  it('a command line loads its verb family only; --version and --help none; no verb or an unknown verb all', () => {
    const [store, assessment] = commandFamilies;
    expect(familiesFor(['user', 'list', '--json'])).toEqual([store]);
    expect(familiesFor(['lint-text', 'x.txt'])).toEqual([assessment]);
    expect(familiesFor(['--version'])).toEqual([]);
    expect(familiesFor(['-V'])).toEqual([]);
    expect(familiesFor(['--help'])).toEqual([]);
    expect(familiesFor(['-h'])).toEqual([]);
    expect(familiesFor(['assessment', '--help'])).toEqual([commandFamilies[3]]);
    expect(familiesFor([])).toEqual(commandFamilies);
    expect(familiesFor(['no-such-verb'])).toEqual(commandFamilies);
  });
});
