import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckEngine, engineSettings } from '../../../src/families/events/duckdb-engine.js';
import { loadEvents } from './helpers.js';

const CODES = ['AFG', 'ALB', 'DZA', 'AGO', 'ARG', 'ARM', 'AUS', 'AUT', 'AZE', 'BHS', 'BHR', 'BGD', 'BRB', 'BLR', 'BEL', 'BLZ', 'BEN', 'BTN', 'BOL', 'BWA', 'BRA', 'BRN', 'BGR', 'BFA', 'BDI', 'KHM', 'CMR', 'CAN', 'CPV', 'CAF', 'TCD', 'CHL', 'CHN', 'COL', 'COM', 'COG', 'CRI', 'CIV', 'HRV', 'CUB'];
const ROWS = 4_000_000;

describe('events family: input larger than the memory limit', () => {
  it('completes under a 128 MB limit (the 4 M rows alone take about 200 MB in memory) with the values of an unconstrained run', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'entente-spill-'));
    try {
      const file = path.join(dir, 'big.parquet');
      const list = `[${CODES.map((c) => `'${c}'`).join(',')}]`;
      const e = await DuckEngine.open(engineSettings({}));
      await e.run(
        `COPY (SELECT DATE '2020-01-01' + CAST(i % 1461 AS INTEGER) AS date, ${list}[1 + CAST(i // 1461 % 40 AS INTEGER)] AS actor1, ${list}[1 + CAST(i // 58440 % 40 AS INTEGER)] AS actor2, ((i * 7919) % 2001 - 1000) / 100.0 AS weight FROM range(${ROWS}) t(i)) TO '${file}' (FORMAT parquet)`,
      );
      await e.close();
      const source = { format: 'edges', path: file };
      const small = await loadEvents(source, 'mean_daily', { min_observed: 0, engine: { memory_limit: '128MB', threads: 2, temp_directory: path.join(dir, 'spill') } });
      const big = await loadEvents(source, 'mean_daily', { min_observed: 0, engine: { memory_limit: '2GB', temp_directory: path.join(dir, 'spill') } });
      expect(small.values.size).toBe(big.values.size);
      expect(small.values.sortedEntries()).toEqual(big.values.sortedEntries()); // exact decimal sums: the same bits whatever the memory and threads
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
