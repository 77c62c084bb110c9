/**
 * The record as an archive and a screen reader see it: tagged (pdfinfo, and the structure tree
 * walked with pdf-lib), and what of PDF/A-3b can be checked without a validator (XMP
 * identification, output intent, embedded fonts, no encryption, no transparency, record.json as an
 * associated file). See docs/decisions/record-pdfa-3b-and-tagging.md for what is not checked.
 */
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { composeRecord, signRecord } from '../../../electron/record/index';
import { makeFixture } from '../../fixtures/record/assessment';
import { makeSigner } from '../../fixtures/record/signers';
import { pdffonts, pdfinfo } from '../../fixtures/record/tools';

const fixture = makeFixture({ evidenceCount: 6, imageCount: 2 });
let pdf: Uint8Array;
let doc: PDFDocument;

beforeAll(async () => {
  const unsigned = await composeRecord(fixture.assessment, fixture.context, { now: new Date('2026-02-25T15:30:00Z') });
  pdf = await signRecord(unsigned, await makeSigner('Hannah Clarke', 'assessor', '01'), { now: new Date('2026-02-25T16:00:00Z') });
  doc = await PDFDocument.load(pdf, { updateMetadata: false });
});

const name = (v: PDFObject | undefined): string => (v instanceof PDFName ? v.decodeText() : '');
const text = (v: PDFObject | undefined): string => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : '');

function resolve(v: PDFObject | undefined): PDFObject | undefined {
  return v instanceof PDFRef ? doc.context.lookup(v) : v;
}

function streamText(s: PDFObject | undefined): string {
  const stream = resolve(s);
  if (!(stream instanceof PDFRawStream)) return '';
  const filter = name(stream.dict.get(PDFName.of('Filter')));
  const bytes = filter === 'FlateDecode' ? inflateSync(stream.contents) : stream.contents;
  return new TextDecoder('latin1').decode(bytes);
}

interface Elem {
  type: string;
  dict: PDFDict;
  kids: Elem[];
  mcids: number;
}

function walk(ref: PDFObject | undefined): Elem | undefined {
  const dict = resolve(ref);
  if (!(dict instanceof PDFDict)) return undefined;
  const e: Elem = { type: name(dict.get(PDFName.of('S'))), dict, kids: [], mcids: 0 };
  const k = resolve(dict.get(PDFName.of('K')));
  for (const kid of k instanceof PDFArray ? k.asArray() : [k]) {
    if (kid instanceof PDFNumber) e.mcids++;
    else if (resolve(kid) instanceof PDFDict && name((resolve(kid) as PDFDict).get(PDFName.of('Type'))) === 'MCR') e.mcids++;
    else {
      const child = walk(kid);
      if (child) e.kids.push(child);
    }
  }
  return e;
}

function all(e: Elem): Elem[] {
  return [e, ...e.kids.flatMap(all)];
}

