/**
 * In-page instruments for bench/ui.ts: timed input, timed clicks, keystroke latency, and counts that
 * do not depend on how fast the machine is (React commits, components rendered, DOM mutations),
 * so a figure taken on a loaded machine can still be judged.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

/**
 * Installed before the app loads. React DOM (production builds too) reports every commit to a
 * DevTools hook when one is present; this one counts commits and, for each, the components that
 * actually ran (mounted, or re-rendered: the same test React DevTools uses), without keeping any
 * fiber. It also keeps `__name` (tsx's helper for function names) defined in the page.
 */
export const INSTRUMENTS = `
globalThis.__name = (f) => f;
(() => {
  const counts = { commits: 0, rendered: 0, on: false, detail: false, byName: new Map() };
  globalThis.__bench = counts;
  const COMPONENT = new Set([0, 1, 11, 14, 15]); // function, class, forwardRef, memo, simple memo
  const nameOf = (f) => { const t = f.elementType; return (t && (t.displayName || t.name || (t.type && (t.type.displayName || t.type.name)) || (t.render && t.render.name))) || '?'; };
  function walk(f) {
    // A fiber that reuses its old children was not re-rendered below it (React DevTools' test).
    for (; f; f = f.sibling) {
      const ran = f.alternate === null || (f.flags & 1) !== 0; // mounted, or PerformedWork
      if (COMPONENT.has(f.tag) && ran) {
        counts.rendered++;
        if (counts.detail) { const n = nameOf(f); counts.byName.set(n, (counts.byName.get(n) || 0) + 1); }
      }
      if (f.child && !(f.alternate && f.alternate.child === f.child)) walk(f.child);
    }
  }
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onScheduleFiberRoot() {},
    onCommitFiberRoot(_id, root) { counts.commits++; if (counts.on) walk(root.current.child); },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
})();
`;

export interface Counts {
  commits: number;
  rendered: number;
  mutations: number;
}

/** React commits, components rendered and DOM mutation records while `work` runs. */
export async function counted<T>(page: Page, work: () => Promise<T>): Promise<{ value: T; counts: Counts }> {
  await page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: { commits: number; rendered: number; on: boolean; mutations?: number; mo?: MutationObserver } }).__bench;
    b.commits = 0;
    b.rendered = 0;
    b.mutations = 0;
    b.on = true;
    b.mo = new MutationObserver((records) => (b.mutations! += records.length));
    b.mo.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  const value = await work();
  const counts = await page.evaluate(() => {
    const b = (globalThis as unknown as { __bench: { commits: number; rendered: number; on: boolean; mutations: number; mo: MutationObserver } }).__bench;
    b.mo.takeRecords().forEach(() => b.mutations++);
    b.mo.disconnect();
    b.on = false;
    return { commits: b.commits, rendered: b.rendered, mutations: b.mutations };
  });
  return { value, counts };
}

/** The main thread's own time (script, layout, style) over `work`, from Chromium's counters. */
export async function mainThread<T>(cdp: CDPSession, work: () => Promise<T>): Promise<{ value: T; script: number; layout: number; task: number }> {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = new Map(metrics.map((x) => [x.name, x.value]));
    return { script: m.get('ScriptDuration') ?? 0, layout: (m.get('LayoutDuration') ?? 0) + (m.get('RecalcStyleDuration') ?? 0), task: m.get('TaskDuration') ?? 0 };
  };
  const a = await read();
  const value = await work();
  const b = await read();
  return { value, script: (b.script - a.script) * 1000, layout: (b.layout - a.layout) * 1000, task: (b.task - a.task) * 1000 };
}

/** From an input event to the next frame after `watch`'s text changes. */
export async function timedInput(page: Page, inputSelector: string, value: string, watch: string): Promise<number> {
  return page.evaluate(
    ([sel, v, w]) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>(sel)!;
        const target = document.querySelector(w)!;
        const mo = new MutationObserver(() => {
          mo.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
        });
        mo.observe(target, { childList: true, subtree: true, characterData: true });
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const t0 = performance.now();
        setter.call(input, v);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    [inputSelector, value, watch] as const,
  );
}

/** Click the element `button` (an XPath) and time until `ready` matches, then the frame after. */
export async function timedClick(page: Page, button: string, ready: string): Promise<number> {
  return page.evaluate(
    ([b, r]) =>
      new Promise<number>((resolve, reject) => {
        const el = document.evaluate(b, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE).singleNodeValue as HTMLElement | null;
        if (!el) return reject(new Error(`nothing to click at ${b}`));
        const t0 = performance.now();
        const check = () => (document.querySelector(r) ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)) : requestAnimationFrame(check));
        el.click();
        check();
      }),
    [button, ready] as const,
  );
}

