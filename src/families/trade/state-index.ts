import { iso3FromIndex, type Iso3 } from '../../domain/country.js';
import type { FlowList } from './flow-list.js';
import { CODE_SPAN } from '../../domain/dyad-year-key.js';

/**
 * The states appearing in some flow lists, numbered 0..size−1 in alphabetical (ISO3) order,
 * so that dense per-year matrices can be indexed by state and every sum over partners runs
 * in the same order whatever the order of the input rows.
 * @example
 * const s = new StateIndex([flowListOf([['RUS', 'IRN', 2008, 1]])]);
 * s.size // 2
 * s.codes // ['IRN', 'RUS']
 */
export class StateIndex {
  /** Number of states. */
  readonly size: number;
  /** ISO3 code of each local number. */
  readonly codes: readonly Iso3[];
  /** Local number of each ISO3 index (−1 when absent). */
  readonly local: Int16Array;

  constructor(lists: readonly FlowList[]) {
    const seen = new Uint8Array(CODE_SPAN);
    for (const l of lists) {
      for (let k = 0; k < l.count; k++) {
        seen[l.exporter[k]!] = 1;
        seen[l.importer[k]!] = 1;
      }
    }
    this.local = new Int16Array(CODE_SPAN).fill(-1);
    const codes: Iso3[] = [];
    for (let i = 0; i < seen.length; i++) {
      if (seen[i]) {
        this.local[i] = codes.length;
        codes.push(iso3FromIndex(i));
      }
    }
    this.codes = codes;
    this.size = codes.length;
  }
}
