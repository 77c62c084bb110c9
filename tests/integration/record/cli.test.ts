/**
 * The record verbs, run in-process through main(): the developer path from files, the store-backed
 * path with a real encrypted store (init, two assessors, import, sign, countersign),
 * and verify's exit codes. pdfsig and qpdf judge the files the CLI writes.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { devRecord } from '../../../scripts/dev-record';
import type { CliIO } from '../../../electron/cli/io';
import { makeFixture } from '../../fixtures/record/assessment';
import { makeSigner, privateKeyPem, type TestSigner } from '../../fixtures/record/signers';
import { flipByte } from '../../fixtures/record/tamper';
import { pdfsig, pdfsigBlocks, qpdfCheck } from '../../fixtures/record/tools';

function captureIO(stdin = '', env: NodeJS.ProcessEnv = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), readStdin: async () => stdin, env, interactive: false };
}

const dir = mkdtempSync(path.join(tmpdir(), 'carefile-record-cli-'));
const p = (name: string): string => path.join(dir, name);
let a: TestSigner & { certificatePem: string };
let b: TestSigner & { certificatePem: string };

beforeAll(async () => {
  a = await makeSigner('Hannah Clarke', 'assessor', '01', true);
  b = await makeSigner('Daniel Osei', 'assessor', '02', true);
  writeFileSync(p('a.key'), await privateKeyPem(a.privateKey as CryptoKey));
  writeFileSync(p('a.crt'), a.certificatePem);
  writeFileSync(p('b.key'), await privateKeyPem(b.privateKey as CryptoKey));
  writeFileSync(p('b.crt'), b.certificatePem);
  writeFileSync(p('assessment.json'), JSON.stringify(makeFixture({ evidenceCount: 5, imageCount: 0 }).assessment));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[], io = captureIO()): Promise<number> => main(['node', 'carefile', ...args], io);
/** The developer path left the CLI for scripts/dev-record.ts (the CLI goes through the handler map only). */
const dev = (args: string[], io = captureIO()): Promise<number> => devRecord(args, io.err);

