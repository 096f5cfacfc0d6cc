import { iso3FromIndex, iso3Index, type Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';

/**
 * Directed trade flows in columns (row `k` of every array is one flow exporter → importer),
 * compact enough for the million-flow COW files: states as ISO3 indices
 * ({@link iso3Index}), years, values in current million USD.
 *
 * A value is a number ≥ 0, or `NaN` when the source has the row but the flow is unknown
 * (COW `-9`): such a flow counts as missing — never 0 — and makes missing any sum it enters
 * (two COW codes of one state merged by succession). Absent flows are simply not listed.
 * @example flowListOf([['RUS', 'IRN', 2008, 3668.02]]).value[0] // 3668.02
 */
export interface FlowList {
  readonly count: number;
  /** ISO3 index of the exporter (0..17575). */
  readonly exporter: Uint16Array;
  /** ISO3 index of the importer. */
  readonly importer: Uint16Array;
  readonly year: Uint16Array;
  readonly value: Float64Array;
}

/**
 * A flow list with no flows.
 * @example NO_FLOWS.count // 0
 */
export const NO_FLOWS: FlowList = { count: 0, exporter: new Uint16Array(0), importer: new Uint16Array(0), year: new Uint16Array(0), value: new Float64Array(0) };

/**
 * Builds a {@link FlowList} flow by flow, growing its arrays.
 * @example
 * const b = new FlowListBuilder();
 * b.push('RUS' as Iso3, 'IRN' as Iso3, 2008, 3668.02);
 * b.finish().count // 1
 */
export class FlowListBuilder {
  private n = 0;
  private cap: number;
  private e: Uint16Array;
  private i: Uint16Array;
  private y: Uint16Array;
  private v: Float64Array;

  constructor(capacity = 64) {
    this.cap = Math.max(16, capacity);
    this.e = new Uint16Array(this.cap);
    this.i = new Uint16Array(this.cap);
    this.y = new Uint16Array(this.cap);
    this.v = new Float64Array(this.cap);
  }

  /** Adds a flow exporter → importer. */
  push(exporter: Iso3, importer: Iso3, year: number, value: number): void {
    this.pushIndex(iso3Index(exporter), iso3Index(importer), year, value);
  }

  /** Adds a flow given by ISO3 indices (the fast path of the big readers). */
  pushIndex(exporter: number, importer: number, year: number, value: number): void {
    if (this.n === this.cap) this.grow();
    const k = this.n++;
    this.e[k] = exporter;
    this.i[k] = importer;
    this.y[k] = year;
    this.v[k] = value;
  }

  /** Number of flows so far. */
  get count(): number {
    return this.n;
  }

  /** The flows, trimmed to size. */
  finish(): FlowList {
    const n = this.n;
    return { count: n, exporter: this.e.slice(0, n), importer: this.i.slice(0, n), year: this.y.slice(0, n), value: this.v.slice(0, n) };
  }

  private grow(): void {
    this.cap *= 2;
    const e = new Uint16Array(this.cap);
    e.set(this.e);
    this.e = e;
    const i = new Uint16Array(this.cap);
    i.set(this.i);
    this.i = i;
    const y = new Uint16Array(this.cap);
    y.set(this.y);
    this.y = y;
    const v = new Float64Array(this.cap);
    v.set(this.v);
    this.v = v;
  }
}

/**
 * A flow list from rows `[exporter, importer, year, value]` (tests, small inputs).
 * @example flowListOf([['RUS', 'IRN', 2008, 3668.02]]).count // 1
 */
export function flowListOf(rows: readonly (readonly [string, string, number, number])[]): FlowList {
  const b = new FlowListBuilder(rows.length);
  for (const [e, i, y, v] of rows) b.push(e as Iso3, i as Iso3, y, v);
  return b.finish();
}

/**
 * The known flows of a list as a directed table (exporter → importer); unknown (`NaN`)
 * flows are left out, repeated flows summed. For tests and small inputs.
 * @example flowTable(flowListOf([['RUS', 'IRN', 2008, 3]])).get('RUS' as Iso3, 'IRN' as Iso3, 2008) // 3
 */
export function flowTable(list: FlowList): DyadYearTable {
  const t = new DyadYearTable(true);
  const unknown = new Set<number>();
  for (let k = 0; k < list.count; k++) {
    const e = iso3FromIndex(list.exporter[k]!);
    const i = iso3FromIndex(list.importer[k]!);
    const key = t.key(e, i, list.year[k]!);
    const v = list.value[k]!;
    if (v !== v) unknown.add(key);
    else t.add(e, i, list.year[k]!, v);
  }
  if (unknown.size === 0) return t;
  const out = new DyadYearTable(true);
  for (const key of t.keys()) if (!unknown.has(key)) out.setByKey(key, t.getByKey(key)!);
  return out;
}
