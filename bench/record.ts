/**
 * Benchmark: a record with 40 evidence items, 10 images and 30+ pages, composed and signed twice.
 * Targets: ≤ 1.5 s in all, and ≤ 2× a bare pdf-lib document holding the same text and images
 * (same fonts, no bidi, no tables, no furniture, no signatures). Prints figures; asserts nothing.
 *   npx tsx bench/record.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument } from 'pdf-lib';
import { defaultFontDir } from '../electron/record/fonts';
import { composeRecord, signRecord } from '../electron/record/index';
import { makeFixture } from '../tests/fixtures/record/assessment';
import { makeSigner } from '../tests/fixtures/record/signers';
import { readFileSync } from 'node:fs';

const RUNS = 5;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const fixture = makeFixture({ evidenceCount: 40, imageCount: 10, detail: 4 });
const [a, b] = await Promise.all([makeSigner('Hannah Clarke', 'assessor', '01'), makeSigner('Daniel Osei', 'assessor', '02')]);
const now = new Date('2026-02-25T15:30:00Z');

async function record(): Promise<Uint8Array> {
  const pdf = await composeRecord(fixture.assessment, fixture.context, { now });
  return signRecord(await signRecord(pdf, a), b);
}

// The same text, as poppler reads it back, for the baseline.
const sample = await record();
const dir = mkdtempSync(path.join(tmpdir(), 'carefile-bench-'));
writeFileSync(path.join(dir, 'r.pdf'), sample);
const text = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/[\u202a-\u202e]/g, '');
const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout)?.[1]);
rmSync(dir, { recursive: true, force: true });
const fontBytes = (f: string): Uint8Array => new Uint8Array(readFileSync(path.join(defaultFontDir(), f)));
const fonts = { sans: fontBytes('NotoSans-Regular.ttf'), naskh: fontBytes('NotoNaskhArabic-Regular.ttf'), eth: fontBytes('NotoSansEthiopic-Regular.ttf') };

async function bare(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const sans = await doc.embedFont(fonts.sans, { subset: true });
  const naskh = await doc.embedFont(fonts.naskh, { subset: true });
  const eth = await doc.embedFont(fonts.eth, { subset: true });
  let page = doc.addPage(PageSizes.A4 as [number, number]);
  let y = 780;
  for (const line of text.split('\n')) {
    if (y < 60) {
      page = doc.addPage(PageSizes.A4 as [number, number]);
      y = 780;
    }
    const font = /\p{Script=Arabic}/u.test(line) ? naskh : /\p{Script=Ethiopic}/u.test(line) ? eth : sans;
    if (line.trim()) page.drawText(line, { x: 50, y, size: 9, font });
    y -= 12;
  }
  for (const bytes of fixture.images.values()) {
    const img = await doc.embedPng(bytes);
    doc.addPage(PageSizes.A4 as [number, number]).drawImage(img, { x: 50, y: 400, width: img.width, height: img.height });
  }
  return doc.save({ useObjectStreams: false });
}

await record();
await bare();
const ours: number[] = [];
const base: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  await record();
  ours.push(performance.now() - t);
  t = performance.now();
  await bare();
  base.push(performance.now() - t);
}
const o = median(ours);
const bl = median(base);
console.log(`record: ${fixture.assessment.evidence.length} evidence items, ${fixture.images.size} images, ${pages} pages, ${(sample.length / 1024).toFixed(0)} KiB, 2 signatures`);
console.log(`compose + sign twice: ${o.toFixed(0)} ms (median of ${RUNS}; target ≤ 1500 ms) ${o <= 1500 ? 'OK' : 'OVER TARGET'}`);
console.log(`bare pdf-lib document with the same text and images: ${bl.toFixed(0)} ms`);
console.log(`ratio: ${(o / bl).toFixed(2)} (target ≤ 2) ${o / bl <= 2 ? 'OK' : 'OVER TARGET'}`);