/** Typing gap: faster than most typists (≈ 120 ms), so work deferred past a keystroke still meets the next one. */
const GAP_MS = 30;

/**
 * One keystroke, timed four ways, each from the key event's own time stamp (so time spent queued
 * behind earlier work counts). See the header of bench/ui.ts for which one the verdict uses and why.
 *  - `toFrame`: to the end of the first frame drawn after the input was handled (requestAnimationFrame,
 *    then a task): includes the wait for that frame's begin-frame signal (60 Hz), which no page can move;
 *  - `handled`: to the end of all synchronous work for the input event, React's commit included (a
 *    window listener, the last on the event's path, then a microtask after React's), without a frame;
 *  - `work`: `handled` plus the frame's own rendering work (from the frame's start to its end): input
 *    delay, the browser's editing, every handler and the style, layout and paint the keystroke caused,
 *    with only the idle wait for the frame taken out;
 *  - `event`: the Event Timing API's duration (what INP is built on: event to the next paint's
 *    presentation), the longest of the key's keydown, keypress, beforeinput and input entries. Chromium
 *    rounds it to 8 ms and reports only entries of 16 ms or more (`durationThreshold` cannot go lower):
 *    `undefined` is "under 16 ms".
 */
export interface Keystroke {
  toFrame: number;
  handled: number;
  work: number;
  event: number | undefined;
}

/**
 * Keystrokes in the focused text field, alternately "x" and Backspace, each timed as a Keystroke.
 */
export async function keystrokes(page: Page, n: number): Promise<Keystroke[]> {
  await page.evaluate(() => {
    type K = { t0: number; handled: number; toFrame: number; work: number };
    const w = window as unknown as { __keys: K[]; __et: PerformanceEntry[]; __armed?: boolean };
    w.__keys = [];
    w.__et = [];
    if (w.__armed) return;
    w.__armed = true;
    let key: K | undefined;
    document.addEventListener('keydown', (e) => w.__keys.push((key = { t0: e.timeStamp, handled: NaN, toFrame: NaN, work: NaN })), { capture: true });
    document.addEventListener(
      'input',
      () => {
        const k = key;
        if (!k) return;
        requestAnimationFrame(() => {
          const start = performance.now();
          setTimeout(() => {
            const end = performance.now();
            k.toFrame = end - k.t0;
            k.work = k.handled + (end - start);
          }, 0);
        });
      },
      { capture: true },
    );
    // Registered last on the outermost target, so it runs after the app's own listeners (React's at
    // its root); the microtask after React's (queued earlier, in its listener) sees the commit done.
    window.addEventListener('input', () => {
      const k = key;
      if (k) queueMicrotask(() => (k.handled = performance.now() - k.t0));
    });
    new PerformanceObserver((list) => w.__et.push(...list.getEntries())).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForTimeout(GAP_MS);
  }
  await page.waitForTimeout(200);
  return page.evaluate(() => {
    const w = window as unknown as { __keys: Array<{ t0: number; handled: number; toFrame: number; work: number }>; __et: PerformanceEntry[] };
    const kinds = new Set(['keydown', 'keypress', 'beforeinput', 'input']);
    return w.__keys.map((k, i) => {
      const next = w.__keys[i + 1]?.t0 ?? Infinity;
      const mine = w.__et.filter((e) => kinds.has(e.name) && e.startTime >= k.t0 && e.startTime < next).map((e) => e.duration);
      return { toFrame: k.toFrame, handled: k.handled, work: k.work, event: mine.length ? Math.max(...mine) : undefined };
    });
  });
}

/**
 * A CPU profile of the page's main thread over `work` (written to `file`, for DevTools), with the
 * functions that took the most self time, by name and place, summed.
 */
export async function profiled<T>(cdp: CDPSession, file: string, work: () => Promise<T>): Promise<{ value: T; top: Array<[string, number]> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const value = await work();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  const where = new Map(
    profile.nodes.map((n) => {
      const f = n.callFrame;
      const place = f.url ? ` ${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
      return [n.id, `${f.functionName || '(anonymous)'}${place}`];
    }),
  );
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Each sample's time is the gap to the next one (the last has none).
  for (let i = 0; i < samples.length - 1; i++) {
    const name = where.get(samples[i]!)!;
    self.set(name, (self.get(name) ?? 0) + deltas[i + 1]! / 1000);
  }
  const top = [...self].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12);
  return { value, top };
}
