/**
 * The encrypted evidence store: the one entry other parts of Carefile use.
 * See docs/recovery.md for the file layout and docs/decisions/ for the choices behind it.
 */
export { initStore, openStore, storeExists, LockedStore } from './lifecycle';
export type { InitOptions, OpenOptions, StoreState, Credential } from './lifecycle';
export { Store } from './store';
export type { StoredRecord } from './signed-records';
export { StoreSession } from './session';
export type { SessionState } from './session';
export type { KnownCertificate } from './store';
export type { SigningCredentials } from './signing';
export { backupTo } from './backup-write';
export { restoreStore, parseRawKey } from './backup';
export type { RestoreOptions } from './backup';
export type { AssessmentSummary } from './assessments';
export type { ListRow, SummaryFilter } from './summary-read';
export { isLocked, signedContentDigest } from './assessments';
export type { UserInfo, AddUserInput } from './users';
export { ROLES } from './users';
export type { Role, Session } from './core';
export type { AuditEvent, BrokenLink } from './audit';
export type { StoreAuditReport, AuditCheck } from './verify';
export type { SignedHead } from './keyslots';
export type { RotationResult } from './rekey';
export { MAX_ATTACHMENT_BYTES, nameMismatch, sniffMediaType, typeNamedBy } from './attachments';
export { DEFAULT_KDF, TEST_KDF } from './kdf';
export type { KdfParams } from './kdf';
export { passphraseProblem, MIN_PASSPHRASE_LENGTH } from './passphrase-policy';
export { defaultDataDir, storePaths, takeStoreNotes } from './paths';
export { DEFAULT_SETTINGS } from './settings';
export type { StoreSettings } from './settings';
export { SCHEMA_VERSION, schemaVersionOf } from './migrations';
export { readKeySlots } from './keyslots';
export * from './errors';
export { asMachineFault, faultOf, MachineFaultError, type MachineFault } from './faults';
export { cleanLeftovers, recoverInterruptedRestore } from './restore-journal';

import type { Store } from './store';
/** The audit verifier as a function, for callers that hold a Store. */
export function verifyAuditChain(store: Store) {
  return store.audit.verify();
}

/**
 * The audit head a signed record or bundle prints: the store, the number of events so far and
 * the last event's hash. A later `audit-log verify` (or anyone holding the record) can check the
 * log still holds that event: the external anchor against a store rolled back or rewritten.
 */
export function currentAuditHead(store: Store): { storeId: string; seq: number; hash: string } {
  return { storeId: store.storeId, ...store.audit.head() };
}

/** Convenience wrapper: `backupStore(store, outPath)`. */
export function backupStore(store: Store, outPath: string, actor?: string) {
  return store.backup(outPath, actor);
}
