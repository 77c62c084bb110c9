import { createHash } from 'node:crypto';
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { countersignStoredRecord, knownSigners, previewStoredAssessment, signStoredAssessment, SigningRefused } from './record-access';
import { actorOf, allow, loadAssessment, refusalError } from './workflow';
import { nextSigners, roleRefusal } from '../../shared/domain/workflow';
import { RecordRefused, verifyRecord } from '../record/index';

function signedPdf(bytes: Uint8Array, base: string) {
  return {
    fileName: `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`,
    pdfBase64: Buffer.from(bytes).toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** A refusal is the workflow's answer (its own code), or the record service's (a record that does not verify). */
async function refusals<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SigningRefused) throw refusalError(err.refusal);
    if (err instanceof RecordRefused) throw new ApiFailure('SAFEGUARD_BLOCK', err.message.charAt(0).toUpperCase() + err.message.slice(1) + '.');
    throw err;
  }
}

export const recordHandlers = {
  'record.sign': (input, ctx) =>
    guardStore(() =>
      refusals(async () => {
        const store = storeSessionOf(ctx).store;
        const a = loadAssessment(store, input.id);
        const pdf = await signStoredAssessment(store, input.id, input.passphrase);
        return signedPdf(pdf, `${a.reference}-record-signed-1`);
      }),
    ),
  'record.countersign': (input, ctx) =>
    guardStore(() =>
      refusals(async () => {
        const store = storeSessionOf(ctx).store;
        const source = input.id !== undefined ? { assessmentId: input.id } : { pdf: new Uint8Array(Buffer.from(input.pdfBase64!, 'base64')) };
        const pdf = await countersignStoredRecord(store, source, input.passphrase, { comment: input.comment });
        const report = await verifyRecord(pdf);
        const ref = report.record.assessmentId ? (store.assessments.get(report.record.assessmentId)?.reference ?? 'record') : 'record';
        return signedPdf(pdf, `${ref}-record-signed-${report.signatures.length}`);
      }),
    ),
  'record.get': (input, ctx) =>
    guardStore(() => {
      const store = storeSessionOf(ctx).store;
      allow(roleRefusal(actorOf(ctx), 'read'));
      const a = loadAssessment(store, input.id);
      const kept = store.records.get(a.id);
      if (!kept) throw new ApiFailure('NOT_FOUND', `No signed record is kept with ${a.reference} yet.`, 'id');
      return {
        ...signedPdf(kept.pdf, `${a.reference}-record-signed-${kept.signatures}`),
        signatures: kept.signatures,
        signedBy: a.signatures.map((s) => ({ name: s.name, role: s.role, signedOn: s.signedOn })),
        next: nextSigners(a),
        status: a.status,
        storedOn: kept.storedOn,
      };
    }),
  'record.preview': (input, ctx) =>
    guardStore(() =>
      refusals(async () => {
        const store = storeSessionOf(ctx).store;
        allow(roleRefusal(actorOf(ctx), 'read'));
        const a = loadAssessment(store, input.id);
        return signedPdf(await previewStoredAssessment(store, a.id), `${a.reference}-record-preview-unsigned`);
      }),
    ),
  // Works locked too (a legal reviewer's check needs no store); unlocked, it also names the signers this store knows.
  'record.verify': (input, ctx) =>
    guardStore(async () => {
      const session = storeSessionOf(ctx);
      const knownCertificates = session.state === 'unlocked' ? knownSigners(session.store) : undefined;
      return verifyRecord(new Uint8Array(Buffer.from(input.pdfBase64, 'base64')), { knownCertificates });
    }),
} satisfies Partial<HandlerMap>;
