import type { FlowList } from './flow-list.js';
import { mirrorRules, type MirrorRuleName } from './mirror-rules.js';
import type { StateIndex } from './state-index.js';
import type { YearBuckets } from './year-buckets.js';

/**
 * One side (importer- or exporter-reported) of one source, ready to be read year by year.
 * @example const side: FlowSide = { flows, buckets: yearBuckets(flows), source: 0 };
 */
export interface FlowSide {
  readonly flows: FlowList;
  readonly buckets: YearBuckets;
  /** Position of the source in the config (earlier sources win duplicates). */
  readonly source: number;
}

/**
 * Counters filled while merging, for the notes.
 * @example const counts: MergeCounts = { summed: [0], duplicates: new Map() };
 */
export interface MergeCounts {
  /** Per source: flows listed twice within the source and summed. */
  readonly summed: number[];
  /** Per (later, earlier) source pair `later*64+earlier`: flows dropped as duplicates. */
  readonly duplicates: Map<number, number>;
}

/**
 * Reusable dense matrices (state × state, exporter row, importer column) for one year's
 * flows: the importer's and the exporter's reports, merged over the sources, then
 * reconciled into one flow per cell. `-1` marks "not reported", `NaN` "reported unknown".
 * Memory: 3 · states² doubles (≈ 1.5 MB for 250 states), whatever the number of years.
 * @example const m = new YearFlows(states);
 * m.fill(2008, importerSides, exporterSides, 'importer', counts);
 * m.flow[states.local[iso3Index(RUS)]! * states.size + states.local[iso3Index(IRN)]!] // RUS → IRN 2008
 */
export class YearFlows {
  /** The reconciled flow exporter → importer of each cell, million USD; −1 = missing. */
  readonly flow: Float64Array;
  private readonly m: Float64Array;
  private readonly x: Float64Array;
  private readonly mOwner: Int16Array;
  private readonly xOwner: Int16Array;
  private readonly n: number;

  constructor(private readonly states: StateIndex) {
    this.n = states.size;
    const cells = this.n * this.n;
    this.flow = new Float64Array(cells);
    this.m = new Float64Array(cells);
    this.x = new Float64Array(cells);
    this.mOwner = new Int16Array(cells);
    this.xOwner = new Int16Array(cells);
  }

  /**
   * Fills the matrices for `year` from both sides of every source (in source order) and
   * reconciles each cell with the mirror `rule`: within a source, repeated flows are summed
   * (`NaN` makes the sum unknown); a flow an earlier source already gave on the same side is
   * a duplicate and dropped; an unknown report counts as no report.
   */
  fill(year: number, importerSides: readonly FlowSide[], exporterSides: readonly FlowSide[], rule: MirrorRuleName, counts: MergeCounts): void {
    this.mOwner.fill(-1);
    this.xOwner.fill(-1);
    this.merge(year, importerSides, this.m, this.mOwner, counts);
    this.merge(year, exporterSides, this.x, this.xOwner, counts);
    const pick = mirrorRules[rule];
    const { m, x, mOwner, xOwner, flow } = this;
    for (let c = 0; c < flow.length; c++) {
      const mv = mOwner[c] !== -1 && m[c] === m[c] ? m[c]! : null;
      const xv = xOwner[c] !== -1 && x[c] === x[c] ? x[c]! : null;
      flow[c] = mv === null && xv === null ? -1 : pick(mv, xv);
    }
  }

  private merge(year: number, sides: readonly FlowSide[], into: Float64Array, owner: Int16Array, counts: MergeCounts): void {
    const local = this.states.local;
    const n = this.n;
    for (const side of sides) {
      const r = side.buckets.ranges.get(year);
      if (r === undefined) continue;
      const { exporter, importer, value } = side.flows;
      const order = side.buckets.order;
      for (let p = r[0]; p < r[1]; p++) {
        const k = order[p]!;
        const c = local[exporter[k]!]! * n + local[importer[k]!]!;
        const o = owner[c]!;
        if (o === -1) {
          owner[c] = side.source;
          into[c] = value[k]!;
        } else if (o === side.source) {
          into[c] = into[c]! + value[k]!;
          counts.summed[side.source]!++;
        } else {
          const key = side.source * 64 + o;
          counts.duplicates.set(key, (counts.duplicates.get(key) ?? 0) + 1);
        }
      }
    }
  }
}
