/**
 * The structure tree of a tagged PDF (ISO 32000-1 14.7-14.8, PDF/UA's reading of it), built with
 * pdf-lib's low-level objects because pdf-lib has no tagging API. Drawing is wrapped in marked
 * content: `/P <</MCID n>> BDC ... EMC` for content that belongs to a structure element, and
 * `/Artifact BMC ... EMC` for page furniture, rules and repeated table headers. `finish` writes the
 * StructTreeRoot, the ParentTree (page /StructParents → the element of each MCID), /MarkInfo and
 * the pages' /Tabs /S.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFString,
  PDFOperatorNames as Ops,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { FontKey } from './fonts';
import type { Line, LineMarks } from './text';

export type StructType =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'P'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'Caption'
  | 'Sect';

interface ContentRef {
  page: PDFPage;
  mcid: number;
}

export interface StructElem {
  type: StructType;
  kids: Array<StructElem | ContentRef>;
  parent?: StructElem;
  alt?: string;
  lang?: string;
  /** For TH: Row or Column (PDF/UA wants the scope of header cells). */
  scope?: 'Row' | 'Column';
}

/** pdf-lib writes any PDF object as an operand; its type only lists the common ones. */
type OperatorArg = NonNullable<Parameters<typeof PDFOperator.of>[1]>[number];
const inline = (d: PDFDict): OperatorArg => d as unknown as OperatorArg;

const RTL_CHARS = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** Digits, Latin letters and mirrored brackets: what makes a right-to-left line's visual order more than a reversal. */
const MIXED = /[\p{Nd}\p{Script=Latin}()[\]{}<>«»]/u;

/** Languages of the runs drawn in a non-Latin font (BCP 47), e.g. { naskh: 'fa-AF', ethiopic: 'ti' }. */
export type ScriptLanguages = Partial<Record<FontKey, string>>;

export class Tagger implements LineMarks {
  readonly root: StructElem = { type: 'Document', kids: [] };
  private readonly mcids = new Map<PDFPage, StructElem[]>();

  constructor(
    private readonly doc: PDFDocument,
    private readonly languages: ScriptLanguages = {},
  ) {}

  elem(type: StructType, parent: StructElem = this.root, extra: Partial<Pick<StructElem, 'alt' | 'lang' | 'scope'>> = {}): StructElem {
    const e: StructElem = { type, kids: [], parent, ...extra };
    parent.kids.push(e);
    return e;
  }

  /** Wraps what `draw` puts on `page` in a marked-content sequence that belongs to `elem`. */
  mark(page: PDFPage, elem: StructElem, draw: () => void): void {
    const list = this.mcids.get(page) ?? [];
    this.mcids.set(page, list);
    const mcid = list.length;
    list.push(elem);
    const tag = elem.type === 'Document' || elem.type === 'Sect' ? 'P' : elem.type;
    page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of(tag), inline(this.doc.context.obj({ MCID: mcid }))]));
    draw();
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
    elem.kids.push({ page, mcid });
  }

  /** Content that is not part of the document's text (furniture, rules, a repeated header). */
  artifact(page: PDFPage, draw: () => void, kind?: 'Pagination' | 'Layout'): void {
    if (kind) page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Artifact'), inline(this.doc.context.obj({ Type: kind }))]));
    else page.pushOperators(PDFOperator.of(Ops.BeginMarkedContent, [PDFName.of('Artifact')]));
    draw();
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
  }

  // LineMarks: spans inside a line (no MCID: they are property lists inside their element's content).
  /**
   * A line whose visual order is not simply its reading order reversed (right-to-left text with
   * digits, Latin or brackets in it) carries /ActualText. A line of right-to-left words alone does
   * not: every extractor reverses it correctly, and poppler reads /ActualText as if it were placed
   * left to right, so it would reverse the letters of such a line.
   */
  spansFor(line: Line): boolean {
    return RTL_CHARS.test(line.text) && MIXED.test(line.text);
  }

  /** A right-to-left line is drawn in visual order; /ActualText gives readers the reading order. */
  beginLine(page: PDFPage, logical: string): void {
    page.pushOperators(
      PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), inline(this.doc.context.obj({ ActualText: PDFHexString.fromText(logical) }))]),
    );
  }

  langOf(font: FontKey): string | undefined {
    return this.languages[font];
  }

  beginLang(page: PDFPage, lang: string): void {
    page.pushOperators(PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of('Span'), inline(this.doc.context.obj({ Lang: PDFString.of(lang) }))]));
  }

  end(page: PDFPage): void {
    page.pushOperators(PDFOperator.of(Ops.EndMarkedContent));
  }

  /** Writes the structure tree and marks the document as tagged. */
  finish(lang: string): void {
    const ctx = this.doc.context;
    const pages = this.doc.getPages();
    const pageIndex = new Map(pages.map((p, i) => [p, i]));
    const rootRef = ctx.nextRef();
    const refOf = new Map<StructElem, PDFRef>();
    const parentTree: PDFRef[][] = pages.map(() => []);

    const build = (e: StructElem, parentRef: PDFRef): PDFRef | undefined => {
      const ref = ctx.nextRef();
      refOf.set(e, ref);
      const kids = ctx.obj([]) as PDFArray;
      let pg: PDFPage | undefined;
      for (const k of e.kids) {
        if ('mcid' in k) {
          pg ??= k.page;
          if (k.page === pg) kids.push(PDFNumber.of(k.mcid));
          else kids.push(ctx.obj({ Type: 'MCR', Pg: k.page.ref, MCID: k.mcid }));
          (parentTree[pageIndex.get(k.page) as number] as PDFRef[])[k.mcid] = ref;
        } else {
          const kid = build(k, ref);
          if (kid) kids.push(kid);
        }
      }
      if (kids.size() === 0 && e.type !== 'Document') return undefined;
      const dict = ctx.obj({ Type: 'StructElem', S: e.type, P: parentRef, K: kids }) as PDFDict;
      if (pg) dict.set(PDFName.of('Pg'), pg.ref);
      if (e.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(e.alt));
      if (e.lang) dict.set(PDFName.of('Lang'), PDFString.of(e.lang));
      if (e.scope) dict.set(PDFName.of('A'), ctx.obj({ O: 'Table', Scope: e.scope }));
      ctx.assign(ref, dict);
      return ref;
    };
    const docRef = build(this.root, rootRef) as PDFRef;

    const nums = ctx.obj([]) as PDFArray;
    pages.forEach((page, i) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(i));
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
      nums.push(PDFNumber.of(i));
      nums.push(ctx.obj(parentTree[i] ?? []));
    });
    const parentTreeRef = ctx.register(ctx.obj({ Nums: nums }));
    ctx.assign(rootRef, ctx.obj({ Type: 'StructTreeRoot', K: docRef, ParentTree: parentTreeRef, ParentTreeNextKey: pages.length }));
    const catalog = this.doc.catalog;
    catalog.set(PDFName.of('StructTreeRoot'), rootRef);
    catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
    catalog.set(PDFName.of('Lang'), PDFString.of(lang));
  }
}
