/**
 * A report that is not an assessment record (the managers' quality report, issue 14 item 6), made
 * with the record's own machinery: the same fonts (Noto, subset), flowing layout with tagged
 * headings, paragraphs and tables, PDF/A-3b identification, and the machine-readable data attached
 * as a file whose SHA-256 is printed on every page, as record.json is in a record. The report says
 * what it is about in its own `ReportDocument`; this module knows nothing of quality figures.
 */
import { AFRelationship, PDFDocument, PDFHexString, rgb } from 'pdf-lib';
import { archival } from './archival';
import { sha256Hex, DEFAULT_MARKING } from './compose';
import { FontSet } from './fonts';
import { A4, Flow, STYLES, type Column } from './layout';
import { Tagger } from './tags';
import { TextEngine } from './text';

export interface ReportTable {
  caption: string;
  columns: Column[];
  rows: string[][];
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  tables?: ReportTable[];
  /** Small print after the tables (what a figure means, where it comes from). */
  notes?: string[];
}

export interface ReportDocument {
  title: string;
  /** Lines under the title: the period, the filter, who made it. */
  subtitle: string[];
  sections: ReportSection[];
  /** The data the report shows, attached as `fileName` (JSON) and hashed on every page. */
  data: { fileName: string; json: string };
  /** The short name in each page's header, e.g. "Quality report 2026-01-01 to 2026-12-31". */
  running: string;
  marking?: string;
}

export async function composeReport(report: ReportDocument, options: { now?: Date; fontDir?: string } = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  const now = options.now ?? new Date();
  const marking = report.marking ?? DEFAULT_MARKING;
  const dataSha256 = sha256Hex(report.data.json);
  const doc = await PDFDocument.create({ updateMetadata: false });
  const allText = JSON.stringify(report.sections) + report.title + report.subtitle.join(' ');
  const fonts = await FontSet.create(doc, allText, options.fontDir);
  const tags = new Tagger(doc);
  const flow = new Flow(doc, new TextEngine(fonts), tags);

  flow.space(20);
  flow.paragraph(report.title, STYLES.title);
  for (const line of report.subtitle) flow.paragraph(line, STYLES.body);
  for (const section of report.sections) {
    flow.heading(section.heading, 1);
    for (const p of section.paragraphs ?? []) flow.paragraph(p);
    for (const t of section.tables ?? []) {
      flow.heading(t.caption, 2);
      if (t.rows.length === 0) flow.paragraph('None.', STYLES.small);
      else flow.table(t.columns, t.rows, t.caption);
      flow.space(4);
    }
    for (const n of section.notes ?? []) flow.paragraph(n, STYLES.small);
  }
  furniture(flow, marking, report.running, report.data.fileName, dataSha256);
  tags.finish('en-GB');

  await doc.attach(new TextEncoder().encode(report.data.json), report.data.fileName, {
    mimeType: 'application/json',
    description: `The figures this report shows (SHA-256 ${dataSha256})`,
    creationDate: now,
    modificationDate: now,
    afRelationship: AFRelationship.Data,
  });
  const keywords = [marking, 'quality report', 'age assessment', `data-sha256:${dataSha256}`];
  doc.setTitle(report.title, { showInWindowTitleBar: true });
  doc.setAuthor('Carefile');
  doc.setSubject(`${marking}. ${report.running}`);
  doc.setKeywords(keywords);
  doc.setCreator('Carefile');
  doc.setProducer('Carefile (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('en-GB');
  const id = sha256Hex(`${dataSha256}|${now.toISOString()}`).slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  archival(doc, { title: report.title, author: 'Carefile', subject: `${marking}. ${report.running}`, keywords: keywords.join(' '), lang: 'en-GB', created: now, documentId: id });
  const pages = flow.pages.length;
  return { bytes: await doc.save({ useObjectStreams: false }), pages };
}

/** Marking top and bottom, the running title, "Page x of y" and the data's hash on every page (artifacts). */
function furniture(flow: Flow, marking: string, running: string, dataFile: string, dataSha256: string): void {
  const n = flow.pages.length;
  const [w, h] = A4;
  const red = { size: 9, bold: true, color: rgb(0.62, 0.05, 0.05) };
  flow.pages.forEach((page, i) => {
    flow.tags.artifact(
      page,
      () => {
        flow.text.drawLine(page, marking, 0, h - 28, red, { boxWidth: w, align: 'center', direction: 'ltr' });
        flow.text.drawLine(page, running, flow.left, h - 44, STYLES.small, { direction: 'ltr' });
        flow.text.drawLine(page, `SHA-256 of ${dataFile}: ${dataSha256}`, flow.left, 46, STYLES.small, { direction: 'ltr' });
        flow.text.drawLine(page, `Page ${i + 1} of ${n}`, flow.left, 34, STYLES.small, { direction: 'ltr', boxWidth: flow.width, align: 'right' });
        flow.text.drawLine(page, marking, 0, 20, red, { boxWidth: w, align: 'center', direction: 'ltr' });
      },
      'Pagination',
    );
  });
}
