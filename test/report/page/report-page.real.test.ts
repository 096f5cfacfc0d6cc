/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { readConfig } from '../../../src/config/read-config.js';
import { applyOverrides, computeScore, reportContents } from '../../../src/pipeline/score.js';
import { replaceReport } from '../../../src/report/report-folder.js';
import { runInputs } from '../../../src/pipeline/score.js';
import { ROOT } from '../../helpers/cli.js';
import { describeShared } from '../../helpers/shared-data.js';
import { describeBrowser, launchBrowser, openReportPage } from '../../helpers/browser.js';
import { expectPairViewMatchesCsv, expectTableFilters, expectTableSorts } from '../../helpers/report-page-checks.js';

describeShared('report.html of a real-data report on a few pairs', (dataDir) => {
  describeBrowser('in headless chromium', (exe) => {
    let browser: Browser;
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'entente-page-real-'));
      const config = applyOverrides(await readConfig(path.join(ROOT, 'examples/real-data-levels.yaml'), { ENTENTE_DATA_DIR: dataDir }), { pairs: 'RUS-IRN,RUS-CHN,USA-GBR,IND-PAK' });
      const run = await computeScore(config);
      await replaceReport({ dir: path.join(dir, 'report'), configFile: config.file }, 'score', reportContents(run).files, runInputs(config, run.data));
      browser = await launchBrowser(exe);
    }, 300_000);
    afterAll(async () => {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('loads with no console error, sorts and filters, and its pair view shows the cells of alignment.csv', async () => {
      const file = path.join(dir, 'report', 'report.html');
      expect(statSync(file).size).toBeLessThan(2_000_000);
      const { page, log } = await openReportPage(browser, file);
      expect(log.errors).toEqual([]);
      expect(log.requests).toEqual([]);
      expect(await page.$('.sample')).toBeNull();
      expect(await page.$$eval('#pair-picker input', (xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual(['CHN-RUS', 'GBR-USA', 'IND-PAK', 'IRN-RUS']);
      await expectTableSorts(page);
      await expectTableFilters(page, 'RUS');
      expect(await expectPairViewMatchesCsv(page, path.join(dir, 'report'), 'IRN-RUS', ['1980', '1995', '2016'])).toBeGreaterThan(20);
      // the provenance names the real sources and their hashes
      expect(await page.$$eval('#sources-table tbody tr', (trs) => trs.length)).toBeGreaterThan(3);
      await page.close();
    });

    it('cites the real sources as used: SIPRI with its data date, peacesciencer for the trade and alliance copies, nothing unused', () => {
      const bib = readFileSync(path.join(dir, 'report', 'references.bib'), 'utf8');
      const cited = (JSON.parse(readFileSync(path.join(dir, 'report', 'datapackage.json'), 'utf8')) as { citations: string[] }).citations;
      expect(cited.find((c) => c.startsWith('SIPRI'))).toMatch(/data generated 13 Mar 2025/);
      expect(cited.filter((c) => /peacesciencer/.test(c))).toHaveLength(1);
      expect(cited.some((c) => /^Gibler/.test(c))).toBe(false); // alliances come from ATOP
      expect(cited.some((c) => /^International Monetary Fund/.test(c))).toBe(false); // trade comes from COW
      expect(bib.match(/^@misc\{/gm)).toHaveLength(cited.length);
    });
  });
});
