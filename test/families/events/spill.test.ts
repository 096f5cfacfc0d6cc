import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckEngine, engineSettings } from '../../../src/families/events/run-duckdb.js';
import { loadEvents } from './helpers.js';

const CODES = ['AFG', 'ALB', 'DZA', 'AGO', 'ARG', 'ARM', 'AUS', 'AUT', 'AZE', 'BHS', 'BHR', 'BGD', 'BRB', 'BLR', 'BEL', 'BLZ', 'BEN', 'BTN', 'BOL', 'BWA', 'BRA', 'BRN', 'BGR', 'BFA', 'BDI', 'KHM', 'CMR', 'CAN', 'CPV', 'CAF', 'TCD', 'CHL', 'CHN', 'COL', 'COM', 'COG', 'CRI', 'CIV', 'HRV', 'CUB'];
const ROWS = 4_000_000;

/** Bytes of the files under folders named `name` below `dir` (the engine's spill files). */
function bytesUnder(dir: string, name: string, inside = false): number {
  let n = 0;
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    try {
      if (e.isDirectory()) n += bytesUnder(p, name, inside || e.name === name);
      else if (inside) n += statSync(p).size;
    } catch {
      // removed meanwhile
    }
  }
  return n;
}

describe('events family: input larger than the memory limit', () => {
  it('completes under a 128 MB limit by spilling (2.3 M day-and-pair groups), with the values of an unconstrained run', async () => {
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
      // min_days keeps one group per day and pair: 2.3 M groups, more than 128 MB hold
      const spill = path.join(dir, 'spill');
      let spilled = 0;
      const watch = setInterval(() => (spilled = Math.max(spilled, bytesUnder(spill, 'spill'))), 50);
      const small = await loadEvents(source, 'mean_daily', { min_observed: 0, min_days: 1, engine: { memory_limit: '128MB', threads: 2, temp_directory: spill } }).finally(() => clearInterval(watch));
      const big = await loadEvents(source, 'mean_daily', { min_observed: 0, min_days: 1, engine: { memory_limit: '2GB', temp_directory: spill } });
      expect(spilled, 'bytes seen in the spill folder during the run').toBeGreaterThan(0);
      expect(small.values.size).toBe(big.values.size);
      expect(small.values.sortedEntries()).toEqual(big.values.sortedEntries()); // exact decimal sums: the same bits whatever the memory and threads
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
