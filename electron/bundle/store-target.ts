import type { Store } from '../store/index';
import type { AssessmentStoreLike } from './transfer';
import type { ImportTarget } from './team-import';

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

/** The unlocked store as team import sees it: synchronous, so one bundle's writes share one transaction. */
export function importTarget(store: Store): ImportTarget {
  return {
    get: (id) => store.assessments.get(id),
    put: (a, actor) => {
      store.assessments.put(a, actor);
    },
    putAttachment: (bytes, name) => store.attachments.put(bytes, name).sha256,
    atomically: (fn) => store.bundles.atomically(fn),
    keepVersion: (current, actor) => store.bundles.keepVersion(current, actor),
    versions: (id) => store.bundles.versions(id),
    version: (id, n) => store.bundles.version(id, n),
    auditImport: (action, id, digest, actor) => store.bundles.auditImport(action, id, digest, actor),
  };
}
