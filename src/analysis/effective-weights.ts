/**
 * Nominal against effective weights (JRC audit, "nominal vs effective importance"):
 * how much each indicator actually moves the index, compared with the weight it was given.
 * Two measures, both over the pair-years with an index:
 *
 * - covariance share s_i = Cov(c_i, I) / Var(I), c_i the indicator's contribution (0 when
 *   absent). Because the contributions add up to the index, Σ_i s_i = 1 exactly: it splits
 *   the index's variance among the indicators (Shorrocks' natural decomposition). A share
 *   above the nominal weight means the indicator dominates the ranking more than intended;
 *   a negative share means it works against the others.
 * - correlation ratio η²_i = V(E[I | n_i]) / V(I) (Pearson's correlation ratio, the
 *   first-order sensitivity of the index on the indicator; Paruolo, Saisana & Saltelli
 *   2013), estimated by grouping the pair-years into up to 50 bins of equal size by n_i
 *   (ties kept together) and taking the variance of the bin means. Range [0, 1]; reported
 *   with its normalised share η²_i / Σ_j η²_j.
 */

/** The weights of one indicator. */
export interface EffectiveWeight {
  readonly id: string;
  /** w_i / Σ w. */
  readonly nominal: number;
  /** Cov(c_i, I)/Var(I); the shares add up to 1. */
  readonly covarianceShare: number;
  /** η²_i in [0, 1]. */
  readonly eta2: number;
  /** η²_i / Σ_j η²_j. */
  readonly eta2Share: number;
  /** Pair-years behind η²_i. */
  readonly n: number;
}

/**
 * Nominal and effective weights of each indicator.
 * @example effectiveWeights(['un', 'trade'], [1, 1], index, contrib, norm)[0].covarianceShare // e.g. 0.71
 */
export function effectiveWeights(
  ids: readonly string[],
  weights: readonly number[],
  index: Float64Array,
  contrib: readonly Float64Array[],
  norm: readonly Float64Array[],
): EffectiveWeight[] {
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = covarianceShares(index, contrib);
  const etas = norm.map((x) => correlationRatio(x, index));
  const etaSum = etas.reduce((s, e) => s + (e.eta2 === e.eta2 ? e.eta2 : 0), 0);
  return ids.map((id, i) => ({
    id,
    nominal: total > 0 ? weights[i]! / total : NaN,
    covarianceShare: shares[i]!,
    eta2: etas[i]!.eta2,
    eta2Share: etaSum > 0 && etas[i]!.eta2 === etas[i]!.eta2 ? etas[i]!.eta2 / etaSum : NaN,
    n: etas[i]!.n,
  }));
}

/**
 * Covariance shares s_i = Cov(c_i, I) / Var(I) over the rows with an index (of `within`, when
 * given: e.g. the pair-years of one decade), c_i the contribution (0 when absent); they add up
 * to 1 when the contributions add up to the index. NaN for a constant index.
 * @example covarianceShares(Float64Array.of(1, 3), [Float64Array.of(1, 2), Float64Array.of(0, 1)]) // [0.5, 0.5]
 * @example covarianceShares(index, contrib, rowsOf1990s) // the shares within the 1990s
 */
export function covarianceShares(index: Float64Array, contrib: readonly Float64Array[], within: ArrayLike<number> | null = null): number[] {
  const rows = new Uint32Array(within === null ? index.length : within.length);
  let n = 0;
  if (within === null) {
    for (let r = 0; r < index.length; r++) if (index[r] === index[r]) rows[n++] = r;
  } else for (let k = 0; k < within.length; k++) if (index[within[k]!] === index[within[k]!]) rows[n++] = within[k]!;
  let mi = 0;
  for (let i = 0; i < n; i++) mi += index[rows[i]!]!;
  mi /= n || 1;
  let vi = 0;
  for (let i = 0; i < n; i++) vi += (index[rows[i]!]! - mi) ** 2;
  return contrib.map((c) => {
    if (!(vi > 0)) return NaN;
    let mc = 0;
    for (let i = 0; i < n; i++) {
      const x = c[rows[i]!]!;
      mc += x === x ? x : 0;
    }
    mc /= n;
    let cov = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      const x = c[r]!;
      cov += ((x === x ? x : 0) - mc) * (index[r]! - mi);
    }
    return cov / vi;
  });
}

/**
 * Pearson's correlation ratio η² of y on x: the between-bin share of y's variance with the
 * rows (both present) sorted by x and cut into up to `maxBins` bins of about equal size,
 * ties of x never split. Range [0, 1]; NaN with fewer than 3 rows or constant y.
 * @example correlationRatio(Float64Array.of(0, 0, 1, 1), Float64Array.of(1, 1, 3, 3)).eta2 // 1
 */
export function correlationRatio(x: Float64Array, y: Float64Array, maxBins = 50): { eta2: number; n: number } {
  return correlationRatioSorted(rowsSortedBy(x), x, y, maxBins);
}

/**
 * The rows where x is present, sorted by x (ties by row): the order {@link correlationRatioSorted}
 * bins by, computed once when η² of several y on one x is needed.
 * @example rowsSortedBy(Float64Array.of(3, NaN, 1)) // [2, 0]
 */
