/**
 * Saves that belong together run in one transaction (Store.batch). A team import's own grouping
 * (each bundle whole or not at all) is tested in tests/unit/bundle and tests/integration/bundle.
 */
import { describe, expect, it } from 'vitest';
import { freshStore, sampleAssessment } from './helpers';

describe('Store.batch', () => {
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
