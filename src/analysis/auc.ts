/**
 * The area under the ROC curve of a score separating two groups, by the Mann–Whitney
 * statistic (Hanley & McNeil 1982): the probability that a member of the positive group
 * scores higher than a member of the negative group, ties counting one half,
 *
 *   AUC = (1 / (n₊·n₋)) · Σ_{i∈+} Σ_{j∈−} [ 1(x_i > y_j) + ½·1(x_i = y_j) ]
 *       = (R₊ − n₊(n₊ + 1)/2) / (n₊·n₋),
 *
 * R₊ the sum of the positives' ranks in the pooled sample (tied values at their mid-rank).
 * Range [0, 1]: 1 separates perfectly, 0.5 is chance, 0 separates the wrong way round.
 */

/** An AUC and the group sizes it rests on. */
export interface Auc {
  /** In [0, 1]; NaN when either group is empty. */
  readonly auc: number;
  readonly nPositive: number;
  readonly nNegative: number;
}

/**
 * The Mann–Whitney AUC of `positive` over `negative` (missing values, NaN, left out), in
 * O((n₊ + n₋)·log(n₊ + n₋)).
 * @example aucMannWhitney([3, 2], [1, 2]).auc // 0.875 (3 > 1, 3 > 2, 2 > 1, 2 = 2 counts ½: 3.5 / 4)
 */
export function aucMannWhitney(positive: ArrayLike<number>, negative: ArrayLike<number>): Auc {
  const pooled: number[] = [];
  const isPositive: boolean[] = [];
  let nPositive = 0;
  let nNegative = 0;
  for (let i = 0; i < positive.length; i++) {
    const v = positive[i]!;
    if (v !== v) continue;
    pooled.push(v);
    isPositive.push(true);
    nPositive++;
  }
  for (let i = 0; i < negative.length; i++) {
    const v = negative[i]!;
    if (v !== v) continue;
    pooled.push(v);
    isPositive.push(false);
    nNegative++;
  }
  if (nPositive === 0 || nNegative === 0) return { auc: NaN, nPositive, nNegative };
  const order = Array.from(pooled.keys()).sort((a, b) => pooled[a]! - pooled[b]!);
  // sum of the positives' mid-ranks, tie run by tie run
  let rankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && pooled[order[end]!] === pooled[order[start]!]) end++;
    const midRank = (start + 1 + end) / 2; // ranks start+1 … end
    for (let k = start; k < end; k++) if (isPositive[order[k]!]) rankSum += midRank;
    start = end;
  }
  const u = rankSum - (nPositive * (nPositive + 1)) / 2;
  return { auc: u / (nPositive * nNegative), nPositive, nNegative };
}
