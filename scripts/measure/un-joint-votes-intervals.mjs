#!/usr/bin/env node
/**
 * The measurement behind `un_votes`' default `min_joint_votes` (10; see
 * src/families/un-votes/README.md): the median width of each pair-year's bootstrap interval of
 * the UN agreement, by number of joint votes K.
 *
 *   1. a config with the UN indicator alone, `min_joint_votes: 1` and
 *      `bootstrap: { draws: 100, level: 0.9 }` (examples/un-joint-votes.yaml);
 *   2. ENTENTE_DATA_DIR=../shared/data npx entente measures --config examples/un-joint-votes.yaml
 *   3. node scripts/measure/un-joint-votes-intervals.mjs examples/reports/un-joint-votes-measures/measures.csv
 *
 * Prints, per band of K, the pair-years with a value, their cumulative share and the median
 * width hi − lo of the interval.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/measure/un-joint-votes-intervals.mjs measures.csv');
  process.exit(2);
}
const EDGES = [1, 2, 3, 5, 10, 15, 20, 30, 50, 100, Infinity];
const bands = EDGES.slice(0, -1).map(() => []);
let head = null;
let total = 0;
for await (const line of createInterface({ input: createReadStream(file) })) {
  const cells = line.split(',');
  if (head === null) {
    head = Object.fromEntries(cells.map((c, i) => [c, i]));
    for (const c of ['un_raw', 'un_joint_votes', 'un_lo', 'un_hi']) if (!(c in head)) throw new Error(`${file}: no column ${c} (bootstrap on, indicator id "un"?)`);
    continue;
  }
  if (cells[head.un_raw] === '' || cells[head.un_lo] === '') continue;
  const k = Number(cells[head.un_joint_votes]);
  let b = 0;
  while (k >= EDGES[b + 1]) b++;
  bands[b].push(Number(cells[head.un_hi]) - Number(cells[head.un_lo]));
  total++;
}
const median = (a) => {
  const s = Float64Array.from(a).sort();
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
console.log(`pair-years with a value: ${total}`);
console.log('joint votes | pair-years | cumulative share | median interval width');
let cum = 0;
bands.forEach((widths, b) => {
  cum += widths.length;
  const band = EDGES[b + 1] === Infinity ? `≥ ${EDGES[b]}` : EDGES[b + 1] - 1 === EDGES[b] ? `${EDGES[b]}` : `${EDGES[b]}–${EDGES[b + 1] - 1}`;
  console.log(`${band} | ${widths.length} | ${(cum / total).toFixed(4)} | ${median(widths).toFixed(3)}`);
});
