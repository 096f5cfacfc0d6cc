/// <reference lib="dom" />
/**
 * Checks of a report page in a browser shared by the sample and the real-data tests: the
 * year table sorts and filters, and the pair view shows the cells of `alignment.csv`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** The numbers of a column of the year table, top to bottom (null for empty cells). */
export async function tableColumn(page: Page, col: number): Promise<(number | null)[]> {
  const cells = await page.$$eval(`#pairs-table tbody tr td:nth-child(${col})`, (tds) => tds.map((td) => td.textContent ?? ''));
  return cells.map((c) => (c === '' ? null : Number(c)));
}

/** Clicks a header of the year table and returns its `aria-sort`. */
export async function sortBy(page: Page, key: string): Promise<string | null> {
  await page.click(`#pairs-table th[data-sort="${key}"]`);
  return page.getAttribute(`#pairs-table th[data-sort="${key}"]`, 'aria-sort');
}

/** Asserts the year table sorts by index both ways and by pair. */
export async function expectTableSorts(page: Page): Promise<void> {
  const ordered = (xs: (number | null)[], dir: 1 | -1) => xs.filter((x): x is number => x !== null).every((x, i, a) => i === 0 || (x - a[i - 1]!) * dir >= 0);
  expect(await page.getAttribute('#pairs-table th[data-sort="index"]', 'aria-sort')).toBe('descending');
  const before = await tableColumn(page, 3);
  expect(before.length).toBeGreaterThan(1);
  expect(ordered(before, -1)).toBe(true);
  expect(await sortBy(page, 'index')).toBe('ascending');
  const after = await tableColumn(page, 3);
  expect(ordered(after, 1)).toBe(true);
  expect(after.filter((x) => x !== null)).toEqual(before.filter((x) => x !== null).reverse());
  expect(await sortBy(page, 'pair')).toBe('ascending');
  const pairs = await page.$$eval('#pairs-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-pair') ?? ''));
  expect(pairs).toEqual([...pairs].sort());
}

/** Asserts that filtering the year table keeps only the pairs that match. */
export async function expectTableFilters(page: Page, code: string): Promise<void> {
  await page.fill('#filter', code);
  const pairs = await page.$$eval('#pairs-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-pair') ?? ''));
  expect(pairs.length).toBeGreaterThan(0);
  for (const p of pairs) expect(p.includes(code) || p === '').toBe(true);
  await page.fill('#filter', '');
}

/**
 * Opens every year of one pair in the pair view and asserts that each cell shown is the cell
 * of `alignment.csv` in `dir` for that pair-year (same text). Returns how many cells matched.
 */
export async function expectPairViewMatchesCsv(page: Page, dir: string, pair: string, years: readonly string[]): Promise<number> {
  const rows = parse(readFileSync(path.join(dir, 'alignment.csv')), { columns: true }) as Record<string, string>[];
  const [a, b] = pair.split('-');
  let matched = 0;
  await page.selectOption('#pair-select', pair);
  for (const year of years) {
    await page.selectOption('#pair-year', year);
    const row = rows.find((r) => r['state_a'] === a && r['state_b'] === b && r['year'] === year);
    expect(row, `${pair} ${year} in alignment.csv`).toBeDefined();
    const shown = await page.$$eval('#pair-section [data-column]', (tds) => tds.map((td) => [td.getAttribute('data-column') ?? '', td.textContent ?? ''] as const));
    expect(shown.length).toBe(Object.keys(row!).length);
    for (const [column, text] of shown) {
      expect(text, `${pair} ${year} ${column}`).toBe(row![column]);
      matched++;
    }
  }
  return matched;
}
