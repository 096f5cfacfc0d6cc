/**
 * The `## Years of each source` section of `summary.md`: the years in which each indicator has
 * values in the report (with its gaps), the years in which indicators enter or leave (where
 * the index's basket changes, and where a level index can jump for that reason alone), and
 * the years without any index.
 * @module
 */
import { yearOfKey, YEAR_SPAN } from '../domain/dyad-year-key.js';
import { yearRanges, type YearRange } from '../domain/year.js';
import { markdownText as md } from '../domain/escape.js';
import type { ScoreTable } from '../core/score-table.js';

const text = (rs: readonly YearRange[]) => (rs.length === 0 ? '—' : rs.map((r) => (r.from === r.to ? `${r.from}` : `${r.from}–${r.to}`)).join(', '));

/**
 * The years with at least one value, per indicator (table order), and the years with an index.
 * @example sourceYearRanges(table).indicators[0] // { id: 'un', years: [{ from: 1946, to: 1963 }, { from: 1965, to: 2019 }] }
 */
export function sourceYearRanges(table: ScoreTable): { indicators: { id: string; years: YearRange[] }[]; index: YearRange[]; panel: YearRange[] } {
  const n = table.keys.length;
  const years = new Uint16Array(n);
  for (let r = 0; r < n; r++) years[r] = yearOfKey(table.keys[r]!);
  // years are below YEAR_SPAN: a flag per year instead of a set of a million numbers
  const listed = (seen: Uint8Array) => yearRanges(seen.reduce<number[]>((out, f, y) => (f ? (out.push(y), out) : out), []));
  const present = (col: Float64Array) => {
    const seen = new Uint8Array(YEAR_SPAN);
    for (let r = 0; r < n; r++) if (col[r] === col[r]) seen[years[r]!] = 1;
    return listed(seen);
  };
  const all = new Uint8Array(YEAR_SPAN);
  for (let r = 0; r < n; r++) all[years[r]!] = 1;
  return { indicators: table.ids.map((id, i) => ({ id, years: present(table.raw[i]!) })), index: present(table.index), panel: listed(all) };
}

/**
 * The lines of the section (see the module comment).
 * @example coverageSection(table)[0] // '## Years of each source'
 */
export function coverageSection(table: ScoreTable): string[] {
  const { indicators, index, panel } = sourceYearRanges(table);
  const out = ['## Years of each source', ''];
  out.push('| indicator | years with values |', '|---|---|');
  for (const x of indicators) out.push(`| ${md(x.id)} | ${text(x.years)} |`);
  out.push(`| **index** | ${text(index)} |`, '');
  const events = new Map<number, string[]>();
  const add = (year: number, item: string) => events.set(year, [...(events.get(year) ?? []), item]);
  const first = panel[0]?.from;
  for (const x of indicators) {
    for (const r of x.years) {
      if (r.from !== first) add(r.from, `${x.id} enters`);
      add(r.to + 1, `${x.id} leaves (last year ${r.to})`);
    }
  }
  const last = panel[panel.length - 1]?.to;
  const changes = [...events.entries()].filter(([y]) => last !== undefined && y <= last).sort(([a], [b]) => a - b);
  if (changes.length > 0) {
    out.push(
      'The set of indicators changes in these years (a pair\'s index can move there only because a source starts or ends; the biggest movers leave that part out, `explain` shows it as the coverage term):',
      '',
      ...changes.map(([y, items]) => `- ${y}: ${md(items.join(', '))}`),
      '',
    );
  }
  const gaps = panelGaps(panel, index);
  if (gaps.length > 0) out.push(`Years of the panel without any index: ${text(gaps)}.`, '');
  return out;
}

/** The years of `panel` not in `covered`. */
function panelGaps(panel: readonly YearRange[], covered: readonly YearRange[]): YearRange[] {
  const set = new Set<number>();
  for (const r of covered) for (let y = r.from; y <= r.to; y++) set.add(y);
  const out: number[] = [];
  for (const r of panel) for (let y = r.from; y <= r.to; y++) if (!set.has(y)) out.push(y);
  return yearRanges(out);
}
