/**
 * bench/ui: the renderer at a team's scale, in Chromium (Playwright's library, Debian's
 * /usr/bin/chromium), against the real browser-mode app and a real encrypted store. Not a test:
 * it prints each figure against its target (issue 10.10), over ROUNDS rounds, min / median / max.
 *
 *   initial JavaScript, gzipped ............................. ≤ 300 KB
 *   search over 5,000 cases (keystroke to the list redrawn) .... ≤ 50 ms
 *   open a case with 200 evidence items, and its Evidence part . ≤ 300 ms
 *   keystroke with live wording hints in a 5,000-word field .... ≤ 16 ms p95 (caret near the start, near the end)
 *
 * Run: `npm run build:renderer && npm run bench -- ui` (the store takes ~1 min to fill).
 * BENCH_UI_CASES=1000 for a quicker, smaller run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { dispatch } from '../electron/api/dispatch';
import type { HandlerContext } from '../electron/api/context';
import { StoreSession, TEST_KDF } from '../electron/store/index';
import { makeFixture } from '../tests/fixtures/record/assessment';

const ROOT = path.resolve(import.meta.dirname, '..');
const ROUNDS = 7;
const CASES = Number(process.env.BENCH_UI_CASES ?? 5000);
const USER = { name: 'bench.assessor', pass: 'bench harbour ember 77' };

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0]!, median: s[Math.floor(s.length / 2)]!, max: s[s.length - 1]!, p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))]! };
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
function report(name: string, xs: number[], target: number, by: 'median' | 'p95' = 'median'): boolean {
  const s = stats(xs);
  const ok = s[by] <= target;
  console.log(`${name.padEnd(58)} min ${ms(s.min)} / median ${ms(s.median)} / max ${ms(s.max)}${by === 'p95' ? ` / p95 ${ms(s.p95)}` : ''}  target ${by} ≤ ${target} ms  ${ok ? 'MET' : 'MISSED'}`);
  return ok;
}

// ---------------------------------------------------------------------------------------------
// 1. Initial JavaScript: what index.html loads before anything is asked for.
function initialJs(): number {
  const dist = path.join(ROOT, 'dist', 'renderer');
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(?:\.?\/)?(assets\/[^"]+\.m?js)"/g)].map((m) => m[1]!);
  if (files.length === 0) throw new Error('no script found in dist/renderer/index.html: run npm run build:renderer');
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
}

// ---------------------------------------------------------------------------------------------
// 2. A store of CASES assessments, one of them with 200 evidence items and a 5,000-word analysis.
/** ~5,000 words of report, typed into the analysis field (the model keeps at most 20,000 characters, so it is never saved). */
let bigText = '';
async function fillStore(dataDir: string): Promise<void> {
  const ctx: HandlerContext = { app: { version: 'bench', mode: 'browser' }, dataDir, storeSession: new StoreSession(dataDir, TEST_KDF) };
  const must = async (channel: Parameters<typeof dispatch>[0], input: unknown) => {
    const r = await dispatch(channel, input as never, ctx);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await must('store.init', { adminName: 'bench.admin', passphrase: 'bench admin lantern 42' });
  await must('store.unlock', { userName: 'bench.admin', passphrase: 'bench admin lantern 42' });
  await must('users.add', { name: USER.name, displayName: 'Bench Assessor', role: 'assessor', passphrase: USER.pass });
  const store = ctx.storeSession!.store;
  const small = makeFixture({ evidenceCount: 1, imageCount: 0 }).assessment;
  const names = ['Semhar Tesfay', 'Ahmad Karimi', 'Hélène Abraha', 'Yonas Haile', 'Farid Ahmadi', 'Amanuel Tesfaye'];
  const t0 = performance.now();
  for (let i = 0; i < CASES - 1; i++) {
    store.assessments.put({
      ...small,
      id: `bench-${i}`,
      reference: `BENCH-${String(i).padStart(5, '0')}`,
      youngPerson: { ...small.youngPerson, id: `yp-${i}`, nameLatin: `${names[i % names.length]} ${i}` },
      signatures: [],
      status: 'in-progress',
    });
  }
  const sentences = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'language', 'sentences.txt'), 'utf8').split('\n').filter((l) => l.includes('|') && !l.startsWith('#')).map((l) => l.slice(l.indexOf('|') + 1));
  let analysis = '';
  for (let i = 0; analysis.split(/\s+/).length < 5000; i++) analysis += `${sentences[i % sentences.length]} `;
  const big = makeFixture({ evidenceCount: 200, imageCount: 0 }).assessment;
  store.assessments.put({ ...big, id: 'bench-big', reference: 'BIG-200', signatures: [], status: 'in-progress' });
  bigText = analysis.trim();
  console.log(`store: ${CASES} assessments written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await must('store.lock', {});
}

async function startApp(dataDir: string): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/launch.ts', '--browser', '--no-build', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, CAREFILE_KDF: 'fast' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL within 90 s: ${out}`)), 90_000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`launcher exited ${code}: ${out}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** In the page: from an input event to the next frame after `selector`'s text changes. */
async function timedInput(page: Page, inputSelector: string, value: string, watch: string): Promise<number> {
  return page.evaluate(
    ([sel, v, w]) =>
      new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>(sel)!;
        const target = document.querySelector(w)!;
        const mo = new MutationObserver(() => {
          mo.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
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

/** In the page: click `button` and time until `ready` matches, then the next frame. */
async function timedClick(page: Page, button: string, ready: string): Promise<number> {
  return page.evaluate(
    ([b, r]) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const check = () => (document.querySelector(r) ? requestAnimationFrame(() => resolve(performance.now() - t0)) : requestAnimationFrame(check));
        (document.evaluate(b, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE).singleNodeValue as HTMLElement).click();
        check();
      }),
    [button, ready] as const,
  );
}

/** Keystrokes in the focused textarea: keydown to the frame after React's update, each. */
async function keystrokes(page: Page, n: number): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[]; __t0: number };
    w.__lat = [];
    document.addEventListener('keydown', () => (w.__t0 = performance.now()), { capture: true });
    document.addEventListener('input', () => requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - w.__t0), 0)), { capture: true });
  });
  for (let i = 0; i < n; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForTimeout(30);
  }
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
}

async function main() {
  let met = 0;
  let all = 0;
  const js = initialJs();
  all++;
  const jsOk = js <= 300 * 1024;
  if (jsOk) met++;
  console.log(`${'initial JavaScript, gzipped'.padEnd(58)} ${(js / 1024).toFixed(1)} KB  target ≤ 300 KB  ${jsOk ? 'MET' : 'MISSED'}`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carefile-bench-ui-'));
  const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const app = await (async () => {
    await fillStore(dataDir);
    return startApp(dataDir);
  })();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-GB' });
    // tsx keeps function names with a __name helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await page.goto(app.url);
    await page.getByLabel('User name').fill(USER.name);
    await page.getByLabel('Passphrase').fill(USER.pass);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.locator('#case-search').waitFor({ timeout: 120_000 });

    // Search: alternate a query that narrows to a few rows with one that matches many.
    const search: number[] = [];
    for (let r = 0; r < ROUNDS + 1; r++) {
      const t = await timedInput(page, '#case-search', r % 2 ? 'helene 12' : 'karimi', '.case-count');
      if (r > 0) search.push(t); // the first is a warm-up
    }
    all++;
    if (report(`search over ${CASES} cases`, search, 50)) met++;
    await timedInput(page, '#case-search', 'BIG-200', '.case-count');

    // Open the 200-item case from the list, then its Evidence part; back to the list each round.
    const open: number[] = [];
    const evidence: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      open.push(await timedClick(page, "//button[normalize-space()='BIG-200']", 'h1#a-title'));
      await page.getByRole('navigation', { name: 'Parts of the assessment' }).waitFor();
      evidence.push(await timedClick(page, "//nav[@aria-label='Parts of the assessment']//button[normalize-space()='Evidence']", '[aria-label="Evidence 200: title"], input[id][value]'));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Assessments' }).click();
      await page.locator('#case-search').waitFor();
      await timedInput(page, '#case-search', 'BIG-200', '.case-count');
    }
    all += 2;
    if (report('open a case with 200 evidence items', open, 300)) met++;
    if (report('open its Evidence part (200 items)', evidence, 300)) met++;

    // Keystrokes in the 5,000-word analysis, with its live wording hints.
    await page.getByRole('button', { name: 'BIG-200', exact: true }).click();
    await page.getByRole('navigation', { name: 'Parts of the assessment' }).getByRole('button', { name: 'Analysis and adverse points', exact: true }).click();
    const field = page.getByLabel('Analysis: how the evidence was weighed');
    await field.fill(bigText);
    await page.waitForTimeout(500);
    for (const [where, caret] of [
      ['near the start', 40],
      ['near the end', -40],
    ] as const) {
      await field.evaluate((el: HTMLTextAreaElement, c) => {
        el.focus();
        const at = c >= 0 ? c : el.value.length + c;
        el.setSelectionRange(at, at);
      }, caret);
      const lat = await keystrokes(page, ROUNDS * 6);
      all++;
      if (report(`keystroke, 5,000 words with hints, caret ${where}`, lat.slice(2), 16, 'p95')) met++;
    }
  } finally {
    await browser.close();
    app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`bench/ui: ${met} of ${all} targets met`);
}

await main();
