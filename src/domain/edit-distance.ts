/** Edit distance for the crosswalk's "closest known spellings". */

/**
 * Levenshtein distance of two strings when it is at most `limit`, else `limit + 1`: only the
 * band |i − j| ≤ limit of the table is filled, and the scan stops as soon as a whole row
 * exceeds the limit (an unknown cell is compared with every known spelling, so this runs
 * thousands of times per unknown name).
 * @example boundedEditDistance('Rusia', 'Russia', 2) // 1
 */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  const big = limit + 1;
  if (scratch.length < 2 * (m + 1)) scratch = new Int32Array(4 * (m + 1));
  let prev = 0; // offset of the previous row in scratch
  let cur = m + 1;
  for (let j = 0; j <= m; j++) scratch[prev + j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    scratch[cur] = i <= limit ? i : big;
    if (lo > 1) scratch[cur + lo - 1] = big;
    let rowMin = scratch[cur]!;
    const ai = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const del = scratch[prev + j]! + 1;
      const ins = scratch[cur + j - 1]! + 1;
      const sub = scratch[prev + j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      let d = del < ins ? del : ins;
      if (sub < d) d = sub;
      if (d > big) d = big;
      scratch[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (hi < m) scratch[cur + hi + 1] = big;
    if (rowMin > limit) return big;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = scratch[prev + m]!;
  return d > limit ? big : d;
}

let scratch = new Int32Array(256);
