/**
 * The renderer's only way to the main side. In the desktop app the preload exposes
 * `window.carefile` (typed, one function per channel); in browser mode the same calls go to the
 * loopback server. Both are derived from the one contract table.
 */
import { channelNames, type CarefileApi, type ChannelName, type Result } from '../../../shared/contract';
import { startSessionWatch, watchAnswer } from '../state/lockout';

declare global {
  interface Window {
    carefile?: CarefileApi;
  }
}

function httpClient(): CarefileApi {
  const entries = channelNames.map((name: ChannelName) => [
    name,
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
  ]);
  return Object.fromEntries(entries) as CarefileApi;
}

const transport: CarefileApi = typeof window !== 'undefined' && window.carefile ? window.carefile : httpClient();

/**
 * Every answer passes the lock-out watch (renderer/src/state/lockout.ts): a NOT_UNLOCKED answer
 * after sign-in means the main side locked the store, and the renderer forgets what it showed.
 */
export const api: CarefileApi = Object.fromEntries(
  channelNames.map((name: ChannelName) => [
    name,
    async (input: unknown): Promise<Result<unknown>> => {
      const result = await (transport[name] as (i: unknown) => Promise<Result<unknown>>)(input);
      watchAnswer(name, result);
      return result;
    },
  ]),
) as CarefileApi;

if (typeof window !== 'undefined') startSessionWatch((channel) => api[channel]({}));
