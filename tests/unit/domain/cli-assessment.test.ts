/** The assessment verbs, run in-process through the real commander program. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import type { CliIO } from '../../../electron/cli/io';
import { exportBundle, noTrust, type AssessmentStoreLike } from '../../../electron/bundle/transfer';
import { importTeamBundles, type ImportTarget } from '../../../electron/bundle/team-import';
import { checkBundleSignature } from '../../../electron/bundle/signature';
import type { Assessment } from '../../../shared/domain/model';
import { parseBundle } from '../../../shared/bundle';
import { bundlesDir, loadBundleJson, type Loose } from '../safeguards/fixtures';

function capture(stdin = '', env: NodeJS.ProcessEnv = {}): CliIO & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), readStdin: async () => stdin, env, interactive: false };
}

/** Test double for the store (the code under test is import/export, not the store). */
function memoryStore(): AssessmentStoreLike & ImportTarget & { puts: number } {
  const assessments = new Map<string, Assessment>();
  const files = new Map<string, Uint8Array>();
  const putAttachment = (bytes: Uint8Array) => {
    const sha = createHash('sha256').update(bytes).digest('hex');
    files.set(sha, bytes);
    return sha;
  };
  const store = {
    puts: 0,
    assessments: {
      get: async (id: string) => structuredClone(assessments.get(id)),
      put: async (a: Assessment) => {
        store.puts++;
        assessments.set(a.id, structuredClone(a));
      },
      list: async () => [...assessments.values()].map((a) => ({ id: a.id, reference: a.reference })),
    },
    attachments: { put: async (bytes: Uint8Array) => putAttachment(bytes), get: async (sha: string) => files.get(sha) },
    get: (id: string) => structuredClone(assessments.get(id)),
    put: (a: Assessment) => {
      store.puts++;
      assessments.set(a.id, structuredClone(a));
    },
    putAttachment,
    atomically: <T>(fn: () => T): T => fn(),
    keepVersion: () => 1,
    versions: () => [],
    version: () => undefined,
    auditImport: () => {},
  };
  return store;
}

/** Imports unsigned bundles as an administrator who accepted them (what is tested here is the content). */
function importBundles(store: ImportTarget, files: Array<{ file: string; text: string }>, actor: string) {
  return importTeamBundles(store, files, { actor, trust: noTrust(actor), acceptUnsigned: true, signerOf: () => ({ known: 'unknown' }) }, (x) => x).results;
}

/** A real store for the verbs that need one (the CLI reaches it only through the handler map). */
function storeEnv(dir: string): NodeJS.ProcessEnv {
  return { CAREFILE_DATA_DIR: join(dir, 'store'), CAREFILE_SCRYPT_N: '1024', CAREFILE_USER: 'admin', CAREFILE_PASSPHRASE: 'amber kestrel lantern 42' };
}

