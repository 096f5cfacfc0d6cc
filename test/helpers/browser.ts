/// <reference lib="dom" />
/**
 * A real headless browser for tests: Debian's `chromium` (or `ENTENTE_CHROMIUM`), driven by
 * playwright-core. Tests that need it are declared with {@link describeBrowser}: skipped, with
 * the reason printed, when no browser is installed, and failing instead under CI (`CI=true`)
 * or `ENTENTE_REQUIRE_BROWSER=1` — `.ci/run` installs the browser.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser executable, or null when none is installed. */
export function browserPath(): string | null {
  const given = process.env['ENTENTE_CHROMIUM'];
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

/**
 * A `describe` block for tests that drive a browser: `fn` gets the executable's path.
 * @example describeBrowser('report page', (exe) => { it('loads', async () => { … }); });
 */
export function describeBrowser(name: string, fn: (exe: string) => void): void {
  const exe = browserPath();
  if (exe !== null) {
    describe(name, () => fn(exe));
    return;
  }
  const reason = 'no headless browser found (install Debian\'s chromium, or set ENTENTE_CHROMIUM)';
  if (process.env['CI'] === 'true' || process.env['ENTENTE_REQUIRE_BROWSER'] === '1') {
    describe(name, () => {
      it('has a browser (CI=true or ENTENTE_REQUIRE_BROWSER=1)', () => {
        throw new Error(reason);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${reason}`);
  describe.skip(`${name} (skipped: ${reason})`, () => {
    it.skip(reason, () => undefined);
  });
}

/** Launches the browser headless (without the sandbox when running as root, which it refuses otherwise). */
export async function launchBrowser(exe: string): Promise<Browser> {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({ executablePath: exe, headless: true, args: root ? ['--no-sandbox'] : [] });
}

/** What a page did while it loaded: console errors, uncaught errors and requests that left the machine. */
export interface PageLog {
  readonly errors: string[];
  readonly requests: string[];
}

/**
 * Opens a local HTML file in a new page of a fixed size and waits until its script has run and
 * its chart is drawn.
 * @example const { page, log } = await openReportPage(browser, 'reports/sample/report.html');
 */
export async function openReportPage(browser: Browser, file: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  const log: PageLog = { errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => {
    if (!/^(file|data|about|blob):/.test(r.url())) log.requests.push(r.url());
  });
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  await page.waitForSelector('#chart[data-drawn]', { timeout: 60_000 });
  return { page, log };
}

/**
 * Share of pixels that differ (any channel by more than `threshold` of 255) between two PNGs
 * of the same size, compared inside the browser (its own PNG decoder, no extra library); 1
 * when the sizes differ.
 * @example await pixelDifference(page, shot, golden) // 0.004
 */
export async function pixelDifference(page: Page, a: Buffer, b: Buffer, threshold = 48): Promise<number> {
  return page.evaluate(
    async ([x, y, t]) => {
      const load = async (b64: string) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [p, q] = await Promise.all([load(x), load(y)]);
      if (p.width !== q.width || p.height !== q.height) return 1;
      let differ = 0;
      for (let i = 0; i < p.data.length; i += 4) {
        for (let k = 0; k < 3; k++) {
          if (Math.abs(p.data[i + k]! - q.data[i + k]!) > t) {
            differ++;
            break;
          }
        }
      }
      return differ / (p.width * p.height);
    },
    [a.toString('base64'), b.toString('base64'), threshold] as const,
  );
}
