/**
 * Reads back the text runs drawn on a page (each Tj/TJ string, decoded through its font's
 * ToUnicode map), so the verifier can read the record hash printed in every footer. It handles
 * what composeRecord writes (Identity-H fonts with bfchar/bfrange maps, hex strings), not every PDF.
 */
import { PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import type { PdfFile } from './pdffile';

const latin1 = new TextDecoder('latin1');

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToText = (h: string): string => {
    let s = '';
    for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1] as string, 16), hexToText(m[2] as string));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1] as string, 16);
      const hi = parseInt(m[2] as string, 16);
      if (hi - lo > 0xffff) continue;
      if (m[3]) {
        const base = hexToText(m[3]);
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      } else {
        const items = [...(m[4] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => hexToText(x[1] as string));
        items.forEach((t, i) => map.set(lo + i, t));
      }
    }
  }
  return map;
}

/** Every page shares the same few fonts: each ToUnicode map is parsed once per file. */
const parsedMaps = new WeakMap<PdfFile, Map<string, Map<number, string>>>();

function toUnicodeOf(file: PdfFile, tu: PDFObject): Map<number, string> | undefined {
  let cache = parsedMaps.get(file);
  if (!cache) parsedMaps.set(file, (cache = new Map()));
  const key = tu instanceof PDFRef ? tu.toString() : undefined;
  const hit = key ? cache.get(key) : undefined;
  if (hit) return hit;
  const data = file.streamData(tu);
  if (!data) return undefined;
  const map = parseToUnicode(latin1.decode(data));
  if (key) cache.set(key, map);
  return map;
}

/** Text runs of one page, in drawing order. */
export function pageTextRuns(file: PdfFile, pageRef: PDFRef): string[] {
  const page = file.dict(pageRef);
  if (!page) return [];
  const resources = file.dict(page.get(PDFName.of('Resources')));
  const fontDict = file.dict(resources?.get(PDFName.of('Font')));
  const maps = new Map<string, Map<number, string>>();
  for (const [name, ref] of fontDict?.entries() ?? []) {
    const font = file.dict(ref);
    const tu = font?.get(PDFName.of('ToUnicode'));
    const map = tu ? toUnicodeOf(file, tu) : undefined;
    if (map) maps.set(name.toString(), map);
  }
  const contents = page.get(PDFName.of('Contents'));
  const streams = file.array(contents)?.asArray() ?? [contents];
  let content = '';
  for (const s of streams) {
    const data = file.streamData(s);
    if (data) content += `${latin1.decode(data)}\n`;
  }
  const runs: string[] = [];
  let current: Map<number, string> | undefined;
  const decode = (hex: string): string => {
    const h = hex.replace(/\s+/g, '');
    let out = '';
    for (let i = 0; i + 4 <= h.length; i += 4) out += current?.get(parseInt(h.slice(i, i + 4), 16)) ?? '\ufffd';
    return out;
  };
  for (const m of content.matchAll(/(\/[^\s/[\]<>()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[((?:\s*<[0-9A-Fa-f\s]*>\s*[-\d.]*)*)\s*\]\s*TJ/g)) {
    if (m[1]) current = maps.get(m[1]);
    else if (m[2] !== undefined) runs.push(decode(m[2]));
    else if (m[3] !== undefined) runs.push([...m[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)].map((x) => decode(x[1] as string)).join(''));
  }
  return runs;
}
