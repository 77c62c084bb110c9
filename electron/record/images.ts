/**
 * Images for the record's appendix, at a bounded cost whatever the file claims. The dimensions are
 * read from the header before a pixel is decoded: an image declaring more than MAX_PIXELS (or a
 * side longer than MAX_SIDE) is refused, so a small file that inflates to gigabytes (a
 * "decompression bomb") costs nothing. Within the limits:
 *
 * - PNG is decoded with pngjs (its inflate stops at the size the header declares; an interlaced
 *   PNG's data is first inflated with a hard output limit), flattened on white (no soft mask, so no
 *   transparency in the PDF/A file), reduced to at most MAX_EDGE pixels on its long side and
 *   embedded as a Flate-compressed RGB image. pdf-lib's own PNG path is not used: it decodes the
 *   whole file with no limit.
 * - JPEG within MAX_EDGE is embedded as it is (pdf-lib reads only its header); a larger one is
 *   decoded with jpeg-js (with its resolution and memory limits), reduced and re-encoded.
 */
import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import {
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';

/** Largest image decoded at all (megapixels as pixels): about 160 MB as RGBA. */
export const MAX_PIXELS = 40_000_000;
export const MAX_SIDE = 12_000;
/** Long side of an image as embedded: ~250 dpi across the page's text column. */
export const MAX_EDGE = 1800;

export interface ImageHeader {
  kind: 'png' | 'jpeg';
  width: number;
  height: number;
  /** PNG only: colour type 4 or 6, or a tRNS chunk. */
  alpha?: boolean;
  interlaced?: boolean;
}

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Reads width and height from a PNG's IHDR or a JPEG's SOF marker; undefined if neither. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 33 && PNG_SIGNATURE.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR') {
    const colourType = bytes[25] as number;
    let alpha = colourType === 4 || colourType === 6;
    // Look for tRNS among the chunks before the first IDAT.
    for (let at = 8; at + 8 <= bytes.length; ) {
      const len = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (type === 'tRNS') alpha = true;
      if (type === 'IDAT' || type === 'IEND') break;
      at += 12 + len;
    }
    return { kind: 'png', width: view.getUint32(16), height: view.getUint32(20), alpha, interlaced: bytes[28] === 1 };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return undefined;
      const marker = bytes[at + 1] as number;
      if (marker === 0xff) {
        at++;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const len = view.getUint16(at + 2);
      // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { kind: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
      }
      if (marker === 0xda) return undefined;
      at += 2 + len;
    }
  }
  return undefined;
}

export type PreparedImage =
  | {
      ok: true;
      kind: 'jpeg' | 'rgb';
      /** JPEG bytes, or packed 8-bit RGB pixels. */
      bytes: Uint8Array;
      width: number;
      height: number;
      downscaled: boolean;
      original: { width: number; height: number };
    }
  | { ok: false; reason: string };

/** Box-filter reduction of RGBA pixels to RGB, flattened on white. */
function reduceToRgb(rgba: Uint8Array, w: number, h: number, tw: number, th: number): Uint8Array {
  const out = new Uint8Array(tw * th * 3);
  for (let ty = 0; ty < th; ty++) {
    const y0 = Math.floor((ty * h) / th);
    const y1 = Math.max(y0 + 1, Math.floor(((ty + 1) * h) / th));
    for (let tx = 0; tx < tw; tx++) {
      const x0 = Math.floor((tx * w) / tw);
      const x1 = Math.max(x0 + 1, Math.floor(((tx + 1) * w) / tw));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        let i = (y * w + x0) * 4;
        for (let x = x0; x < x1; x++, i += 4) {
          const a = (rgba[i + 3] as number) / 255;
          r += (rgba[i] as number) * a + 255 * (1 - a);
          g += (rgba[i + 1] as number) * a + 255 * (1 - a);
          b += (rgba[i + 2] as number) * a + 255 * (1 - a);
          n++;
        }
      }
      const o = (ty * tw + tx) * 3;
      out[o] = Math.round(r / n);
      out[o + 1] = Math.round(g / n);
      out[o + 2] = Math.round(b / n);
    }
  }
  return out;
}

