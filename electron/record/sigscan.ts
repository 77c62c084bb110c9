/**
 * Finds the signature dictionaries in a PDF's raw bytes, the way pdfsig's checks still work on a
 * damaged file: by looking for the keys only a signature dictionary has (/ByteRange, /Type /Sig,
 * the signature /SubFilter) and reading that one object, never the whole document. So a copy with
 * one byte changed inside a compressed stream (which no PDF parser then reads) still shows who
 * signed it and that it was changed after signing.
 *
 * This reads PDF syntax (strings, numbers, one dictionary), not ASN.1, and every search is bounded
 * to the object it is in. Whether a signature found here is really part of the document is decided
 * by the structural reader (pdffile.ts), through the cross-reference chain.
 */
import { PDFHexString, PDFString } from 'pdf-lib';

export interface ScannedSignature {
  /** "N G obj" that holds the dictionary, when it could be read. */
  objectNumber?: number;
  /** Byte offsets of the object (from "N G obj" to "endobj"). */
  start: number;
  end: number;
  byteRange?: number[];
  /** The /Contents hex string: the offset of its `<` and just after its `>`, and the hex digits. */
  contents?: { start: number; end: number; hex: string };
  isSigType: boolean;
  subFilter?: string;
  name?: string;
  reason?: string;
  /** /M as written (D:...). */
  m?: string;
}

/** Keys that mark a signature dictionary; one changed byte cannot hide all of them. */
const MARKERS = /\/ByteRange\b|\/Type\s*\/Sig\b|\/SubFilter\s*\/(?:ETSI\.CAdES\.detached|adbe\.pkcs7\.detached)\b/g;
/** How far back from a marker the object's header may be (the /Contents value may come first). */
const MAX_OBJECT = 1 << 20;
/** A record has a handful of signatures; a file with more markers than this is not one. */
export const MAX_MARKERS = 200;

function literal(raw: string): string | undefined {
  try {
    return PDFString.of(raw).decodeText();
  } catch {
    return undefined;
  }
}

/** A text string value of `key` in the dictionary text: a (literal) or <hex> string. */
function textValue(dict: string, key: string): string | undefined {
  const at = new RegExp(`/${key}\\s*(\\((?:[^()\\\\]|\\\\[\\s\\S])*\\)|<[0-9A-Fa-f\\s]*>)`).exec(dict);
  const v = at?.[1];
  if (!v) return undefined;
  if (v.startsWith('(')) return literal(v.slice(1, -1));
  try {
    return PDFHexString.of(v.slice(1, -1).replace(/\s+/g, '')).decodeText();
  } catch {
    return undefined;
  }
}

/**
 * The "N G obj" header nearest before `at`, searched backwards for the keyword and then read in
 * the few bytes before it (a forward regex over a long digit run, such as a zero-padded /Contents,
 * would backtrack quadratically).
 */
function headerBefore(text: string, at: number): { start: number; num: number } | undefined {
  const floor = Math.max(0, at - MAX_OBJECT);
  for (let i = text.lastIndexOf('obj', at); i >= floor; i = text.lastIndexOf('obj', i - 1)) {
    if (text.slice(i - 3, i) === 'end') continue;
    const head = /(\d{1,10})\s{1,8}(\d{1,5})\s{1,8}$/.exec(text.slice(Math.max(0, i - 32), i));
    if (head) return { start: i - head[0].length, num: Number(head[1]) };
    if (i === 0) break;
  }
  return undefined;
}

export function scanSignatures(bytes: Uint8Array): ScannedSignature[] {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const found = new Map<number, ScannedSignature>();
  let markers = 0;
  for (const marker of text.matchAll(MARKERS)) {
    if (++markers > MAX_MARKERS) throw new Error(`more than ${MAX_MARKERS} signature keys in the file`);
    const at = marker.index;
    // The nearest object header before the marker, and the nearest endobj after it.
    const header = headerBefore(text, at);
    const start = header ? header.start : at;
    if (found.has(start)) continue;
    const endobj = text.indexOf('endobj', at);
    const end = endobj < 0 ? Math.min(text.length, at + MAX_OBJECT) : endobj;
    // An endobj between the header and the marker means the marker is outside any object.
    if (header && text.lastIndexOf('endobj', at) > start) continue;
    const dict = text.slice(start, end);
    const sig: ScannedSignature = { start, end, isSigType: /\/Type\s*\/Sig\b/.test(dict) };
    if (header) sig.objectNumber = header.num;
    const br = /\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(dict);
    if (br) sig.byteRange = br.slice(1, 5).map(Number);
    const contents = /\/Contents\s*(<)([^>]*)>/.exec(dict);
    if (contents) {
      const lt = start + contents.index + contents[0].indexOf('<');
      sig.contents = { start: lt, end: lt + 1 + (contents[2] ?? '').length + 1, hex: contents[2] ?? '' };
    }
    sig.subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dict)?.[1];
    sig.name = textValue(dict, 'Name');
    sig.reason = textValue(dict, 'Reason');
    sig.m = textValue(dict, 'M');
    found.set(start, sig);
  }
  return [...found.values()].sort((a, b) => a.start - b.start);
}
