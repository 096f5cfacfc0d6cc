import type { ScoreTable } from '../core/score.js';
import type { Iso3 } from '../domain/country.js';
import { unpackKey, yearOfKey, YEAR_SPAN as Y } from '../domain/dyad-year-key.js';
import { csvText } from '../format/csv-cell.js';
import type { CsvResource, SchemaField } from './datapackage.js';
import { hashText } from '../format/hash-file.js';

/** The columns of `states.csv`, described for `datapackage.json`. */
export const STATES_FIELDS: readonly SchemaField[] = [
  { name: 'state', type: 'string', description: 'state, ISO 3166 alpha-3 (or the crosswalk\'s code for a historical entity)', constraints: { required: true, pattern: '^[A-Z]{3}$' } },
  { name: 'name', type: 'string', description: 'English short name of the state (from the crosswalk); empty when unknown' },
  { name: 'pairs', type: 'integer', description: 'pairs of the panel this state belongs to that have an index in at least one year', constraints: { required: true, minimum: 0 } },
  { name: 'first_year', type: 'integer', description: 'first year in which a pair with this state has an index; empty when none' },
  { name: 'last_year', type: 'integer', description: 'last year in which a pair with this state has an index; empty when none' },
];

/**
 * Writes `states.csv`, the codebook of the panel's states: code, English name, how many
 * pairs with an index it has and in which years. Every state of the panel appears once,
 * sorted by code. Names are text cells, so they pass through {@link csvText} (spreadsheet
 * formula neutralising and quoting); codes are three capital letters and never need it.
 * @param nameOf the name of a state, or `''` when unknown.
 * @example statesCsv(table, (c) => crosswalk.name(c)).split('\n')[1] // 'BRA,Brazil,11,1990,2020'
 */
export function statesCsv(table: ScoreTable, nameOf: (code: Iso3) => string): string {
  const stats = new Map<Iso3, { pairs: Set<number>; from: number; to: number }>();
  const touch = (s: Iso3) => {
    let e = stats.get(s);
    if (!e) stats.set(s, (e = { pairs: new Set(), from: Infinity, to: -Infinity }));
    return e;
  };
  // rows are sorted by pair then year: handle each pair once
  const n = table.keys.length;
  let r = 0;
  while (r < n) {
    const pair = Math.floor(table.keys[r]! / Y);
    const { a, b } = unpackKey(table.keys[r]!);
    let from = Infinity;
    let to = -Infinity;
    for (; r < n && Math.floor(table.keys[r]! / Y) === pair; r++) {
      if (table.index[r] !== table.index[r]) continue;
      const year = yearOfKey(table.keys[r]!);
      if (year < from) from = year;
      if (year > to) to = year;
    }
    for (const e of [touch(a), touch(b)]) {
      if (from > to) continue;
      e.pairs.add(pair);
      e.from = Math.min(e.from, from);
      e.to = Math.max(e.to, to);
    }
  }
  const lines = [STATES_FIELDS.map((f) => f.name).join(',')];
  for (const s of [...stats.keys()].sort()) {
    const e = stats.get(s)!;
    const has = Number.isFinite(e.from);
    lines.push([s, csvText(nameOf(s)), String(e.pairs.size), has ? String(e.from) : '', has ? String(e.to) : ''].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * `states.csv` and its data-package resource, for a report folder.
 * @example const { file, text, resource } = statesReport(table, nameOf); // file === 'states.csv'
 */
export function statesReport(table: ScoreTable, nameOf: (code: Iso3) => string): { file: string; text: string; resource: CsvResource } {
  const text = statesCsv(table, nameOf);
  return {
    file: 'states.csv',
    text,
    resource: {
      name: 'states',
      path: 'states.csv',
      description: 'The states of the panel: code, English name, and the pairs and years with an index.',
      fields: STATES_FIELDS,
      primaryKey: ['state'],
      hash: hashText(text),
    },
  };
}
