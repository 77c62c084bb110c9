/** Saves that belong together run in one transaction (Store.batch): an import of many bundles is all or nothing. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importBundles, TransferError } from '../../../electron/bundle/transfer';
import { transferTarget } from '../../../electron/bundle/store-target';
import { parseBundle } from '../../../shared/bundle';
import { bundlesDir } from '../safeguards/fixtures';
import { freshStore, sampleAssessment } from './helpers';

const compliant = readFileSync(`${bundlesDir}compliant.json`, 'utf8');
function copies(n: number): Array<{ file: string; text: string }> {
  const parsed = parseBundle(compliant);
  if (!parsed.ok) throw new Error('fixture');
  return Array.from({ length: n }, (_, i) => {
    const b = structuredClone(parsed.bundle);
    b.assessment.id = `batch-${i}`;
    b.assessment.reference = `BATCH-${i}`;
    return { file: `b${i}.json`, text: JSON.stringify(b) };
  });
}

describe('Store.batch', () => {
  it('imports many bundles in one transaction, and a failure part-way writes none of them', async () => {
    const { store } = await freshStore();
    const head = store.audit.head();
    const target = transferTarget(store);
    let puts = 0;
    const failing = {
      ...target,
      assessments: {
        ...target.assessments,
        put: (a: Parameters<typeof target.assessments.put>[0], actor: string) => {
          if (++puts === 3) throw new TransferError('the third save fails');
          return target.assessments.put(a, actor);
        },
      },
    };
    await expect(importBundles(failing, copies(4), 'admin')).rejects.toThrow('the third save fails');
    expect(store.assessments.list()).toEqual([]);
    expect(store.audit.head()).toEqual(head);

    const results = await importBundles(target, copies(4), 'admin');
    expect(results.map((r) => r.outcome)).toEqual(['imported', 'imported', 'imported', 'imported']);
    expect(store.assessments.list()).toHaveLength(4);
    expect(store.audit.verify().ok).toBe(true);
    store.close();
  });

  it('rolls back everything inside it when the work throws, and returns its value otherwise', async () => {
    const { store } = await freshStore();
    const head = store.audit.head();
    expect(() =>
      store.batch(() => {
        store.assessments.put(sampleAssessment('batch-a'));
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(store.audit.head()).toEqual(head);
    expect(store.assessments.list()).toEqual([]);
    expect(store.batch(() => [store.assessments.put(sampleAssessment('batch-b')).id, store.assessments.put(sampleAssessment('batch-c')).id])).toEqual([
      'batch-b',
      'batch-c',
    ]);
    expect(store.audit.head().seq).toBe(head.seq + 2);
    store.close();
  });
});
