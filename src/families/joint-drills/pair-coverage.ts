/**
 * Which pair-years the sources of a joint-drills indicator observe. A source covers a range of
 * years (declared `coverage:` or inferred from its start years) and either every pair of
 * states (a global list such as MME) or only the pairs involving one state (`covers_state:`,
 * e.g. a list of Russia's exercises: it says nothing about exercises between two other
 * states). Inside coverage "no exercise" is 0; outside it a value is absent.
 */
import type { Iso3 } from '../../domain/country.js';
import { inRanges, mergeRanges, type YearRange } from '../../domain/year.js';

/** The coverage of one source. */
export interface SourceCoverage {
  readonly years: YearRange;
  /** The only state whose pairs the source observes, or null for every pair. */
  readonly state: Iso3 | null;
}

/**
 * The pair-years observed by a set of sources: (a, b, t) is covered when a global source
 * covers year t, or a source restricted to a or to b does.
 * @example
 * const c = new PairCoverage([{ years: { from: 1980, to: 2010 }, state: null }, { years: { from: 2009, to: 2018 }, state: 'RUS' }]);
 * c.covers('CHN', 'RUS', 2015) // true
 * c.covers('CHN', 'USA', 2015) // false
 */
export class PairCoverage {
  /** Years every pair is observed in. */
  readonly global: readonly YearRange[];
  /** Years observed only for the pairs of one state, beyond the global years. */
  readonly byState: ReadonlyMap<Iso3, readonly YearRange[]>;

  constructor(sources: readonly SourceCoverage[]) {
    this.global = mergeRanges(sources.filter((s) => s.state === null).map((s) => s.years));
    const byState = new Map<Iso3, YearRange[]>();
    for (const s of sources) {
      if (s.state === null) continue;
      const beyond = subtractRanges(s.years, this.global);
      if (beyond.length === 0) continue;
      byState.set(s.state, mergeRanges([...(byState.get(s.state) ?? []), ...beyond]));
    }
    this.byState = byState;
  }

  /** True when some source observes the pair (a, b) in `year`. */
  covers(a: Iso3, b: Iso3, year: number): boolean {
    if (inRanges(year, this.global)) return true;
    const ra = this.byState.get(a);
    if (ra && inRanges(year, ra)) return true;
    const rb = this.byState.get(b);
    return rb !== undefined && inRanges(year, rb);
  }

  /** True when some years are covered for some pairs only (a source with `covers_state`). */
  get partial(): boolean {
    return this.byState.size > 0;
  }

  /** Every year covered for at least one pair, as merged ranges. */
  allYears(): YearRange[] {
    return mergeRanges([...this.global, ...[...this.byState.values()].flat()]);
  }

  /** The last covered year of a pair, or null when the pair is never covered. */
  lastYear(a: Iso3, b: Iso3): number | null {
    let last: number | null = null;
    for (const r of [...this.global, ...(this.byState.get(a) ?? []), ...(this.byState.get(b) ?? [])]) {
      if (last === null || r.to > last) last = r.to;
    }
    return last;
  }
}

/** The parts of `range` outside every range of `minus` (which must be merged and sorted). */
function subtractRanges(range: YearRange, minus: readonly YearRange[]): YearRange[] {
  const out: YearRange[] = [];
  let from = range.from;
  for (const m of minus) {
    if (m.to < from) continue;
    if (m.from > range.to) break;
    if (m.from > from) out.push({ from, to: Math.min(range.to, m.from - 1) });
    from = Math.max(from, m.to + 1);
    if (from > range.to) break;
  }
  if (from <= range.to) out.push({ from, to: range.to });
  return out;
}
