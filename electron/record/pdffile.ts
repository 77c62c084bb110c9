/**
 * Reads a PDF the way a viewer does: from the last startxref, through each classic cross-reference
 * section and its /Prev, so every revision (the original and each incremental update) is known with
 * exactly the objects it defines. Objects are parsed with pdf-lib's object parser at the offsets the
 * xref gives (never by scanning the file, which an attacker could shadow).
 *
 * Cross-reference streams are refused: the records this module writes never use them.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFContext, PDFDict, PDFName, PDFObjectParser, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

export interface XrefEntry {
  offset: number;
  gen: number;
  inUse: boolean;
}

export interface Revision {
  xrefOffset: number;
  /** First byte after this revision's %%EOF and its end-of-line. */
  end: number;
  trailer: PDFDict;
  entries: Map<number, XrefEntry>;
}

const ascii = new TextDecoder('latin1');

export class PdfFile {
  readonly context = PDFContext.create();
  /** Oldest first. */
  readonly revisions: Revision[] = [];
  private readonly cache = new Map<string, { obj: PDFObject; start: number; end: number }>();

  private constructor(readonly bytes: Uint8Array) {}

  static parse(bytes: Uint8Array): PdfFile {
    const file = new PdfFile(bytes);
    if (ascii.decode(bytes.subarray(0, 5)) !== '%PDF-') throw new Error('not a PDF file');
    const tail = ascii.decode(bytes.subarray(Math.max(0, bytes.length - 1024)));
    const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!m) throw new Error('no startxref at the end of the file');
    const seen = new Set<number>();
    let offset: number | undefined = Number(m[1]);
    const newestFirst: Revision[] = [];
    while (offset !== undefined) {
      if (seen.has(offset)) throw new Error('cross-reference chain loops');
      seen.add(offset);
      const rev = file.readXref(offset);
      newestFirst.push(rev);
      const prev = rev.trailer.get(PDFName.of('Prev'));
      offset = prev ? Number(prev.toString()) : undefined;
    }
    file.revisions.push(...newestFirst.reverse());
    for (let i = 1; i < file.revisions.length; i++) {
      if ((file.revisions[i] as Revision).xrefOffset <= (file.revisions[i - 1] as Revision).xrefOffset) throw new Error('cross-reference sections out of order');
    }
    return file;
  }

  private readXref(offset: number): Revision {
    const text = ascii.decode(this.bytes.subarray(offset, Math.min(this.bytes.length, offset + 64)));
    if (!text.startsWith('xref')) throw new Error('cross-reference streams are not supported; this is not a Carefile record');
    const entries = new Map<number, XrefEntry>();
    let pos = offset + 4;
    const lineRe = /\s*(\d+) (\d+)\s*\r?\n?/y;
    const body = ascii.decode(this.bytes.subarray(pos));
    let cursor = 0;
    for (;;) {
      if (/^\s*trailer/.test(body.slice(cursor, cursor + 20))) break;
      lineRe.lastIndex = cursor;
      const head = lineRe.exec(body);
      if (!head) throw new Error('malformed cross-reference section');
      cursor = lineRe.lastIndex;
      const first = Number(head[1]);
      const count = Number(head[2]);
      for (let i = 0; i < count; i++) {
        const e = /^(\d{10}) (\d{5}) ([nf])/.exec(body.slice(cursor, cursor + 20));
        if (!e) throw new Error('malformed cross-reference entry');
        entries.set(first + i, { offset: Number(e[1]), gen: Number(e[2]), inUse: e[3] === 'n' });
        cursor += 20;
      }
    }
    const trailerAt = body.indexOf('trailer', cursor);
    pos += trailerAt + 'trailer'.length;
    const parser = PDFObjectParser.forBytes(this.bytes.subarray(pos), this.context);
    const trailer = parser.parseObject();
    if (!(trailer instanceof PDFDict)) throw new Error('malformed trailer');
    const after = ascii.decode(this.bytes.subarray(pos, Math.min(this.bytes.length, pos + 64 * 1024)));
    const eof = /startxref\s+\d+\s+%%EOF(\r\n|\r|\n)?/.exec(after);
    if (!eof) throw new Error('revision without %%EOF');
    return { xrefOffset: offset, end: pos + eof.index + eof[0].length, trailer, entries };
  }

  get last(): Revision {
    return this.revisions[this.revisions.length - 1] as Revision;
  }

  /** The revision index (0-based) whose xref last defined object `num` at or before revision `upTo`. */
  definedIn(num: number, upTo = this.revisions.length - 1): number | undefined {
    for (let r = upTo; r >= 0; r--) if ((this.revisions[r] as Revision).entries.has(num)) return r;
    return undefined;
  }

  /** Object `num` as of revision `upTo`, with its byte span in the file. */
  objectAt(num: number, upTo = this.revisions.length - 1): { obj: PDFObject; start: number; end: number } | undefined {
    const r = this.definedIn(num, upTo);
    if (r === undefined) return undefined;
    const entry = (this.revisions[r] as Revision).entries.get(num) as XrefEntry;
    if (!entry.inUse) return undefined;
    const key = `${num}@${entry.offset}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const head = /^(\d+)\s+(\d+)\s+obj/.exec(ascii.decode(this.bytes.subarray(entry.offset, entry.offset + 32)));
    if (!head || Number(head[1]) !== num) throw new Error(`object ${num} is not where the cross-reference table says`);
    const start = entry.offset + head[0].length;
    const parser = PDFObjectParser.forBytes(this.bytes.subarray(start), this.context);
    const obj = parser.parseObject();
    // pdf-lib does not say where the object ended; the first `endobj` after its start is at or
    // before the true end (a string or stream could contain the word), so the span is never wider
    // than the object.
    const endobj = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength).indexOf('endobj', start, 'latin1');
    if (endobj < 0) throw new Error(`object ${num} has no endobj`);
    const end = endobj;
    const found = { obj, start: entry.offset, end };
    this.cache.set(key, found);
    return found;
  }

  lookup(value: PDFObject | undefined, upTo = this.revisions.length - 1): PDFObject | undefined {
    if (value instanceof PDFRef) return this.objectAt(value.objectNumber, upTo)?.obj;
    return value;
  }

  dict(value: PDFObject | undefined, upTo?: number): PDFDict | undefined {
    const v = this.lookup(value, upTo);
    return v instanceof PDFDict ? v : undefined;
  }

  array(value: PDFObject | undefined, upTo?: number): PDFArray | undefined {
    const v = this.lookup(value, upTo);
    return v instanceof PDFArray ? v : undefined;
  }

  catalog(upTo = this.revisions.length - 1): { ref: PDFRef; dict: PDFDict } {
    const ref = (this.revisions[upTo] as Revision).trailer.get(PDFName.of('Root'));
    const dict = this.dict(ref, upTo);
    if (!(ref instanceof PDFRef) || !dict) throw new Error('no document catalog');
    return { ref, dict };
  }

  /** Page references in order, as of revision `upTo`. */
  pages(upTo = this.revisions.length - 1): PDFRef[] {
    const out: PDFRef[] = [];
    const visit = (ref: PDFObject | undefined, depth: number): void => {
      if (depth > 32) throw new Error('page tree too deep');
      const node = this.dict(ref, upTo);
      if (!node || !(ref instanceof PDFRef)) return;
      if (node.get(PDFName.of('Type'))?.toString() === '/Page') out.push(ref);
      else for (const kid of this.array(node.get(PDFName.of('Kids')), upTo)?.asArray() ?? []) visit(kid, depth + 1);
    };
    visit(this.catalog(upTo).dict.get(PDFName.of('Pages')), 0);
    return out;
  }

  /** A stream's decoded bytes (FlateDecode or none). */
  streamData(value: PDFObject | undefined, upTo?: number): Uint8Array | undefined {
    const s = this.lookup(value, upTo);
    if (!(s instanceof PDFRawStream)) return undefined;
    const filter = s.dict.get(PDFName.of('Filter'))?.toString();
    if (!filter) return s.contents;
    if (filter === '/FlateDecode' || filter === '[ /FlateDecode ]') return new Uint8Array(inflateSync(s.contents));
    throw new Error(`unsupported stream filter ${filter}`);
  }
}
