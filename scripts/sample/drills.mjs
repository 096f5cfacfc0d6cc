// Writes indicators/sample/mme_exercises.csv — OUR OWN SYNTHETIC data for the bundled sample,
// in the published wide format of the Multinational Military Exercises data, v7 (all 64
// columns, participants as MME-spelled names in StateA … StateAM, both date formats M/D/YY and
// YYYY-MM-xx, domain and focus flags). The exercises are invented, drawn from the latent
// alignment in latent.mjs: more bilateral exercises where latent() is high, plus a few
// multilateral ones per year. Not MME data.
// usage: node scripts/sample/drills.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, TO, latent, pairs, rng } from './latent.mjs';

/** The file name the sample config points at. */
export const FILE = 'mme_exercises.csv';

/** MME v7's 39 participant slots: StateA … StateZ, StateAA … StateAM. */
const SLOTS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `State${c}`).concat([...'ABCDEFGHIJKLM'].map((c) => `StateA${c}`));

/** The MME v7 header, column for column. */
export const HEADER = [
  'MMEID', 'Ex_Name', 'Series_Name', 'Location', 'lat', 'lon',
  'StartDate', 's.year', 's.month', 's.day', 'EndDate', 'e.year', 'e.month', 'e.day',
  'CPX', 'Air', 'Land', 'Sea', 'Amphibious', 'Cyber', 'Warfighting', 'Peacekeeping', 'Humanitarian',
  'FocusDescription', 'AdditionalParticipantInfo', ...SLOTS,
];

/** MME spelling of each sample state (West Germany's name in 1990, as MME writes it). */
const MME_NAME = {
  BRA: 'Brazil', CHN: 'China', DEU: 'Germany', FRA: 'France', GBR: 'United Kingdom', IND: 'India',
  IRN: 'Iran', ISR: 'Israel', RUS: 'Russia', SYR: 'Syria', TUR: 'Turkey', USA: 'United States',
};
const nameOf = (code, year) => (code === 'DEU' && year <= 1990 ? 'Federal Republic of Germany' : MME_NAME[code]);

/** Made-up series names for bilateral exercises. */
const SERIES = ['Blue Anchor', 'Steppe Shield', 'Iron Harbour', 'Desert Lantern', 'Northern Relay', 'Coral Gate', 'Silent Ridge', 'Open Meadow'];

/** Made-up recurring multilateral exercises: participants, first year, yearly probability, flags. */
const MULTILATERAL = [
  { series: 'Atlantic Compass', states: ['DEU', 'FRA', 'GBR', 'USA', 'TUR'], from: 1990, p: 0.9, sea: true },
  { series: 'Levant Sentinel', states: ['GBR', 'ISR', 'TUR', 'USA'], from: 1995, p: 0.5, air: true },
  { series: 'Eastern Concord', states: ['CHN', 'RUS', 'IND'], from: 2003, p: 0.6, land: true },
  { series: 'Gulf Security Belt', states: ['CHN', 'IRN', 'RUS'], from: 2008, p: 0.7, sea: true },
  { series: 'Relief Horizon', states: ['BRA', 'CHN', 'DEU', 'FRA', 'GBR', 'IND', 'RUS', 'TUR', 'USA'], from: 1994, p: 0.25, humanitarian: true },
];

function poisson(rand, lambda) {
  const l = Math.exp(-lambda);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Start and end of an exercise: a random day, 2–14 days long (may cross New Year). */
function dates(rand, year) {
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * daysIn(year, month));
  const start = new Date(Date.UTC(year, month - 1, day));
  const end = new Date(start.getTime() + Math.floor(2 + rand() * 13) * 86_400_000);
  return { start, end, dayKnown: rand() > 0.2 };
}

/** MME's two date formats: `M/D/YY`, or `YYYY-MM-xx` when the day is unknown. */
function dateCells(d, dayKnown) {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const text = dayKnown ? `${m}/${day}/${String(y % 100).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-xx`;
  return [text, String(y), String(m), dayKnown ? String(day) : 'xx'];
}

function csvCell(v) {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The synthetic exercises as MME v7 rows (header first), sorted by start date. Seeded: the
 * same seed gives the same file.
 */
export function syntheticExerciseRows(seed = 5150) {
  const rand = rng(seed);
  const exercises = [];
  for (let y = FROM; y <= TO; y++) {
    for (const [a, b] of pairs()) {
      const l = latent(a, b, y);
      const n = poisson(rand, 2.4 * l * l * l);
      for (let i = 0; i < n; i++) {
        const sea = rand() < 0.45;
        exercises.push({
          series: pick(rand, SERIES),
          states: rand() < 0.5 ? [a, b] : [b, a],
          year: y,
          ...dates(rand, y),
          flags: { CPX: rand() < 0.1, Air: rand() < 0.35, Land: !sea || rand() < 0.2, Sea: sea, Amphibious: sea && rand() < 0.15, Cyber: y >= 2012 && rand() < 0.03 },
          focus: rand() < 0.9 ? 'Warfighting' : 'Peacekeeping',
        });
      }
    }
    for (const m of MULTILATERAL) {
      if (y < m.from || rand() >= m.p) continue;
      const states = m.states.filter(() => rand() < 0.9);
      if (states.length < 2) continue;
      exercises.push({
        series: m.series,
        states,
        year: y,
        ...dates(rand, y),
        flags: { CPX: rand() < 0.15, Air: Boolean(m.air), Land: Boolean(m.land), Sea: Boolean(m.sea), Amphibious: false, Cyber: false },
        focus: m.humanitarian ? 'Humanitarian' : 'Warfighting',
      });
    }
  }
  exercises.sort((x, z) => x.start - z.start || x.series.localeCompare(z.series) || x.states.join().localeCompare(z.states.join()));
  // As in MME: a few unidentified participants (-9) and one organisation entry (NATO).
  for (let i = 7; i < exercises.length; i += 97) exercises[i].extra = '-9';
  if (exercises.length > 40) exercises[40].extra = 'NATO';

  const rows = [HEADER.join(',')];
  exercises.forEach((e, i) => {
    const names = e.states.map((s) => nameOf(s, e.year));
    if (e.extra) names.push(e.extra);
    const [st, sy, sm, sd] = dateCells(e.start, e.dayKnown);
    const [et, ey, em, ed] = dateCells(e.end, e.dayKnown);
    const f = e.flags;
    const cells = [
      `mme${9001 + i}`, `${e.series} ${e.year}`, e.series, 'synthetic location', '', '',
      st, sy, sm, sd, et, ey, em, ed,
      +f.CPX, +f.Air, +f.Land, +f.Sea, +f.Amphibious, +f.Cyber,
      +(e.focus === 'Warfighting'), +(e.focus === 'Peacekeeping'), +(e.focus === 'Humanitarian'),
      'synthetic exercise, not a real event', '',
      ...SLOTS.map((_, k) => names[k] ?? ''),
    ];
    rows.push(cells.map(csvCell).join(','));
  });
  return rows;
}

/** Writes the synthetic MME-format file into `dir` (UTF-8, LF); returns its path. */
export default function generateDrills(dir) {
  const out = path.join(dir, FILE);
  writeFileSync(out, syntheticExerciseRows().join('\n') + '\n');
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateDrills(process.argv[2] ?? path.join(root, 'indicators', 'sample')));
}
