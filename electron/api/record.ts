import { createHash } from 'node:crypto';
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { countersignStoredRecord, knownSigners, signStoredAssessment } from './record-access';
import { RecordRefused, verifyRecord } from '../record/index';

function signedPdf(bytes: Uint8Array, base: string) {
  return {
    fileName: `${base.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`,
    pdfBase64: Buffer.from(bytes).toString('base64'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** A refusal from the record service is a safeguard or fairness stop, not a crash. */
async function refusals<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RecordRefused) {
      const forbidden = /only assessors and managers|recovery key|already signed/.test(err.message);
      throw new ApiFailure(forbidden ? 'FORBIDDEN' : 'SAFEGUARD_BLOCK', err.message.charAt(0).toUpperCase() + err.message.slice(1) + '.');
    }
    throw err;
  }
}

export const recordHandlers = {
  'record.sign': (input, ctx) =>
    guardStore(() =>
      refusals(async () => {
        const store = storeSessionOf(ctx).store;
        const a = store.assessments.get(input.id);
        if (!a) throw new ApiFailure('NOT_FOUND', `There is no assessment ${input.id}.`, 'id');
        const pdf = await signStoredAssessment(store, input.id, input.passphrase);
        return signedPdf(pdf, `${a.reference}-record-signed-1`);
      }),
    ),
  'record.countersign': (input, ctx) =>
    guardStore(() =>
      refusals(async () => {
        const store = storeSessionOf(ctx).store;
        const pdf = await countersignStoredRecord(store, new Uint8Array(Buffer.from(input.pdfBase64, 'base64')), input.passphrase);
        const report = await verifyRecord(pdf);
        const ref = report.record.assessmentId ? (store.assessments.get(report.record.assessmentId)?.reference ?? 'record') : 'record';
        return signedPdf(pdf, `${ref}-record-signed-${report.signatures.length}`);
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
