/// <reference lib="dom" />
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runScore } from '../../../src/pipeline/score.js';
import { ROOT, runCli } from '../../helpers/cli.js';
import { describeBrowser, launchBrowser, openReportPage, pixelDifference } from '../../helpers/browser.js';
import { expectPairViewMatchesCsv, expectTableFilters, expectTableSorts } from '../../helpers/report-page-checks.js';

/** The golden picture of the sample page's chart; rewrite it with ENTENTE_UPDATE_SCREENSHOTS=1. */
const GOLDEN = path.join(ROOT, 'test/golden/sample/report-chart.png');
/** Share of pixels allowed to differ from the golden picture (font hinting, anti-aliasing); one line fewer differs by ~0.5 %. */
const TOLERANCE = 0.002;

describeBrowser('report.html of the sample report, in headless chromium', (exe) => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'entente-page-'));
    await runScore(path.join(ROOT, 'entente.yaml'), { out: path.join(dir, 'report') });
    browser = await launchBrowser(exe);
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads with no console error and asks for nothing over the network', async () => {
    const { page, log } = await openReportPage(browser, path.join(dir, 'report', 'report.html'));
    expect(log.errors).toEqual([]);
    expect(log.requests).toEqual([]);
    expect(await page.textContent('.sample')).toMatch(/SYNTHETIC SAMPLE DATA/);
    expect(await page.$$eval('#chart svg path', (ps) => ps.length)).toBeGreaterThan(4);
    await page.close();
  });

  it('sorts the year table by a column, both ways, and filters it', async () => {
    const { page } = await openReportPage(browser, path.join(dir, 'report', 'report.html'));
    await expectTableSorts(page);
    await expectTableFilters(page, 'RUS');
    await page.close();
  });

  it('shows in the pair view the very cells of alignment.csv', async () => {
    const { page } = await openReportPage(browser, path.join(dir, 'report', 'report.html'));
    const first = await page.getAttribute('#pairs-table tbody tr.featured', 'data-pair');
    expect(first).toBeTruthy();
    expect(await expectPairViewMatchesCsv(page, path.join(dir, 'report'), first!, ['1990', '2005', '2020'])).toBeGreaterThan(30);
    await page.close();
  });

  it('is refreshed when a command adds files: audit.csv appears under Validity', async () => {
    const copy = path.join(dir, 'audited');
    await runScore(path.join(ROOT, 'entente.yaml'), { out: copy });
    expect(readFileSync(path.join(copy, 'report.html'), 'utf8')).not.toContain('"file":"audit.csv"');
    const r = await runCli(['audit', '--config', path.join(ROOT, 'entente.yaml'), '--out', copy]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(path.join(copy, 'report.html'), 'utf8')).toContain('"file":"audit.csv"');
    const { page, log } = await openReportPage(browser, path.join(copy, 'report.html'));
    expect(log.errors).toEqual([]);
    expect(await page.$$eval('#validity table[data-file="audit.csv"] tbody tr', (trs) => trs.length)).toBeGreaterThan(0);
    await page.close();
  });

  it('draws the chart as the golden picture does, within a tolerance', async () => {
    const { page } = await openReportPage(browser, path.join(dir, 'report', 'report.html'));
    const shot = await page.locator('#chart').screenshot();
    if (process.env['ENTENTE_UPDATE_SCREENSHOTS'] === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, shot);
    const blank = await browser.newPage();
    const differ = await pixelDifference(blank, shot, readFileSync(GOLDEN));
    expect(differ).toBeLessThanOrEqual(TOLERANCE);
    // the comparison can fail: another pair set draws a different picture
    await page.click('#pick-' + (await page.getAttribute('#pair-picker input:checked', 'value')));
    await page.waitForFunction(() => document.querySelector('#chart')?.getAttribute('data-drawn')?.split(',').length === 3);
    expect(await pixelDifference(blank, await page.locator('#chart').screenshot(), readFileSync(GOLDEN))).toBeGreaterThan(TOLERANCE);
    await blank.close();
    await page.close();
  });
});
