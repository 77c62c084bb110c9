/**
 * The record verbs, run in-process through main(): the developer path from files, the store-backed
 * path through RecordStoreAccess (an in-memory stand-in for the store being written in parallel),
 * and verify's exit codes. pdfsig and qpdf judge the files the CLI writes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegister } from '../../../electron/cli/commands/record';
import { main } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import type { RecordStoreAccess, SignatureEvent } from '../../../electron/record/service';
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

describe('carefile pdf and verify, developer path (no store)', () => {
  it('makes a record from a file, countersigns it, and both signatures are valid for pdfsig, qpdf and verify', async () => {
    expect(await run(['pdf', '--from-bundle', p('assessment.json'), '--key', p('a.key'), '--cert', p('a.crt'), '--out', p('one.pdf')])).toBe(0);
    expect(await run(['pdf', '--countersign', p('one.pdf'), '--key', p('b.key'), '--cert', p('b.crt'), '--out', p('two.pdf')])).toBe(0);
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
    expect(await run(['pdf', '--countersign', p('bad.pdf'), '--key', p('b.key'), '--cert', p('b.crt'), '--out', p('never.pdf')], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('cannot be countersigned');
    expect(() => readFileSync(p('never.pdf'))).toThrow();
  });

  it('gives clear usage errors (exit 2) and says when the store is missing (exit 4)', async () => {
    const missing = captureIO();
    expect(await run(['verify', p('nope.pdf')], missing)).toBe(2);
    expect(missing.stderr.join('')).toContain('cannot read');
    expect(await run(['pdf', '--from-bundle', p('a.crt'), '--key', p('a.key'), '--cert', p('a.crt'), '--out', p('x.pdf')])).toBe(2);
    expect(await run(['pdf', 'asm-1', '--out', p('x.pdf')])).toBe(2);
    const store = captureIO();
    expect(await run(['pdf', 'asm-1', '--user', 'u-1', '--data-dir', dir, '--out', p('x.pdf')], store)).toBe(4);
    expect(store.stderr.join('')).toContain('store is not available');
  });
});

describe('carefile pdf through the store interface', () => {
  it('signs as --user with the passphrase from stdin, countersigns, and verify --data-dir knows both signers', async () => {
    const fixture = makeFixture({ evidenceCount: 4, imageCount: 1 });
    const users = new Map([
      ['u-1', { signer: a, passphrase: 'correct horse one' }],
      ['u-2', { signer: b, passphrase: 'correct horse two' }],
    ]);
    const events: SignatureEvent[] = [];
    const store: RecordStoreAccess = {
      recordSignature: async (e) => {
        events.push(e);
      },
      recordInput: async (id) => {
        if (id !== fixture.assessment.id) throw new Error('no such assessment');
        return { assessment: fixture.assessment, context: fixture.context };
      },
      credentialsFor: async (userId, passphrase) => {
        const u = users.get(userId);
        if (!u || u.passphrase !== passphrase) throw Object.assign(new Error('wrong passphrase'), { code: 'AUTH' });
        return { privateKey: u.signer.privateKey, certificateDer: u.signer.certificateDer, certificateSha256: u.signer.certificateSha256 };
      },
      signerInfo: async (userId) => ({ name: users.get(userId)?.signer.name ?? '?', role: 'assessor' }),
      knownCertificates: async () => [...users.values()].map((u) => ({ certificateSha256: u.signer.certificateSha256, name: u.signer.name, role: 'assessor' })),
    };
    const runWith = (args: string[], io: CliIO): Promise<number> => {
      const program = new Command('carefile').exitOverride();
      makeRegister({ openStore: async () => store })(program, io);
      return program.parseAsync(['node', 'carefile', ...args]).then(
        () => 0,
        (e: unknown) => (e as { exitCode?: number }).exitCode ?? 99,
      );
    };
    expect(await runWith(['pdf', fixture.assessment.id, '--user', 'u-1', '--data-dir', dir, '--out', p('s1.pdf')], captureIO('correct horse one\n'))).toBe(0);
    expect(await runWith(['pdf', '--countersign', p('s1.pdf'), '--user', 'u-2', '--data-dir', dir, '--out', p('s2.pdf')], captureIO('', { CAREFILE_PASSPHRASE: 'correct horse two' }))).toBe(0);
    expect(await runWith(['pdf', fixture.assessment.id, '--user', 'u-1', '--data-dir', dir, '--out', p('s3.pdf')], captureIO('wrong\n'))).toBe(3);
    expect(() => readFileSync(p('s3.pdf'))).toThrow();
    expect(events.map((e) => [e.assessmentId, e.userId, e.certificateSha256])).toEqual([
      [fixture.assessment.id, 'u-1', a.certificateSha256],
      [undefined, 'u-2', b.certificateSha256],
    ]);
    expect(events[1]?.previousPdfSha256).toBe(events[0]?.pdfSha256);
    const io = captureIO();
    expect(await runWith(['verify', p('s2.pdf'), '--data-dir', dir], io)).toBe(0);
    expect(io.stdout.join('\n')).toContain('known to this store: Daniel Osei, assessor');
    for (const block of pdfsigBlocks(pdfsig(new Uint8Array(readFileSync(p('s2.pdf')))).stdout)) expect(block).toContain('Signature is Valid.');
  });
});
