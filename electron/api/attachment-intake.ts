/**
 * What an attachment must pass at the door, beyond what the store checks (type from the bytes, the
 * name agreeing with them, 25 MB): an image's declared size. A few kilobytes of PNG can declare
 * 50,000 × 50,000 pixels and inflate to gigabytes when decoded (a "decompression bomb"); the
 * record refuses such an image when it composes (electron/record/images.ts), and this refuses it
 * before it is stored, so neither the preview nor the record ever decodes it. The limits are the
 * record's own, so whatever is stored can be embedded.
 */
import { MAX_PIXELS, MAX_SIDE, readImageHeader } from '../record/index';
import { ApiFailure } from './errors';

/** Width and height from a WebP's VP8, VP8L or VP8X header (RIFF container); undefined if unreadable. */
export function readWebpSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 30) return undefined;
  const chunk = String.fromCharCode(...b.subarray(12, 16));
  const u16 = (at: number) => (b[at]! | (b[at + 1]! << 8)) >>> 0;
  const u24 = (at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) >>> 0;
  if (chunk === 'VP8X') return { width: u24(24) + 1, height: u24(27) + 1 };
  if (chunk === 'VP8 ') return { width: u16(26) & 0x3fff, height: u16(28) & 0x3fff };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0;
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  return undefined;
}

/** Throws INVALID_INPUT for an image whose header declares more pixels than the record would ever decode. */
export function checkImageSize(name: string, bytes: Uint8Array): void {
  const isWebp = bytes.length >= 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
  const size = isWebp ? readWebpSize(bytes) : readImageHeader(bytes);
  if (!size) return; // not an image (the store judges the type), or a header the store will refuse
  const { width, height } = size;
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new ApiFailure(
      'INVALID_INPUT',
      `"${name}" declares ${width} × ${height} pixels, more than the ${MAX_PIXELS / 1_000_000}-megapixel limit (at most ${MAX_SIDE} pixels a side), so it was not stored. Scan or export it at a lower resolution.`,
      'dataBase64',
    );
  }
}
