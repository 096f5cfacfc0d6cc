import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { UnknownCountryError } from '../../domain/errors.js';
import { partyKind, PARTY_KIND_LABEL, type PartyKind } from './party.js';

/** A located problem found while resolving names (the family turns it into an InputError row). */
export interface RowProblem {
  readonly line: number;
  readonly column: string;
  readonly message: string;
}

/** What resolving one SIPRI name gave. */
export type PartyResolution =
  | { readonly kind: 'state'; readonly code: Iso3 }
  | { readonly kind: Exclude<PartyKind, 'state'> }
  | { readonly kind: 'unknown_name'; readonly message: string };

/**
 * Resolves SIPRI party names to states through the crosswalk (`Soviet Union` → SUN → RUS by
 * the default succession rules, `Turkiye` → TUR, …), after setting aside SIPRI's non-state
 * parties (`*`, `**`, `unknown …`), which are not states. Results are cached per name and year.
 * @example
 * const r = new PartyResolver(crosswalk);
 * r.resolve('Soviet Union', 1980) // { kind: 'state', code: 'RUS' }
 * r.resolve('NATO**') // { kind: 'organisation' }
 */
export class PartyResolver {
  private readonly crosswalk: Crosswalk;
  private readonly cache = new Map<string, PartyResolution>();

  constructor(crosswalk: Crosswalk) {
    this.crosswalk = crosswalk;
  }

  /** Resolves one name (the year picks the right entity where a name changed meaning). */
  resolve(name: string, year?: number): PartyResolution {
    const key = `${name}\u0000${year ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const r = this.compute(name, year);
    this.cache.set(key, r);
    return r;
  }

  private compute(name: string, year?: number): PartyResolution {
    const kind = partyKind(name);
    if (kind !== 'state') return { kind };
    try {
      return { kind: 'state', code: this.crosswalk.resolve('name', name, year) };
    } catch (e) {
      if (e instanceof UnknownCountryError) {
        return {
          kind: 'unknown_name',
          message: `${e.message}; check the spelling (SIPRI marks non-state groups with a trailing *, organisations with **)`,
        };
      }
      throw e;
    }
  }
}

/** Counts of one skipped (non-state) name. */
export interface SkippedName {
  readonly name: string;
  readonly kind: Exclude<PartyKind, 'state'>;
  readonly rows: number;
  readonly tiv: number;
}

/**
 * Tallies the rows skipped because a party is not a state, per name, and writes the lines
 * `entente validate` shows. Nothing is dropped silently: every skipped name is listed with its
 * count.
 * @example
 * const t = new SkipTally();
 * t.add('NATO**', 'organisation', 9);
 * t.addRow(9);
 * t.lines('deals')[1] // '  international organisations (**): NATO** (1)'
 */
export class SkipTally {
  private readonly names = new Map<string, { kind: Exclude<PartyKind, 'state'>; rows: number; tiv: number }>();
  private rowCount = 0;
  private tivSum = 0;

  /** Counts one name of a skipped row carrying `tiv`. */
  add(name: string, kind: Exclude<PartyKind, 'state'>, tiv: number): void {
    const e = this.names.get(name) ?? { kind, rows: 0, tiv: 0 };
    e.rows++;
    e.tiv += tiv;
    this.names.set(name, e);
  }

  /** Counts one skipped row (a row with two non-state parties counts once here). */
  addRow(tiv: number): void {
    this.rowCount++;
    this.tivSum += tiv;
  }

  /** Number of skipped rows. */
  get rows(): number {
    return this.rowCount;
  }

  /** TIV carried by the skipped rows. */
  get tiv(): number {
    return this.tivSum;
  }

  /** Skipped names, most rows first, then by name (deterministic). */
  list(): SkippedName[] {
    return [...this.names.entries()]
      .map(([name, e]) => ({ name, ...e }))
      .sort((a, b) => b.rows - a.rows || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /**
   * Lines for `entente validate`: a summary, then one line per kind listing each name with
   * its row count. Empty when nothing was skipped.
   */
  lines(what: string, context = ''): string[] {
    if (this.rowCount === 0) return [];
    const out = [
      `skipped ${this.rowCount} ${what}${context} with non-state parties (${round1(this.tivSum)} TIV); they are not states and form no dyad`,
    ];
    const byKind = new Map<string, SkippedName[]>();
    for (const s of this.list()) {
      const l = byKind.get(s.kind) ?? [];
      l.push(s);
      byKind.set(s.kind, l);
    }
    for (const kind of ['non_state', 'organisation', 'unknown'] as const) {
      const l = byKind.get(kind);
      if (l) out.push(`  ${PARTY_KIND_LABEL[kind]}: ${l.map((s) => `${s.name} (${s.rows})`).join(', ')}`);
    }
    return out;
  }
}

function round1(x: number): string {
  return (Math.round(x * 10) / 10).toString();
}
