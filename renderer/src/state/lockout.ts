/**
 * Signing out the renderer when the main side has locked the store (idle lock, OS lock screen,
 * another browser window signing in, Lock pressed elsewhere). The main side decides; the renderer
 * learns it from a NOT_UNLOCKED answer or from store.status, and then forgets everything it was
 * shown: stores registered with `onSignOut` clear themselves, and the page reloads, which drops
 * every decrypted value held in React state and memory caches at once, landing on the sign-in
 * screen. Nothing is kept in browser storage (drafts live in the store on the main side).
 *
 * It also reports the person's activity (keys, typed input, pointer, wheel, touch), at most every
 * ACTIVITY_EVERY_MS, so the idle lock counts from the last real activity (electron/api/idle-lock.ts).
 */
import type { Result } from '../../../shared/contract';

const clearers = new Set<() => void>();

/** A store or cache that holds decrypted values registers how to empty itself. Returns an unregister function. */
export function onSignOut(clear: () => void): () => void {
  clearers.add(clear);
  return () => clearers.delete(clear);
}

let signedIn = false;
let signingOut = false;

/** Forgets every decrypted value and returns to the sign-in screen. */
export function signOutRenderer(): void {
  if (signingOut) return;
  signingOut = true;
  signedIn = false;
  for (const clear of clearers) {
    try {
      clear();
    } catch {
      // clearing one cache must not stop the others
    }
  }
  window.location.reload();
}

/** Called with every answer from the main side (renderer/src/api/client.ts). */
export function watchAnswer(channel: string, result: Result<unknown>): void {
  if (channel === 'store.unlock' || channel === 'store.unlockWithRecoveryKey') {
    if (result.ok) signedIn = true;
    return;
  }
  if (!result.ok && result.error.code === 'NOT_UNLOCKED' && signedIn) signOutRenderer();
  if (channel === 'store.status' && result.ok) {
    const state = (result.value as { state?: string }).state;
    if (state === 'unlocked') signedIn = true;
    else if (signedIn) signOutRenderer();
  }
  if (channel === 'store.lock' && result.ok) signOutRenderer();
}

const ACTIVITY_EVERY_MS = 15_000;
/** How often the renderer asks whether the store is still unlocked (the idle lock fires on the main side). */
const STATUS_EVERY_MS = 5_000;

/**
 * Reports activity and watches for a lock. `call` is the api client's raw call (passed in to
 * avoid an import cycle with the client).
 *
 * Activity is keys, pointer, wheel, touch and `input`: dictation software, an IME or a paste from
 * the context menu put text into a field without a key press, and a person dictating must never be
 * locked out mid-sentence. Reports are throttled to one per `every` ms, with a trailing report when
 * activity fell inside the window, so the main side's count always starts from the last real
 * activity (at most `every` ms late), never from the first of a burst.
 */
export function startSessionWatch(call: (channel: 'session.activity' | 'store.status') => Promise<unknown>): () => void {
  let last = 0;
  let trailing: number | undefined;
  // Reported often enough for a short idle lock too (a quarter of it; the main side says how long it is).
  let every = ACTIVITY_EVERY_MS;
  const report = () => {
    last = Date.now();
    void call('session.activity').then((r) => {
      const idle = (r as Result<{ idleLockMs?: number }>).ok ? (r as { value: { idleLockMs?: number } }).value.idleLockMs : undefined;
      if (idle) every = Math.min(ACTIVITY_EVERY_MS, Math.max(250, Math.floor(idle / 4)));
    });
  };
  const onActivity = () => {
    if (!signedIn) return;
    const wait = last + every - Date.now();
    if (wait <= 0) {
      window.clearTimeout(trailing);
      trailing = undefined;
      report();
    } else {
      trailing ??= window.setTimeout(() => {
        trailing = undefined;
        if (signedIn) report();
      }, wait);
    }
  };
  const events = ['keydown', 'input', 'pointerdown', 'wheel', 'touchstart'] as const;
  for (const e of events) window.addEventListener(e, onActivity, { capture: true, passive: true });
  const poll = window.setInterval(() => {
    if (signedIn) void call('store.status');
  }, STATUS_EVERY_MS);
  return () => {
    for (const e of events) window.removeEventListener(e, onActivity, { capture: true });
    window.clearInterval(poll);
    window.clearTimeout(trailing);
  };
}