function target(w: number, h: number): { tw: number; th: number } {
  const scale = Math.min(1, MAX_EDGE / Math.max(w, h));
  return { tw: Math.max(1, Math.round(w * scale)), th: Math.max(1, Math.round(h * scale)) };
}

/** Checks an attachment's declared size and makes what the record embeds, or says why not. */
export function prepareImage(bytes: Uint8Array, mediaType: string): PreparedImage {
  const header = readImageHeader(bytes);
  const expected = mediaType === 'image/png' ? 'png' : 'jpeg';
  if (!header || header.kind !== expected) return { ok: false, reason: `the file is not a readable ${mediaType} image` };
  const { width: w, height: h } = header;
  const original = { width: w, height: h };
  if (w < 1 || h < 1) return { ok: false, reason: 'the image declares no pixels' };
  if (w > MAX_SIDE || h > MAX_SIDE || w * h > MAX_PIXELS) {
    return { ok: false, reason: `it declares ${w} by ${h} pixels, more than the ${MAX_PIXELS / 1e6}-megapixel limit for images in the record` };
  }
  const { tw, th } = target(w, h);
  const downscaled = tw !== w || th !== h;
  try {
    if (header.kind === 'jpeg') {
      if (!downscaled) return { ok: true, kind: 'jpeg', bytes, width: w, height: h, downscaled, original };
      const decoded = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 256 });
      const rgb = reduceToRgb(decoded.data, decoded.width, decoded.height, tw, th);
      const rgba = new Uint8Array(tw * th * 4);
      for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) {
        rgba[j] = rgb[i] as number;
        rgba[j + 1] = rgb[i + 1] as number;
        rgba[j + 2] = rgb[i + 2] as number;
        rgba[j + 3] = 255;
      }
      const encoded = jpeg.encode({ data: rgba, width: tw, height: th }, 85).data;
      return { ok: true, kind: 'jpeg', bytes: new Uint8Array(encoded), width: tw, height: th, downscaled, original };
    }
    if (header.interlaced) {
      // pngjs inflates interlaced data without a limit: bound it here first (Adam7 adds at most one filter byte per pass row).
      const bound = (w * 8 + 8) * h + 7 * h;
      inflateSync(idatOf(bytes), { maxOutputLength: bound });
    }
    const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const data = new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength);
    return { ok: true, kind: 'rgb', bytes: reduceToRgb(data, png.width, png.height, tw, th), width: tw, height: th, downscaled, original };
  } catch (err) {
    return { ok: false, reason: `the image could not be decoded (${err instanceof Error ? err.message.slice(0, 120) : 'unknown error'})` };
  }
}

function idatOf(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: Uint8Array[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + len));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  return Buffer.concat(parts);
}

/** An image ready to draw: its pixel size and how to place it on a page. */
export interface EmbeddedImage {
  width: number;
  height: number;
  draw(page: PDFPage, x: number, y: number, w: number, h: number): void;
}

export async function embedPrepared(doc: PDFDocument, img: Extract<PreparedImage, { ok: true }>): Promise<EmbeddedImage> {
  if (img.kind === 'jpeg') {
    const j = await doc.embedJpg(img.bytes);
    return { width: j.width, height: j.height, draw: (page, x, y, w, h) => page.drawImage(j, { x, y, width: w, height: h }) };
  }
  const stream = doc.context.flateStream(img.bytes, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: img.width,
    Height: img.height,
    ColorSpace: 'DeviceRGB',
    BitsPerComponent: 8,
  });
  const ref: PDFRef = doc.context.register(stream);
  return {
    width: img.width,
    height: img.height,
    draw: (page, x, y, w, h) => {
      const name = page.node.newXObject('Image', ref);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, x, y), drawObject(name), popGraphicsState());
    },
  };
}
