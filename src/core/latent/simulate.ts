/**
 * Panels generated from the latent model, seeded, for the tests and the benchmark: pairs
 * whose alignment z follows a Gaussian random walk from N(0, 1) at their first year, and
 * indicators that measure it with noise, observed in blocks of years as real sources are
 * (a source that ends, one that starts late), with cells and whole years missing at random.
 * An indicator is either Gaussian, y = a + b·z + σ·e, or zero-inflated: present when
 * c + d·z + e′ > 0 (a probit), and then exp(a + b·z + σ·e) (log-normal), else 0.
 */
import { createRandom, type Random } from '../random.js';
import { YEAR_SPAN } from '../../domain/dyad-year-key.js';

/** One simulated indicator. */
export interface SimIndicator {
  readonly id: string;
  readonly a: number;
  readonly b: number;
  readonly sigma: number;
  /** First and last year observed (default: all years). */
  readonly from?: number;
  readonly to?: number;
  /** Probability that a cell is missing at random (default 0). */
  readonly missing?: number;
  /** With a presence part {c, d}, the indicator is zero-inflated (see the module comment). */
  readonly presence?: { readonly c: number; readonly d: number };
}

/** What to simulate. */
export interface SimSpec {
  readonly pairs: number;
  /** First and last year of the panel. */
  readonly years: readonly [number, number];
  /** Standard deviation of the random walk's yearly step. */
  readonly tau: number;
  readonly indicators: readonly SimIndicator[];
  /** Share of pairs that enter late, and the year they enter (default none). */
  readonly lateEntry?: { readonly share: number; readonly year: number };
  /** Probability that a pair-year is absent from the panel (a gap the walk bridges; default 0). */
  readonly absentYears?: number;
}

/** A simulated panel: rows sorted by (pair, year). */
export interface SimPanel {
  /** Packed keys pair·4096 + year (pair = 0, 1, …). */
  readonly keys: Float64Array;
  /** One column per indicator, NaN = missing. */
  readonly values: Float64Array[];
  /** The true z of each row. */
  readonly z: Float64Array;
}

/**
 * Simulates a panel (see the module comment). Same spec and seed, same panel.
 * @example simulatePanel({ pairs: 2, years: [2000, 2004], tau: 0.1, indicators: [{ id: 'x', a: 0, b: 1, sigma: 0.5 }] }, 1).keys.length // 10
 */
export function simulatePanel(spec: SimSpec, seed: number): SimPanel {
  const rnd = createRandom(seed);
  const normal = gaussian(rnd);
  const [y0, y1] = spec.years;
  const keys: number[] = [];
  const zs: number[] = [];
  const cols: number[][] = spec.indicators.map(() => []);
  for (let p = 0; p < spec.pairs; p++) {
    const entry = spec.lateEntry && rnd() < spec.lateEntry.share ? spec.lateEntry.year : y0;
    let z = normal();
    for (let t = entry; t <= y1; t++) {
      if (t > entry) z += spec.tau * normal();
      const absent = t > entry && spec.absentYears !== undefined && rnd() < spec.absentYears;
      // draw every indicator's numbers whether used or not, so streams stay aligned
      const draws = spec.indicators.map((ind) => {
        const e = normal();
        const e2 = normal();
        const miss = rnd() < (ind.missing ?? 0);
        if (miss || t < (ind.from ?? y0) || t > (ind.to ?? y1)) return NaN;
        if (!ind.presence) return ind.a + ind.b * z + ind.sigma * e;
        return ind.presence.c + ind.presence.d * z + e2 > 0 ? Math.exp(ind.a + ind.b * z + ind.sigma * e) : 0;
      });
      if (absent) continue;
      keys.push(p * YEAR_SPAN + t);
      zs.push(z);
      draws.forEach((v, k) => cols[k]!.push(v));
    }
  }
  return { keys: Float64Array.from(keys), values: cols.map((c) => Float64Array.from(c)), z: Float64Array.from(zs) };
}

/** Standard normal variates by the Box–Muller transform (both of each pair used). */
function gaussian(rnd: Random): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u = 1 - rnd(); // (0, 1]
    const v = rnd();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}
