/** Bad input gets a clear error and changes nothing. */
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord, verifyRecord } from '../../../electron/record/index';
import type { Assessment } from '../../../shared/domain/model';
import { makeFixture } from '../../fixtures/record/assessment';
import { makeSigner, type TestSigner } from '../../fixtures/record/signers';

let signer: TestSigner;
beforeAll(async () => {
  signer = await makeSigner('Hannah Clarke', 'assessor');
});

async function tinyPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save({ useObjectStreams });
}

describe('bad input', () => {
  it('composeRecord rejects an assessment that does not parse, naming the field', async () => {
    const { context } = makeFixture({ evidenceCount: 1, imageCount: 0 });
    await expect(composeRecord({ id: 'x' } as unknown as Assessment, context)).rejects.toThrow(/not a valid assessment: reference/);
  });

  it('signRecord refuses what is not a PDF, a PDF with cross-reference streams, and bytes after %%EOF', async () => {
    await expect(signRecord(new TextEncoder().encode('hello'), signer)).rejects.toThrow(/not a PDF file/);
    await expect(signRecord(await tinyPdf(true), signer)).rejects.toThrow(/cross-reference streams/);
    const plain = await tinyPdf(false);
    await expect(signRecord(new Uint8Array([...plain, 10, 37, 32, 120, 10]), signer)).rejects.toThrow(/no startxref|bytes after/);
  });

  it('signs any classic-xref PDF, and the verifier then says the record parts are missing', async () => {
    const signed = await signRecord(await tinyPdf(false), signer);
    const report = await verifyRecord(signed);
    expect(report.signatures[0]?.valid).toBe(true);
    expect(report.valid).toBe(false);
    expect(report.problems).toContain('record.json is not attached');
    expect(report.problems).toContain('page 1 has no record hash in its footer');
  });
});
