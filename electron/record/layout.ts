/**
 * A simple flowing layout on A4: headings, paragraphs, label/value rows and tables whose rows may
 * break across pages (the header repeats on each new page). Page furniture (protective marking,
 * "Page x of y", the record hash) is drawn at the end, once the page count is known.
 *
 * Everything drawn is tagged (tags.ts): headings H1/H2, paragraphs P, tables Table/TR/TH/TD (label
 * and value rows are a two-column table with row headers), images Figure with /Alt; rules, cell
 * borders, a repeated table header and the page furniture are artifacts.
 *
 * Page breaks keep at least two lines of a paragraph or value at the foot of a page and two at the
 * head of the next (no widows, no orphans), keep a label with the start of its value, and a
 * heading with what follows it.
 */
import { PageSizes, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import type { EmbeddedImage } from './images';
import { Tagger, type StructElem } from './tags';
import { TextEngine, type Line, type TextStyle } from './text';

export const A4 = PageSizes.A4 as [number, number];
const MARGIN = { top: 62, bottom: 72, left: 50, right: 50 };
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.6, 0.6, 0.6);
const HEADER_FILL = rgb(0.9, 0.92, 0.95);

export const STYLES = {
  body: { size: 9.5 } as TextStyle,
  bodyBold: { size: 9.5, bold: true } as TextStyle,
  small: { size: 8, color: GREY } as TextStyle,
  cell: { size: 8.5 } as TextStyle,
  cellBold: { size: 8.5, bold: true } as TextStyle,
  h1: { size: 15, bold: true } as TextStyle,
  h2: { size: 11.5, bold: true } as TextStyle,
  title: { size: 22, bold: true } as TextStyle,
};

export interface Column {
  title: string;
  /** Share of the table width. */
  weight: number;
}

/** Fewest lines left at the foot of a page (orphans) or carried to the next (widows). */
const MIN_LINES = 2;

/**
 * How many of `left` lines of height `lh` to put on a page with `room` points, keeping at least
 * MIN_LINES on each side of a break; 0 means start a new page first.
 */
export function linesThatFit(left: number, room: number, lh: number): number {
  const fit = Math.floor(room / lh + 1e-6);
  if (left <= fit) return left;
  if (fit < MIN_LINES || left < 2 * MIN_LINES) return 0;
  return Math.max(0, Math.min(fit, left - MIN_LINES));
}

