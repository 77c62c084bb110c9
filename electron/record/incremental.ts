import { PDFName } from 'pdf-lib';
import type { PdfFile } from './pdffile';

const enc = new TextEncoder();

/**
 * Appends one incremental update (ISO 32000-1 7.5.6): the given objects (number → serialized
 * body), a classic xref section with one subsection per run of consecutive numbers, and a trailer
 * carrying /Prev, /Size, /Root, /Info and /ID over from the previous one. The earlier bytes are
 * copied unchanged.
 */
export function appendUpdate(file: PdfFile, objects: Map<number, string | Uint8Array>, size: number): { bytes: Uint8Array; offsets: Map<number, number> } {
  const last = file.last;
  const chunks: Uint8Array[] = [];
  const sep = file.bytes[file.bytes.length - 1] === 0x0a ? '' : '\n';
  chunks.push(enc.encode(sep));
  let offset = file.bytes.length + sep.length;
  const offsets = new Map<number, number>();
  for (const num of [...objects.keys()].sort((a, b) => a - b)) {
    const body = objects.get(num) as string | Uint8Array;
    const parts = [enc.encode(`${num} 0 obj\n`), typeof body === 'string' ? enc.encode(body) : body, enc.encode('\nendobj\n')];
    offsets.set(num, offset);
    for (const p of parts) {
      chunks.push(p);
      offset += p.length;
    }
  }
  const xrefOffset = offset;
  const nums = [...offsets.keys()];
  let xref = 'xref\n';
  for (let i = 0; i < nums.length; ) {
    let j = i;
    while (j + 1 < nums.length && (nums[j + 1] as number) === (nums[j] as number) + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    // Each entry is exactly 20 bytes, ending in CR LF.
    for (let k = i; k <= j; k++) xref += `${String(offsets.get(nums[k] as number)).padStart(10, '0')} 00000 n\r\n`;
    i = j + 1;
  }
  const trailer = new Map<string, string>([
    ['Size', String(size)],
    ['Prev', String(last.xrefOffset)],
  ]);
  for (const k of ['Root', 'Info', 'ID']) {
    const v = last.trailer.get(PDFName.of(k));
    if (v) trailer.set(k, v.toString().replace(/\s+/g, ' '));
  }
  xref += `trailer\n<< ${[...trailer].map(([k, v]) => `/${k} ${v}`).join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  chunks.push(enc.encode(xref));
  const appended = Buffer.concat(chunks);
  const bytes = new Uint8Array(file.bytes.length + appended.length);
  bytes.set(file.bytes, 0);
  bytes.set(appended, file.bytes.length);
  return { bytes, offsets };
}
