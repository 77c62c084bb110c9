/**
 * Images in the record cost bounded memory whatever they claim: a decompression bomb (a small PNG
 * declaring 20000 by 20000 pixels) is refused from its header, large images are reduced before
 * embedding, transparent ones flattened (no soft mask in a PDF/A file).
 */
import { createHash } from 'node:crypto';
import { createDeflate } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { composeRecord } from '../../../electron/record/index';
import { MAX_EDGE, prepareImage, readImageHeader } from '../../../electron/record/images';
import { makeFixture } from '../../fixtures/record/assessment';
import { makePng, pngChunk as chunk } from '../../fixtures/record/png';
import { pdftotext, tool, withPdf } from '../../fixtures/record/tools';

/** A valid greyscale PNG of `side` by `side` black pixels: a few hundred KB that inflate to side² bytes. */
async function bomb(side: number): Promise<Uint8Array> {
  const deflate = createDeflate({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const rows = 500; // side must be a multiple of it
  const block = Buffer.alloc((side + 1) * rows);
  for (let y = 0; y < side; y += rows) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 8;
  ihdr[9] = 0;
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', Buffer.concat(parts)), chunk('IEND', Buffer.alloc(0))]));
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

describe('a decompression bomb', () => {
  it('is refused from its header: a 20000 by 20000 PNG costs no decoding memory, in the record too', async () => {
    const png = await bomb(20_000);
    expect(png.length).toBeLessThan(2 * MB);
    expect(readImageHeader(png)).toMatchObject({ kind: 'png', width: 20_000, height: 20_000 });
    global.gc?.();
    const before = process.memoryUsage();
    const prepared = prepareImage(png, 'image/png');
    expect(prepared.ok).toBe(false);
    if (!prepared.ok) expect(prepared.reason).toMatch(/declares 20000 by 20000 pixels/);

    const fixture = makeFixture({ evidenceCount: 2, imageCount: 0 });
    const a = structuredClone(fixture.assessment);
    const item = a.evidence[0];
    if (!item) throw new Error('fixture without evidence');
    item.attachments.push({ name: 'bomb.png', mediaType: 'image/png', sha256: sha256(png), size: png.length });
    const pdf = await composeRecord(a, { ...fixture.context, attachments: (h) => (h === sha256(png) ? png : fixture.context.attachments(h)) }, { now: new Date('2026-02-25T15:30:00Z') });
    const after = process.memoryUsage();
    // Decoding it (as pdf-lib's own PNG path does) would need 400 MB greyscale, 1.6 GB as RGBA.
    expect(after.rss - before.rss).toBeLessThan(250 * MB);
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(100 * MB);
    expect(pdftotext(pdf).replace(/\s+/g, ' ')).toContain('bomb.png. Not reproduced: it declares 20000 by 20000 pixels');
  });
});

describe('large and transparent images', () => {
  it('reduces a large PNG to at most MAX_EDGE pixels on its long side and embeds it as RGB', async () => {
    const png = makePng(3000, 1500, 3);
    const prepared = prepareImage(png, 'image/png');
    expect(prepared).toMatchObject({ ok: true, kind: 'rgb', width: MAX_EDGE, height: 900, downscaled: true, original: { width: 3000, height: 1500 } });
    const fixture = makeFixture({ evidenceCount: 2, imageCount: 0 });
    const a = structuredClone(fixture.assessment);
    a.evidence[0]?.attachments.push({ name: 'big.png', mediaType: 'image/png', sha256: sha256(png), size: png.length });
    const pdf = await composeRecord(a, { ...fixture.context, attachments: (h) => (h === sha256(png) ? png : undefined) }, { now: new Date('2026-02-25T15:30:00Z') });
    const list = withPdf(pdf, (f) => tool('pdfimages', ['-list', f]).stdout);
    expect(list).toMatch(new RegExp(`\\s${MAX_EDGE}\\s+900\\s+rgb\\s+3\\s+8`));
    expect(pdftotext(pdf).replace(/\s+/g, ' ')).toContain(`Reproduced at ${MAX_EDGE} by 900 pixels from 3000 by 1500`);
  });

  it('reduces and re-encodes a large JPEG, and passes a small one through unchanged', () => {
    const rgba = (w: number, h: number): Uint8Array => new Uint8Array(w * h * 4).fill(180);
    const big = new Uint8Array(jpeg.encode({ data: rgba(2400, 1000), width: 2400, height: 1000 }, 80).data);
    expect(readImageHeader(big)).toMatchObject({ kind: 'jpeg', width: 2400, height: 1000 });
    const prepared = prepareImage(big, 'image/jpeg');
    expect(prepared).toMatchObject({ ok: true, kind: 'jpeg', width: MAX_EDGE, height: 750, downscaled: true });
    if (prepared.ok) expect(readImageHeader(prepared.bytes)).toMatchObject({ width: MAX_EDGE, height: 750 });
    const small = new Uint8Array(jpeg.encode({ data: rgba(64, 32), width: 64, height: 32 }, 80).data);
    const same = prepareImage(small, 'image/jpeg');
    expect(same.ok && same.bytes).toBe(small);
  });

  it('flattens a transparent PNG onto white (no soft mask)', () => {
    const png = new PNG({ width: 4, height: 2 });
    png.data.fill(0); // black, fully transparent
    for (let i = 3; i < png.data.length; i += 8) png.data[i] = 255; // every other pixel opaque black
    const prepared = prepareImage(new Uint8Array(PNG.sync.write(png)), 'image/png');
    expect(prepared.ok && prepared.kind).toBe('rgb');
    if (prepared.ok) expect([...prepared.bytes.subarray(0, 6)]).toEqual([0, 0, 0, 255, 255, 255]);
  });

  it('says plainly when a file is not the image it claims to be', () => {
    const prepared = prepareImage(new TextEncoder().encode('not a png at all'), 'image/png');
    expect(prepared).toEqual({ ok: false, reason: 'the file is not a readable image/png image' });
  });
});
