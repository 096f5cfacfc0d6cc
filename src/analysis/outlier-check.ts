/**
 * The JRC outlier screen of an indicator (COINr `check_SkewKurt` and `Treat` defaults):
 * an indicator is flagged when |skewness| > 2 and kurtosis > 3.5 (both as in `moments.ts`).
 * The suggested treatment follows COINr's default two-stage process: winsorise up to 5
 * points (each step moves the most extreme value(s) on the side of the skew to the next
 * value), and if the indicator is still flagged, use instead the log transform
 * log_CT(x) = ln(x − min + 0.01·(max − min)) on the original values.
 */
import { kurtosis, skewness } from './moments.js';

/** Thresholds of the screen. */
export const OUTLIER_THRESHOLDS = { skew: 2, kurtosis: 3.5, winsoriseMax: 5 } as const;

/** Result of screening one indicator. */
export interface OutlierCheck {
  readonly n: number;
  readonly skewness: number;
  readonly kurtosis: number;
  /** |skewness| > 2 and kurtosis > 3.5. */
  readonly flagged: boolean;
  /** `none`, `winsorise` or `log_CT`. */
  readonly treatment: 'none' | 'winsorise' | 'log_CT';
  /** Points winsorising would move (when it is the treatment or was tried). */
  readonly winsorised: number;
  /** Whether the indicator passes the screen after the suggested treatment. */
  readonly passesAfter: boolean;
}

/**
 * True when a sample is flagged by the JRC screen.
 * @example isFlagged(3.1, 12) // true
 */
export function isFlagged(skew: number, kurt: number): boolean {
  return Math.abs(skew) > OUTLIER_THRESHOLDS.skew && kurt > OUTLIER_THRESHOLDS.kurtosis;
}

/**
 * Screens the values present and suggests a treatment (see the module comment).
 * @example checkOutliers(Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100)).treatment // 'winsorise'
 */
export function checkOutliers(values: ArrayLike<number>): OutlierCheck {
  const x: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) x.push(values[i]!);
  const s = skewness(x);
  const k = kurtosis(x);
  const flagged = isFlagged(s, k);
  if (!flagged) return { n: x.length, skewness: s, kurtosis: k, flagged, treatment: 'none', winsorised: 0, passesAfter: true };
  const w = Float64Array.from(x);
  let moved = 0;
  let pass = false;
  while (!pass && moved < OUTLIER_THRESHOLDS.winsoriseMax) {
    const step = winsoriseStep(w, skewness(w) >= 0);
    if (step === 0) break;
    moved += step;
    pass = !isFlagged(skewness(w), kurtosis(w));
  }
  if (pass) return { n: x.length, skewness: s, kurtosis: k, flagged, treatment: 'winsorise', winsorised: moved, passesAfter: true };
  const logged = logCT(Float64Array.from(x));
  return { n: x.length, skewness: s, kurtosis: k, flagged, treatment: 'log_CT', winsorised: moved, passesAfter: !isFlagged(skewness(logged), kurtosis(logged)) };
}

/**
 * COINr's log_CT transform: ln(x − min + 0.01·(max − min)), in place.
 * @example logCT(Float64Array.of(0, 100)) // [ln 1, ln 101]
 */
export function logCT(x: Float64Array): Float64Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of x) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const a = 0.01 * (max - min);
  for (let i = 0; i < x.length; i++) x[i] = Math.log(x[i]! - min + a);
  return x;
}

/** Moves the highest (or lowest) value(s) to the next one; returns how many points moved. */
function winsoriseStep(x: Float64Array, high: boolean): number {
  let ext = high ? -Infinity : Infinity;
  for (const v of x) if (high ? v > ext : v < ext) ext = v;
  let next = high ? -Infinity : Infinity;
  for (const v of x) if (v !== ext && (high ? v > next : v < next)) next = v;
  if (!Number.isFinite(next)) return 0;
  let moved = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === ext) {
      x[i] = next;
      moved++;
    }
  }
  return moved;
}
