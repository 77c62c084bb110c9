// @vitest-environment jsdom
/**
 * The renderer's activity reports for the idle lock (renderer/src/state/lockout.ts): typed input
 * without a key press counts, and a burst inside the throttle window still ends with a report, so
 * the main side counts from the last activity, not the first.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSessionWatch, watchAnswer } from '../../../renderer/src/state/lockout';

describe('activity reports for the idle lock', () => {
  let calls: { channel: string; at: number }[];
  let stop: () => void;

  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
    calls = [];
    // Signed in, with an 8-second idle lock: reports at most every 2 s.
    watchAnswer('store.unlock', { ok: true, value: {} });
    stop = startSessionWatch((channel) => {
      calls.push({ channel, at: Date.now() });
      return Promise.resolve({ ok: true, value: { idleLockMs: 8000 } });
    });
  });
  afterEach(() => {
    stop();
    vi.useRealTimers();
  });

  const activity = () => calls.filter((c) => c.channel === 'session.activity');

  it('counts text put in by dictation or paste (an input event without a key press)', async () => {
    window.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(0);
    expect(activity()).toHaveLength(1);
  });

  it('ends a burst of typing inside the window with a trailing report', async () => {
    window.dispatchEvent(new KeyboardEvent('keydown'));
    await vi.advanceTimersByTimeAsync(0); // the answer sets the 2-second window
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(300);
      window.dispatchEvent(new KeyboardEvent('keydown'));
    }
    expect(activity()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(activity()).toHaveLength(2);
    expect(activity()[1]!.at - activity()[0]!.at).toBe(2000);
    // Nothing more without activity: the idle lock is left to count.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(activity()).toHaveLength(2);
  });
});
