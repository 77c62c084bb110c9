import type { Locator, Page } from '@playwright/test';
import { openPart } from './case-pages';

/** The "Record" panel's parts for the interview stage, as a social worker uses them. */
export class RecordEditors {
  constructor(readonly page: Page) {}
  async open(part: 'Interview sessions' | 'Merton domains and life timeline' | 'Evidence'): Promise<void> {
    await openPart(this.page, part);
  }
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }
  protected async saveWith(label: string): Promise<void> {
    // A save answers with the saved assessment and its safeguard findings; wait for that answer.
    const checked = this.page.waitForResponse((r) => r.url().includes('/api/assessments.save'));
    await this.page.getByRole('button', { name: label }).click();
    await checked;
  }
}

export interface SessionTimes {
  start: string;
  end: string;
  breaks?: Array<{ start: string; end: string }>;
}

export class SessionsPage extends RecordEditors {
  readonly form: Locator;
  constructor(page: Page) {
    super(page);
    this.form = page.getByRole('form', { name: 'Interview sessions' });
  }
  async add(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a session' }).click();
  }
  async setTimes(n: number, t: SessionTimes): Promise<void> {
    await this.field(`Session ${n} start`).fill(t.start);
    await this.field(`Session ${n} end`).fill(t.end);
    for (const [k, b] of (t.breaks ?? []).entries()) {
      await this.page.getByRole('button', { name: `Add a break to session ${n}` }).click();
      await this.field(`Session ${n}, break ${k + 1} start`).fill(b.start);
      await this.field(`Session ${n}, break ${k + 1} end`).fill(b.end);
    }
  }
  async present(n: number, who: string): Promise<void> {
    await this.form.getByRole('group', { name: `Session ${n}`, exact: true }).getByLabel(who).check();
  }
  timing(n: number): Locator {
    return this.form.getByRole('group', { name: `Session ${n}`, exact: true }).getByText(/^Length:/);
  }
  async save(): Promise<void> {
    await this.saveWith('Save the sessions');
  }
}

export class DomainsTimelinePage extends RecordEditors {
  async explored(domain: string, summary: string): Promise<void> {
    await this.field(`${domain}: explored?`).selectOption({ label: 'Explored' });
    await this.field(`${domain}: what was explored`).fill(summary);
  }
  async notExplored(domain: string, reason: string): Promise<void> {
    await this.field(`${domain}: explored?`).selectOption({ label: 'Not explored' });
    await this.field(`${domain}: why it was not explored`).fill(reason);
  }
  async addEvent(n: number, e: { event: string; calendar: string; year: string; month?: string; day?: string; asSaid?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a timeline event' }).click();
    await this.field(`Event ${n}: what happened`).fill(e.event);
    await this.field(`Event ${n}: calendar`).selectOption({ label: e.calendar });
    await this.field(`Event ${n}: year`).fill(e.year);
    if (e.month) await this.field(`Event ${n}: month`).fill(e.month);
    if (e.day) await this.field(`Event ${n}: day`).fill(e.day);
    if (e.asSaid) await this.field(`Event ${n}: the date as they said it`).fill(e.asSaid);
  }
  event(n: number): Locator {
    return this.page.getByRole('group', { name: `Event ${n}`, exact: true });
  }
  async save(): Promise<void> {
    await this.saveWith('Save the domains and timeline');
  }
}

export class EvidencePage extends RecordEditors {
  async add(n: number, item: { kind: string; title: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'Add evidence' }).click();
    await this.field(`Evidence ${n}: kind`).selectOption({ label: item.kind });
    await this.field(`Evidence ${n}: title`).fill(item.title);
  }
  item(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Evidence ${n}\\b`) });
  }
  /** The cards drawn now (a long list draws those near the focus and the window only). */
  drawn(): Locator {
    return this.page.locator('form[aria-label="Evidence"] fieldset.item-card');
  }
  async goTo(n: number): Promise<void> {
    await this.page.getByLabel('Go to item').selectOption({ index: n - 1 });
    await this.page.getByRole('button', { name: 'Go', exact: true }).click();
  }
  async attach(n: number, title: string, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.field(`Attach a file to “${title}”`).setInputFiles(file);
    await this.item(n).getByRole('status').or(this.item(n).getByRole('alert')).first().waitFor();
  }
  async save(): Promise<void> {
    await this.saveWith('Save the evidence');
  }
}
