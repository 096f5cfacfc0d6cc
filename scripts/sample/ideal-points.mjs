// Writes indicators/sample/un_ideal_points.csv — OUR OWN SYNTHETIC data for the bundled sample,
// in the layout of Erik Voeten's published ideal-point estimates (Idealpointestimates All file:
// Row, ccode, session, NVotes, IdealPoint, QO%, Q5%, Q10%, Q50%, Q90%, Q95%, Q100%, iso3c,
// Countryname; CRLF line ends), sessions 45–75 (years 1990–2020, year = session + 1945). Each
// state has a made-up position on one axis (the West high, Iran and Syria low) with a slow
// wobble; Russia moves towards China and Iran in 2001 and away from the USA in 2014, as the
// planted breaks in latent.mjs do. The quantiles come from a made-up posterior spread per
// state-session. NOT the published ideal points.
// usage: node scripts/sample/ideal-points.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, STATES, TO, rng } from './latent.mjs';
import { COW_CODE } from './trade.mjs';

/** A made-up position of each state on the Assembly's main axis. */
const POSITION = { USA: 2.2, ISR: 1.9, GBR: 1.5, FRA: 1.3, DEU: 1.2, TUR: 0.2, BRA: -0.4, IND: -0.7, CHN: -0.9, SYR: -1.6, IRN: -1.8, RUS: 0.6 };
const NAME = { USA: 'United States', ISR: 'Israel', GBR: 'United Kingdom', FRA: 'France', DEU: 'Germany', TUR: 'Turkey', BRA: 'Brazil', IND: 'India', CHN: 'China', SYR: 'Syria', IRN: 'Iran', RUS: 'Russia' };

/** Russia's planted moves: closer to China and Iran from 2001, further from the USA from 2014. */
const position = (s, year) => (s !== 'RUS' ? POSITION[s] : year < 2001 ? 0.6 : year < 2014 ? -0.2 : -0.7);

/** Builds the CSV lines (header first), deterministic for a seed. */
export function syntheticIdealPointLines(seed = 1946) {
  const rand = rng(seed);
  const z = { QO: -3.2, Q5: -1.645, Q10: -1.2816, Q50: 0, Q90: 1.2816, Q95: 1.645, Q100: 3.2 };
  const lines = ['Row,ccode,session,NVotes,IdealPoint,QO%,Q5%,Q10%,Q50%,Q90%,Q95%,Q100%,iso3c,Countryname'];
  let row = 0;
  const fmt = (x) => x.toPrecision(7).replace(/\.?0+$/, '');
  for (const s of [...STATES].sort((a, b) => COW_CODE[a] - COW_CODE[b])) {
    for (let year = FROM; year <= TO; year++) {
      const theta = position(s, year) + 0.08 * Math.sin((year + COW_CODE[s]) / 3.1) + 0.06 * (rand() - 0.5);
      const spread = 0.08 + 0.12 * rand();
      const skew = 0.01 * (rand() - 0.5);
      const q = Object.values(z).map((k) => fmt(theta + skew + k * spread));
      const votes = 55 + Math.floor(rand() * 40);
      lines.push([++row, COW_CODE[s], year - 1945, votes, fmt(theta), ...q, s, NAME[s]].join(','));
    }
  }
  return lines;
}

/** Writes the synthetic ideal-point file into `dir` (UTF-8, CRLF line ends as Voeten's files). */
export default function generateIdealPoints(dir) {
  const file = path.join(dir, 'un_ideal_points.csv');
  writeFileSync(file, syntheticIdealPointLines().join('\r\n') + '\r\n');
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateIdealPoints(process.argv[2] ?? path.join(root, 'indicators', 'sample')));
}
