// Writes indicators/sample/cow_trade.csv — OUR OWN SYNTHETIC data for the bundled sample, in
// the format of the COW Dyadic Trade v4.0 file (ccode1 < ccode2, flow1 = imports of ccode1 from
// ccode2, flow2 = imports of ccode2 from ccode1, current million USD, -9 = missing, smoothed
// flows, and COW's `version` column — which here says `synthetic`). The flows are made up by a
// gravity-like rule: country size (growing over time) times a steep function of the latent
// alignment in latent.mjs, so the planted breaks (IRN–RUS 2006, RUS–USA 2014, CHN–RUS 2001,
// RUS–TUR 2016) show in trade salience. NOT Correlates of War data.
// usage: node scripts/sample/trade.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, TO, latent, pairs, rng } from './latent.mjs';

/** COW state code of each sample state (Germany as 255, united Germany, throughout). */
export const COW_CODE = { BRA: 140, CHN: 710, DEU: 255, FRA: 220, GBR: 200, IND: 750, IRN: 630, ISR: 666, RUS: 365, SYR: 652, TUR: 640, USA: 2 };

/** Economic size of each state in 1990 and its yearly growth (made up, loosely realistic). */
const SIZE = {
  USA: [6, 0.045], CHN: [0.4, 0.13], DEU: [1.6, 0.04], FRA: [1.2, 0.035], GBR: [1.1, 0.04], IND: [0.3, 0.09],
  BRA: [0.45, 0.06], RUS: [0.5, 0.06], TUR: [0.2, 0.07], IRN: [0.12, 0.05], ISR: [0.06, 0.06], SYR: [0.015, 0.03],
};
const size = (s, year) => SIZE[s][0] * (1 + SIZE[s][1]) ** (year - FROM);

/** Pairs that record no trade at all (observed zero, not missing). */
const NO_TRADE = new Set(['IRN-ISR', 'ISR-SYR']);

/** Round to cents, as COW v4.0 stores flows. */
const cents = (x) => Math.round(x * 100) / 100;

/** Builds the CSV lines (header first), deterministic for a seed. */
export function syntheticCowTradeLines(seed = 6060) {
  const rand = rng(seed);
  const rows = [];
  for (const [x, y] of pairs()) {
    const [a, b] = COW_CODE[x] < COW_CODE[y] ? [x, y] : [y, x]; // ccode1 < ccode2
    const balance = 0.35 + 0.3 * rand(); // share of the pair's trade that a imports
    for (let year = FROM; year <= TO; year++) {
      const zero = NO_TRADE.has(x < y ? `${x}-${y}` : `${y}-${x}`);
      const gravity = 15000 * (size(a, year) * size(b, year)) ** 0.8 * (0.15 + latent(a, b, year)) ** 2;
      const noise = Math.exp(0.25 * (rand() - 0.5));
      const smooth1 = zero ? 0 : gravity * balance;
      const smooth2 = zero ? 0 : gravity * (1 - balance);
      let flow1 = zero ? 0 : smooth1 * noise;
      let flow2 = zero ? 0 : smooth2 / noise;
      let s1 = smooth1;
      let s2 = smooth2;
      // Syria's own import records are missing in 2012–2015; a few random gaps elsewhere
      const gap = () => rand() < 0.01;
      if ((a === 'SYR' && year >= 2012 && year <= 2015) || gap()) flow1 = s1 = -9;
      if ((b === 'SYR' && year >= 2012 && year <= 2015) || gap()) flow2 = s2 = -9;
      rows.push([COW_CODE[a], COW_CODE[b], year, flow1, flow2, s1, s2]);
    }
  }
  rows.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  const fmt = (v) => (v === -9 ? '-9' : String(cents(v)));
  return [
    'ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2,version',
    ...rows.map(([c1, c2, year, f1, f2, s1, s2]) => [c1, c2, year, fmt(f1), fmt(f2), fmt(s1), fmt(s2), 'synthetic'].join(',')),
  ];
}

/** Writes the synthetic COW trade file into `dir` (UTF-8, LF line ends). */
export default function generateTrade(dir) {
  const file = path.join(dir, 'cow_trade.csv');
  writeFileSync(file, syntheticCowTradeLines().join('\n') + '\n');
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateTrade(process.argv[2] ?? path.join(root, 'indicators', 'sample')));
}
