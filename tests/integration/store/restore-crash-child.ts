/**
 * Child process for the restore crash trials: restores a backup, printing "step <name>" at each
 * step of the restore (restore-journal.ts). With a step named, it stops there (as if the
 * machine froze) so the parent can SIGKILL it at exactly that point; with "none" it runs on and
 * the parent kills it after a random delay.
 */
import { writeSync } from 'node:fs';
import { restoreStore, TEST_KDF } from '../../../electron/store/index';
import { onRestoreStep } from '../../../electron/store/restore-journal';

const [dataDir, file, user, passphrase, stopAt] = process.argv.slice(2);
onRestoreStep((step) => {
  writeSync(1, `step ${step}\n`);
  if (step === stopAt) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
});
await restoreStore({ dataDir: dataDir!, file: file!, credential: { kind: 'passphrase', userName: user!, passphrase: passphrase! }, kdf: TEST_KDF });
writeSync(1, 'restored\n');
