/**
 * The renderer's only way to the main side. In the desktop app the preload exposes
 * `window.carefile` (typed, one function per channel); in browser mode the same calls go to the
 * loopback server. Both are derived from the one contract table.
 */
import { channelNames, type CarefileApi, type ChannelName, type Result } from '../../../shared/contract';

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

export const api: CarefileApi = typeof window !== 'undefined' && window.carefile ? window.carefile : httpClient();
