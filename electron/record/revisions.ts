/**
 * What an incremental update changed, judged object by object against the revision before it.
 * Allowed (a later signature, as ISO 32000 DocMDP level 2 would allow): new signature values, new
 * signature fields/widgets, the page's /Annots gaining those widgets, the AcroForm gaining those
 * fields, and the catalog gaining an /AcroForm. Anything else (page content, resources, the
 * attached record, metadata, deleted objects, a new root) is a change to signed content.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import type { PdfFile } from './pdffile';
import type { LaterRevision, RevisionAddition } from './types';

const str = (v: PDFObject | undefined): string => (v === undefined ? '' : v.toString());

function refNums(arr: PDFArray | undefined): number[] {
  return (arr?.asArray() ?? []).map((v) => (v instanceof PDFRef ? v.objectNumber : -1));
}

function isSigWidget(file: PdfFile, num: number, rev: number): boolean {
  const d = file.objectAt(num, rev)?.obj;
  return d instanceof PDFDict && str(d.get(PDFName.of('FT'))) === '/Sig' && str(d.get(PDFName.of('Subtype'))) === '/Widget';
}

/** Keys whose values differ between two dictionaries. */
function changedKeys(a: PDFDict, b: PDFDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()].map((k) => k.toString()));
  return [...keys].filter((k) => str(a.get(PDFName.of(k.slice(1)))) !== str(b.get(PDFName.of(k.slice(1)))));
}

/** Only additions, and every addition a signature widget new in this revision. */
function onlyAddsSigWidgets(file: PdfFile, before: number[], after: number[], rev: number): boolean {
  if (after.length < before.length || before.some((n, i) => after[i] !== n)) return false;
  return after.slice(before.length).every((n) => n >= 0 && file.definedIn(n, rev - 1) === undefined && isSigWidget(file, n, rev));
}

function describe(obj: PDFObject | undefined): string {
  if (obj instanceof PDFDict) return str(obj.get(PDFName.of('Type'))) || str(obj.get(PDFName.of('Subtype'))) || 'dictionary';
  return obj ? obj.constructor.name.replace(/^PDF/, '').toLowerCase() : 'object';
}

/**
 * What revision `j` added, by kind, for people: a countersignature adds 'signature'; a note or
 * stamp on a page, 'annotations'; a new page, 'pages'; anything else (content, resources, the
 * attached record, metadata), 'other'.
 */
export function revisionAdditions(file: PdfFile, j: number): RevisionAddition[] {
  const r = file.revisions[j];
  if (!r) return [];
  const kinds = new Set<RevisionAddition>();
  const prev = file.revisions[j - 1];
  for (const k of ['Root', 'Info', 'Encrypt']) if (str(r.trailer.get(PDFName.of(k))) !== str(prev?.trailer.get(PDFName.of(k)))) kinds.add('other');
  const pagesBefore = new Set(file.pages(j - 1).map((p) => p.objectNumber));
  if (file.pages(j).some((p) => !pagesBefore.has(p.objectNumber))) kinds.add('pages');
  const acroBefore = catalogFormRef(file, j - 1);
  for (const [num, entry] of r.entries) {
    if (num === 0) continue;
    if (!entry.inUse) {
      kinds.add('other');
      continue;
    }
    const now = file.objectAt(num, j)?.obj;
    const was = file.objectAt(num, j - 1)?.obj;
    const type = now instanceof PDFDict ? str(now.get(PDFName.of('Type'))) : '';
    if (type === '/Sig' || isSigWidget(file, num, j)) {
      kinds.add('signature');
      continue;
    }
    if (now instanceof PDFDict && (type === '/Annot' || (type === '' && now.has(PDFName.of('Subtype')) && now.has(PDFName.of('Rect'))))) {
      kinds.add('annotations');
      continue;
    }
    // New objects that are neither are what the changed objects below point to (a new page's
    // content, an annotation's appearance): they are named through those.
    if (!was || str(was) === str(now)) continue;
    if (!(was instanceof PDFDict) || !(now instanceof PDFDict)) {
      const arrays = was instanceof PDFArray && now instanceof PDFArray;
      kinds.add(arrays && onlyAddsSigWidgets(file, refNums(was), refNums(now), j) ? 'signature' : 'other');
      continue;
    }
    for (const key of changedKeys(was, now)) {
      if (key === '/Annots') {
        const before = refNums(file.array(was.get(PDFName.of('Annots')), j - 1));
        const after = refNums(file.array(now.get(PDFName.of('Annots')), j));
        kinds.add(onlyAddsSigWidgets(file, before, after, j) ? 'signature' : 'annotations');
      } else if ((key === '/Kids' || key === '/Count') && str(was.get(PDFName.of('Type'))) === '/Pages') kinds.add('pages');
      else if (key === '/AcroForm' || ((key === '/Fields' || key === '/SigFlags') && num === acroBefore)) {
        if (revisionChanges(file, j).some((c) => c.startsWith('the form') || c.startsWith('the document catalog'))) kinds.add('other');
        else kinds.add('signature');
      } else kinds.add('other');
    }
  }
  return [...kinds];
}

