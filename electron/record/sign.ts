/**
 * Adds one signature as a true incremental update: the original bytes are kept unchanged and a new
 * section is appended with the signature value, a signature field that is also its (invisible)
 * widget, the page's /Annots and the AcroForm updated, a classic xref section listing exactly these
 * objects, and a trailer with /Prev and the right /Size. The first signature goes the same way on
 * pdf-lib's output, so one code path serves the assessor, the countersigner and the manager.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { buildSignedData, toKeyObject } from './cms';
import { appendUpdate } from './incremental';
import { PdfFile } from './pdffile';
import type { Signer, SignOptions } from './types';

const enc = new TextEncoder();
const BYTE_RANGE_PLACEHOLDER = `/ByteRange [0 ${'9'.repeat(10)} ${'9'.repeat(10)} ${'9'.repeat(10)}]`;

/** PDF date, UTC: D:YYYYMMDDHHmmSSZ. */
export function pdfDate(d: Date): string {
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

/** A text string: PDFDocEncoding-safe ASCII as a literal, anything else as UTF-16BE hex. */
function textString(s: string): string {
  return /^[\x20-\x7e]*$/.test(s) ? PDFString.of(s).toString() : PDFHexString.fromText(s).toString();
}

function existingSignatureFields(file: PdfFile, acroForm: PDFDict | undefined): number {
  let n = 0;
  for (const f of file.array(acroForm?.get(PDFName.of('Fields')))?.asArray() ?? []) {
    if (file.dict(f)?.get(PDFName.of('FT'))?.toString() === '/Sig') n++;
  }
  return n;
}

export async function signRecord(pdf: Uint8Array, signer: Signer, options: SignOptions = {}): Promise<Uint8Array> {
  const file = PdfFile.parse(pdf);
  const last = file.last;
  if (file.bytes.length !== last.end) throw new Error('the file has bytes after its last %%EOF; refusing to sign it');
  const key = toKeyObject(signer.privateKey);
  const now = options.now ?? new Date();
  const reserve = options.reserve ?? 8192;

  const trailer = last.trailer;
  const size = Number(trailer.get(PDFName.of('Size'))?.toString());
  if (!Number.isInteger(size) || size < 1) throw new Error('trailer without a valid /Size');
  const { ref: catalogRef, dict: catalog } = file.catalog();
  const pages = file.pages();
  const pageRef = pages[pages.length - 1];
  if (!pageRef) throw new Error('the document has no pages');
  const page = file.dict(pageRef) as PDFDict;

  const acroFormValue = catalog.get(PDFName.of('AcroForm'));
  const acroForm = file.dict(acroFormValue);
  const fieldName = `Signature${existingSignatureFields(file, acroForm) + 1}`;

  let next = size;
  const sigNum = next++;
  const widgetNum = next++;
  const sigRef = PDFRef.of(sigNum);
  const widgetRef = PDFRef.of(widgetNum);
  const objects = new Map<number, string>();

  const sigDict =
    `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_PLACEHOLDER} ` +
    `/Contents <${'0'.repeat(reserve * 2)}> /M ${PDFString.of(pdfDate(now)).toString()} /Name ${textString(signer.name)} ` +
    `/Reason ${textString(options.reason ?? `Signed as ${signer.role}`)}${options.location ? ` /Location ${textString(options.location)}` : ''} ` +
    `/Prop_Build << /App << /Name /Carefile >> >> >>`;
  objects.set(sigNum, sigDict);
  // Field and widget merged; invisible (zero rectangle), printed and locked.
  objects.set(
    widgetNum,
    `<< /Type /Annot /Subtype /Widget /FT /Sig /T ${textString(fieldName)} /V ${sigRef} /P ${pageRef} /Rect [0 0 0 0] /F 132 /TU ${textString(`${signer.name}, ${signer.role}`)} >>`,
  );

  // The page's /Annots gains the widget (the gap @libpdf/core leaves).
  const annotsValue = page.get(PDFName.of('Annots'));
  if (annotsValue instanceof PDFRef) {
    const arr = file.array(annotsValue) as PDFArray;
    arr.push(widgetRef);
    objects.set(annotsValue.objectNumber, arr.toString());
  } else {
    const arr = annotsValue instanceof PDFArray ? annotsValue : file.context.obj([]);
    arr.push(widgetRef);
    page.set(PDFName.of('Annots'), arr);
    objects.set(pageRef.objectNumber, page.toString());
  }

  // The AcroForm lists the field; SigFlags 3 = signatures exist, append only.
  if (acroFormValue instanceof PDFRef && acroForm) {
    addField(file, acroForm, widgetRef, objects);
    objects.set(acroFormValue.objectNumber, acroForm.toString());
  } else {
    const form = acroForm ?? file.context.obj({});
    addField(file, form, widgetRef, objects);
    const formNum = next++;
    objects.set(formNum, form.toString());
    catalog.set(PDFName.of('AcroForm'), PDFRef.of(formNum));
    objects.set(catalogRef.objectNumber, catalog.toString());
  }

  const { bytes: out, offsets } = appendUpdate(file, objects, Math.max(size, next));

  // Locate the placeholders inside the signature dictionary we just wrote.
  const sigStart = offsets.get(sigNum) as number;
  const sigText = new TextDecoder('latin1').decode(out.subarray(sigStart, sigStart + sigDict.length + 32));
  const brAt = sigStart + sigText.indexOf(BYTE_RANGE_PLACEHOLDER);
  const contentsAt = sigStart + sigText.indexOf('/Contents <') + '/Contents '.length;
  const contentsEnd = contentsAt + reserve * 2 + 2;
  const byteRange = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const br = `/ByteRange [${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  out.set(enc.encode(br), brAt);

  const hash = createHash('sha256');
  hash.update(out.subarray(0, contentsAt));
  hash.update(out.subarray(contentsEnd));
  const cms = buildSignedData(new Uint8Array(hash.digest()), key, signer.certificateDer);
  if (cms.length > reserve) throw new Error(`signature needs ${cms.length} bytes, more than the ${reserve} reserved`);
  out.set(enc.encode(Buffer.from(cms).toString('hex')), contentsAt + 1);
  return out;
}

function addField(file: PdfFile, form: PDFDict, widgetRef: PDFRef, objects: Map<number, string>): void {
  const value = form.get(PDFName.of('Fields'));
  const fields = file.array(value) ?? file.context.obj([]);
  fields.push(widgetRef);
  // An indirect /Fields array is rewritten as its own object; a direct one lives in the form.
  if (value instanceof PDFRef) objects.set(value.objectNumber, fields.toString());
  else form.set(PDFName.of('Fields'), fields);
  form.set(PDFName.of('SigFlags'), PDFNumber.of(3));
}
