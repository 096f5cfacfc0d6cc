/**
 * The UN voting similarity measures (this family's README.md), all computed from one set of
 * per-pair component sums over the pair's joint votes, with yes = 1, abstain = 2, no = 3.
 */

/**
 * Component sums of a pair (x, y) over its K joint votes (codes 1..3).
 * @example
 * // x = [1, 2], y = [1, 3]
 * { k: 2, sx: 3, sy: 4, sxx: 5, syy: 10, ssd: 1, sad: 1, same: 1 }
 */
export interface PairComponents {
  /** K, the number of joint votes. */
  readonly k: number;
  /** Σx and Σy. */
  readonly sx: number;
  readonly sy: number;
  /** Σx² and Σy². */
  readonly sxx: number;
  readonly syy: number;
  /** Σ(x − y)², the sum of squared distances. */
  readonly ssd: number;
  /** Σ|x − y|, the sum of absolute distances. */
  readonly sad: number;
  /** Number of identical votes. */
  readonly same: number;
}

/** Largest distance between two vote codes under the coding (yes 1 … no 3), not the largest observed one. */
export const D_MAX = 2;

/** Names accepted by `measure:`; the first is the default. */
export const UN_MEASURE_NAMES = ['agree', 'identical', 's_abs', 's_sq', 'kappa', 'pi'] as const;

/** A UN voting measure name. */
export type UnMeasureName = (typeof UN_MEASURE_NAMES)[number];

/** One measure: how to compute it from the components, its range and meaning. */
export interface UnMeasure {
  /** Value for a pair with K ≥ 1, or null when undefined (κ, π with a zero denominator). */
  compute(c: PairComponents): number | null;
  /** The components `compute` reads (the bootstrap forms only these). */
  readonly reads: readonly (keyof PairComponents)[];
  /** Unit of the raw value (the README's measure table). */
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly description: string;
}

/**
 * The measures, keyed by `measure:` name (a strategy table). With K joint votes:
 *
 * - `agree` (Voeten; Lijphart 1963 index of agreement): (1/K)·Σ(1 − |x − y|/2) = 1 − SAD/(2K);
 *   yes–yes 1, yes–abstain ½, yes–no 0. Range [0, 1].
 * - `identical` (the published `pctagree*`): share of identical votes, same/K. Range [0, 1].
 * - `s_abs` (Signorino & Ritter 1999, absolute, unweighted): 1 − 2·SAD/(d_max·K), d_max = 2
 *   from the coding. Equals 2·agree − 1. Range [−1, 1].
 * - `s_sq` (squared): 1 − 2·SSD/(d_max²·K). Range [−1, 1].
 * - `kappa` (Häge 2011, squared distances = Lin's concordance correlation):
 *   1 − SSD / (Σx² + Σy² − (2/K)·Σx·Σy). Range [−1, 1].
 * - `pi` (Häge 2011, Scott's π, squared distances, pooled margins):
 *   1 − SSD / (Σx² + Σy² − (Σx + Σy)²/(2K)). Range [−1, 1].
 *
 * κ and π are undefined when the denominator is 0 (both states cast one and the same vote
 * on every joint roll call); the value is then absent (null). Häge's code sets 0 instead;
 * absence is deliberate here, since 0 would read as "no better than chance".
 * Denominators are formed in integers (K·denominator), so the zero test is exact.
 * @example
 * const c = { k: 2, sx: 3, sy: 4, sxx: 5, syy: 10, ssd: 1, sad: 1, same: 1 };
 * UN_MEASURES.agree.compute(c)     // 0.75
 * UN_MEASURES.identical.compute(c) // 0.5
 * UN_MEASURES.s_abs.compute(c)     // 0.5
 */
export const UN_MEASURES: Readonly<Record<UnMeasureName, UnMeasure>> = {
  agree: {
    unit: 'share',
    reads: ['k', 'sad'],
    compute: (c) => 1 - c.sad / (D_MAX * c.k),
    range: [0, 1],
    description: 'voting agreement (Voeten/Lijphart): mean of 1 − |x − y|/2 over joint votes, abstention = half agreement; 0–1',
  },
  identical: {
    unit: 'share',
    reads: ['k', 'same'],
    compute: (c) => c.same / c.k,
    range: [0, 1],
    description: 'share of identical votes (yes/abstain/no) among joint votes, as the published pctagree columns; 0–1',
  },
  s_abs: {
    unit: 'similarity',
    reads: ['k', 'sad'],
    compute: (c) => 1 - (2 * c.sad) / (D_MAX * c.k),
    range: [-1, 1],
    description: "Signorino–Ritter S, absolute distances, unweighted, d_max = 2 from the coding (= 2·agree − 1); −1 to 1",
  },
  s_sq: {
    unit: 'similarity',
    reads: ['k', 'ssd'],
    compute: (c) => 1 - (2 * c.ssd) / (D_MAX * D_MAX * c.k),
    range: [-1, 1],
    description: 'Signorino–Ritter S, squared distances, unweighted, d_max = 2 from the coding; −1 to 1',
  },
  kappa: {
    unit: 'similarity',
    reads: ['k', 'sx', 'sy', 'sxx', 'syy', 'ssd'],
    compute: (c) => {
      // K·(Σx² + Σy²) − 2·Σx·Σy, exact in integers
      const den = c.k * (c.sxx + c.syy) - 2 * c.sx * c.sy;
      return den === 0 ? null : 1 - (c.k * c.ssd) / den;
    },
    range: [-1, 1],
    description: "Cohen's κ with squared distances (Häge 2011; Lin's concordance); absent when neither state's votes vary and they coincide; −1 to 1",
  },
  pi: {
    unit: 'similarity',
    reads: ['k', 'sx', 'sy', 'sxx', 'syy', 'ssd'],
    compute: (c) => {
      // 2K·(Σx² + Σy²) − (Σx + Σy)², exact in integers
      const s = c.sx + c.sy;
      const den = 2 * c.k * (c.sxx + c.syy) - s * s;
      return den === 0 ? null : 1 - (2 * c.k * c.ssd) / den;
    },
    range: [-1, 1],
    description: "Scott's π with squared distances and pooled margins (Häge 2011); absent when all joint votes are one and the same code; −1 to 1",
  },
};

/**
 * True when `name` is a UN measure name.
 * @example isUnMeasureName('kappa') // true
 */
export function isUnMeasureName(name: string): name is UnMeasureName {
  return (UN_MEASURE_NAMES as readonly string[]).includes(name);
}
