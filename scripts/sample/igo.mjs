// Writes two files of OUR OWN SYNTHETIC data for the bundled sample, in the layouts of the
// Correlates of War IGO data v3 (NOT COW data):
//  - indicators/sample/cow_igo_dyads.csv: the non-directed dyad-year counts as peacesciencer
//    distributes them ("ccode1","ccode2","year","dyadigos", quoted header as R writes it),
//    every pair of the sample's states, 1990–2014 (the real data end in 2014);
//  - indicators/sample/cow_igo_state_year.csv: COW's state-year layout (ccode, year, state, then
//    one column per IGO: 1 full member, 2 associate, 0 not a member, -9 missing).
// A made-up world of 120 IGOs (global, Western, Eastern and small regional ones, founded over
// the years) and each state's memberships in them are drawn once; the dyad counts are the
// numbers of IGOs in which both states are full members, so the two files agree by
// construction (share = count / min(totals) ≤ 1).
// usage: node scripts/sample/igo.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, STATES, rng } from './latent.mjs';
import { COW_CODE } from './trade.mjs';

/** The real IGO data end in 2014. */
const LAST = 2014;
const WEST = new Set(['USA', 'GBR', 'FRA', 'DEU', 'ISR', 'TUR']);
const EAST = new Set(['RUS', 'CHN', 'IRN', 'SYR']);

/** The made-up IGOs: a kind, a founding year, and each state's membership status by year. */
function world(seed = 1865) {
  const rand = rng(seed);
  const kinds = [...Array(40).fill('global'), ...Array(40).fill('west'), ...Array(20).fill('east'), ...Array(20).fill('regional')];
  const chance = { global: () => 0.85, west: (s) => (WEST.has(s) ? 0.8 : 0.15), east: (s) => (EAST.has(s) ? 0.7 : 0.08), regional: () => 0.3 };
  return kinds.map((kind, k) => {
    const founded = 1960 + Math.floor(rand() * 50);
    const status = {};
    for (const s of STATES) {
      const joined = rand() < chance[kind](s) ? founded + Math.floor(rand() * 8) : Infinity;
      const associate = rand() < 0.03;
      const gap = rand() < 0.01 ? 1990 + Math.floor(rand() * 25) : null; // a missing cell now and then
      status[s] = (year) => (year === gap ? -9 : year < joined ? 0 : associate ? 2 : 1);
    }
    return { name: `IGO${String(k + 1).padStart(3, '0')}`, status };
  });
}

/** The two files' lines (headers first), deterministic. */
export function syntheticIgoLines() {
  const igos = world();
  const states = [...STATES].sort((a, b) => COW_CODE[a] - COW_CODE[b]);
  const stateYear = [['ccode', 'year', 'state', ...igos.map((i) => i.name)].join(',')];
  const dyads = ['"ccode1","ccode2","year","dyadigos"'];
  for (const s of states) {
    for (let y = FROM; y <= LAST; y++) stateYear.push([COW_CODE[s], y, s.toLowerCase(), ...igos.map((i) => i.status[s](y))].join(','));
  }
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      for (let y = FROM; y <= LAST; y++) {
        const shared = igos.filter((g) => g.status[states[i]](y) === 1 && g.status[states[j]](y) === 1).length;
        dyads.push([COW_CODE[states[i]], COW_CODE[states[j]], y, shared].join(','));
      }
    }
  }
  return { dyads, stateYear };
}

/** Writes both synthetic IGO files into `dir` (UTF-8, LF line ends). */
export default function generateIgo(dir) {
  const { dyads, stateYear } = syntheticIgoLines();
  const files = [path.join(dir, 'cow_igo_dyads.csv'), path.join(dir, 'cow_igo_state_year.csv')];
  writeFileSync(files[0], dyads.join('\n') + '\n');
  writeFileSync(files[1], stateYear.join('\n') + '\n');
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateIgo(process.argv[2] ?? path.join(root, 'indicators', 'sample')).join('\n'));
}
