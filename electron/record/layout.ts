/**
 * A simple flowing layout on A4: headings, paragraphs, label/value rows and tables whose rows may
 * break across pages (the header repeats on each new page). Page furniture (protective marking,
 * "Page x of y", the record hash) is drawn at the end, once the page count is known.
 */
import { PageSizes, rgb, type PDFDocument, type PDFPage } from 'pdf-lib';
import { TextEngine, type TextStyle } from './text';

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

export class Flow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  readonly left = MARGIN.left;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;

  constructor(
    readonly doc: PDFDocument,
    readonly text: TextEngine,
  ) {
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

  /** A section heading; never left alone at the foot of a page. */
  heading(title: string, level: 1 | 2 = 1): void {
    const style = level === 1 ? STYLES.h1 : STYLES.h2;
    // Keep the heading with at least a table header and a few lines of what follows.
    this.ensure(this.lineHeight(style) + 90);
    this.space(level === 1 ? 8 : 5);
    this.y -= style.size;
    this.text.drawLine(this.page, title, this.left, this.y, style);
    this.y -= level === 1 ? 6 : 4;
    if (level === 1) {
      this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness: 0.6, color: RULE });
      this.y -= 6;
    }
  }

  paragraph(content: string, style: TextStyle = STYLES.body, indent = 0): void {
    const lh = this.lineHeight(style);
    for (const line of this.text.layout(content, style, this.width - indent)) {
      this.ensure(lh);
      this.y -= lh;
      this.text.drawLine(this.page, line.text, this.left + indent, this.y + (lh - style.size) / 2, style, {
        direction: line.direction,
        levels: line.levels,
        boxWidth: this.width - indent,
      });
    }
    this.space(3);
  }

  /** Label/value rows (no header): labels bold in a fixed column. */
  fields(rows: Array<[string, string | undefined]>, labelWidth = 150): void {
    const present = rows.filter((r): r is [string, string] => r[1] !== undefined && r[1] !== '');
    const lh = this.lineHeight(STYLES.body);
    for (const [label, value] of present) {
      const labelLines = this.text.layout(label, STYLES.bodyBold, labelWidth - 8);
      const valueLines = this.text.layout(value, STYLES.body, this.width - labelWidth);
      const n = Math.max(labelLines.length, valueLines.length);
      for (let i = 0; i < n; i++) {
        this.ensure(lh);
        this.y -= lh;
        const base = this.y + (lh - STYLES.body.size) / 2;
        const l = labelLines[i];
        if (l) this.text.drawLine(this.page, l.text, this.left, base, STYLES.bodyBold, { direction: 'ltr' });
        const v = valueLines[i];
        if (v) this.text.drawLine(this.page, v.text, this.left + labelWidth, base, STYLES.body, { direction: v.direction, levels: v.levels, boxWidth: this.width - labelWidth, align: 'left' });
      }
      this.space(2);
    }
    this.space(3);
  }

  /**
   * A table with wrapped cells. A row that does not fit continues on the next page, line by line,
   * and every new page starts with the header row again.
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

    const drawHeader = (continued: boolean): void => {
      if (continued && caption) {
        this.y -= lh;
        this.text.drawLine(this.page, `${caption} (continued)`, this.left, this.y + 2, STYLES.small);
      }
      const top = this.y;
      this.page.drawRectangle({ x: this.left, y: top - headerHeight, width: this.width, height: headerHeight, color: HEADER_FILL });
      headerLines.forEach((lines, c) => {
        lines.forEach((line, i) => {
          this.text.drawLine(this.page, line.text, (xs[c] as number) + pad, top - pad - (i + 1) * lh + (lh - style.size) / 2, STYLES.cellBold, {
            direction: 'ltr',
          });
        });
      });
      this.gridRow(xs, widths, top, headerHeight);
      this.y = top - headerHeight;
    };

    this.ensure(headerHeight + lh + 2 * pad + 4);
    drawHeader(false);
    for (const row of rows) {
      const cells = row.map((cell, c) => this.text.layout(cell, style, (widths[c] as number) - 2 * pad));
      const height = Math.max(1, ...cells.map((l) => l.length));
      let offset = 0;
      // Keep short rows whole: move them to a new page rather than split 2-3 lines.
      if (height <= 4 && height * lh + 2 * pad > this.remaining) {
        this.newPage();
        drawHeader(true);
      }
      while (offset < height) {
        let fit = Math.floor((this.remaining - 2 * pad) / lh);
        if (fit < 1) {
          this.newPage();
          drawHeader(true);
          fit = Math.floor((this.remaining - 2 * pad) / lh);
        }
        const take = Math.min(fit, height - offset);
        const top = this.y;
        const rowHeight = take * lh + 2 * pad;
        cells.forEach((lines, c) => {
          for (let i = 0; i < take; i++) {
            const line = lines[offset + i];
            if (!line) continue;
            this.text.drawLine(this.page, line.text, (xs[c] as number) + pad, top - pad - (i + 1) * lh + (lh - style.size) / 2, style, {
              direction: line.direction,
              levels: line.levels,
              boxWidth: (widths[c] as number) - 2 * pad,
              align: 'left',
            });
          }
        });
        this.gridRow(xs, widths, top, rowHeight);
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

  private gridRow(xs: number[], widths: number[], top: number, height: number): void {
    const color = RULE;
    const thickness = 0.4;
    const right = this.left + this.width;
    this.page.drawLine({ start: { x: this.left, y: top }, end: { x: right, y: top }, thickness, color });
    this.page.drawLine({ start: { x: this.left, y: top - height }, end: { x: right, y: top - height }, thickness, color });
    xs.forEach((x) => this.page.drawLine({ start: { x, y: top }, end: { x, y: top - height }, thickness, color }));
    this.page.drawLine({ start: { x: right, y: top }, end: { x: right, y: top - height }, thickness, color });
    void widths;
  }

  /** Protective marking top and bottom, reference, "Page x of y" and the record hash on every page. */
  furniture(opts: { marking: string; reference: string; recordSha256: string }): void {
    const n = this.pages.length;
    const red = rgb(0.62, 0.05, 0.05);
    const marking: TextStyle = { size: 9, bold: true, color: red };
    this.pages.forEach((page, i) => {
      const [w, h] = [A4[0], A4[1]];
      this.text.drawLine(page, opts.marking, 0, h - 28, marking, { boxWidth: w, align: 'center', direction: 'ltr' });
      this.text.drawLine(page, `Age assessment record · ${opts.reference}`, this.left, h - 44, STYLES.small, { direction: 'ltr' });
      page.drawLine({ start: { x: this.left, y: 58 }, end: { x: w - MARGIN.right, y: 58 }, thickness: 0.4, color: RULE });
      this.text.drawLine(page, `SHA-256 of record.json: ${opts.recordSha256}`, this.left, 46, STYLES.small, { direction: 'ltr' });
      this.text.drawLine(page, `Page ${i + 1} of ${n}`, this.left, 46, STYLES.small, { direction: 'ltr', boxWidth: this.width, align: 'right' });
      this.text.drawLine(page, opts.marking, 0, 24, marking, { boxWidth: w, align: 'center', direction: 'ltr' });
    });
  }
}
