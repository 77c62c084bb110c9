/**
 * What makes the record a PDF/A-3b candidate beyond its tags and embedded fonts (ISO 19005-3):
 * the XMP metadata stream (pdfaid:part 3, conformance B, and the same title, authors, subject,
 * keywords and dates as the Info dictionary), and an sRGB output intent (resources/color/sRGB.icc,
 * from Debian's icc-profiles-free, zlib licence). record.json is already an associated file
 * (/AFRelationship /Data, listed in the catalog's /AF by pdf-lib). What was and was not checked:
 * docs/decisions/record-pdfa-3b-and-tagging.md.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { resourcePath } from '../resources';

export interface ArchivalInfo {
  title: string;
  /** The Info dictionary's /Author, as one string. */
  author: string;
  subject: string;
  keywords: string;
  lang: string;
  created: Date;
  /** The trailer /ID (hex), reused as the XMP document and instance id. */
  documentId: string;
}

/** The sRGB profile shipped in resources/color (found through the one resource helper). */
function iccProfile(): Uint8Array {
  const file = resourcePath('srgbProfile');
  if (!existsSync(file)) throw new Error('resources/color/sRGB.icc is missing: the record needs it as its PDF/A output intent');
  return new Uint8Array(readFileSync(file));
}

let cachedIcc: Uint8Array | undefined;

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP dates as the Info dictionary writes them (pdf-lib: UTC, seconds). */
const xmpDate = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

export function xmpPacket(info: ArchivalInfo): string {
  const uuid = `uuid:${info.documentId.slice(0, 8)}-${info.documentId.slice(8, 12)}-${info.documentId.slice(12, 16)}-${info.documentId.slice(16, 20)}-${info.documentId.slice(20, 32)}`;
  return `<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(info.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(info.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${xml(info.lang)}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>${xml(info.keywords)}</pdf:Keywords>
   <pdf:Producer>Carefile (pdf-lib)</pdf:Producer>
   <xmp:CreatorTool>Carefile</xmp:CreatorTool>
   <xmp:CreateDate>${xmpDate(info.created)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(info.created)}</xmp:ModifyDate>
   <xmp:MetadataDate>${xmpDate(info.created)}</xmp:MetadataDate>
   <xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export function archival(doc: PDFDocument, info: ArchivalInfo): void {
  const ctx = doc.context;
  // PDF/A: the metadata stream is not filtered, so any tool can read it.
  const metadata = ctx.stream(new TextEncoder().encode(xmpPacket(info)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(metadata));
  cachedIcc ??= iccProfile();
  const icc = ctx.flateStream(cachedIcc, { N: 3, Alternate: 'DeviceRGB' });
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: ctx.register(icc),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), ctx.obj([ctx.register(intent)]));
}
