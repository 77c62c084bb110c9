import { expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where docs/user-guide.md's screenshots live: every e2e run writes them, so they stay current. */
export const GUIDE_IMAGES = path.resolve(import.meta.dirname, '..', '..', '..', 'docs', 'images');

/** The sizes every screen is checked at: a 1280×720 window, and the same window at 200% zoom. */
const DESKTOP = { width: 1280, height: 720 };
/** 200% zoom of 1280×720: 640×360 CSS pixels drawn at 2 device pixels each (WCAG 1.4.4 / 1.4.10). */
const ZOOM_200 = { width: 640, height: 360, deviceScaleFactor: 2 };

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

function serious(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`);
}

/** The app as a user sees it: what is on screen, what they can do. */
export class AppPage {
  readonly header: Locator;
  readonly marking: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.header = page.locator('header.app-header');
    this.marking = page.getByLabel('Protective marking');
    this.main = page.locator('main');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.main.waitFor();
  }

  heading(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Serious and critical accessibility violations on the current screen. */
  async seriousA11yViolations(): Promise<string[]> {
    return serious((await new AxeBuilder({ page: this.page }).options({ resultTypes: ['violations'] }).analyze()).violations);
  }

  /** The same, with axe already in the page (after seriousA11yViolations): no second injection. */
  private async seriousA11yViolationsAgain(): Promise<string[]> {
    const results = await this.page.evaluate(() => (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run(document, { resultTypes: ['violations'] }));
    return serious(results.violations);
  }

  /** What is wider than the window (nothing should be: no sideways scrolling). */
  private async overflow(): Promise<string[]> {
    return this.page.evaluate(() => {
      const root = document.scrollingElement ?? document.documentElement;
      if (root.scrollWidth <= root.clientWidth) return [];
      const limit = root.clientWidth;
      const wide = [...document.querySelectorAll<HTMLElement>('body *')].filter((el) => el.getBoundingClientRect().right > limit + 1);
      // The innermost offenders name the cause; their ancestors only carry it.
      const inner = wide.filter((el) => !wide.some((o) => o !== el && el.contains(o)));
      return [`scrollWidth ${root.scrollWidth} > clientWidth ${limit}`, ...inner.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} right=${Math.round(el.getBoundingClientRect().right)}`)];
    });
  }

  /**
   * The screen as it is now has no serious or critical axe finding and nothing to scroll sideways,
   * at 1280×720 and at 200% zoom (640×360 CSS px, device scale 2), then returns to the size the
   * test had. `name` says which screen failed.
   */
  async expectAccessible(name: string): Promise<void> {
    const page = this.page;
    const before = page.viewportSize();
    const cdp = await page.context().newCDPSession(page);
    try {
      for (const [size, metrics] of [['1280×720', { ...DESKTOP, deviceScaleFactor: 1 }], ['200% zoom', ZOOM_200]] as const) {
        await cdp.send('Emulation.setDeviceMetricsOverride', { ...metrics, mobile: false });
        // Let the layout settle at the new size (a resize observer may redraw a chart or list).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        expect.soft(await this.overflow(), `${name} at ${size}: sideways scrolling`).toEqual([]);
        expect.soft(size === '1280×720' ? await this.seriousA11yViolations() : await this.seriousA11yViolationsAgain(), `${name} at ${size}: axe`).toEqual([]);
      }
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
      await cdp.detach().catch(() => {});
      if (before) await page.setViewportSize(before);
    }
  }

  /**
   * Runs `check` with the window at 200% zoom (640×360 CSS px, device scale 2), expecting nothing to
   * scroll sideways, then returns to the size the test had.
   */
  async atZoom200(check: () => Promise<void>): Promise<void> {
    const page = this.page;
    const before = page.viewportSize();
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('Emulation.setDeviceMetricsOverride', { ...ZOOM_200, mobile: false });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await this.overflow(), 'sideways scrolling at 200% zoom').toEqual([]);
      await check();
    } finally {
      await cdp.send('Emulation.clearDeviceMetricsOverride').catch(() => {});
      await cdp.detach().catch(() => {});
      if (before) await page.setViewportSize(before);
    }
  }

  /**
   * A screenshot for docs/user-guide.md (docs/images/NAME.png), at 1280×720 as the guide describes.
   * `target` narrows it to one part of the screen.
   */
  async guideShot(name: string, target?: Locator): Promise<void> {
    mkdirSync(GUIDE_IMAGES, { recursive: true });
    const file = path.join(GUIDE_IMAGES, `${name}.png`);
    const before = this.page.viewportSize();
    if (before?.width !== DESKTOP.width || before.height !== DESKTOP.height) await this.page.setViewportSize(DESKTOP);
    try {
      // A script's font (Ge'ez) loads when first needed: the picture waits for it, not for boxes.
      // (Loaded explicitly: a row drawn in the last frame may not have asked for it yet.)
      await this.page.evaluate(async () => {
        await document.fonts.load('16px "Carefile Ethiopic"', 'ሰ');
        await document.fonts.ready;
      });
      // A part of the screen is cut from the whole page, so one taller than the window is not cut short.
      const clip = target ? await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
      }) : undefined;
      await this.page.screenshot({ path: file, animations: 'disabled', caret: 'hide', ...(clip ? { fullPage: true, clip } : {}) });
    } finally {
      if (before && (before.width !== DESKTOP.width || before.height !== DESKTOP.height)) await this.page.setViewportSize(before);
    }
  }
}
