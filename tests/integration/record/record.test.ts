/**
 * The record end to end, judged by independent tools: pdfsig (poppler/NSS), qpdf, pdffonts,
 * pdftotext, pdfinfo and pdftoppm, plus our verifier.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord, verifyRecord } from '../../../electron/record/index';
import { ARABIC_MIXED, ARABIC_NAME, GEEZ_NAME, makeFixture } from '../../fixtures/record/assessment';
import { makeSigner, type TestSigner } from '../../fixtures/record/signers';
import { pdffonts, pdfinfo, pdfsig, pdfsigBlocks, pdftotext, plain, qpdfCheck, tool, withPdf } from '../../fixtures/record/tools';

const fixture = makeFixture({ evidenceCount: 20, imageCount: 3 });
let unsigned: Uint8Array;
let once: Uint8Array;
let twice: Uint8Array;
let thrice: Uint8Array;
let first: TestSigner;
let second: TestSigner;
let manager: TestSigner;

beforeAll(async () => {
  [first, second, manager] = await Promise.all([
    makeSigner('Hannah Clarke', 'assessor', '01'),
    makeSigner('Daniel Osei', 'assessor', '02'),
    makeSigner('Sarah Whitfield', 'manager', '03'),
  ]);
  unsigned = await composeRecord(fixture.assessment, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
  once = await signRecord(unsigned, first, { now: new Date('2026-02-25T16:00:00Z') });
  twice = await signRecord(once, second, { now: new Date('2026-02-25T16:10:00Z') });
  thrice = await signRecord(twice, manager, { now: new Date('2026-02-26T09:00:00Z'), reason: 'Authorised by manager' });
});

describe('the signed record, as pdfsig and qpdf see it', () => {
  it('pdfsig reports every signature valid, one, two and three deep', () => {
    for (const [bytes, n] of [[once, 1], [twice, 2], [thrice, 3]] as const) {
      const out = pdfsig(bytes).stdout;
      const blocks = pdfsigBlocks(out);
      expect(blocks).toHaveLength(n);
      for (const b of blocks) {
        expect(b).toContain('Signature Validation: Signature is Valid.');
        expect(b).toContain('Signature Type: ETSI.CAdES.detached');
        expect(b).toContain('Signing Hash Algorithm: SHA-256');
      }
      expect(blocks[n - 1]).toContain('Total document signed');
    }
    const blocks = pdfsigBlocks(pdfsig(thrice).stdout);
    expect(blocks[0]).toContain('Common Name: Hannah Clarke');
    expect(blocks[1]).toContain('Common Name: Daniel Osei');
    expect(blocks[2]).toContain('Common Name: Sarah Whitfield');
    expect(blocks[0]).toContain('Signing Time: Feb 25 2026 16:00:00');
  });

  it('qpdf --check finds no errors and no warnings in any revision', () => {
    for (const bytes of [unsigned, once, twice, thrice]) {
      const r = qpdfCheck(bytes);
      expect(r.code).toBe(0); // qpdf exits 3 on warnings, 2 on errors
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/warning|error:/i);
      expect(r.stdout).toContain('No syntax or stream encoding errors found');
    }
  });

  it('adds each signature as a true incremental update and lists its widget in the page /Annots', () => {
    expect(Buffer.from(twice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
    expect(Buffer.from(once.subarray(0, unsigned.length)).equals(Buffer.from(unsigned))).toBe(true);
    const json = withPdf(thrice, (f) => tool('qpdf', ['--json', '--json-key=pages', '--json-key=acroform', f]).stdout);
    const parsed = JSON.parse(json) as { pages: Array<{ object: string }>; acroform: { fields: Array<{ fieldtype: string; fullname: string; annotation: { annotationflags: number } }> } };
    const lastPage = parsed.pages.at(-1)?.object.split(' ')[0] ?? '';
    const pageDict = withPdf(thrice, (f) => tool('qpdf', [`--show-object=${lastPage}`, f]).stdout);
    expect(pageDict).toMatch(/\/Annots \[ \d+ 0 R \d+ 0 R \d+ 0 R \]/);
    expect(parsed.acroform.fields.map((f) => [f.fieldtype, f.fullname])).toEqual([
      ['/Sig', 'Signature1'],
      ['/Sig', 'Signature2'],
      ['/Sig', 'Signature3'],
    ]);
  });

  it('our verifier agrees: three valid PAdES B-B signatures, nothing changed after any of them', async () => {
    const report = await verifyRecord(thrice, {
      knownCertificates: [first, second, manager].map((s) => ({ certificateSha256: s.certificateSha256, name: s.name, role: s.role })),
    });
    expect(report.problems).toEqual([]);
    expect(report.valid).toBe(true);
    expect(report.signersKnown).toBe(true);
    expect(report.signatures.map((s) => [s.signer, s.signedAt, s.certificateSha256, s.valid, s.padesBaseline, s.coversRevision, s.laterChanges])).toEqual([
      ['Hannah Clarke', '2026-02-25T16:00:00.000Z', first.certificateSha256, true, true, true, []],
      ['Daniel Osei', '2026-02-25T16:10:00.000Z', second.certificateSha256, true, true, true, []],
      ['Sarah Whitfield', '2026-02-26T09:00:00.000Z', manager.certificateSha256, true, true, true, []],
    ]);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, false, true]);
    expect(report.record.matchesFooters).toBe(true);
    expect(report.record.sha256).toBe(fixture.context.recordJson && (await import('node:crypto')).createHash('sha256').update(fixture.context.recordJson).digest('hex'));
  });

  it('says when a signer is not known to the store', async () => {
    const report = await verifyRecord(twice, { knownCertificates: [{ certificateSha256: first.certificateSha256, name: first.name, role: 'assessor' }] });
    expect(report.signersKnown).toBe(false);
    expect(report.valid).toBe(false);
    expect(report.signatures[0]?.knownSigner).toEqual({ name: 'Hannah Clarke', role: 'assessor' });
    expect(report.signatures[1]?.knownSigner).toBeUndefined();
  });

  it('an unsigned record is reported as not signed', async () => {
    const report = await verifyRecord(unsigned);
    expect(report.valid).toBe(false);
    expect(report.problems).toContain('the record is not signed');
    expect(report.record.matchesFooters).toBe(true);
  });
});

describe('the composed document', () => {
  it('embeds and subsets every font (pdffonts)', () => {
    const lines = pdffonts(unsigned).stdout.trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    const names = lines.map((l) => l.split(/\s+/)[0]);
    expect(names.some((n) => n?.endsWith('+NotoSans-Regular'))).toBe(true);
    expect(names.some((n) => n?.endsWith('+NotoSans-Bold'))).toBe(true);
    expect(names.some((n) => n?.endsWith('+NotoNaskhArabic-Regular'))).toBe(true);
    expect(names.some((n) => n?.endsWith('+NotoSansEthiopic-Regular'))).toBe(true);
    for (const l of lines) expect(l).toMatch(/\bIdentity-H\s+yes\s+yes\s+yes\b/);
  });

  it('carries title, author, subject, keywords and dates in its metadata, and a document ID', () => {
    const info = pdfinfo(unsigned).stdout;
    expect(info).toMatch(/^Title:\s+Age assessment record AA\/2026\/0042$/m);
    expect(info).toMatch(/^Author:\s+Hannah Clarke; Daniel Osei$/m);
    expect(info).toMatch(/^Subject:\s+OFFICIAL-SENSITIVE\. Assessed as a child/m);
    expect(info).toMatch(/^Keywords:.*OFFICIAL-SENSITIVE.*record-sha256:[0-9a-f]{64}/m);
    expect(info).toMatch(/^CreationDate:\s+Wed Feb 25 15:30:00 2026/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)/m);
    expect(Buffer.from(unsigned).toString('latin1')).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/);
  });

  it('has extractable text for every section, the marking, "Page x of y" and the record hash on every page', () => {
    const text = plain(pdftotext(unsigned));
    for (const heading of [
      'Age assessment record',
      '1. Process log',
      'Safeguards used or not used',
      'Sessions',
      'Trafficking screening',
      'Areas explored (Merton domains)',
      '2. Evidence',
      '3. Analysis',
      '4. Adverse points and the answers given',
      '5. Minded-to meeting',
      '6. Decision',
      'Benefit of the doubt',
      '7. How to challenge this decision',
      'right to free, independent legal advice',
      '8. Copies of this decision',
      '9. Safeguard findings, departures and warnings',
      '10. Review and signatures',
      '11. How to verify this record',
      'Appendix: image attachments',
      'Audit chain head',
      fixture.context.auditHeadHash,
    ]) {
      expect(text, heading).toContain(heading);
    }
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo(unsigned).stdout)?.[1]);
    const hash = (/SHA-256 of record\.json: ([0-9a-f]{64})/.exec(text) ?? [])[1];
    for (let p = 1; p <= pages; p++) {
      const t = pdftotext(unsigned, p);
      expect(t).toContain(`Page ${p} of ${pages}`);
      expect(t.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
      expect(t).toContain(`SHA-256 of record.json: ${hash}`);
    }
  });

  it('gives names in Arabic and Ge\u2019ez script in logical order to pdftotext', () => {
    const text = plain(pdftotext(unsigned));
    expect(text).toContain(ARABIC_NAME);
    expect(text).toContain(GEEZ_NAME);
  });

  it('gives an Arabic phrase with a number and a Latin word inside in reading order (its line carries /ActualText)', () => {
    // The visual order of such lines is checked against Chromium in bidi.test.ts.
    const bbox = withPdf(unsigned, (f) => tool('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', f, '-']).stdout);
    expect(bbox).toContain(`>${ARABIC_MIXED}<`);
  });

  it('repeats the evidence table header on every page it continues onto', () => {
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(pdfinfo(unsigned).stdout)?.[1]);
    const evidencePages: number[] = [];
    for (let p = 1; p <= pages; p++) {
      const t = pdftotext(unsigned, p);
      if (/\bE\d+\b/.test(t) && t.includes('Weighed against')) evidencePages.push(p);
    }
    expect(evidencePages.length).toBeGreaterThan(1);
    for (const p of evidencePages.slice(1)) {
      const t = pdftotext(unsigned, p);
      expect(t).toContain('Evidence (continued)');
      expect(t).toContain('Attachments');
      expect(t).toContain('Weight');
    }
  });

  it('is reproducible: the same record at the same time gives the same bytes', async () => {
    const again = await composeRecord(fixture.assessment, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
    expect(Buffer.from(again).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('attaches record.json, byte for byte', () => {
    const out = withPdf(unsigned, (f) => {
      const dir = f.replace(/record\.pdf$/, '');
      const r = tool('pdfdetach', ['-saveall', '-o', dir, f]);
      expect(r.code).toBe(0);
      return tool('cat', [`${dir}record.json`]).stdout;
    });
    expect(out).toBe(fixture.context.recordJson);
  });

  it('renders every page without errors (pdftoppm)', () => {
    const r = withPdf(thrice, (f) => tool('pdftoppm', ['-r', '20', '-png', f, f.replace(/\.pdf$/, '')]));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});