export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly left = MARGIN.left;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;

  constructor(
    readonly doc: PDFDocument,
    readonly text: TextEngine,
    readonly tags: Tagger,
  ) {
    text.marks = tags;
    this.newPage();
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
  }

  get remaining(): number {
    return this.y - MARGIN.bottom;
  }

  ensure(height: number): void {
    if (height > this.remaining) this.newPage();
  }

  space(h: number): void {
    this.y -= h;
  }

  private lineHeight(style: TextStyle): number {
    return style.size * 1.35;
  }

  private rule(page: PDFPage, x1: number, y1: number, x2: number, y2: number, thickness = 0.4): void {
    this.tags.artifact(page, () => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: RULE }));
  }

  /** A section heading; never left alone at the foot of a page. */
  heading(title: string, level: 1 | 2 = 1): void {
    const style = level === 1 ? STYLES.h1 : STYLES.h2;
    // Keep the heading with at least a table header and a few lines of what follows.
    this.ensure(this.lineHeight(style) + 90);
    this.space(level === 1 ? 8 : 5);
    this.y -= style.size;
    const elem = this.tags.elem(level === 1 ? 'H1' : 'H2');
    this.tags.mark(this.page, elem, () => this.text.drawLine(this.page, title, this.left, this.y, style, { direction: 'ltr' }));
    this.y -= level === 1 ? 6 : 4;
    if (level === 1) {
      this.rule(this.page, this.left, this.y, this.left + this.width, this.y, 0.6);
      this.y -= 6;
    }
  }

  /** Draws wrapped lines into one element, breaking pages without widows or orphans. */
  private flowLines(elem: StructElem, lines: Line[], style: TextStyle, x: number, boxWidth: number): void {
    const lh = this.lineHeight(style);
    let done = 0;
    while (done < lines.length) {
      let take = linesThatFit(lines.length - done, this.remaining, lh);
      if (take === 0) {
        this.newPage();
        take = Math.max(1, linesThatFit(lines.length - done, this.remaining, lh));
      }
      const chunk = lines.slice(done, done + take);
      const page = this.page;
      this.tags.mark(page, elem, () => {
        for (const line of chunk) {
          this.y -= lh;
          this.text.drawLine(page, line, x, this.y + (lh - style.size) / 2, style, { boxWidth });
        }
      });
      done += take;
    }
  }

  paragraph(content: string, style: TextStyle = STYLES.body, indent = 0): void {
    const lines = this.text.layout(content, style, this.width - indent);
    this.flowLines(this.tags.elem('P'), lines, style, this.left + indent, this.width - indent);
    this.space(3);
  }

  /**
   * Label/value rows (no header): labels bold in a fixed column. A label always starts on the same
   * page as its value, with at least two lines of it (the whole value when it has four lines or fewer).
   */
  fields(rows: Array<[string, string | undefined]>, labelWidth = 150): void {
    const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
    if (!present.length) return;
    const lh = this.lineHeight(STYLES.body);
    const table = this.tags.elem('Table');
    for (const [label, value] of present) {
      const labelLines = this.text.layout(label, STYLES.bodyBold, labelWidth - 8);
      const valueLines = this.text.layout(value, STYLES.body, this.width - labelWidth);
      const n = Math.max(labelLines.length, valueLines.length);
      const keep = n <= 2 * MIN_LINES ? n : Math.max(labelLines.length, MIN_LINES);
      this.ensure(keep * lh);
      const tr = this.tags.elem('TR', table);
      const th = this.tags.elem('TH', tr, { scope: 'Row' });
      const td = this.tags.elem('TD', tr);
      const top = this.y;
      const page = this.page;
      this.tags.mark(page, th, () => {
        labelLines.forEach((l, i) => this.text.drawLine(page, l, this.left, top - (i + 1) * lh + (lh - STYLES.body.size) / 2, STYLES.bodyBold, { direction: 'ltr' }));
      });
      this.flowLines(td, valueLines, STYLES.body, this.left + labelWidth, this.width - labelWidth);
      if (this.page === page) this.y = Math.min(this.y, top - labelLines.length * lh);
      this.space(2);
    }
    this.space(3);
  }

  /**
   * A table with wrapped cells. A row that does not fit continues on the next page, line by line,
   * and every new page starts with the header row again (an artifact: the header is tagged once).
   */
  table(columns: Column[], rows: string[][], caption?: string): void {
    const pad = 3;
    const style = STYLES.cell;
    const lh = this.lineHeight(style);
    const total = columns.reduce((s, c) => s + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const headerLines = columns.map((c, i) => this.text.layout(c.title, STYLES.cellBold, (widths[i] as number) - 2 * pad));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * pad;
    const table = this.tags.elem('Table');

    const drawHeader = (continued: boolean): void => {
      const page = this.page;
      if (continued && caption) {
        this.y -= lh;
        const y = this.y + 2;
        this.tags.artifact(page, () => this.text.drawLine(page, `${caption} (continued)`, this.left, y, STYLES.small, { direction: 'ltr' }));
      }
      const top = this.y;
      this.tags.artifact(page, () => page.drawRectangle({ x: this.left, y: top - headerHeight, width: this.width, height: headerHeight, color: HEADER_FILL }));
      const cellsOf = (c: number): void =>
        (headerLines[c] ?? []).forEach((line, i) => {
          this.text.drawLine(page, line, (xs[c] as number) + pad, top - pad - (i + 1) * lh + (lh - style.size) / 2, STYLES.cellBold, { direction: 'ltr' });
        });
      if (continued) this.tags.artifact(page, () => headerLines.forEach((_, c) => cellsOf(c)));
      else {
        const tr = this.tags.elem('TR', table);
        headerLines.forEach((_, c) => this.tags.mark(page, this.tags.elem('TH', tr, { scope: 'Column' }), () => cellsOf(c)));
      }
      this.gridRow(xs, top, headerHeight);
      this.y = top - headerHeight;
    };

    this.ensure(headerHeight + lh + 2 * pad + 4);
    drawHeader(false);
    for (const row of rows) {
      const cells = row.map((cell, c) => this.text.layout(cell, style, (widths[c] as number) - 2 * pad));
      const height = Math.max(1, ...cells.map((l) => l.length));
      const tr = this.tags.elem('TR', table);
      const tds = cells.map(() => this.tags.elem('TD', tr));
      let offset = 0;
      // Keep short rows whole: move them to a new page rather than split 2-3 lines.
      if (height <= 2 * MIN_LINES && height * lh + 2 * pad > this.remaining) {
        this.newPage();
        drawHeader(true);
      }
      while (offset < height) {
        let take = linesThatFit(height - offset, this.remaining - 2 * pad, lh);
        if (take === 0) {
          this.newPage();
          drawHeader(true);
          take = Math.max(1, linesThatFit(height - offset, this.remaining - 2 * pad, lh));
        }
        const top = this.y;
        const page = this.page;
        const rowHeight = take * lh + 2 * pad;
        cells.forEach((lines, c) => {
          this.tags.mark(page, tds[c] as StructElem, () => {
            for (let i = 0; i < take; i++) {
              const line = lines[offset + i];
              if (!line) continue;
              this.text.drawLine(page, line, (xs[c] as number) + pad, top - pad - (i + 1) * lh + (lh - style.size) / 2, style, {
                boxWidth: (widths[c] as number) - 2 * pad,
                align: 'left',
              });
            }
          });
        });
        this.gridRow(xs, top, rowHeight);
        this.y = top - rowHeight;
        offset += take;
        if (offset < height) {
          this.newPage();
          drawHeader(true);
        }
      }
    }
    this.space(8);
  }

  /** Cell borders: a rule above and below the row and between every two cells. */
  private gridRow(xs: number[], top: number, height: number): void {
    const page = this.page;
    const right = this.left + this.width;
    this.tags.artifact(page, () => {
      const line = (x1: number, y1: number, x2: number, y2: number): void => page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: 0.4, color: RULE });
      line(this.left, top, right, top);
      line(this.left, top - height, right, top - height);
      for (const x of xs) line(x, top, x, top - height);
      line(right, top, right, top - height);
    });
  }

  /** An image with its alternative text, scaled into the column (at most `maxHeight` points high). */
  figure(img: EmbeddedImage, alt: string, maxHeight = 300): void {
    const scale = Math.min(this.width / img.width, maxHeight / img.height, 1);
    const w = img.width * scale;
    const h = img.height * scale;
    this.ensure(h + 4);
    this.y -= h;
    const page = this.page;
    const y = this.y;
    this.tags.mark(page, this.tags.elem('Figure', this.tags.root, { alt }), () => img.draw(page, this.left, y, w, h));
    this.space(4);
  }

  /** Protective marking top and bottom, reference, "Page x of y" and the record hash on every page. */
  furniture(opts: { marking: string; reference: string; recordSha256: string }): void {
    const n = this.pages.length;
    const red = rgb(0.62, 0.05, 0.05);
    const marking: TextStyle = { size: 9, bold: true, color: red };
    this.pages.forEach((page, i) => {
      const [w, h] = [A4[0], A4[1]];
      this.tags.artifact(
        page,
        () => {
          this.text.drawLine(page, opts.marking, 0, h - 28, marking, { boxWidth: w, align: 'center', direction: 'ltr' });
          this.text.drawLine(page, `Age assessment record · ${opts.reference}`, this.left, h - 44, STYLES.small, { direction: 'ltr' });
          page.drawLine({ start: { x: this.left, y: 58 }, end: { x: w - MARGIN.right, y: 58 }, thickness: 0.4, color: RULE });
          this.text.drawLine(page, `SHA-256 of record.json: ${opts.recordSha256}`, this.left, 46, STYLES.small, { direction: 'ltr' });
          this.text.drawLine(page, `Page ${i + 1} of ${n}`, this.left, 46, STYLES.small, { direction: 'ltr', boxWidth: this.width, align: 'right' });
          this.text.drawLine(page, opts.marking, 0, 24, marking, { boxWidth: w, align: 'center', direction: 'ltr' });
        },
        'Pagination',
      );
    });
  }
}
