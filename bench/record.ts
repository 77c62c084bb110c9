/**
 * Benchmark: the signed record, composed and signed twice, beside a bare pdf-lib document holding the
 * same text and images (same fonts; no bidi, no tables, no furniture, no tags, no signatures) measured
 * in the same run. Rounds are interleaved (ours, bare, ours, bare...) so both see the same machine.
 * Targets for the bench record (40 evidence items, 10 images, 30+ pages, 2 signatures): median ≤ 1.5 s
 * and ≤ 2× bare pdf-lib (issue 13). Then the same at 200 evidence items, to show how it grows.
 * Prints figures; asserts nothing.
 *   npx tsx bench/record.ts            (BENCH_ROUNDS=n for more rounds; default 5)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PageSizes, PDFDocument } from 'pdf-lib';
import { defaultFontDir, forgetShapedText } from '../electron/record/fonts';
import { composeRecord, signRecord } from '../electron/record/index';
import { makeFixture } from '../tests/fixtures/record/assessment';
import { makeSigner } from '../tests/fixtures/record/signers';

const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const TARGET_MS = 1500;
const TARGET_RATIO = 2;

const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
const median = (xs: number[]): number => sorted(xs)[Math.floor(xs.length / 2)] as number;
const mmm = (xs: number[]): string => `${Math.min(...xs).toFixed(0)} / ${median(xs).toFixed(0)} / ${Math.max(...xs).toFixed(0)} ms`;
/** Wall time and this process's CPU time of one call (on a shared machine the CPU figure is the steadier one). */
async function timed(fn: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  const used = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

const [a, b] = await Promise.all([makeSigner('Hannah Clarke', 'assessor', '01'), makeSigner('Daniel Osei', 'assessor', '02')]);
const now = new Date('2026-02-25T15:30:00Z');
const fontBytes = (f: string): Uint8Array => new Uint8Array(readFileSync(path.join(defaultFontDir(), f)));
const fonts = { sans: fontBytes('NotoSans-Regular.ttf'), naskh: fontBytes('NotoNaskhArabic-Regular.ttf'), eth: fontBytes('NotoSansEthiopic-Regular.ttf') };

type Fixture = ReturnType<typeof makeFixture>;

async function record(fixture: Fixture): Promise<Uint8Array> {
  const pdf = await composeRecord(fixture.assessment, fixture.context, { now });
  return signRecord(await signRecord(pdf, a), b);
}

/** The record's text as poppler reads it back, and its page count: what the baseline draws. */
function readBack(pdf: Uint8Array): { text: string; pages: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'carefile-bench-'));
  try {
    writeFileSync(path.join(dir, 'r.pdf'), pdf);
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/[\u202a-\u202e]/g, '');
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [path.join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout)?.[1]);
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bare(text: string, images: Iterable<Uint8Array>): Promise<Uint8Array> {
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
  for (const bytes of images) {
    const img = await doc.embedPng(bytes);
    doc.addPage(PageSizes.A4 as [number, number]).drawImage(img, { x: 50, y: 400, width: img.width, height: img.height });
  }
  return doc.save({ useObjectStreams: false });
}

interface Result {
  items: number;
  pages: number;
  kib: number;
  first: number;
  ours: number[];
  base: number[];
  oursCpu: number[];
  baseCpu: number[];
}

async function measure(evidenceCount: number): Promise<Result> {
  const fixture = makeFixture({ evidenceCount, imageCount: 10, detail: 4 });
  const t = performance.now();
  const sample = await record(fixture);
  const first = performance.now() - t;
  const { text, pages } = readBack(sample);
  const images = [...fixture.images.values()];
  await bare(text, images);
  const r: Result = { items: evidenceCount, pages, kib: sample.length / 1024, first, ours: [], base: [], oursCpu: [], baseCpu: [] };
  for (let i = 0; i < ROUNDS; i++) {
    // Each round shapes its text afresh, as a new assessment would: only the parsed fonts carry over.
    forgetShapedText();
    const o = await timed(() => record(fixture));
    r.ours.push(o.wall);
    r.oursCpu.push(o.cpu);
    const x = await timed(() => bare(text, images));
    r.base.push(x.wall);
    r.baseCpu.push(x.cpu);
  }
  return r;
}

const ok = (pass: boolean): string => (pass ? 'OK' : 'OVER TARGET');
const results: Result[] = [];
for (const items of [40, 200]) {
  const r = await measure(items);
  results.push(r);
  const ratio = median(r.ours) / median(r.base);
  const target = items === 40;
  console.log(`\nrecord with ${r.items} evidence items, 10 images, ${r.pages} pages, ${r.kib.toFixed(0)} KiB, 2 signatures (${ROUNDS} interleaved rounds, min / median / max)`);
  if (items === 40) console.log(`  first record in this process (fonts read and parsed): ${r.first.toFixed(0)} ms`);
  console.log(`  compose + sign twice, wall: ${mmm(r.ours)}${target ? ` (target: median ≤ ${TARGET_MS} ms) ${ok(median(r.ours) <= TARGET_MS)}` : ''}`);
  console.log(`                          CPU: ${mmm(r.oursCpu)}`);
  console.log(`  bare pdf-lib, same text and images, wall: ${mmm(r.base)}`);
  console.log(`                                       CPU: ${mmm(r.baseCpu)}`);
  console.log(`  ratio of medians: ${ratio.toFixed(2)} wall, ${(median(r.oursCpu) / median(r.baseCpu)).toFixed(2)} CPU${target ? ` (target ≤ ${TARGET_RATIO}) ${ok(ratio <= TARGET_RATIO)}` : ''}`);
}
const [small, large] = results as [Result, Result];
const growth = median(large.ours) / median(small.ours);
const perItem = (median(large.ours) - median(small.ours)) / (large.items - small.items);
console.log(
  `\ngrowth 40 → 200 evidence items (×${(large.items / small.items).toFixed(0)} items, ×${(large.pages / small.pages).toFixed(1)} pages): ` +
    `time ×${growth.toFixed(2)} (bare pdf-lib ×${(median(large.base) / median(small.base)).toFixed(2)}), ${perItem.toFixed(1)} ms per added item`,
);
