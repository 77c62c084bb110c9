/**
 * The importing process that tests/integration/bundle/import-kill.test.ts kills: opens the store,
 * imports every bundle in the folder in groups of a few, and prints `done N` after each commit.
 *   node --import tsx import-child.ts DATA_DIR BUNDLES_DIR USER PASSPHRASE (the test runs it bundled: ../kill-child.ts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore, TEST_KDF } from '../../../electron/store/index';
import { importTarget } from '../../../electron/bundle/store-target';
import { importTeamBundles } from '../../../electron/bundle/team-import';
import { noTrust } from '../../../electron/bundle/transfer';
import { signerLookup } from '../../../electron/api/bundle';

async function main() {
  const [dataDir, dir, user, pass] = process.argv.slice(2) as [string, string, string, string];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
  const store = await openStore({ dataDir, kdf: TEST_KDF }).unlock(user, pass);
  process.stdout.write('ready\n');
  const options = { actor: user, trust: noTrust(user), acceptUnsigned: false, signerOf: signerLookup(store), groupSize: 3, onProgress: (done: number) => void process.stdout.write(`done ${done}\n`) };
  importTeamBundles(importTarget(store), files, options, (x) => x);
  store.close();
  process.stdout.write('finished\n');
}
void main();
