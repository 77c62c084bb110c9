import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';

test('opens in browser mode with the first screen and no serious accessibility problems', async ({ page, app }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const carefile = new AppPage(page);
  await carefile.open(app.url);
  await expect(carefile.header).toContainText('Carefile');
  await expect(carefile.marking).toHaveText('OFFICIAL-SENSITIVE');
  await expect(carefile.header).toContainText('Browser mode');
  // The token has been exchanged for a cookie and removed from the address bar.
  expect(page.url()).toBe(`${app.origin}/`);
  await carefile.expectAccessible('first screen');
  // The strict CSP holds: nothing on the page was refused or failed.
  expect(errors).toEqual([]);
});

test('the address without its token is refused', async ({ page, app }) => {
  const res = await page.goto(app.origin + '/');
  expect(res?.status()).toBe(401);
});
