import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { TEST_KDF } from '../../../electron/store/kdf';
import { initStore, openStore, type Store } from '../../../electron/store/index';

export const ADMIN = 'admin';
export const ADMIN_PASS = 'violet-harbour-lantern-42';
export const kdf = TEST_KDF;
export { MARKER } from '../../fixtures/store/sample-assessment';

const dirs: string[] = [];
export function tempDir(prefix = 'carefile-store-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export async function freshStore(): Promise<{ dataDir: string; recoveryKey: string; store: Store }> {
  const dataDir = tempDir();
  const { recoveryKey } = await initStore({ dataDir, adminName: ADMIN, adminPassphrase: ADMIN_PASS, kdf });
  const store = await openStore({ dataDir, kdf }).unlock(ADMIN, ADMIN_PASS);
  return { dataDir, recoveryKey, store };
}

export { sampleAssessment } from '../../fixtures/store/sample-assessment';
