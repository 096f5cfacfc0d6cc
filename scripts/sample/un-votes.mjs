// Writes indicators/sample/un_votes.csv, un_roll_calls.csv and un_roll_call_issues.csv —
// OUR OWN SYNTHETIC data for the bundled sample, in the exact format of the `unvotes`
// release (R package unvotes: un_votes, un_roll_calls, un_roll_call_issues; quotes only
// where a field needs them). The roll calls and votes are invented, not UN records: the 12
// sample states vote in sessions 45–75 (1990–2020), about 60 roll calls a session, and each
// pair's voting agreement tracks the latent alignment of latent.mjs (planted breaks included).
//
// How votes are drawn (seeded, deterministic): per year, the latent alignment L(i, j) of
// every pair becomes a target correlation 2·L − 1; the matrix is made positive definite
// (eigenvalues clipped) and factored; per roll call, a correlated normal draw z plus a
// roll-call shift m (most roll calls pass) gives yes (z + m > 0.2), no (< −0.2) or abstain.
// Pairs with a high L vote alike more often. A few votes are missing (no row), as in the
// release, which lists only yes/abstain/no.
// usage: node scripts/sample/un-votes.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, STATES, TO, latent, rng } from './latent.mjs';

/** Country name and ISO2 code of each sample state as the unvotes release spells them. */
const UNVOTES_NAME = {
  BRA: ['Brazil', 'BR'], CHN: ['China', 'CN'], DEU: ['Germany', 'DE'], FRA: ['France', 'FR'],
  GBR: ['United Kingdom', 'GB'], IND: ['India', 'IN'], IRN: ['Iran', 'IR'], ISR: ['Israel', 'IL'],
  RUS: ['Russia', 'RU'], SYR: ['Syria', 'SY'], TUR: ['Turkey', 'TR'], USA: ['United States', 'US'],
};

/** Issue codes and labels as in un_roll_call_issues, with made-up agenda items. */
const TOPICS = [
  ['me', 'Palestinian conflict', 'QUESTION OF PALESTINE', 'ON THE PEACEFUL SETTLEMENT OF THE QUESTION OF PALESTINE'],
  ['nu', 'Nuclear weapons and nuclear material', 'NUCLEAR TESTING', 'CALLING FOR A COMPREHENSIVE BAN ON NUCLEAR TEST EXPLOSIONS'],
  ['di', 'Arms control and disarmament', 'GENERAL AND COMPLETE DISARMAMENT', 'ON TRANSPARENCY IN ARMAMENTS, "CONFIDENCE-BUILDING" MEASURES'],
  ['hr', 'Human rights', 'HUMAN RIGHTS SITUATION', 'ON THE SITUATION OF HUMAN RIGHTS, AS AMENDED'],
  ['co', 'Colonialism', 'NON-SELF-GOVERNING TERRITORIES', 'ON INFORMATION FROM NON-SELF-GOVERNING TERRITORIES'],
  ['ec', 'Economic development', 'UNILATERAL ECONOMIC MEASURES', 'ON UNILATERAL ECONOMIC MEASURES AS A MEANS OF COERCION'],
  [null, null, 'UN FINANCING', 'ON THE SCALE OF ASSESSMENTS FOR THE APPORTIONMENT OF EXPENSES'],
];

const CALLS_PER_SESSION = 60;

/** Jacobi eigen-decomposition of a small symmetric matrix: { values, vectors (columns) }. */
function eigenSymmetric(a) {
  const n = a.length;
  const m = a.map((r) => [...r]);
  const v = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += m[i][j] ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-15) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((r, i) => r[i]), vectors: v };
}

/** A factor F with F·Fᵀ = the nearest (clipped) correlation matrix to the year's targets. */
function correlationFactor(year) {
  const r = STATES.map((a, i) => STATES.map((b, j) => (i === j ? 1 : Math.max(-0.95, Math.min(0.95, 2 * latent(a, b, year) - 1)))));
  const { values, vectors } = eigenSymmetric(r);
  const clipped = values.map((x) => Math.max(x, 0.02));
  const f = vectors.map((row) => row.map((x, k) => x * Math.sqrt(clipped[k])));
  // rescale rows to unit variance (a correlation matrix)
  return f.map((row) => {
    const norm = Math.sqrt(row.reduce((s, x) => s + x * x, 0));
    return row.map((x) => x / norm);
  });
}

/** Standard normal draws (Box–Muller) from a uniform generator. */
function normal(rand) {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** A CSV field as the release writes it: quoted only when it contains a comma, quote or line break. */
function field(x) {
  const s = String(x);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** Builds the three tables' lines (headers included), deterministic for a seed. */
export function syntheticUnVotes(seed = 4545) {
  const rand = rng(seed);
  const votes = ['rcid,country,country_code,vote'];
  const calls = ['rcid,session,importantvote,date,unres,amend,para,short,descr'];
  const issues = ['rcid,short_name,issue'];
  for (let year = FROM; year <= TO; year++) {
    const session = year - 1945;
    const factor = correlationFactor(year);
    for (let k = 1; k <= CALLS_PER_SESSION; k++) {
      const rcid = session * 1000 + k;
      const topic = TOPICS[Math.floor(rand() * TOPICS.length)];
      // most roll calls fall September–December; the last few spill into the next year
      const late = k > CALLS_PER_SESSION - 6;
      const date = late ? iso(year + 1, 1 + Math.floor(rand() * 6), 1 + Math.floor(rand() * 28)) : iso(year, 9 + Math.floor(((k - 1) / CALLS_PER_SESSION) * 4), 1 + Math.floor(rand() * 28));
      const important = rand() < 0.12 ? 1 : 0;
      const para = rand() < 0.08 ? 1 : 0;
      const short = topic[2];
      const descr = `TO ADOPT A DRAFT RESOLUTION ${topic[3]} (SYNTHETIC SAMPLE ${rcid})`;
      calls.push([rcid, session, important, date, `R/${session}/${k}`, 0, para, field(short), field(descr)].join(','));
      if (topic[0] !== null) issues.push([rcid, topic[0], topic[1]].join(','));
      const g = STATES.map(() => normal(rand));
      const shift = 0.2 + 0.6 * normal(rand);
      STATES.forEach((s, i) => {
        if (rand() < 0.04) return; // did not vote: the release has no row
        const z = factor[i].reduce((sum, f, j) => sum + f * g[j], 0) + shift;
        const vote = z > 0.2 ? 'yes' : z < -0.2 ? 'no' : 'abstain';
        const [name, code] = UNVOTES_NAME[s];
        votes.push([rcid, field(name), code, vote].join(','));
      });
    }
  }
  return { votes, calls, issues };
}

/** Writes the three synthetic tables into `dir` (UTF-8, LF line ends). */
export default function generateUnVotes(dir) {
  const { votes, calls, issues } = syntheticUnVotes();
  const files = [
    [path.join(dir, 'un_votes.csv'), votes],
    [path.join(dir, 'un_roll_calls.csv'), calls],
    [path.join(dir, 'un_roll_call_issues.csv'), issues],
  ];
  for (const [file, lines] of files) writeFileSync(file, lines.join('\n') + '\n');
  return files.map(([f]) => f);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateUnVotes(process.argv[2] ?? path.join(root, 'indicators', 'sample')).join('\n'));
}
