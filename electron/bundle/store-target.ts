import type { Store } from '../store/index';
import type { AssessmentStoreLike } from './transfer';

/** The unlocked store as the import/export logic sees it. The store records the unlocked user as actor. */
export function transferTarget(store: Store): AssessmentStoreLike {
  return {
    assessments: {
      get: (id) => store.assessments.get(id),
      put: (a) => {
        store.assessments.put(a);
      },
      list: () => store.assessments.list(),
    },
    attachments: {
      put: (bytes, name) => store.attachments.put(bytes, name).sha256,
      get: (sha256) => store.attachments.get(sha256),
    },
    batch: (work) => store.batch(work),
    audit: { headHash: () => store.audit.head().hash, entries: () => store.audit.head().seq },
  };
}
