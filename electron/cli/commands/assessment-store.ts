/** Gives the assessment verbs (check ID, import, export) the real encrypted store, unlocked as the options say. */
import type { CliIO } from '../io';
import { credentialFrom, kdfFromEnv, resolveDataDir, toCliError, type StoreOptionValues } from '../store-options';
import { openStore } from '../../store/index';
import { transferTarget } from '../../bundle/store-target';
import type { AssessmentStoreLike } from '../../bundle/transfer';

type Methods = Record<string, (...args: never[]) => unknown>;

/** Store errors raised inside import/export leave with their documented exit codes. */
function mapErrors<T extends Methods>(methods: T): T {
  const out: Methods = {};
  for (const [k, fn] of Object.entries(methods)) {
    out[k] = (...args: never[]) => {
      try {
        return fn(...args);
      } catch (err) {
        throw toCliError(err);
      }
    };
  }
  return out as T;
}

export async function openStoreForCli(io: CliIO, opts: StoreOptionValues): Promise<AssessmentStoreLike & { close(): void }> {
  try {
    // The store first: a missing store is exit 4 before anyone is asked for a passphrase.
    const locked = openStore({ dataDir: resolveDataDir(opts, io), kdf: kdfFromEnv(io) });
    try {
      const target = transferTarget(await locked.unlockWith(await credentialFrom(io, opts)));
      return {
        assessments: mapErrors(target.assessments),
        attachments: mapErrors(target.attachments),
        audit: target.audit,
        close: () => locked.close(),
      };
    } catch (err) {
      locked.close();
      throw err;
    }
  } catch (err) {
    throw toCliError(err);
  }
}
