/**
 * The signed PDF record: compose (pdf-lib), sign (CMS PAdES B-B as incremental updates), verify.
 * See docs/record.md.
 */
export { composeRecord, DEFAULT_MARKING, sha256Hex } from './compose';
export { signRecord } from './sign';
export { verifyRecord } from './verify';
// The same CMS machinery signs assessment bundles (electron/bundle/signature.ts).
export { buildSignedData, checkSignedData, toKeyObject, type CmsCheck } from './cms';
export { countersignRecord, countersignWithStore, makeSignedRecord, previewRecord, RecordRefused } from './service';
export type { RecordStoreAccess, SignatureEvent, SigningCredentials } from './service';
export type {
  ComposeOptions,
  KnownCertificate,
  RecordContext,
  RecordFinding,
  SignatureReport,
  Signer,
  SignOptions,
  VerifyOptions,
  VerifyReport,
} from './types';
export { composeReport, type ReportDocument, type ReportSection, type ReportTable } from './report';
export { MAX_PIXELS, MAX_SIDE, readImageHeader } from './images';
