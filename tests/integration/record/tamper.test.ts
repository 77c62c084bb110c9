/** Tampering with a signed record is caught, by pdfsig and by our verifier. */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord, verifyRecord } from '../../../electron/record/index';
import { canonicalJson, makeFixture } from '../../fixtures/record/assessment';
import { makeSigner } from '../../fixtures/record/signers';
import { appendAnnotation, appendContentChange, appendRecordSwap, flipByte } from '../../fixtures/record/tamper';
import { pdfsig, pdfsigBlocks } from '../../fixtures/record/tools';

const fixture = makeFixture({ evidenceCount: 6, imageCount: 1 });
let signed: Uint8Array;
let unsignedLength = 0;

beforeAll(async () => {
  const unsigned = await composeRecord(fixture.assessment, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
  unsignedLength = unsigned.length;
  const a = await makeSigner('Hannah Clarke', 'assessor', '01');
  const b = await makeSigner('Daniel Osei', 'assessor', '02');
  signed = await signRecord(await signRecord(unsigned, a), b);
});

function locate(bytes: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(bytes).indexOf(needle, from, 'latin1');
}

describe('tampering', () => {
  it('the untouched file is valid (the control)', async () => {
    expect((await verifyRecord(signed)).valid).toBe(true);
  });

  it('a flipped byte inside the first signed range: pdfsig reports both signatures invalid, and so do we', async () => {
    const at = Math.floor(unsignedLength / 2);
    const bad = flipByte(signed, at);
    const blocks = pdfsigBlocks(pdfsig(bad).stdout);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b).not.toContain('Signature is Valid.');
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
    expect(report.signatures.some((s) => s.problems.some((p) => p.includes('message digest')))).toBe(true);
  });

  it('a flipped byte inside a compressed stream: the signer table is filled and the verdict is "changed after signing", not "not signed"', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const streamAt = text.indexOf('stream', text.indexOf('/FlateDecode')) + 'stream\n'.length + 40;
    const report = await verifyRecord(flipByte(signed, streamAt));
    expect(report.verdict).toBe('changed-after-signing');
    expect(report.summary).toMatch(/^Signed by Hannah Clarke and Daniel Osei; the document was changed after signing/);
    expect(report.signatures.map((s) => [s.signer, s.check, s.changedAfterSigning, Boolean(s.signedAt)])).toEqual([
      ['Hannah Clarke', 'digest-mismatch', true, true],
      ['Daniel Osei', 'digest-mismatch', true, true],
    ]);
    expect(report.problems.join('\n')).not.toMatch(/not signed|malformed record/);
    for (const b of pdfsigBlocks(pdfsig(flipByte(signed, streamAt)).stdout)) expect(b).toContain('Digest Mismatch.');
  });

  it('an appended note is named as an update after signing, with what it added; the signatures themselves are intact', async () => {
    const report = await verifyRecord(appendAnnotation(signed));
    expect(report.verdict).toBe('updated-after-signing');
    expect(report.summary).toMatch(/the signatures are intact, but the document was changed after signing: a later update added annotations/);
    expect(report.signatures.map((s) => s.check)).toEqual(['valid', 'valid']);
    expect(report.signatures[0]?.laterRevisions.map((r) => r.adds)).toEqual([['signature'], ['annotations']]);
  });

  it('a single changed byte anywhere in the file is caught', async () => {
    // Edges and every structurally interesting place, then random positions.
    const contents = [...Buffer.from(signed).toString('latin1').matchAll(/\/Contents <([0-9a-f]+)>/g)];
    const special = [0, 1, signed.length - 1, signed.length - 2, locate(signed, 'xref'), locate(signed, '/ByteRange'), locate(signed, 'record.json')];
    for (const m of contents) {
      const start = (m.index ?? 0) + '/Contents <'.length;
      special.push(start, start + 10, start + (m[1]?.length ?? 0) - 1); // signature value and its zero padding
    }
    for (const at of special) expect((await verifyRecord(flipByte(signed, at))).valid, `byte ${at}`).toBe(false);
    // A hex digit's case is the one change that keeps its value: caught too, in the last (unsigned) /Contents.
    const last = contents.at(-1);
    const letter = (last?.index ?? 0) + '/Contents <'.length + (last?.[1]?.search(/[a-f]/) ?? 0);
    const recased = new Uint8Array(signed);
    recased[letter] = (recased[letter] ?? 0) ^ 0x20;
    expect((await verifyRecord(recased)).valid).toBe(false);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: signed.length - 1 }), async (at) => {
        expect((await verifyRecord(flipByte(signed, at))).valid).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it('an appended incremental update that changes page content: pdfsig says no signature covers the document, we name the change', async () => {
    const bad = appendContentChange(signed);
    const blocks = pdfsigBlocks(pdfsig(bad).stdout);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b).toContain('Not total document signed');
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
    for (const s of report.signatures) expect(s.laterChanges.join('\n')).toMatch(/update \d+: object \d+ \(rawstream\) was changed/);
    expect(report.problems).toContain('the end of the file is not covered by any signature');
  });

  it('a record.json replaced by an incremental update no longer matches the footers, and the change is named', async () => {
    const forged = canonicalJson({ ...fixture.assessment, decision: { ...fixture.assessment.decision, outcome: 'adult' } });
    const bad = appendRecordSwap(signed, forged);
    for (const b of pdfsigBlocks(pdfsig(bad).stdout)) expect(b).toContain('Not total document signed');
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
    expect(report.record.matchesFooters).toBe(false);
    expect(report.problems).toContain('the attached record.json does not match the hash printed in the footers');
    expect(report.signatures.every((s) => s.laterChanges.length > 0)).toBe(true);
  });

  it('a record.json replaced in place (same length) breaks both signatures for pdfsig and for us', async () => {
    const name = locate(signed, '/EmbeddedFile');
    const streamAt = locate(signed, 'stream', name) + 'stream\n'.length;
    const bad = new Uint8Array(signed);
    for (let i = 0; i < 16; i++) bad[streamAt + 20 + i] = ((bad[streamAt + 20 + i] ?? 0) + 1) & 0xff;
    for (const b of pdfsigBlocks(pdfsig(bad).stdout)) expect(b).not.toContain('Signature is Valid.');
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
  });

  it('an appended update that only adds a note on a page (no content stream touched) is caught', async () => {
    const bad = appendAnnotation(signed);
    for (const b of pdfsigBlocks(pdfsig(bad).stdout)) expect(b).toContain('Not total document signed');
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.laterChanges.join('\n')).toMatch(/new object \d+ \(\/Annot\) that is not a signature/);
    expect(report.signatures[0]?.laterChanges.join('\n')).toMatch(/page object \d+ changed \(\/Annots\)/);
  });

  it('bytes appended after the last %%EOF are caught', async () => {
    const bad = new Uint8Array([...signed, ...new TextEncoder().encode('% trailing note\n')]);
    const report = await verifyRecord(bad);
    expect(report.valid).toBe(false);
  });

  it('a file that is not a PDF gets a clear problem, not an exception', async () => {
    const report = await verifyRecord(new TextEncoder().encode('hello'));
    expect(report.valid).toBe(false);
    expect(report.problems[0]).toMatch(/cannot read the PDF: not a PDF file/);
  });
});