async function run(args: string[], io = capture()) {
  const code = await main(['node', 'carefile', ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

const NOW = '2026-10-02T12:00:00Z';

describe('carefile check FILE', () => {
  it('a compliant bundle: exit 0', async () => {
    const r = await run(['check', `${bundlesDir}compliant.json`, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 blocking/);
    expect(r.out).toMatch(/Decided on 2026-09-22: a child aged 16/);
  });
  it('a bundle with blocking findings: exit 1, every finding listed', async () => {
    const r = await run(['check', `${bundlesDir}documents-ignored.json`, '--now', NOW, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.blocking).toBe(4);
    expect(j.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['AA-16', 'AA-16', 'AA-17', 'AA-17']);
    expect(j.findings[0]).toMatchObject({ severity: 'block', path: 'evidence.1.weight' });
  });
  it('warnings alone: exit 0', async () => {
    const r = await run(['check', `${bundlesDir}burden-of-proof.json`, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/WARN\s+AA-24\s+analysis/);
  });
  it('thresholds are configurable', async () => {
    const strict = await run(['check', `${bundlesDir}compliant.json`, '--now', NOW, '--decision-days', '14', '--json']);
    expect(JSON.parse(strict.out).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['AA-29']);
  });
  it('a bundle failing the schema: exit 2 and every error with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carefile-check-'));
    const b = loadBundleJson('compliant.json') as Loose;
    b.assessment.sessions[0].end = 'later';
    b.assessment.decision.outcome = 'unsure';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(b));
    const r = await run(['check', join(dir, 'bad.json')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/assessment\.sessions\.0\.end: /);
    expect(r.err).toMatch(/assessment\.decision\.outcome: /);
    expect(r.err).toMatch(/2 errors/);
  });
  it('an unreadable file: exit 2; an id without a store: exit 4', async () => {
    expect((await run(['check', '/nonexistent/x.json'])).code).toBe(2);
    const empty = mkdtempSync(join(tmpdir(), 'carefile-nostore-'));
    expect((await run(['check', 'some-assessment-id', '--data-dir', empty])).code).toBe(4);
  });
});

describe('carefile lint-text', () => {
  it('--json prints exactly the documented fields, from stdin', async () => {
    const io = capture("Ahmed's alleged date of birth is 2009. He said 'I am not lying'.");
    const r = await run(['lint-text', '-', '--json'], io);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ findings: [{ start: 8, end: 15, text: 'alleged', category: 'doubt-laden', family: 'disbelief', suggestion: expect.any(String), reason: expect.any(String), rule: 'AA-33' }] });
  });
  it('reads a file, prints line:column, exits 0 when clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carefile-lint-'));
    writeFileSync(join(dir, 'a.txt'), 'First line is fine.\nShe keeps going missing.\n');
    const r = await run(['lint-text', join(dir, 'a.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^2:5 {2}victim-blaming {2}"keeps going missing" {2}AA-32 {2}\(Places the risk on the child\)/m);
    writeFileSync(join(dir, 'c.txt'), 'He has chosen to go back to the men who exploited him.\n');
    expect((await run(['lint-text', join(dir, 'c.txt')])).out).toMatch(/^1:8 {2}victim-blaming {2}"chosen to go back to the men" {2}AA-32/m);
    writeFileSync(join(dir, 'b.txt'), 'She clearly explained her journey.');
    expect((await run(['lint-text', join(dir, 'b.txt')])).code).toBe(0);
  });
});

describe('import and export through the store interface', () => {
  const compliantText = readFileSync(`${bundlesDir}compliant.json`, 'utf8');

  it('round trip: exporting what was imported gives the same document, less the claims not taken on trust', async () => {
    const store = memoryStore();
    const original = parseBundle(compliantText);
    if (!original.ok) throw new Error('fixture');
    const [r] = importBundles(store, [{ file: 'compliant.json', text: compliantText }], 'tester');
    expect(r!.outcome).toBe('imported');
    // Deliberate change (issue 8, item 5): the fixture's authorisation and its links to another store's users are not taken.
    expect(r!.notTrusted.map((n) => n.path)).toEqual(['review.authorisedBy', 'participants.0.userId', 'participants.1.userId', 'participants.5.userId']);
    const out = await exportBundle(store, original.bundle.assessment.id, { exportedOn: original.bundle.exportedOn, withAttachments: true });
    expect(Object.keys(out.bundle.attachments ?? {})).toHaveLength(1);
    const again = parseBundle(out.text);
    const { authorisedBy: _b, authorisedOn: _o, ...review } = original.bundle.assessment.review;
    const participants = original.bundle.assessment.participants.map(({ userId: _u, ...p }) => p);
    expect(again.ok && again.bundle).toEqual({ ...original.bundle, assessment: { ...original.bundle.assessment, review, participants } });
    // and exporting that again gives the same bytes
    const store2 = memoryStore();
    importBundles(store2, [{ file: 'x', text: out.text }], 'tester');
    expect((await exportBundle(store2, original.bundle.assessment.id, { exportedOn: original.bundle.exportedOn, withAttachments: true })).text).toBe(out.text);
  });

  it('attachments travel as bytes, verified by hash, and come back the same', async () => {
    const bytes = new TextEncoder().encode('photograph of a baptism certificate (test bytes)');
    const sha = createHash('sha256').update(bytes).digest('hex');
    const b = loadBundleJson('compliant.json') as Loose;
    b.assessment.evidence[1].attachments = [{ sha256: sha, name: 'baptism.jpg', mediaType: 'image/jpeg', size: bytes.length, data: Buffer.from(bytes).toString('base64') }];
    delete b.attachments;
    const store = memoryStore();
    importBundles(store, [{ file: 'b.json', text: JSON.stringify(b) }], 'tester');
    expect(await store.attachments.get(sha)).toEqual(bytes);
    const stored = await store.assessments.get(b.assessment.id);
    expect(stored!.evidence[1]!.attachments[0]!.data).toBeUndefined();
    const out = await exportBundle(store, b.assessment.id, { withAttachments: true, exportedOn: b.exportedOn });
    expect(out.bundle.attachments).toEqual({ [sha]: Buffer.from(bytes).toString('base64') });
    // the exported form re-imports to the same record
    const store2 = memoryStore();
    importBundles(store2, [{ file: 'again.json', text: out.text }], 'tester');
    expect(await store2.assessments.get(b.assessment.id)).toEqual(stored);
    expect(await store2.attachments.get(sha)).toEqual(bytes);
  });

  it('bytes that do not match their hash are refused and nothing is written', async () => {
    const b = loadBundleJson('compliant.json') as Loose;
    const sha = b.assessment.evidence[1].attachments[0].sha256;
    b.attachments[sha] = Buffer.from('not the photo').toString('base64');
    const store = memoryStore();
    const [r] = importBundles(store, [{ file: 'b.json', text: JSON.stringify(b) }], 't');
    expect(r).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/attachment check failed/) });
    expect(store.puts).toBe(0);
  });

  it('one bad file among several: the good one is imported whole, the bad one refused with every error listed, exit 2 (a real store)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carefile-import-'));
    const env = storeEnv(dir);
    expect((await run(['init'], capture('', env))).code).toBe(0);
    writeFileSync(join(dir, 'good.json'), compliantText);
    const bad = loadBundleJson('mature-features.json') as Loose;
    bad.assessment.decision.ageLow = -1;
    bad.assessment.sessions[0].breaks = 'none';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(bad));
    // On a terminal the progress line is rewritten as chunks go, then cleared; with no terminal (capture() has no progress) nothing is written for it.
    const progress: string[] = [];
    const r = await run(['import', join(dir, 'good.json'), join(dir, 'bad.json'), '--accept-unsigned'], { ...capture('', env), progress: (t: string) => void progress.push(t) });
    expect(progress).toEqual(['importing 0/2', 'importing 2/2: 1 imported, 0 unchanged, 0 superseded, 1 refused.', '']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^imported {3}AA-2026-0147 .* from .*good\.json$/m);
    expect(r.out).toMatch(/^refused {4}.*bad\.json\n {2}why: not a valid assessment bundle/m);
    expect(r.out).toMatch(/assessment\.decision\.ageLow/);
    expect(r.out).toMatch(/assessment\.sessions\.0\.breaks/);
    expect(r.out).toMatch(/^1 imported, 0 unchanged, 0 superseded, 1 refused\.$/m);
    const list = await run(['assessment', 'list', '--json'], capture('', env));
    expect((JSON.parse(list.out) as Array<{ reference: string }>).map((a) => a.reference)).toEqual(['AA-2026-0147']);
  });

  it('the CLI verbs import then export to a file, and refuse to overwrite a different record (a real store)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carefile-export-'));
    const env = storeEnv(dir);
    expect((await run(['init'], capture('', env))).code).toBe(0);
    const go = (args: string[]) => run(args, capture('', env));
    writeFileSync(join(dir, 'in.json'), compliantText);
    expect((await go(['import', join(dir, 'in.json')])).out).toMatch(/why: unsigned/);
    expect((await go(['import', join(dir, 'in.json'), '--accept-unsigned'])).out).toMatch(/^imported /);
    expect((await go(['import', join(dir, 'in.json'), '--accept-unsigned'])).out).toMatch(/^unchanged/);
    const id = (JSON.parse(compliantText) as { assessment: { id: string } }).assessment.id;
    const exportedCode = await go(['export', id, '--out', join(dir, 'out.json')]);
    expect(exportedCode.code, exportedCode.err).toBe(0);
    expect(existsSync(join(dir, 'out.json.partial'))).toBe(false);
    const exported = parseBundle(readFileSync(join(dir, 'out.json'), 'utf8'));
    expect(checkBundleSignature(readFileSync(join(dir, 'out.json'), 'utf8')).status).toBe('valid');
    const original = (parseBundle(compliantText) as { bundle: { assessment: Assessment } }).bundle.assessment;
    // what was taken: everything but the authorisation and the other store's user links
    expect(exported.ok && exported.bundle.assessment).toEqual({
      ...original,
      review: { comments: original.review.comments },
      participants: original.participants.map(({ userId: _u, ...p }) => p),
    });
    const changed = JSON.parse(compliantText);
    changed.assessment.analysis = 'Something else.';
    writeFileSync(join(dir, 'changed.json'), JSON.stringify(changed));
    const r = await go(['import', join(dir, 'changed.json'), '--accept-unsigned']);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/conflict: the store holds a different version of AA-2026-0147 updated at the same time/);
    expect((await go(['export', 'no-such-id', '--out', join(dir, 'x.json')])).code).toBe(2);
  });
});
