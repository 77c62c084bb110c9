import type { Locator, Page } from '@playwright/test';

/** First run: create the store and read the recovery key. */
export class SetupPage {
  constructor(readonly page: Page) {}

  /** `atRecoveryKey` runs while the recovery key is on screen (e.g. for the guide's screenshot). */
  async createStore(admin: string, displayName: string, passphrase: string, atRecoveryKey?: () => Promise<void>): Promise<string> {
    const p = this.page;
    await p.getByLabel('Administrator user name').fill(admin);
    await p.getByLabel('Name shown on records').fill(displayName);
    await p.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await p.getByLabel('Passphrase again').fill(passphrase);
    await p.getByRole('button', { name: 'Create the store' }).click();
    const key = await p.getByLabel('Recovery key', { exact: true }).innerText();
    if (atRecoveryKey) await atRecoveryKey();
    await p.getByLabel('I have written the recovery key down').check();
    await p.getByRole('button', { name: 'Continue to sign in' }).click();
    return key;
  }
}

export class UnlockPage {
  readonly heading: Locator;
  readonly alert: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Unlock the evidence store' });
    this.alert = page.getByRole('alert');
  }

  async unlock(user: string, passphrase: string): Promise<void> {
    await this.page.getByLabel('User name').fill(user);
    await this.page.getByLabel('Passphrase').fill(passphrase);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }

  async unlockWithRecoveryKey(key: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Use the recovery key' }).click();
    await this.page.getByLabel('Recovery key').fill(key);
    await this.page.getByRole('button', { name: 'Unlock' }).click();
  }
}

export class MainNav {
  constructor(readonly page: Page) {}
  async open(tab: 'Assessments' | 'Verify a record' | 'Settings'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: tab }).click();
  }
  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lock' }).click();
  }
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  async addUser(name: string, displayName: string, role: 'Assessor (social worker)' | 'Manager' | 'Administrator', passphrase: string): Promise<void> {
    const form = this.page.locator('form', { has: this.page.getByRole('heading', { name: 'Add a user' }) });
    await form.getByLabel('User name').fill(name);
    await form.getByLabel('Name shown on records').fill(displayName);
    await form.getByLabel('Role').selectOption({ label: role });
    await form.getByLabel('First passphrase').fill(passphrase);
    await form.getByRole('button', { name: 'Add user' }).click();
  }

  usersTable(): Locator {
    return this.page.getByRole('table');
  }

  async backUp(): Promise<string> {
    await this.page.getByRole('button', { name: 'Back up now' }).click();
    return this.page.getByRole('status').filter({ hasText: 'Backup written' }).innerText();
  }
}
