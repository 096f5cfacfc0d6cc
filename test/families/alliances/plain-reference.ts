/**
 * A deliberately plain reference for the alliance measures: no contingency tables, no sparse
 * rows — each state's portfolio written out as a vector over the system members and every
 * formula evaluated from its textbook definition by loops over those vectors. Slow (O(n) per
 * pair for S, κ and π with squared distances, O(n²) per pair for τ_b and absolute κ, π) and
 * obviously right; the family's version must agree with it.
 */

/** Tie levels by pair-year, in both orders: `${a} ${b} ${year}` → level. */
export type PlainTies = Map<string, number>;

/** The tie of a with b in a year (a with itself: the top level). */
export function plainTie(ties: PlainTies, a: string, b: string, year: number, top: number): number {
  if (a === b) return top;
  const v = ties.get(`${a} ${b} ${year}`) ?? 0;
  return Math.min(v, top);
}

/** A state's portfolio: its tie with every member, in the members' order. */
export function plainPortfolio(ties: PlainTies, state: string, members: readonly string[], year: number, top: number): number[] {
  return members.map((k) => plainTie(ties, state, k, year, top));
}

const sum = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);

/** Signorino & Ritter's S: 1 − 2·Σδ(x_k, y_k)/(n·δ_max). */
export function plainS(x: readonly number[], y: readonly number[], top: number, squared: boolean): number {
  let d = 0;
  for (let k = 0; k < x.length; k++) d += squared ? (x[k]! - y[k]!) ** 2 : Math.abs(x[k]! - y[k]!);
  const dmax = squared ? top * top : top;
  return 1 - (2 * d) / (x.length * dmax);
}

/** Cohen's κ with squared distances: 1 − Σ(x − y)² / (Σx² + Σy² − (2/n)·Σx·Σy). */
export function plainKappaSquared(x: readonly number[], y: readonly number[]): number | null {
  let ssd = 0;
  for (let k = 0; k < x.length; k++) ssd += (x[k]! - y[k]!) ** 2;
  const expected = sum(x.map((v) => v * v)) + sum(y.map((v) => v * v)) - (2 / x.length) * sum(x) * sum(y);
  return expected === 0 ? null : 1 - ssd / expected;
}

/** Scott's π with squared distances: 1 − Σ(x − y)² / (Σx² + Σy² − (Σx + Σy)²/(2n)). */
export function plainPiSquared(x: readonly number[], y: readonly number[]): number | null {
  let ssd = 0;
  for (let k = 0; k < x.length; k++) ssd += (x[k]! - y[k]!) ** 2;
  const expected = sum(x.map((v) => v * v)) + sum(y.map((v) => v * v)) - (sum(x) + sum(y)) ** 2 / (2 * x.length);
  return Math.abs(expected) < 1e-12 ? null : 1 - ssd / expected;
}

/** Cohen's κ with absolute distances: expected = (1/n)·Σ_k Σ_l |x_k − y_l|. O(n²). */
export function plainKappaAbsolute(x: readonly number[], y: readonly number[]): number | null {
  let observed = 0;
  for (let k = 0; k < x.length; k++) observed += Math.abs(x[k]! - y[k]!);
  let expected = 0;
  for (const a of x) for (const b of y) expected += Math.abs(a - b);
  expected /= x.length;
  return expected === 0 ? null : 1 - observed / expected;
}

/** Scott's π with absolute distances: expected = (1/(4n))·Σ_{u∈x∪y} Σ_{v∈x∪y} |u − v|. O(n²). */
export function plainPiAbsolute(x: readonly number[], y: readonly number[]): number | null {
  let observed = 0;
  for (let k = 0; k < x.length; k++) observed += Math.abs(x[k]! - y[k]!);
  const z = [...x, ...y];
  let expected = 0;
  for (const a of z) for (const b of z) expected += Math.abs(a - b);
  expected /= 4 * x.length;
  return expected === 0 ? null : 1 - observed / expected;
}

/** Kendall's τ_b by counting every pair of members: (C − D)/√((n₀ − n₁)(n₀ − n₂)). O(n²). */
export function plainTauB(x: readonly number[], y: readonly number[]): number | null {
  let c = 0;
  let d = 0;
  let tiedX = 0;
  let tiedY = 0;
  let all = 0;
  for (let k = 0; k < x.length; k++) {
    for (let l = k + 1; l < x.length; l++) {
      all++;
      const dx = Math.sign(x[k]! - x[l]!);
      const dy = Math.sign(y[k]! - y[l]!);
      if (dx === 0) tiedX++;
      if (dy === 0) tiedY++;
      if (dx * dy > 0) c++;
      else if (dx * dy < 0) d++;
    }
  }
  const den = (all - tiedX) * (all - tiedY);
  return den === 0 ? null : (c - d) / Math.sqrt(den);
}

/** The plain value of one portfolio measure for two rows. */
export function plainMeasure(measure: string, x: readonly number[], y: readonly number[], top: number, squared: boolean): number | null {
  switch (measure) {
    case 'portfolio_s':
      return plainS(x, y, top, squared);
    case 'portfolio_kappa':
      return squared ? plainKappaSquared(x, y) : plainKappaAbsolute(x, y);
    case 'portfolio_pi':
      return squared ? plainPiSquared(x, y) : plainPiAbsolute(x, y);
    case 'portfolio_taub':
      return plainTauB(x, y);
    default:
      throw new Error(`no plain reference for ${measure}`);
  }
}
