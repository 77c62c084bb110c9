import { test, expect } from './fixtures';
import { AppPage } from './page-models/app-page';
import { MainNav, SettingsPage, SetupPage, UnlockPage } from './page-models/store-pages';

const ADMIN_PASS = 'amber kestrel lantern 42';

test('an administrator sets up the store, adds an assessor, backs up, locks and unlocks', async ({ page, app }) => {
  const carefile = new AppPage(page);
  await carefile.open(app.url);
  await expect(carefile.heading('Set up Carefile on this computer')).toBeVisible();
  await carefile.expectAccessible('set-up');
  await carefile.guideShot('setup');

  const recoveryKey = await new SetupPage(page).createStore('r.admin', 'Records Admin', ADMIN_PASS, async () => {
    await carefile.expectAccessible('recovery key');
    await carefile.guideShot('recovery-key');
  });
  expect(recoveryKey).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5})+/);

  const unlock = new UnlockPage(page);
  await expect(unlock.heading).toBeVisible();
  await carefile.expectAccessible('sign-in');
  await carefile.guideShot('sign-in');
  await unlock.unlock('r.admin', 'not the passphrase');
  await expect(unlock.alert).toContainText('do not open this store');
  await unlock.unlock('r.admin', ADMIN_PASS);

  const nav = new MainNav(page);
  await nav.open('Settings');
  const settings = new SettingsPage(page);
  await settings.addUser('a.okafor', 'Asha Okafor', 'Assessor (social worker)', 'short');
  await expect(page.getByRole('alert').first()).toContainText(/12 characters/);
  await settings.addUser('a.okafor', 'Asha Okafor', 'Assessor (social worker)', 'willow harbour ember 77');
  await expect(settings.usersTable()).toContainText('Asha Okafor');
  await expect(settings.usersTable()).toContainText('Assessor');
  expect(await settings.backUp()).toMatch(/Backup written: carefile-.+\.backup \(\d+ KiB\)/);
  await carefile.expectAccessible('settings');
  await carefile.guideShot('settings-users', page.locator('main'));

  await nav.lock();
  await expect(unlock.heading).toBeVisible();
  await unlock.unlockWithRecoveryKey(recoveryKey);
  // Unlocked again: the main navigation is back (the address kept while locked decides the screen).
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Lock' })).toBeVisible();
});
