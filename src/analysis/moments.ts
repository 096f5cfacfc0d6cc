/**
 * Shape statistics of a sample, with the bias-corrected definitions used by Excel (`SKEW`,
 * `KURT`), e1071 `type = 2` and COINr `skew()`/`kurt()`, so the JRC outlier thresholds mean
 * the same thing here as in the audits that set them. NaN values are ignored.
 */

/** Sample size and central moments m_r = Σ(x − x̄)^r / n of the values present. */
export interface CentralMoments {
  readonly n: number;
  readonly mean: number;
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
}

/**
 * Central moments of the values present (two passes).
 * @example centralMoments(Float64Array.of(1, 2, 3)).m2 // 2/3
 */
export function centralMoments(x: ArrayLike<number>): CentralMoments {
  let n = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === v) {
      n++;
      s += v;
    }
  }
  const mean = n > 0 ? s / n : NaN;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v !== v) continue;
    const d = v - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  return n > 0 ? { n, mean, m2: m2 / n, m3: m3 / n, m4: m4 / n } : { n, mean, m2: NaN, m3: NaN, m4: NaN };
}

/**
 * Sample skewness G1 = g1·√(n(n − 1))/(n − 2), g1 = m3/m2^(3/2) (Excel `SKEW`). NaN for
 * n < 3 or a constant sample. 0 for a symmetric sample.
 * @example skewness(Float64Array.of(1, 2, 3, 10)) // ≈ 1.80
 */
export function skewness(x: ArrayLike<number>): number {
  const { n, m2, m3 } = centralMoments(x);
  if (n < 3 || !(m2 > 0)) return NaN;
  return ((m3 / Math.pow(m2, 1.5)) * Math.sqrt(n * (n - 1))) / (n - 2);
}

/**
 * Sample excess kurtosis G2 = ((n + 1)·g2 + 6)·(n − 1)/((n − 2)(n − 3)), g2 = m4/m2² − 3
 * (Excel `KURT`; 0 for a normal population). NaN for n < 4 or a constant sample.
 * @example kurtosis(Float64Array.of(1, 2, 3, 4)) // -1.2
 */
export function kurtosis(x: ArrayLike<number>): number {
  const { n, m2, m4 } = centralMoments(x);
  if (n < 4 || !(m2 > 0)) return NaN;
  const g2 = m4 / (m2 * m2) - 3;
  return (((n + 1) * g2 + 6) * (n - 1)) / ((n - 2) * (n - 3));
}
