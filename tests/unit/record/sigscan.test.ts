/** The raw-byte signature search on its own: what it reads, and that hostile input stays bounded. */
import { describe, expect, it } from 'vitest';
import { MAX_MARKERS, scanSignatures } from '../../../electron/record/sigscan';
import { verifyRecord } from '../../../electron/record/verify';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('scanSignatures', () => {
  it('reads one signature dictionary: its object, ranges, /Contents span and text strings', () => {
    const head = '%PDF-1.7\n';
    const obj = `12 0 obj\n<< /Type /Sig /SubFilter /ETSI.CAdES.detached /ByteRange [0 10 20 5] /Contents <3000> /M (D:20260225160000Z) /Name <FEFF0041> /Reason (Signed as assessor) >>\nendobj\n`;
    const [sig, ...rest] = scanSignatures(enc(head + obj));
    expect(rest).toEqual([]);
    expect(sig).toMatchObject({ objectNumber: 12, byteRange: [0, 10, 20, 5], isSigType: true, subFilter: 'ETSI.CAdES.detached', name: 'A', reason: 'Signed as assessor', m: 'D:20260225160000Z' });
    const text = head + obj;
    expect(text.slice(sig?.contents?.start, sig?.contents?.end)).toBe('<3000>');
  });

  it('still finds a dictionary whose /ByteRange key was damaged, by its other keys', () => {
    const [sig] = scanSignatures(enc('%PDF-1.7\n3 0 obj\n<< /Type /Sig /SubFilter /adbe.pkcs7.detached /ByteRangf [0 1 2 3] /Contents <00> >>\nendobj\n'));
    expect(sig).toMatchObject({ objectNumber: 3, isSigType: true });
    expect(sig?.byteRange).toBeUndefined();
  });

  it('ignores keys outside any object, and refuses a file with more signature keys than a record could have', async () => {
    expect(scanSignatures(enc('%PDF-1.7\n1 0 obj\n<< >>\nendobj\n/ByteRange [0 1 2 3]\n'))).toEqual([]);
    const many = enc(`%PDF-1.7\n${'1 0 obj << /Type /Sig >> endobj\n'.repeat(MAX_MARKERS + 1)}`);
    expect(() => scanSignatures(many)).toThrow(/more than 200 signature keys/);
    const report = await verifyRecord(many);
    expect(report.valid).toBe(false);
    expect(report.problems[0]).toMatch(/cannot look for signatures/);
  });

  it('reads a header after a long run of digits (a zero-padded /Contents) without trouble', () => {
    const pad = '0'.repeat(200_000);
    const [sig] = scanSignatures(enc(`%PDF-1.7\n7 0 obj\n<< /Contents <${pad}> /Type /Sig /ByteRange [0 1 2 3] >>\nendobj\n`));
    expect(sig?.objectNumber).toBe(7);
    expect(sig?.contents?.hex.length).toBe(200_000);
  });
});
