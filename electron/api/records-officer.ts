/**
 * Host-only operations: main-side functions that the `carefile` CLI calls with its own handler
 * context, deliberately NOT channels of the contract, so neither IPC nor the loopback transport
 * can reach them from a page. See docs/decisions/0005-cli-through-the-handler-map.md.
 */
import type { Result } from '../../shared/contract';
import type { HandlerContext } from './context';
import { ApiFailure } from './errors';
import { guardStore, storeSessionOf } from './store';

/**
 * The raw data key in the form SQLCipher's PRAGMA key takes, for a records officer: administrators
 * and the recovery key only (the store checks), and audited. It opens the store without any
 * passphrase, for ever (until a rekey), so it is never offered to the renderer.
 */
export async function revealDataKey(ctx: HandlerContext): Promise<Result<{ key: string; database: string }>> {
  try {
    return await guardStore(() => {
      const store = storeSessionOf(ctx).store;
      return { ok: true as const, value: { key: store.revealKey(), database: store.dataDir } };
    });
  } catch (err) {
    if (err instanceof ApiFailure) return { ok: false, error: err.toApiError() };
    throw err;
  }
}
