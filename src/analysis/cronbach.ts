/**
 * Cronbach's alpha: how far Q indicators measure one underlying thing (internal
 * consistency, JRC audit; COINr `get_cronbach`),
 *
 *   α = Q/(Q − 1) · (1 − Σ_q σ²_q / σ²_total),
 *
 * σ²_q the variance of indicator q and σ²_total the variance of their sum, over the rows
 * where all Q are present (listwise). α ≤ 1; ≥ 0.7 is the usual reliability bar; it can be
 * negative when the indicators pull against each other.
 */

/** Alpha and the number of complete rows it rests on. */
export interface CronbachAlpha {
  readonly alpha: number;
  readonly n: number;
}

/** The usual reliability bar. */
export const CRONBACH_THRESHOLD = 0.7;

/**
 * Cronbach's alpha of the columns at `rows` (all when null), listwise complete; NaN with
 * Q < 2, fewer than 2 complete rows, or a constant sum.
 * @example cronbachAlpha([Float64Array.of(1, 2, 3), Float64Array.of(1, 2, 3)], null).alpha // 1
 */
export function cronbachAlpha(columns: readonly Float64Array[], rows: ArrayLike<number> | null): CronbachAlpha {
  const q = columns.length;
  const len = rows ? rows.length : (columns[0]?.length ?? 0);
  if (q < 2) return { alpha: NaN, n: 0 };
  const s = new Float64Array(q);
  const ss = new Float64Array(q);
  let n = 0;
  let st = 0;
  let sst = 0;
  for (let k = 0; k < len; k++) {
    const r = rows ? rows[k]! : k;
    let ok = true;
    for (let i = 0; i < q; i++) if (columns[i]![r] !== columns[i]![r]) ok = false;
    if (!ok) continue;
    n++;
    let total = 0;
    for (let i = 0; i < q; i++) {
      const v = columns[i]![r]!;
      s[i] = s[i]! + v;
      ss[i] = ss[i]! + v * v;
      total += v;
    }
    st += total;
    sst += total * total;
  }
  if (n < 2) return { alpha: NaN, n };
  let sumVar = 0;
  for (let i = 0; i < q; i++) sumVar += (ss[i]! - (s[i]! * s[i]!) / n) / (n - 1);
  const varTotal = (sst - (st * st) / n) / (n - 1);
  if (!(varTotal > 0)) return { alpha: NaN, n };
  return { alpha: (q / (q - 1)) * (1 - sumVar / varTotal), n };
}
