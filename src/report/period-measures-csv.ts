/**
 * `entente measures --period month|quarter`: the dated indicators' raw measures per pair of
 * states and month (or quarter), merged into one table sorted by pair and period, filtered by
 * the run's pairs, states and years, and written as `measures_<period>.csv`.
 * @module
 */
import { iso3FromIndex, iso3Index, type Iso3 } from '../domain/country.js';
import { periodFromIndex, periodsPerYear, type PeriodKind } from '../domain/period.js';
import type { PeriodData } from '../families/family.js';
import type { YearRange } from '../domain/year.js';
import { AsciiWriter } from '../format/ascii-writer.js';
import type { SchemaField } from './datapackage.js';
import { CODE_SPAN as N, YEAR_SPAN } from '../domain/dyad-year-key.js';

/** The merged table: row keys (pair·P + period index) ascending, one column per indicator and extra. */
export interface PeriodMeasureTable {
  readonly kind: PeriodKind;
  readonly keys: Float64Array;
  readonly columns: readonly { readonly name: string; readonly type: 'number' | 'integer'; readonly description: string; readonly values: Float64Array }[];
}

/** Filters of a run, applied after the values are computed. */
export interface PeriodFilters {
  readonly years: YearRange | null;
  readonly states: readonly Iso3[] | null;
  readonly pairs: readonly (readonly [Iso3, Iso3])[] | null;
}

/**
 * Merges the indicators' period tables (keys `pair·P + period`, P = 4096·12) and applies the
 * filters. A pair-period one indicator lacks is empty (NaN) in its columns.
 * @example mergePeriodData('month', new Map([['events', data]]), { years: null, states: null, pairs: null }).keys.length // rows
 */
export function mergePeriodData(kind: PeriodKind, data: ReadonlyMap<string, PeriodData>, f: PeriodFilters, describe: (id: string) => string): PeriodMeasureTable {
  const P = YEAR_SPAN * 12;
  const keySet = new Set<number>();
  const states = f.states ? new Set(f.states.map((s) => iso3Index(s))) : null;
  const pairs = f.pairs ? new Set(f.pairs.map(([a, b]) => Math.min(iso3Index(a), iso3Index(b)) * N + Math.max(iso3Index(a), iso3Index(b)))) : null;
  const keep = (pair: number, period: number): boolean => {
    const { year } = periodFromIndex(kind, period);
    if (f.years && (year < f.years.from || year > f.years.to)) return false;
    if (pairs && !pairs.has(pair)) return false;
    if (states && !(states.has(Math.floor(pair / N)) && states.has(pair % N))) return false;
    return true;
  };
  for (const d of data.values()) {
    const t = d.table;
    for (let i = 0; i < t.pairs.length; i++) if (keep(t.pairs[i]!, t.periods[i]!)) keySet.add(t.pairs[i]! * P + t.periods[i]!);
  }
  const keys = Float64Array.from(keySet).sort();
  const index = new Map<number, number>();
  keys.forEach((k, i) => index.set(k, i));
  const columns: PeriodMeasureTable['columns'][number][] = [];
  for (const [id, d] of data) {
    const cols = [
      { name: `${id}_raw`, type: 'number' as const, description: describe(id), src: d.table.values },
      ...d.extras.map((x) => ({ name: `${id}_${x.suffix}`, type: x.type, description: x.description, src: x.values })),
    ];
    for (const c of cols) {
      const values = new Float64Array(keys.length).fill(NaN);
      for (let i = 0; i < d.table.pairs.length; i++) {
        const r = index.get(d.table.pairs[i]! * P + d.table.periods[i]!);
        if (r !== undefined) values[r] = c.src[i]!;
      }
      columns.push({ name: c.name, type: c.type, description: c.description, values });
    }
  }
  return { kind, keys, columns };
}

/** Writes the table as CSV: `state_a,state_b,year,<period>,…` (one chunk sink, as measures.csv). */
export function writePeriodMeasuresCsv(t: PeriodMeasureTable, precision: number, sink: (chunk: Uint8Array) => void): void {
  const w = AsciiWriter.streaming(sink);
  const P = YEAR_SPAN * 12;
  w.text(['state_a', 'state_b', 'year', t.kind, ...t.columns.map((c) => c.name)].join(','));
  w.byte(10);
  for (let r = 0; r < t.keys.length; r++) {
    const key = t.keys[r]!;
    const period = key % P;
    const pair = (key - period) / P;
    const { year, sub } = periodFromIndex(t.kind, period);
    w.text(`${iso3FromIndex(Math.floor(pair / N))},${iso3FromIndex(pair % N)},`);
    w.integer(year);
    w.byte(44);
    w.integer(sub);
    for (const c of t.columns) {
      w.byte(44);
      if (c.type === 'integer') w.integer(c.values[r]!);
      else w.fixed(c.values[r]!, precision);
    }
    w.byte(10);
  }
  w.flush();
}

/** The Table Schema fields of the file. */
export function periodMeasuresFields(t: PeriodMeasureTable): SchemaField[] {
  return [
    { name: 'state_a', type: 'string', description: 'first state of the pair, ISO3 (alphabetically first)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'state_b', type: 'string', description: 'second state of the pair, ISO3 (alphabetically second)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
    { name: 'year', type: 'integer', description: 'year', constraints: { required: true } },
    { name: t.kind, type: 'integer', description: `${t.kind} of the year (1–${periodsPerYear(t.kind)})`, constraints: { required: true, minimum: 1, maximum: periodsPerYear(t.kind) } },
    ...t.columns.map((c) => ({ name: c.name, type: c.type, description: c.description })),
  ];
}
