/**
 * Just enough DER to write and read a CMS SignedData: the few universal types it uses, a SET OF
 * that sorts its members (X.690 11.6), and a reader that keeps each element's raw bytes (the
 * signature covers the signed attributes exactly as they were encoded).
 */

function lengthBytes(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(content);
  return concat([Uint8Array.of(tag), lengthBytes(body.length), body]);
}

export const seq = (...c: Uint8Array[]): Uint8Array => tlv(0x30, ...c);
export const octets = (b: Uint8Array): Uint8Array => tlv(0x04, b);
export const nul = (): Uint8Array => Uint8Array.of(0x05, 0x00);
/** Context-specific constructed [n]. */
export const ctx = (n: number, ...c: Uint8Array[]): Uint8Array => tlv(0xa0 | n, ...c);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** SET OF with its members in DER order; `tag` lets the same content be written as [0] IMPLICIT. */
export function setOf(members: Uint8Array[], tag = 0x31): Uint8Array {
  return tlv(tag, ...[...members].sort(compareBytes));
}

export function integer(n: number): Uint8Array {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v > 0);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return tlv(0x02, Uint8Array.from(bytes));
}

export function oid(dotted: string): Uint8Array {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [(parts[0] ?? 0) * 40 + (parts[1] ?? 0)];
  for (const p of parts.slice(2)) {
    const stack: number[] = [p & 0x7f];
    for (let v = Math.floor(p / 128); v > 0; v = Math.floor(v / 128)) stack.unshift((v & 0x7f) | 0x80);
    out.push(...stack);
  }
  return tlv(0x06, Uint8Array.from(out));
}

export function oidToString(content: Uint8Array): string {
  const first = content[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let v = 0;
  for (const b of content.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

export interface Node {
  tag: number;
  /** The whole element: tag, length and content. */
  raw: Uint8Array;
  content: Uint8Array;
}

/** Reads one element at `offset`. Throws on truncated or indefinite-length input (DER forbids it). */
export function read(buf: Uint8Array, offset = 0): Node {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined) throw new Error('DER: truncated');
  let len = first;
  let header = 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER: unsupported length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (buf[offset + 2 + i] ?? 0);
    header += n;
  }
  const end = offset + header + len;
  if (end > buf.length) throw new Error('DER: truncated');
  return { tag, raw: buf.subarray(offset, end), content: buf.subarray(offset + header, end) };
}

/** The children of a constructed element. */
export function children(node: Node): Node[] {
  const out: Node[] = [];
  let o = 0;
  while (o < node.content.length) {
    const child = read(node.content, o);
    out.push(child);
    o += child.raw.length;
  }
  return out;
}

export function child(node: Node, i: number): Node {
  const c = children(node)[i];
  if (!c) throw new Error(`DER: missing element ${i}`);
  return c;
}