/** The updates appended after revision `rev`, each with what it added and what signed content it changed. */
export function laterRevisions(file: PdfFile, rev: number): LaterRevision[] {
  const out: LaterRevision[] = [];
  for (let j = rev + 1; j < file.revisions.length; j++) out.push({ update: j, adds: revisionAdditions(file, j), changes: revisionChanges(file, j) });
  return out;
}

/** Changes to signed content made in revisions after `rev` (empty when they only add signatures). */
export function laterChanges(file: PdfFile, rev: number): string[] {
  const out: string[] = [];
  for (let j = rev + 1; j < file.revisions.length; j++) out.push(...revisionChanges(file, j).map((c) => `update ${j}: ${c}`));
  return out;
}

export function revisionChanges(file: PdfFile, j: number): string[] {
  const out: string[] = [];
  const r = file.revisions[j];
  if (!r) return out;
  const rootBefore = file.revisions[j - 1]?.trailer.get(PDFName.of('Root'));
  for (const k of ['Root', 'Info', 'Encrypt']) {
    if (str(r.trailer.get(PDFName.of(k))) !== str(file.revisions[j - 1]?.trailer.get(PDFName.of(k)))) out.push(`the trailer's /${k} changed`);
  }
  const catalogNum = rootBefore instanceof PDFRef ? rootBefore.objectNumber : -1;
  const catalogAfter = file.catalog(j).dict;
  const pagesBefore = new Set(file.pages(j - 1).map((p) => p.objectNumber));
  const acroBefore = catalogFormRef(file, j - 1);
  const acroAfter = catalogFormRef(file, j);

  for (const [num, entry] of r.entries) {
    if (num === 0) continue;
    if (!entry.inUse) {
      out.push(`object ${num} was deleted`);
      continue;
    }
    const now = file.objectAt(num, j)?.obj;
    const was = file.objectAt(num, j - 1)?.obj;
    if (!was) {
      // New objects: a signature value, a signature widget, or the AcroForm the catalog now points to.
      const isSig = now instanceof PDFDict && str(now.get(PDFName.of('Type'))) === '/Sig';
      if (isSig || isSigWidget(file, num, j) || num === acroAfter) continue;
      out.push(`new object ${num} (${describe(now)}) that is not a signature`);
      continue;
    }
    if (str(was) === str(now)) continue;
    if (!(was instanceof PDFDict) || !(now instanceof PDFDict)) {
      const wasArr = was instanceof PDFArray ? was : undefined;
      const nowArr = now instanceof PDFArray ? now : undefined;
      if (wasArr && nowArr && onlyAddsSigWidgets(file, refNums(wasArr), refNums(nowArr), j)) continue;
      out.push(`object ${num} (${describe(was)}) was changed`);
      continue;
    }
    const keys = changedKeys(was, now);
    if (num === catalogNum) {
      if (keys.every((k) => k === '/AcroForm') && acroBefore === undefined) continue;
      out.push(`the document catalog changed (${keys.join(', ')})`);
    } else if (pagesBefore.has(num)) {
      if (keys.every((k) => k === '/Annots')) {
        const before = file.array(was.get(PDFName.of('Annots')), j - 1);
        const after = file.array(now.get(PDFName.of('Annots')), j);
        if (onlyAddsSigWidgets(file, refNums(before), refNums(after), j)) continue;
      }
      out.push(`page object ${num} changed (${keys.join(', ')})`);
    } else if (num === acroBefore) {
      const fieldsOk =
        keys.every((k) => k === '/Fields' || k === '/SigFlags') &&
        onlyAddsSigWidgets(file, refNums(file.array(was.get(PDFName.of('Fields')), j - 1)), refNums(file.array(now.get(PDFName.of('Fields')), j)), j);
      if (!fieldsOk) out.push(`the form changed (${keys.join(', ')})`);
    } else if (str(was.get(PDFName.of('Type'))) === '/Sig' || isSigWidget(file, num, j - 1)) {
      out.push(`an earlier signature (object ${num}) was changed`);
    } else {
      out.push(`object ${num} (${describe(was)}) was changed`);
    }
  }
  if (str(catalogAfter.get(PDFName.of('AcroForm'))) && acroAfter === undefined) out.push('the form is not an indirect object');
  return out;
}

function catalogFormRef(file: PdfFile, rev: number): number | undefined {
  if (rev < 0) return undefined;
  const v = file.catalog(rev).dict.get(PDFName.of('AcroForm'));
  return v instanceof PDFRef ? v.objectNumber : undefined;
}
