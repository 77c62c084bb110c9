import { createHash } from 'node:crypto';
import { AFRelationship, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { Assessment } from '../../shared/domain/model';
import { archival } from './archival';
import { FontSet } from './fonts';
import { embedPrepared, prepareImage } from './images';
import { Flow, STYLES } from './layout';
import { scriptLanguages } from './languages';
import { Tagger } from './tags';
import { TextEngine } from './text';
import * as sections from './sections';
import type { ComposeOptions, RecordContext } from './types';

export const DEFAULT_MARKING = 'OFFICIAL-SENSITIVE';

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Builds the unsigned record. The result is a classic-xref PDF (no object streams) so that each
 * signature can be appended as a plain incremental update.
 */
export async function composeRecord(candidate: Assessment, context: RecordContext, options: ComposeOptions = {}): Promise<Uint8Array> {
  // Validate (and default) here too: a record must never be made from a half-formed assessment.
  const parsed = Assessment.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`not a valid assessment: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  const assessment = parsed.data;
  if (typeof context.recordJson !== 'string' || !context.recordJson) throw new Error('the record needs its canonical JSON (context.recordJson)');
  const now = options.now ?? new Date();
  const marking = options.marking ?? DEFAULT_MARKING;
  const recordSha256 = sha256Hex(context.recordJson);

  const doc = await PDFDocument.create({ updateMetadata: false });
  const allText = JSON.stringify(assessment) + JSON.stringify(context.findings) + context.presumption;
  const fonts = await FontSet.create(doc, allText, options.fontDir);
  const tags = new Tagger(doc, scriptLanguages(assessment));
  const flow = new Flow(doc, new TextEngine(fonts), tags);

  const evidenceNo = new Map(assessment.evidence.map((e, i) => [e.id, `E${i + 1}`]));
  const participantName = new Map(assessment.participants.map((p) => [p.id, p.name]));
  const input: sections.SectionInput = { a: assessment, ctx: context, recordSha256, marking, generatedOn: now, evidenceNo, participantName, signing: options.signing };

  sections.cover(flow, input);
  sections.processLog(flow, input);
  sections.evidence(flow, input);
  sections.analysis(flow, input);
  sections.decision(flow, input);
  sections.challengeAndSharing(flow, input);
  sections.findings(flow, input);
  sections.verifying(flow, input);
  await imageAppendix(doc, flow, assessment, context);
  flow.furniture({ marking, reference: assessment.reference, recordSha256 });
  tags.finish('en-GB');

  await doc.attach(new TextEncoder().encode(context.recordJson), 'record.json', {
    mimeType: 'application/json',
    description: `Canonical assessment record (SHA-256 ${recordSha256})`,
    creationDate: now,
    modificationDate: now,
    afRelationship: AFRelationship.Data,
  });

  const assessors = assessment.participants.filter((p) => p.role === 'assessor').map((p) => p.name);
  doc.setTitle(`Age assessment record ${assessment.reference}`, { showInWindowTitleBar: true });
  doc.setAuthor(assessors.join('; ') || 'Carefile');
  doc.setSubject(`${marking}. ${sections.decisionSummary(assessment)}`);
  doc.setKeywords([marking, 'age assessment', 'Merton', assessment.reference, `record-sha256:${recordSha256}`]);
  doc.setCreator('Carefile');
  doc.setProducer('Carefile (pdf-lib)');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  doc.setLanguage('en-GB');
  // The document ID: stable for the same record and time, so a re-made record is recognisable.
  const id = sha256Hex(`${assessment.id}|${recordSha256}|${now.toISOString()}`).slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  doc.context.lookup(doc.context.trailerInfo.Info, PDFDict).set(PDFName.of('CarefileRecordSHA256'), PDFString.of(recordSha256));
  // PDF/A-3b identification (XMP), an sRGB output intent, and record.json in the catalog's /AF.
  archival(doc, {
    title: `Age assessment record ${assessment.reference}`,
    // PDF/A: each XMP property must equal its Info entry (one dc:creator, keywords joined as pdf-lib joins them).
    author: assessors.join('; ') || 'Carefile',
    subject: `${marking}. ${sections.decisionSummary(assessment)}`,
    keywords: [marking, 'age assessment', 'Merton', assessment.reference, `record-sha256:${recordSha256}`].join(' '),
    lang: 'en-GB',
    created: now,
    documentId: id,
  });

  return doc.save({ useObjectStreams: false });
}

async function imageAppendix(doc: PDFDocument, flow: Flow, a: Assessment, ctx: RecordContext): Promise<void> {
  const images = a.evidence.flatMap((e) =>
    e.attachments.filter((x) => x.mediaType === 'image/png' || x.mediaType === 'image/jpeg').map((x) => ({ item: e, att: x })),
  );
  if (!images.length) return;
  flow.newPage();
  flow.heading('Appendix: image attachments');
  const no = new Map(a.evidence.map((e, i) => [e.id, `E${i + 1}`]));
  for (const { item, att } of images) {
    const bytes = ctx.attachments(att.sha256);
    const caption = `${no.get(item.id)} ${item.title}: ${att.name}`;
    if (!bytes) {
      flow.paragraph(`${caption}. Not available to this record (the store does not hold the file). SHA-256 ${att.sha256}.`, STYLES.small);
      continue;
    }
    if (sha256Hex(bytes) !== att.sha256) {
      flow.paragraph(`${caption}. The stored file does not match its recorded SHA-256 ${att.sha256}; it is not reproduced.`, STYLES.bodyBold);
      continue;
    }
    // Header first: a decompression bomb is refused before any pixel is decoded; large images are downscaled.
    const prepared = prepareImage(bytes, att.mediaType);
    if (!prepared.ok) {
      flow.paragraph(`${caption}. Not reproduced: ${prepared.reason}. SHA-256 ${att.sha256}.`, STYLES.small);
      continue;
    }
    let img;
    try {
      img = await embedPrepared(doc, prepared);
    } catch {
      flow.paragraph(`${caption}. The file could not be read as ${att.mediaType}; SHA-256 ${att.sha256}.`, STYLES.small);
      continue;
    }
    const scale = Math.min(flow.width / img.width, 300 / img.height, 1);
    flow.ensure(img.height * scale + 40);
    flow.paragraph(caption, STYLES.bodyBold);
    flow.figure(img, `Image attachment ${caption}${prepared.downscaled ? ` (reduced from ${prepared.original.width} by ${prepared.original.height} pixels)` : ''}`);
    flow.paragraph(`SHA-256 ${att.sha256}${prepared.downscaled ? `. Reproduced at ${prepared.width} by ${prepared.height} pixels from ${prepared.original.width} by ${prepared.original.height}; the original is identified by its SHA-256.` : ''}`, STYLES.small);
    flow.space(6);
  }
}
