/**
 * Child process for the crash test: unlocks the store and writes assessments in a loop, printing
 * "ack <n>" only after each commit has returned. The parent kills it with SIGKILL at a random moment.
 */
import { writeSync } from 'node:fs';
import { openStore, TEST_KDF } from '../../../electron/store/index';
import { sampleAssessment } from '../../fixtures/store/sample-assessment';

const [dataDir, startArg, user, passphrase] = process.argv.slice(2);
const store = await openStore({ dataDir: dataDir!, kdf: TEST_KDF }).unlock(user!, passphrase!);
const base = sampleAssessment('template');
for (let n = Number(startArg); ; n++) {
  const id = `crash-${n}`;
  store.assessments.put({ ...base, id, reference: `R-${n}`, youngPerson: { ...base.youngPerson, id: `yp-${n}` }, analysis: 'x'.repeat(n % 4000) });
  if (n % 7 === 0) store.attachments.put(new TextEncoder().encode(`note ${n}\n`), `n${n}.txt`);
  writeSync(1, `ack ${n}\n`);
}
