import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../infra/project-paths';

/** Debian's Chromium (Playwright's own browser download cannot work on these machines). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots');

/** The browser for the page tests; a missing one fails with one line saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install -y chromium fonts-wqy-microhei\` (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    // The machine's network is closed: Chromium's own background traffic would only fail.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

/**
 * Keeps pictures of the page at a phone's and a desk's width (`<name>-390.png`, `<name>-1440.png`)
 * for people to look at, and records what axe-core says about it at each width.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const viewport of [PHONE, DESKTOP]) {
    await page.setViewportSize(viewport);
    // Let layouts that measure the window (tables, charts) settle at the new width.
    await page.waitForTimeout(300);
    const shot = `${name}-${viewport.width}`;
    await page.screenshot({ path: join(SCREENSHOTS, `${shot}.png`), fullPage: true });
    ACCESSIBILITY.set(shot, await accessibilityProblems(page));
  }
  if (original) await page.setViewportSize(original);
}

/** axe-core's serious and critical findings per screenshot taken, for the test to assert on. */
export const ACCESSIBILITY = new Map<string, string[]>();

/** What axe-core finds serious or critical on the page as it stands (issue 11: none allowed). */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { AxeBuilder } = await import('@axe-core/playwright');
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** What the browser refused under the pages' Content-Security-Policy, for the test to assert on. */
export const CSP_VIOLATIONS: string[] = [];

/** Records every Content-Security-Policy refusal on pages of this context. */
export function watchContentSecurity(context: BrowserContext): void {
  context.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) CSP_VIOLATIONS.push(message.text());
  });
}
