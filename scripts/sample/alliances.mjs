// Writes indicators/sample/atop_alliances.csv — OUR OWN SYNTHETIC data for the bundled sample,
// in the format of the ATOP 5.1 directed dyad-year file as peacesciencer distributes it
// (ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul;
// COW codes; one row per direction; only dyad-years with an alliance are listed). The
// obligation of each pair-year is drawn from the latent alignment in latent.mjs on the valued
// scale (3 defence, 2 consultation, 1 non-aggression, 0 none), with the same seed and draws as
// the earlier generic alliance_ties.csv, so the sample's obligation values are unchanged. One
// pair is coded asymmetrically (the reverse direction lacks the defence obligation), as ATOP
// sometimes codes treaties; the family keeps the stronger direction. NOT ATOP data.
// usage: node scripts/sample/alliances.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, TO, latent, pairs, rng } from './latent.mjs';
import { COW_CODE } from './trade.mjs';

/** ATOP obligation flags (defense, offense, neutral, nonagg, consul) of each level. */
const FLAGS = { 3: [1, 0, 0, 1, 1], 2: [0, 0, 0, 1, 1], 1: [0, 0, 0, 1, 0] };

/** The pair whose reverse direction is coded without the defence obligation. */
const ASYMMETRIC = 'TUR-USA';

/** Builds the CSV lines (header first), deterministic. */
export function syntheticAtopLines() {
  const rand = rng(4242);
  const rows = [];
  for (const [a, b] of pairs()) {
    for (let y = FROM; y <= TO; y++) {
      const l = latent(a, b, y);
      const noisy = l + (rand() - 0.5) * 0.15;
      const tie = noisy > 0.8 ? 3 : noisy > 0.65 ? 2 : noisy > 0.5 ? 1 : 0;
      // the earlier generic file left 2 % of pair-years unreported; in ATOP's form an unlisted
      // pair-year has no alliance, so they are dropped (the draw is kept: same values as before)
      if (rand() < 0.02 || tie === 0) continue;
      const reverse = `${a}-${b}` === ASYMMETRIC && tie === 3 ? [0, 0, 0, 1, 1] : FLAGS[tie];
      rows.push([COW_CODE[a], COW_CODE[b], y, ...FLAGS[tie]], [COW_CODE[b], COW_CODE[a], y, ...reverse]);
    }
  }
  rows.sort((p, q) => p[0] - q[0] || p[1] - q[1] || p[2] - q[2]);
  return ['ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul', ...rows.map((r) => r.join(','))];
}

/** Writes the synthetic ATOP file into `dir` (UTF-8, LF line ends). */
export default function generateAlliances(dir) {
  const file = path.join(dir, 'atop_alliances.csv');
  writeFileSync(file, syntheticAtopLines().join('\n') + '\n');
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateAlliances(process.argv[2] ?? path.join(root, 'indicators', 'sample')));
}
