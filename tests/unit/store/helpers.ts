import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_KDF } from '../../../electron/store/kdf';
import { initStore, openStore, type Store } from '../../../electron/store/index';
import { removeAfterTest } from '../../setup/temp-dirs';

export const ADMIN = 'admin';
export const ADMIN_PASS = 'violet-harbour-lantern-42';
export const kdf = TEST_KDF;
export { MARKER } from '../../fixtures/store/sample-assessment';

/** A fresh temporary folder, removed after the test (tests/setup/temp-dirs.ts). */
export function tempDir(prefix = 'carefile-store-'): string {
  return removeAfterTest(mkdtempSync(join(tmpdir(), prefix)));
}

export async function freshStore(): Promise<{ dataDir: string; recoveryKey: string; store: Store }> {
  const dataDir = tempDir();
  const { recoveryKey } = await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
  const store = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
  return { dataDir, recoveryKey, store };
}

export { sampleAssessment } from '../../fixtures/store/sample-assessment';