describe('scripts/dev-record.ts and carefile verify (no store)', () => {
  it('makes a record from a file, countersigns it, and both signatures are valid for pdfsig, qpdf and verify', async () => {
    expect(await dev(['--from-bundle', p('assessment.json'), '--key', p('a.key'), '--cert', p('a.crt'), '--out', p('one.pdf')])).toBe(0);
    expect(await dev(['--countersign', p('one.pdf'), '--key', p('b.key'), '--cert', p('b.crt'), '--out', p('two.pdf')])).toBe(0);
    const two = new Uint8Array(readFileSync(p('two.pdf')));
    const blocks = pdfsigBlocks(pdfsig(two).stdout);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain('Signature is Valid.');
    expect(qpdfCheck(two).code).toBe(0);
    const io = captureIO();
    expect(await run(['verify', p('two.pdf')], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('Result: VALID (2 signatures)');
    const json = captureIO();
    expect(await run(['verify', p('two.pdf'), '--json'], json)).toBe(0);
    const report = JSON.parse(json.stdout.join('')) as { valid: boolean; signatures: Array<{ signer: string }> };
    expect(report.valid).toBe(true);
    expect(report.signatures.map((s) => s.signer)).toEqual(['Hannah Clarke', 'Daniel Osei']);
  });

  it('verify exits 1 on a tampered record and says why', async () => {
    const two = new Uint8Array(readFileSync(p('two.pdf')));
    writeFileSync(p('bad.pdf'), flipByte(two, 2000));
    const io = captureIO();
    expect(await run(['verify', p('bad.pdf')], io)).toBe(1);
    expect(io.stdout.join('\n')).toMatch(/INVALID[\s\S]*message digest/);
  });

  it('refuses to countersign a record that does not verify, and writes nothing', async () => {
    const io = captureIO();
    expect(await dev(['--countersign', p('bad.pdf'), '--key', p('b.key'), '--cert', p('b.crt'), '--out', p('never.pdf')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('cannot be countersigned');
    expect(() => readFileSync(p('never.pdf'))).toThrow();
  });

  it('gives clear usage errors (exit 2) and says when the store is missing (exit 4)', async () => {
    const missing = captureIO();
    expect(await run(['verify', p('nope.pdf')], missing)).toBe(2);
    expect(missing.stderr.join('')).toContain('cannot read');
    expect(await dev(['--from-bundle', p('a.crt'), '--key', p('a.key'), '--cert', p('a.crt'), '--out', p('x.pdf')])).toBe(2);
    // the developer options are gone from the product CLI
    expect(await run(['pdf', '--from-bundle', p('assessment.json'), '--key', p('a.key'), '--cert', p('a.crt'), '--out', p('x.pdf')])).toBe(2);
    const noStore = captureIO('', { CAREFILE_PASSPHRASE: 'whatever it may be' });
    expect(await run(['pdf', '--confirm-declaration', 'asm-1', '--user', 'u-1', '--data-dir', path.join(dir, 'no-store-here'), '--out', p('x.pdf')], noStore)).toBe(4);
  });
});

describe('carefile pdf with the real encrypted store', () => {
  const storeDir = path.join(dir, 'store');
  const env = (user: string, passphrase: string): NodeJS.ProcessEnv => ({ CAREFILE_DATA_DIR: storeDir, CAREFILE_SCRYPT_N: '1024', CAREFILE_USER: user, CAREFILE_PASSPHRASE: passphrase });
  const admin = env('admin', 'amber kestrel lantern 42');
  const asha = env('asha', 'willow harbour ember 77');
  const daniel = env('daniel', 'copper meadow falcon 19');
  const compliant = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'compliant.json');
  const id = (JSON.parse(readFileSync(compliant, 'utf8')) as { assessment: { id: string } }).assessment.id;

  beforeAll(async () => {
    expect(await run(['init'], captureIO('', admin))).toBe(0);
    writeFileSync(p('asha.pass'), 'willow harbour ember 77\n');
    writeFileSync(p('daniel.pass'), 'copper meadow falcon 19\n');
    expect(await run(['user', 'add', 'asha', '--role', 'assessor', '--display-name', 'Asha Okafor', '--new-passphrase-file', p('asha.pass')], captureIO('', admin))).toBe(0);
    expect(await run(['user', 'add', 'daniel', '--role', 'assessor', '--display-name', 'Daniel Osei', '--new-passphrase-file', p('daniel.pass')], captureIO('', admin))).toBe(0);
    // the users and their certificates, without the assessment: the last test restores this
    expect(await run(['backup', '--out', p('users-only.backup')], captureIO('', admin))).toBe(0);
    expect(await run(['import', compliant], captureIO('', admin))).toBe(0);
    // The bundle's links to another store's users are not taken (issue 8, item 5): link the assessors here.
    expect(await run(['assessment', 'link', id, '--participant', 'p-assessor-1', '--store-user', 'asha'], captureIO('', asha))).toBe(0);
    expect(await run(['assessment', 'link', id, '--participant', 'p-assessor-2', '--store-user', 'daniel'], captureIO('', asha))).toBe(0);
  });

  it('the first assessor signs, the second countersigns; pdfsig, qpdf and verify agree; the assessment is then locked', async () => {
    expect(await run(['pdf', '--confirm-declaration', id, '--out', p('s1.pdf')], captureIO('', asha))).toBe(0);
    // Without the declaration confirmed nothing is signed, and the words are shown.
    const undeclared = captureIO('', daniel);
    expect(await run(['record', 'countersign', '--id', id, '--out', p('s2.pdf')], undeclared)).toBe(2);
    expect(undeclared.stderr.join('')).toContain('I declare that this record is a true and complete account');
    expect(await run(['record', 'countersign', '--id', id, '--confirm-declaration', '--out', p('s2.pdf')], captureIO('', daniel))).toBe(0);
    // The store keeps the latest revision with the assessment.
    const kept = captureIO('', asha);
    expect(await run(['record', 'get', id, '--out', p('kept.pdf')], kept)).toBe(0);
    expect(kept.stdout.join('\n')).toMatch(/2 signatures[\s\S]*Next to sign: .*\(manager\)/);
    expect(readFileSync(p('kept.pdf')).equals(readFileSync(p('s2.pdf')))).toBe(true);
    // Owner-only, like every file Carefile writes (these were 0644 before).
    expect(statSync(p('s1.pdf')).mode & 0o777).toBe(0o600);
    expect(statSync(p('s2.pdf')).mode & 0o777).toBe(0o600);
    const s2 = new Uint8Array(readFileSync(p('s2.pdf')));
    const blocks = pdfsigBlocks(pdfsig(s2).stdout);
    expect(blocks).toHaveLength(2);
    for (const block of blocks) expect(block).toContain('Signature is Valid.');
    expect(qpdfCheck(s2).code).toBe(0);
    const io = captureIO('', asha);
    expect(await run(['verify', p('s2.pdf')], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('known to this store: Daniel Osei, assessor');
    // Both signatures are now on the assessment, and it refuses edits.
    const exported = captureIO('', admin);
    expect(await run(['export', id, '--out', '-'], exported)).toBe(0);
    const a = (JSON.parse(exported.stdout.join('')) as { assessment: { status: string; signatures: Array<{ name: string }> } }).assessment;
    expect(a.status).toBe('signed');
    expect(a.signatures.map((x) => x.name)).toEqual(['Asha Okafor', 'Daniel Osei']);
    // AA-30 is met for this CLI-imported record: its assessors were linked with `assessment link`, then both signed.
    const check = captureIO('', asha);
    await run(['check', id, '--json'], check);
    expect((JSON.parse(check.stdout.join('')) as { findings: Array<{ ruleId: string }> }).findings.map((f) => f.ruleId)).not.toContain('AA-30');
  });

  it('a wrong passphrase is exit 3 and writes nothing; an administrator cannot sign; the same person cannot sign twice', async () => {
    expect(await run(['pdf', '--confirm-declaration', id, '--out', p('s3.pdf')], captureIO('', { ...asha, CAREFILE_PASSPHRASE: 'not the passphrase at all' }))).toBe(3);
    expect(() => readFileSync(p('s3.pdf'))).toThrow();
    // Deliberate change: a role that may not sign is FORBIDDEN through record.countersign, exit 3 (was 1).
    const adminTry = captureIO('', admin);
    expect(await run(['pdf', '--confirm-declaration', '--countersign', p('s1.pdf'), '--out', p('s4.pdf')], adminTry)).toBe(3);
    expect(adminTry.stderr.join('')).toMatch(/only assessors and managers (sign|can)/i);
    const twice = captureIO('', asha);
    // The workflow answers CONFLICT (the next signature must be another person's): exit 2.
    expect(await run(['pdf', '--confirm-declaration', '--countersign', p('s1.pdf'), '--out', p('s5.pdf')], twice)).toBe(2);
    expect(twice.stderr.join('')).toMatch(/already signed/i);
  });

  it('a record not yet at the decision stage is refused (a block at the decision stage: tests/unit/api/authority.test.ts)', async () => {
    const bad = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'bundles', 'same-day-interview.json');
    expect(await run(['import', bad], captureIO('', admin))).toBe(0);
    const badId = (JSON.parse(readFileSync(bad, 'utf8')) as { assessment: { id: string } }).assessment.id;
    const io = captureIO('', asha);
    // Not yet at the decision stage: the workflow refuses with CONFLICT before any safeguard is weighed (exit 2).
    expect(await run(['pdf', '--confirm-declaration', badId, '--out', p('bad-record.pdf')], io)).toBe(2);
    expect(io.stderr.join('')).toMatch(/signed at the "Decision" stage or later/);
  });

  it('an import keeps the signatures a signed record proves against this store, and only those', async () => {
    const exported = captureIO('', admin);
    expect(await run(['export', id, '--out', p('signed-bundle.json')], exported)).toBe(0);
    expect(statSync(p('signed-bundle.json')).mode & 0o777).toBe(0o600);
    // a copy claiming the same signatures over different content
    const copy = JSON.parse(readFileSync(p('signed-bundle.json'), 'utf8'));
    copy.assessment.id = 'copy-of-signed';
    copy.assessment.reference = 'COPY-1';
    copy.assessment.analysis = 'Something the assessors never signed.';
    writeFileSync(p('copy-bundle.json'), JSON.stringify(copy));
    // back to the users only: the assessment is gone, the certificates are known
    expect(await run(['restore', p('users-only.backup')], captureIO('', admin))).toBe(0);
    const imported = captureIO('', asha);
    expect(await run(['import', p('signed-bundle.json'), p('copy-bundle.json'), '--record', p('s2.pdf'), '--json'], imported)).toBe(0);
    const [genuine, forged] = (JSON.parse(imported.stdout.join('')) as { results: Array<{ notTrusted: Array<{ path: string; why: string }> }> }).results;
    expect(genuine!.notTrusted).toEqual([]);
    expect(forged!.notTrusted.map((n) => n.path)).toEqual(['signatures.0', 'signatures.1', 'status']);
    expect(forged!.notTrusted[0]!.why).toMatch(/over this content/);
    const show = (which: string) => {
      const io = captureIO('', asha);
      return run(['assessment', 'show', which], io).then(() => JSON.parse(io.stdout.join('')) as { status: string; signatures: Array<{ name: string }> });
    };
    const kept = await show(id);
    expect(kept.status).toBe('signed');
    expect(kept.signatures.map((x) => x.name)).toEqual(['Asha Okafor', 'Daniel Osei']);
    const taken = await show('copy-of-signed');
    expect([taken.status, taken.signatures]).toEqual(['in-progress', []]);
  });
});
