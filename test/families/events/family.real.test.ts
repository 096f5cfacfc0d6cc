import { expect, it } from 'vitest';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { IndicatorData } from '../../../src/families/family.js';
import { describeShared } from '../../helpers/shared-data.js';
import { at, loadEvents } from './helpers.js';

/**
 * The independent computation: plain JavaScript streaming the gzip file line by line — per year,
 * the IRN-RUS total and the number of distinct days with any row — then total / days.
 */
async function independentMeanDaily(file: string, a: string, b: string): Promise<Map<number, number>> {
  const totals = new Map<number, number>();
  const days = new Map<number, Set<string>>();
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header = true;
  for await (const line of lines) {
    if (header) {
      header = false;
      continue;
    }
    const [date, x, y, w] = line.split(',');
    const year = Number(date!.slice(0, 4));
    let set = days.get(year);
    if (!set) days.set(year, (set = new Set()));
    set.add(date!);
    if ((x === a && y === b) || (x === b && y === a)) totals.set(year, (totals.get(year) ?? 0) + Number(w));
  }
  return new Map([...days].map(([y, s]) => [y, (totals.get(y) ?? 0) / s.size]));
}

describeShared('events family on the real GDELT-derived daily scores', (dataDir) => {
  const file = path.join(dataDir, 'events', 'gdelt_graph_daily_edges_2018-2024.csv.gz');
  let data: IndicatorData;
  const load = async () => (data ??= await loadEvents({ format: 'edges', path: file }, 'mean_daily', {}));

  it('RUS–USA mean daily score is negative in 2022; RUS–IRN is positive in every year 2018–2023', async () => {
    const d = await load();
    expect(at(d.values, 'RUS', 'USA', 2022)).toBeLessThan(0);
    for (let y = 2018; y <= 2023; y++) expect(at(d.values, 'IRN', 'RUS', y), String(y)).toBeGreaterThan(0);
  }, 180_000);

  it('RUS–IRN 2018–2023 equal an independent streaming computation to 1e-9, and SOURCE.md\'s sums', async () => {
    const d = await load();
    const mine = await independentMeanDaily(file, 'IRN', 'RUS');
    for (let y = 2018; y <= 2023; y++) expect(Math.abs(at(d.values, 'IRN', 'RUS', y)! - mine.get(y)!), String(y)).toBeLessThan(1e-9);
    // SOURCE.md: IRN-RUS sum 2018 92309.154 over 365 days, 2023 37496.854 over 297 days
    expect(at(d.values, 'IRN', 'RUS', 2018)! * 365).toBeCloseTo(92309.154, 2);
    expect(at(d.values, 'IRN', 'RUS', 2023)! * 297).toBeCloseTo(37496.854, 2);
    expect(at(d.values, 'RUS', 'USA', 2022)! * 352).toBeCloseTo(-29670.577, 2);
  }, 180_000);

  it('flags 2024 partial (54 of 366 days): no values, and says why', async () => {
    const d = await load();
    expect(at(d.values, 'IRN', 'RUS', 2024)).toBeNull();
    expect(d.coverage).toEqual([{ from: 2018, to: 2023 }]);
    expect(d.notes.join('\n')).toContain('2024 0.148 (54/366 days)');
    expect(d.notes.join('\n')).toContain('have no values: 2024 (54 of 366 days)');
    expect(d.notes.join('\n')).toContain('2023 0.814 (297/365 days)');
  }, 180_000);

  it('lists the non-state codes SOURCE.md names (GGY, BMU, …) and the VNM self-pairs, without failing', async () => {
    const notes = (await load()).notes.join('\n');
    expect(notes).toMatch(/territory: .*BMU 4,828.*GGY 3,011/);
    expect(notes).toContain('VNM-VNM 59');
  }, 180_000);

  it('gives the same bits with one thread and a small memory limit (exact decimal sums)', async () => {
    const d = await load();
    const small = await loadEvents({ format: 'edges', path: file }, 'mean_daily', { engine: { memory_limit: '256MB', threads: 1 } });
    expect(small.values.sortedEntries()).toEqual(d.values.sortedEntries());
  }, 300_000);
});
