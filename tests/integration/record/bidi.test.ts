/**
 * Right-to-left text with Persian and Arabic-Indic digits, brackets and Latin inside, judged three
 * ways: the order the glyphs are drawn in (left to right on the page) against the order Chromium
 * lays the same string out in (dir=auto; the expected strings below were read off Chromium's
 * rendering), pdftotext's reading order, and pdftoppm's rendering of the page.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord } from '../../../electron/record/index';
import { pageTextRuns } from '../../../electron/record/pagetext';
import { PdfFile } from '../../../electron/record/pdffile';
import { makeFixture } from '../../fixtures/record/assessment';
import { tool, withPdf } from '../../fixtures/record/tools';

/** [as told (logical order), as Chromium draws it left to right]. */
const CASES: Array<[string, string]> = [
  // The case: Persian digits inside a right-to-left date; the year must stay 1391.
  ['(۱ حمل ۱۳۹۱)', '(۱۳۹۱ لمح ۱)'],
  // Western digits and a Latin word inside Arabic.
  ['بطاقة رقم 4471 من Khartoum', 'Khartoum نم 4471 مقر ةقاطب'],
  // The same date inside an English sentence (a left-to-right paragraph).
  ['Born on (۱ حمل ۱۳۹۱) in Herat', 'Born on (۱ ۱۳۹۱ لمح) in Herat'],
  // Arabic-Indic digits (bidi class AN) inside Arabic.
  ['عمره ١٦ سنة', 'ةنس ١٦ هرمع'],
];

const fixture = makeFixture({ evidenceCount: 2, imageCount: 0 });
let pdf: Uint8Array;
let page: number;

beforeAll(async () => {
  const a = structuredClone(fixture.assessment);
  a.analysis = `BIDI-START\n${CASES.map(([told]) => told).join('\n')}\nBIDI-END`;
  pdf = await composeRecord(a, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
  const pages = Number(/Pages:\s+(\d+)/.exec(withPdf(pdf, (f) => tool('pdfinfo', [f]).stdout))?.[1]);
  page = 0;
  for (let p = 1; p <= pages && !page; p++) if (withPdf(pdf, (f) => tool('pdftotext', ['-f', `${p}`, '-l', `${p}`, f, '-']).stdout).includes('BIDI-START')) page = p;
});

/**
 * poppler writes a right-to-left run of an /ActualText as its letters reversed between RLE and PDF
 * marks (it takes the actual text as placed left to right); undo that to get the reading order.
 */
function popplerReadingOrder(text: string): string {
  return text.replace(/\u202b([^\u202c]*)\u202c/g, (_, s: string) => [...s].reverse().join('')).replace(/[\u202a-\u202e]/g, '');
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('right-to-left text with digits, brackets and Latin inside', () => {
  it('is drawn in the order Chromium draws it: the year 1391 stays 1391', () => {
    expect(page).toBeGreaterThan(0);
    const file = PdfFile.parse(pdf);
    const runs = pageTextRuns(file, file.pages()[page - 1] as never);
    // Whitespace-only runs are not drawn, so compare without spaces.
    const drawn = squash(runs.join(''));
    for (const [told, visual] of CASES) expect(drawn, told).toContain(squash(visual));
    expect(drawn).not.toContain(squash('۱۱۹۳۱'));
  });

  it('reads back in the order it was told through pdftotext (the lines carry /ActualText)', () => {
    const text = popplerReadingOrder(withPdf(pdf, (f) => tool('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-enc', 'UTF-8', f, '-']).stdout));
    for (const [told] of CASES) expect(text.replace(/[ \t]+/g, ' '), told).toContain(told);
    const bbox = withPdf(pdf, (f) => tool('pdftotext', ['-f', `${page}`, '-l', `${page}`, '-bbox-layout', '-enc', 'UTF-8', f, '-']).stdout);
    // In -bbox-layout output poppler gives each /ActualText as one word, exactly as told.
    expect(bbox).toContain('>(۱ حمل ۱۳۹۱)<');
  });

  it('renders the page (pdftoppm) without errors', () => {
    const out = withPdf(pdf, (f) => tool('pdftoppm', ['-f', `${page}`, '-l', `${page}`, '-r', '72', '-png', f]));
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.length).toBeGreaterThan(1000);
  });
});
