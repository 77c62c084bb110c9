/** Gives the assessment verbs (check ID, import, export) the real encrypted store, unlocked as the options say. */
import type { CliIO } from '../io';
import { credentialFrom, kdfFromEnv, resolveDataDir, toCliError, type StoreOptionValues } from '../store-options';
import { openStore } from '../../store/index';
import type { AssessmentStoreLike } from './assessment-transfer';

function mapped<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    try {
      return fn(...args);
    } catch (err) {
      throw toCliError(err);
    }
  };
}

export async function openStoreForCli(io: CliIO, opts: StoreOptionValues): Promise<AssessmentStoreLike & { close(): void }> {
  const dataDir = resolveDataDir(opts, io);
  const credential = await credentialFrom(io, opts).catch((err: unknown) => {
    throw toCliError(err);
  });
  const locked = (() => {
    try {
      return openStore({ dataDir, kdf: kdfFromEnv(io) });
    } catch (err) {
      throw toCliError(err);
    }
  })();
  try {
    const store = await locked.unlockWith(credential);
    return {
      assessments: {
        get: mapped((id: string) => store.assessments.get(id)),
        // The store records the unlocked user as the actor in the audit chain.
        put: mapped((a, _actor: string) => {
          store.assessments.put(a);
        }),
        list: mapped(() => store.assessments.list()),
      },
      attachments: {
        put: mapped((bytes: Uint8Array, name: string) => store.attachments.put(bytes, name).sha256),
        get: mapped((sha256: string) => store.attachments.get(sha256)),
      },
      audit: { headHash: mapped(() => store.audit.head().hash) },
      close: () => locked.close(),
    };
  } catch (err) {
    locked.close();
    throw toCliError(err);
  }
}
