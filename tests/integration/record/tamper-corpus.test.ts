/**
 * The tamper corpus: a two-signature record, 330 single-byte changes spread over every kind of
 * place (the signed body, compressed streams, each /Contents and its padding, the signature
 * dictionaries, the xref tables, the trailers, the header and %%EOF) and appended updates (a
 * visible note, a new page), each judged by pdfsig (poppler + NSS) and by verifyRecord. For every
 * signature pdfsig lists, our check must agree with its "Signature Validation" line:
 *   "Signature is Valid."  <=> check 'valid'
 *   "Digest Mismatch."      => check 'digest-mismatch'
 *   anything else           => check not 'valid' (we may be more specific, never more lenient)
 * and a copy with any change must never be called valid, unsigned or unreadable: it names both
 * signers. The positions come from a seeded generator, so a failure names a byte that reproduces.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord, verifyRecord } from '../../../electron/record/index';
import { derLength } from '../../../electron/record/cms';
import type { SignatureCheck, VerifyReport } from '../../../electron/record/types';
import { makeFixture } from '../../fixtures/record/assessment';
import { makeSigner } from '../../fixtures/record/signers';
import { appendAnnotation, appendPage } from '../../fixtures/record/tamper';

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), 'carefile-corpus-'));
let signed: Uint8Array;
let signerPems: string[] = [];

/** mulberry32: small, seeded, good enough to spread positions. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  label: string;
  bytes: Uint8Array;
}

interface PdfsigSignature {
  byteRange?: number[];
  check: SignatureCheck;
  line: string;
}

/** pdfsig's verdict per signature; -nocert skips the (irrelevant, slow) certificate path check. */
async function pdfsig(bytes: Uint8Array, name: string): Promise<PdfsigSignature[]> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  let out: string;
  try {
    out = (await run('pdfsig', ['-nocert', file], { maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (e) {
    out = (e as { stdout?: string }).stdout ?? ''; // pdfsig exits non-zero when it cannot open the file or finds no signature
  }
  rmSync(file, { force: true });
  return out
    .split(/^Signature #\d+:$/m)
    .slice(1)
    .map((block) => {
      const ranges = /Signed Ranges: \[(\d+) - (\d+)\], \[(\d+) - (\d+)\]/.exec(block);
      const line = /Signature Validation: (.*)/.exec(block)?.[1] ?? block.trim().split('\n').at(-1)?.trim() ?? '';
      const check: SignatureCheck = line === 'Signature is Valid.' ? 'valid' : line === 'Digest Mismatch.' ? 'digest-mismatch' : 'invalid';
      const byteRange = ranges ? [0, Number(ranges[2]), Number(ranges[3]), Number(ranges[4]) - Number(ranges[3])] : undefined;
      return { byteRange, check, line };
    });
}

/** Where a case's signatures differ from pdfsig's; empty when they agree. */
function disagreements(theirs: PdfsigSignature[], ours: VerifyReport): string[] {
  const out: string[] = [];
  theirs.forEach((t, i) => {
    // Matched by signed range; a signature pdfsig shows without ranges is matched by position.
    const mine = t.byteRange ? ours.signatures.find((s) => s.byteRange.join() === t.byteRange?.join()) : ours.signatures[i];
    if (!mine) {
      out.push(`pdfsig lists signature #${i + 1} (${t.line}) that we do not`);
      return;
    }
    // One named exception: when the /ByteRange numbers themselves were changed, pdfsig hashes what
    // it can read and says "Digest Mismatch."; we refuse to hash a malformed range ('invalid').
    const malformedRange = mine.problems.includes('malformed /ByteRange');
    const agrees =
      t.check === 'valid' ? mine.check === 'valid' : t.check === 'digest-mismatch' ? mine.check === 'digest-mismatch' || (mine.check === 'invalid' && malformedRange) : mine.check !== 'valid';
    if (!agrees) out.push(`signature #${i + 1}: pdfsig "${t.line}", ours ${mine.check}`);
  });
  return out;
}

/** Byte offsets of every match of `re` in the file, as [start, end) spans of group 1 (or the whole match). */
function spans(text: string, re: RegExp): Array<[number, number]> {
  return [...text.matchAll(re)].map((m) => {
    const inner = m[1] ?? m[0];
    const start = (m.index ?? 0) + m[0].indexOf(inner);
    return [start, start + inner.length] as [number, number];
  });
}

function corpus(bytes: Uint8Array): Case[] {
  const text = Buffer.from(bytes).toString('latin1');
  const next = rng(0xca7ef11e);
  const pick = ([a, b]: [number, number]): number => a + Math.floor(next() * Math.max(1, b - a));
  const contents = spans(text, /\/Contents <([0-9a-f]+)>/g);
  const der = contents.map(([a, b]) => {
    const hex = text.slice(a, b);
    const padding = hex.search(/(00)+$/);
    return { body: [a, a + padding] as [number, number], padding: [a + padding, b] as [number, number] };
  });
  const kinds: Array<{ kind: string; count: number; where: Array<[number, number]> }> = [
    { kind: 'anywhere', count: 70, where: [[0, bytes.length]] },
    { kind: 'compressed stream', count: 60, where: spans(text, /\/FlateDecode[^]*?stream\r?\n([^]*?)endstream/g) },
    { kind: 'signature 1 value', count: 30, where: [der[0]?.body as [number, number]] },
    { kind: 'signature 1 padding', count: 10, where: [der[0]?.padding as [number, number]] },
    { kind: 'signature 2 value', count: 30, where: [der[1]?.body as [number, number]] },
    { kind: 'signature 2 padding', count: 10, where: [der[1]?.padding as [number, number]] },
    { kind: 'signature dictionary', count: 30, where: spans(text, /(\/Type \/Sig [^]*?)\/Contents </g) },
    { kind: 'xref table', count: 40, where: spans(text, /\n(xref\r?\n[^]*?)trailer/g) },
    { kind: 'trailer', count: 40, where: spans(text, /(trailer[^]*?%%EOF)/g) },
    { kind: 'header', count: 10, where: [[0, 16]] },
  ];
  const cases: Case[] = [];
  for (const { kind, count, where } of kinds) {
    expect(where.length, `the record has a ${kind}`).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const at = pick(where[i % where.length] as [number, number]);
      const mask = 1 + Math.floor(next() * 255); // any change to the byte, not only its low bit
      const copy = new Uint8Array(bytes);
      copy[at] = (copy[at] ?? 0) ^ mask;
      cases.push({ label: `${kind}: byte ${at} ^ 0x${mask.toString(16)}`, bytes: copy });
    }
  }
  return cases;
}

beforeAll(async () => {
  const fixture = makeFixture({ evidenceCount: 3, imageCount: 1 });
  const unsigned = await composeRecord(fixture.assessment, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
  const a = await makeSigner('Hannah Clarke', 'assessor', '01');
  const b = await makeSigner('Daniel Osei', 'assessor', '02');
  signed = await signRecord(await signRecord(unsigned, a, { now: new Date('2026-02-25T16:00:00Z') }), b, { now: new Date('2026-02-26T10:00:00Z') });
  signerPems = [a.certificatePem, b.certificatePem];
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the tamper corpus, judged by pdfsig and by verifyRecord', () => {
  it('agrees with pdfsig on every single-byte change, and never calls a changed copy valid or unsigned', async () => {
    const cases = corpus(signed);
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const failures: string[] = [];
    const tally = new Map<string, number>();
    // Two pdfsig processes at a time; our verifier runs here while they do.
    let nextCase = 0;
    const worker = async (): Promise<void> => {
      while (nextCase < cases.length) {
        const i = nextCase++;
        const c = cases[i] as Case;
        const theirs = pdfsig(c.bytes, `case-${i}`);
        const ours = await verifyRecord(c.bytes);
        const seen = await theirs;
        const key = `pdfsig [${seen.map((s) => s.check).join(', ')}] ours [${ours.signatures.map((s) => s.check).join(', ')}] ${ours.verdict}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
        const problems = disagreements(seen, ours);
        const unchanged = Buffer.from(c.bytes).equals(Buffer.from(signed));
        if (!unchanged) {
          if (ours.valid) problems.push('we call a changed copy valid');
          // Both signers named (a change inside a certificate can change the name it shows).
          if (ours.signatures.length !== 2 || !/^Signed by .+ and .+;/.test(ours.summary)) problems.push(`we do not name both signers: "${ours.summary}"`);
          if (ours.verdict === 'unsigned') problems.push('we call it unsigned');
        }
        if (problems.length) failures.push(`${c.label}: ${problems.join('; ')}`);
      }
    };
    await Promise.all([worker(), worker()]);
    console.info(`tamper corpus, ${cases.length} cases:\n${[...tally].map(([k, n]) => `  ${n} × ${k}`).join('\n')}`);
    expect(failures).toEqual([]);
  }, 600_000);

  it('an appended visible note and an appended page: pdfsig says both signatures are valid but not total; we say intact, then name what the update added', async () => {
    for (const [bytes, adds] of [
      [appendAnnotation(signed), 'annotations'],
      [appendPage(signed), 'pages'],
    ] as const) {
      const theirs = await pdfsig(bytes, adds);
      expect(theirs.map((s) => s.check)).toEqual(['valid', 'valid']);
      const ours = await verifyRecord(bytes);
      expect(disagreements(theirs, ours)).toEqual([]);
      expect(ours.valid).toBe(false);
      expect(ours.verdict).toBe('updated-after-signing');
      expect(ours.summary).toBe(`Signed by Hannah Clarke and Daniel Osei; the signatures are intact, but the document was changed after signing: a later update added ${adds}.`);
      expect(ours.signatures.map((s) => s.laterRevisions.at(-1)?.adds)).toEqual([[adds], [adds]]);
      expect(ours.signatures[0]?.laterRevisions[0]?.adds).toEqual(['signature']); // the countersignature, which is normal
    }
  }, 120_000);
});

describe('interoperability of the CMS the record carries', () => {
  it('each signature verifies with OpenSSL over its signed bytes, with -noverify and with the signer certificate as the trust anchor', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const found = [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]\s*\/Contents <([0-9a-f]+)>/g)];
    expect(found).toHaveLength(2);
    for (const [i, m] of found.entries()) {
      const [b1, b2, b3] = [Number(m[2]), Number(m[3]), Number(m[4])];
      const content = path.join(dir, `signed-bytes-${i}`);
      const cms = path.join(dir, `cms-${i}.der`);
      const ca = path.join(dir, `signer-${i}.pem`);
      writeFileSync(content, Buffer.concat([signed.subarray(0, b1), signed.subarray(b2, b2 + b3)]));
      const value = Buffer.from(m[5] as string, 'hex');
      writeFileSync(cms, value.subarray(0, derLength(value))); // the DER, without the zero padding
      writeFileSync(ca, signerPems[i] as string);
      const base = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', content, '-out', '/dev/null'];
      for (const trust of [['-noverify'], ['-CAfile', ca, '-purpose', 'any']]) {
        const r = await run('openssl', [...base, ...trust]).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? 'failed' }));
        expect(r.stderr, `signature ${i + 1} ${trust[0]}`).toContain('Verification successful');
      }
      // And a changed byte of the signed content fails OpenSSL's check too.
      const changed = Buffer.concat([signed.subarray(0, b1), signed.subarray(b2, b2 + b3)]);
      changed[100] = (changed[100] ?? 0) ^ 1;
      writeFileSync(content, changed);
      const bad = await run('openssl', [...base, '-noverify']).then(
        () => 'verified',
        (e: { stderr?: string }) => e.stderr ?? '',
      );
      expect(bad).toMatch(/digest failure|verification failure/i);
    }
  }, 60_000);
});
