/**
 * The session in browser mode (issue 10.2, 12.6): the idle lock clears what the renderer showed;
 * each browser session signs in itself; the printed address works once; no field feeds the
 * browser's autofill; and a marker typed into the app is found nowhere in plain text afterwards
 * (store files, temporary folders, the launcher's output, the browser profile).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, SettingsPage, SetupPage, UnlockPage } from './page-models/store-pages';
import { AssessmentsPage, NewAssessmentPage } from './page-models/assessment-pages';
import { ADMIN } from './page-models/records-officer';

const ASHA = { user: 'a.okafor', pass: 'willow harbour ember 77' };
/** Letters only, so it passes as a name; random per run, so an old file cannot match. */
const MARKER = `Zqxmarker${randomBytes(6).toString('hex').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;

/** Every file under `dir` (newer than `since`, smaller than 64 MiB) holding the marker as UTF-8 or UTF-16. */
function filesWithMarker(dir: string, since = 0, depth = 6): string[] {
  const needles = [Buffer.from(MARKER, 'utf8'), Buffer.from(MARKER, 'utf16le')];
  const hits: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return hits;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch {
      continue;
    }
    if (st.isDirectory()) {
      if (depth > 0) hits.push(...filesWithMarker(p, since, depth - 1));
    } else if (st.isFile() && st.mtimeMs >= since && st.size < 64 * 1024 * 1024) {
      try {
        const bytes = readFileSync(p);
        if (needles.some((n) => bytes.includes(n))) hits.push(p);
      } catch {
        // gone or unreadable (another process's file)
      }
    }
  }
  return hits;
}

/*
 * The idle lock is 8 s here. Each step until the wait for it is a click or typing, which the page
 * reports as activity (renderer/src/state/lockout.ts); the wait itself does nothing for > 8 s.
 * After a lock the address still names the screen the last person left; the next person, if it
 * is someone else, lands on their own list (the main side's `resumes` on unlock).
 */
test.describe('idle lock, autofill and the marker', () => {
  test.use({ appEnv: { CAREFILE_IDLE_LOCK_MS: '8000' } });

  test('typed data is in no field autofill keeps, the idle lock clears it from the page, and no file holds it in plain text', async ({ app, playwright, launchOptions }) => {
    test.setTimeout(120_000);
    const started = Date.now() - 1000;
    // A real profile on disk, so its autofill database, session and cache files can be searched.
    const profile = mkdtempSync(path.join(os.tmpdir(), 'carefile-profile-'));
    const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, locale: 'en-GB' });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const carefile = new AppPage(page);
      await carefile.open(app.url);
      await new SetupPage(page).createStore(ADMIN.user, 'Records Admin', ADMIN.pass);
      await new UnlockPage(page).unlock(ADMIN.user, ADMIN.pass);
      await new MainNav(page).open('Settings');
      await new SettingsPage(page).addUser(ASHA.user, 'Asha Okafor', 'Assessor (social worker)', ASHA.pass);
      await expect(new SettingsPage(page).usersTable()).toContainText('Asha Okafor');
      await new MainNav(page).lock();
      await expect(new UnlockPage(page).heading).toBeVisible();
      await new UnlockPage(page).unlock(ASHA.user, ASHA.pass);
      // The administrator locked on Settings; Asha lands on her own list, not on their screen.
      await expect(page).toHaveURL(/#\/assessments$/);
      await new AssessmentsPage(page).startNew();
      const form = new NewAssessmentPage(page);
      await form.fill({ reference: `REF-${MARKER}`, nameLatin: `Amir ${MARKER}`, statedAge: '16', reasonForDoubt: `The referral says ${MARKER} looked older.` });
      // Every field on the screen keeps out of the browser's autofill (renderer/src/state/no-autofill.ts).
      const fields = await page.locator('input, textarea, select').evaluateAll((els: Element[]) => els.map((e) => ({ name: e.getAttribute('aria-label') ?? e.id, autocomplete: e.getAttribute('autocomplete') })));
      expect(fields.length).toBeGreaterThan(3);
      expect(fields.filter((f: { autocomplete: string | null }) => f.autocomplete !== 'off')).toEqual([]);
      await form.submit();
      await expect(page.getByText(`Amir ${MARKER}`).first()).toBeVisible();

      // No activity for longer than the idle lock: the main side locks, the page forgets.
      await expect(new UnlockPage(page).heading).toBeVisible({ timeout: 30_000 });
      expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(MARKER);
      const heap = await page.evaluate(() => JSON.stringify(Object.keys(window)));
      expect(heap).not.toContain(MARKER);
      // Asha left her case open; the next person after the idle lock lands on their own list.
      expect(page.url()).toMatch(/#\/assessments\/[^/]+$/);
      await new UnlockPage(page).unlock(ADMIN.user, ADMIN.pass);
      await expect(page).toHaveURL(/#\/assessments$/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Assessments');
      await context.close();

      const hits = [...filesWithMarker(app.dataDir), ...filesWithMarker(profile), ...filesWithMarker(os.tmpdir(), started, 2)];
      expect(hits).toEqual([]);
      // The launcher's own output (its log) names no one either.
      expect(app.output()).not.toContain(MARKER);
    } finally {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

test('a second browser must sign in, signing in there signs the first out, and a used address opens nothing', async ({ app, browser, page }) => {
  test.setTimeout(90_000);
  const first = new AppPage(page);
  await first.open(app.url);
  await new SetupPage(page).createStore(ADMIN.user, 'Records Admin', ADMIN.pass);
  await new UnlockPage(page).unlock(ADMIN.user, ADMIN.pass);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  const other = await browser.newContext();
  try {
    const second = await other.newPage();
    // The address already used (e.g. found in the browser's history) opens nothing.
    const used = await second.goto(app.url);
    expect(used?.status()).toBe(401);
    expect(await second.textContent('body')).toMatch(/has been used or has expired/);
    // A fresh address: the sign-in screen, never inside as the person signed in elsewhere.
    await new AppPage(second).open(await app.newAddress());
    await expect(new UnlockPage(second).heading).toBeVisible();
    await expect(second.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

    await new UnlockPage(second).unlock(ADMIN.user, ADMIN.pass);
    await expect(second.getByRole('navigation', { name: 'Main' })).toBeVisible();
    // One person, one session: the first window is signed out.
    await expect(new UnlockPage(page).heading).toBeVisible({ timeout: 15_000 });
  } finally {
    await other.close();
  }
});
