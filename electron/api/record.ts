import { createHash } from 'node:crypto';
import type { HandlerMap } from './types';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';
import { countersignStoredRecord, knownSigners, signStoredAssessment, SigningRefused } from './record-access';
import { loadAssessment, refusalError } from './workflow';
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