describe('a tagged record', () => {
  it('pdfinfo says Tagged: yes', () => {
    expect(pdfinfo(pdf).stdout).toMatch(/^Tagged:\s+yes$/m);
  });

  it('has a structure tree of headings, paragraphs, tables and figures, each element with content', () => {
    const catalog = doc.catalog;
    expect(resolve(catalog.get(PDFName.of('MarkInfo')))?.toString()).toMatch(/\/Marked true/);
    expect(text(catalog.get(PDFName.of('Lang')))).toBe('en-GB');
    const root = resolve(catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict;
    expect(name(root.get(PDFName.of('Type')))).toBe('StructTreeRoot');
    const top = walk(root.get(PDFName.of('K')));
    expect(top?.type).toBe('Document');
    const elems = all(top as Elem);
    const types = new Set(elems.map((e) => e.type));
    for (const t of ['H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) expect(types, t).toContain(t);
    const headings = elems.filter((e) => e.type === 'H1').length;
    expect(headings).toBeGreaterThanOrEqual(11);
    // Tables hold rows, rows hold cells; leaf elements point at marked content.
    for (const t of elems.filter((e) => e.type === 'Table')) expect(t.kids.every((k) => k.type === 'TR')).toBe(true);
    for (const r of elems.filter((e) => e.type === 'TR')) expect(r.kids.every((k) => k.type === 'TH' || k.type === 'TD')).toBe(true);
    for (const leaf of elems.filter((e) => ['H1', 'H2', 'P', 'Figure'].includes(e.type))) expect(leaf.mcids, leaf.type).toBeGreaterThan(0);
    // Figures carry alternative text; column headers their scope.
    for (const f of elems.filter((e) => e.type === 'Figure')) expect(text(f.dict.get(PDFName.of('Alt')))).toMatch(/^Image attachment E\d+ /);
    expect(elems.some((e) => e.type === 'TH' && resolve(e.dict.get(PDFName.of('A')))?.toString().includes('/Scope /Column'))).toBe(true);
  });

  it('maps every marked-content id on every page back to its element (ParentTree)', () => {
    const root = resolve(doc.catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict;
    const nums = (resolve((resolve(root.get(PDFName.of('ParentTree'))) as PDFDict).get(PDFName.of('Nums'))) as PDFArray).asArray();
    doc.getPages().forEach((page, i) => {
      const key = page.node.get(PDFName.of('StructParents'));
      expect(key?.toString()).toBe(String(i));
      const list = resolve(nums[nums.findIndex((n) => n.toString() === String(i)) + 1]) as PDFArray;
      const content = [page.node.Contents()].flatMap((c) => (c instanceof PDFArray ? c.asArray() : [c])).map((c) => streamText(c)).join('\n');
      const mcids = [...content.matchAll(/\/MCID (\d+)/g)].map((m) => Number(m[1]));
      expect(mcids.length, `page ${i + 1}`).toBeGreaterThan(0);
      expect(mcids).toEqual(mcids.map((_, j) => j));
      expect(list.size()).toBe(mcids.length);
      // Page furniture is an artifact, never part of the text.
      expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
    });
  });

  it('marks Arabic-script and Ge\u2019ez runs with their language', () => {
    const content = doc
      .getPages()
      .flatMap((p) => [p.node.Contents()].flatMap((c) => (c instanceof PDFArray ? c.asArray() : [c])))
      .map((c) => streamText(c))
      .join('\n');
    expect(content).toMatch(/\/Span <<\s*\/Lang \(ar\)\s*>> BDC/);
  });
});

describe('PDF/A-3b, as far as it can be checked here', () => {
  it('identifies itself as PDF/A-3B in XMP metadata that agrees with the Info dictionary', () => {
    const meta = resolve(doc.catalog.get(PDFName.of('Metadata')));
    expect(meta).toBeInstanceOf(PDFStream);
    expect((meta as PDFRawStream).dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xmp = streamText(meta);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain(`Age assessment record ${fixture.assessment.reference}`);
    expect(xmp).toContain('<xmp:CreateDate>2026-02-25T15:30:00Z</xmp:CreateDate>');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-02-25T15:30:00.000Z');
    // Each XMP property equals its Info entry (ISO 19005 requires them to agree).
    expect(xmp).toContain(`<pdf:Keywords>${doc.getKeywords()}</pdf:Keywords>`);
    expect(xmp).toContain(`<dc:creator><rdf:Seq><rdf:li>${doc.getAuthor()}</rdf:li></rdf:Seq></dc:creator>`);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${doc.getSubject()}</rdf:li>`);
    expect(xmp).toContain(`<pdf:Producer>${doc.getProducer()}</pdf:Producer>`);
    expect(xmp).toContain(`<xmp:CreatorTool>${doc.getCreator()}</xmp:CreatorTool>`);
  });

  it('has an sRGB output intent with an embedded ICC profile', () => {
    const intents = resolve(doc.catalog.get(PDFName.of('OutputIntents'))) as PDFArray;
    const intent = resolve(intents.get(0)) as PDFDict;
    expect(name(intent.get(PDFName.of('S')))).toBe('GTS_PDFA1');
    const icc = resolve(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(icc.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const profile = inflateSync(icc.contents);
    expect(new TextDecoder('latin1').decode(profile.subarray(36, 40))).toBe('acsp');
    expect(new TextDecoder('latin1').decode(profile.subarray(16, 20))).toBe('RGB ');
  });

  it('embeds every font (pdffonts), is not encrypted, and uses no transparency', () => {
    const rows = pdffonts(pdf).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    expect(pdfinfo(pdf).stdout).toMatch(/^Encrypted:\s+no$/m);
    const raw = new TextDecoder('latin1').decode(pdf);
    expect(raw).not.toMatch(/\/SMask\b/);
    expect(raw).not.toMatch(/\/(CA|ca) (0?\.\d+|0)\b/);
    expect(raw).not.toMatch(/\/BM \/(?!Normal|Compatible)/);
  });

  it('attaches record.json as an associated file (/AFRelationship /Data, listed in the catalog /AF)', () => {
    const af = resolve(doc.catalog.get(PDFName.of('AF'))) as PDFArray;
    const spec = resolve(af.get(0)) as PDFDict;
    expect(text(spec.get(PDFName.of('UF')))).toBe('record.json');
    expect(name(spec.get(PDFName.of('AFRelationship')))).toBe('Data');
    const ef = resolve((resolve(spec.get(PDFName.of('EF'))) as PDFDict).get(PDFName.of('F'))) as PDFRawStream;
    expect(name(ef.dict.get(PDFName.of('Subtype')))).toBe('application/json');
    expect(resolve(ef.dict.get(PDFName.of('Params')))?.toString()).toMatch(/\/ModDate/);
  });
});
