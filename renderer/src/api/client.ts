/**
 * The renderer's only way to the main side. In the desktop app the preload exposes
 * `window.carefile` (typed, one function per channel); in browser mode the same calls go to the
 * loopback server. Both have the shape of the one contract table; the table itself (every schema,
 * zod) is not loaded here, so the first screen does not wait for it: a channel's function is made
 * when it is first called, by name (the names are checked by the type, and by the main side).
 */
import type { CarefileApi, ChannelName, Result } from '../../../shared/contract';
import { startSessionWatch, watchAnswer } from '../state/lockout';

declare global {
  interface Window {
    carefile?: CarefileApi;
  }
}

type Call = (input: unknown) => Promise<Result<unknown>>;

/** An object with one function per channel, each made on first use by `make`. */
function byName(make: (name: ChannelName) => Call): CarefileApi {
  const made = new Map<string, Call>();
  return new Proxy({} as CarefileApi, {
    get(_, name) {
      // Only channel names: not `then` (so the object is never taken for a promise) nor symbols.
      if (typeof name !== 'string' || name === 'then' || !name.includes('.')) return undefined;
      let call = made.get(name);
      if (!call) made.set(name, (call = make(name as ChannelName)));
      return call;
    },
  });
}

function httpClient(): CarefileApi {
  return byName(
    (name) =>
      async (input: unknown): Promise<Result<unknown>> => {
      try {
        const res = await fetch(`/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
        if (!res.ok) {
          const text = (await res.text()).trim();
          return { ok: false, error: { code: 'STORE_UNAVAILABLE', message: text || `The app server answered ${res.status}.` } };
        }
        return (await res.json()) as Result<unknown>;
      } catch {
        return { ok: false, error: { code: 'STORE_UNAVAILABLE', message: 'The Carefile server cannot be reached. Is it still running?' } };
      }
    },
  );
}

const transport: CarefileApi = typeof window !== 'undefined' && window.carefile ? window.carefile : httpClient();

/**
 * Every answer passes the lock-out watch (renderer/src/state/lockout.ts): a NOT_UNLOCKED answer
 * after sign-in means the main side locked the store, and the renderer forgets what it showed.
 */
export const api: CarefileApi = byName((name) => async (input: unknown): Promise<Result<unknown>> => {
  const result = await (transport[name] as Call)(input);
  watchAnswer(name, result);
  return result;
});

if (typeof window !== 'undefined') startSessionWatch((channel) => api[channel]({}));