export function rowsSortedBy(x: Float64Array): Uint32Array {
  const n = x.length;
  const words = new Uint32Array(x.buffer, x.byteOffset, 2 * n);
  let hi = new Uint32Array(n);
  let lo = new Uint32Array(n);
  let rows = new Uint32Array(n);
  let m = 0;
  for (let r = 0; r < n; r++) {
    const v = x[r]!;
    if (v !== v) continue;
    if (v === 0) {
      hi[m] = 0x80000000; // -0 and +0 are equal (the comparator's x[p] - x[q] is 0): one key
      lo[m] = 0;
    } else {
      const h = words[2 * r + 1]!; // little-endian: the high word holds sign, exponent, top mantissa
      const l = words[2 * r]!;
      // unsigned order of (hi, lo) = numeric order of the doubles
      hi[m] = h & 0x80000000 ? ~h >>> 0 : (h | 0x80000000) >>> 0;
      lo[m] = h & 0x80000000 ? ~l >>> 0 : l;
    }
    rows[m++] = r;
  }
  if (m < 64) {
    const out = Array.from(rows.subarray(0, m));
    out.sort((p, q) => x[p]! - x[q]! || p - q);
    return Uint32Array.from(out);
  }
  // least significant digit first, two stable passes of 16 bits over the high word: rows in
  // order of it, equal high words in row order; then each run of equal high words is put in
  // order of its low words (usually already: runs are mostly of equal values)
  let hiSwap = new Uint32Array(m);
  let loSwap = new Uint32Array(m);
  let rowSwap = new Uint32Array(m);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < m; i++) counts[(hi[i]! >>> shift) & 0xffff]!++;
    if (counts[(hi[0]! >>> shift) & 0xffff] === m) continue; // every key shares this digit
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const at = counts[(hi[i]! >>> shift) & 0xffff]!++;
      hiSwap[at] = hi[i]!;
      loSwap[at] = lo[i]!;
      rowSwap[at] = rows[i]!;
    }
    [hi, hiSwap] = [hiSwap, hi];
    [lo, loSwap] = [loSwap, lo];
    [rows, rowSwap] = [rowSwap, rows];
  }
  for (let i = 0; i < m; ) {
    let j = i + 1;
    let sorted = true;
    while (j < m && hi[j] === hi[i]) {
      if (lo[j]! < lo[j - 1]!) sorted = false;
      j++;
    }
    if (!sorted) sortRunByLow(lo, rows, i, j);
    i = j;
  }
  return rows.length === m ? rows : rows.slice(0, m);
}

/** Puts rows i … j − 1 in order of their low words, ties in row order (the run is in row order). */
function sortRunByLow(lo: Uint32Array, rows: Uint32Array, i: number, j: number): void {
  if (j - i <= 32) {
    // insertion sort: stable, and the run arrives in row order
    for (let k = i + 1; k < j; k++) {
      const l = lo[k]!;
      const r = rows[k]!;
      let p = k - 1;
      while (p >= i && lo[p]! > l) {
        lo[p + 1] = lo[p]!;
        rows[p + 1] = rows[p]!;
        p--;
      }
      lo[p + 1] = l;
      rows[p + 1] = r;
    }
    return;
  }
  const order = Array.from({ length: j - i }, (_, k) => i + k).sort((p, q) => lo[p]! - lo[q]! || rows[p]! - rows[q]!);
  const los = order.map((p) => lo[p]!);
  const rs = order.map((p) => rows[p]!);
  for (let k = 0; k < order.length; k++) {
    lo[i + k] = los[k]!;
    rows[i + k] = rs[k]!;
  }
}

/**
 * {@link correlationRatio} with the rows already sorted by x ({@link rowsSortedBy}); the rows
 * where y is missing are skipped. Same result as `correlationRatio(x, y, maxBins)`.
 * @example correlationRatioSorted(rowsSortedBy(x), x, y).eta2 // = correlationRatio(x, y).eta2
 */
export function correlationRatioSorted(sortedRows: Uint32Array, x: Float64Array, y: Float64Array, maxBins = 50): { eta2: number; n: number } {
  // x and y gathered once in sorted order (one pass of scattered reads; the rest reads them in sequence)
  const xs = new Float64Array(sortedRows.length);
  const ys = new Float64Array(sortedRows.length);
  let n = 0;
  for (let i = 0; i < sortedRows.length; i++) {
    const r = sortedRows[i]!;
    const v = y[r]!;
    if (v === v) {
      xs[n] = x[r]!;
      ys[n++] = v;
    }
  }
  if (n < 3) return { eta2: NaN, n };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += ys[i]!;
  mean /= n;
  let total = 0;
  for (let i = 0; i < n; i++) total += (ys[i]! - mean) ** 2;
  if (!(total > 0)) return { eta2: NaN, n };
  const bins = Math.max(2, Math.min(maxBins, Math.floor(Math.sqrt(n))));
  const target = n / bins;
  let between = 0;
  let start = 0;
  while (start < n) {
    let end = Math.min(n, Math.max(start + 1, Math.round(start + target)));
    while (end < n && xs[end] === xs[end - 1]) end++;
    let s = 0;
    for (let t = start; t < end; t++) s += ys[t]!;
    const m = s / (end - start);
    between += (end - start) * (m - mean) ** 2;
    start = end;
  }
  return { eta2: Math.min(1, between / total), n };
}
