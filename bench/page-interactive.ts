import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../infra/local/ports';
import { launchChromium, PHONE } from '../test/support/browser';
import { startServerProcess } from '../test/support/server-process';
import { median, round } from './bundle-figures';

export interface InteractiveFigure {
  readonly page: string;
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
}

const RUNS = 5;

/**
 * Time from navigation start to a page being usable, on a local load in Chromium (a fresh browser
 * context each run: nothing cached): the citizen letter form once its title field and 提交 button
 * are in place (Vue has mounted and bound them), the console's sign-in once its 登录 button is.
 * Read inside the page as `performance.now()`, which counts from the navigation's start.
 */
export async function pageInteractive(): Promise<InteractiveFigure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'civicline-bench-pages-'));
  const server = await startServerProcess({ PORT: String(await freePort()), CIVICLINE_DATA_DIR: dataDir });
  const browser = await launchChromium();
  try {
    const pages = [
      { page: 'citizen letter form (/), 390 px', path: '/', ready: ['#letter-title', 'button[type=submit]'] },
      { page: 'console sign-in (/console/), 390 px', path: '/console/', ready: ['button[type=submit]'] },
    ];
    const figures: InteractiveFigure[] = [];
    for (const { page: name, path, ready } of pages) {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const context = await browser.newContext({ viewport: PHONE, locale: 'zh-CN' });
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
        for (const selector of ready) await page.locator(selector).first().waitFor();
        samples.push(round(await page.evaluate(() => performance.now())));
        await context.close();
      }
      figures.push({ page: name, samplesMs: samples, medianMs: round(median(samples)) });
    }
    return figures;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
