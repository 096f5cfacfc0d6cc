// Synthetic "true alignment" of the bundled sample — OUR OWN synthetic data, not any real
// source. Every family generator in scripts/sample/ draws its data from this latent series so
// that the indicators agree with each other and the planted breaks show in the index.
//
// latent(a, b, year) is in [0, 1]; PLANTED_BREAKS lists the structural breaks the change-point
// detector must find on the sample.

/** The sample's states (ISO3), 12 of them. */
export const STATES = ['BRA', 'CHN', 'DEU', 'FRA', 'GBR', 'IND', 'IRN', 'ISR', 'RUS', 'SYR', 'TUR', 'USA'];

/** Years of the sample. */
export const FROM = 1990;
export const TO = 2020;

/** Deterministic PRNG (mulberry32). */
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEST = new Set(['USA', 'GBR', 'FRA', 'DEU', 'ISR', 'TUR']);
const EAST = new Set(['RUS', 'CHN', 'IRN', 'SYR']);

/** Planted breaks: pair (alphabetical), year the new level starts, level before, level after. */
export const PLANTED_BREAKS = [
  { a: 'IRN', b: 'RUS', year: 2006, before: 0.35, after: 0.8 },
  { a: 'RUS', b: 'USA', year: 2014, before: 0.55, after: 0.15 },
  { a: 'CHN', b: 'RUS', year: 2001, before: 0.4, after: 0.85 },
  { a: 'RUS', b: 'TUR', year: 2016, before: 0.3, after: 0.65 },
];

/** Base level of a pair without a planted break. */
function base(a, b) {
  const w = (x) => (WEST.has(x) ? 1 : EAST.has(x) ? -1 : 0);
  const s = w(a) * w(b);
  return s > 0 ? 0.75 : s < 0 ? 0.2 : 0.45;
}

/** The latent alignment of a pair in a year, in [0, 1]; deterministic, symmetric. */
export function latent(x, y, year) {
  const [a, b] = x < y ? [x, y] : [y, x];
  const brk = PLANTED_BREAKS.find((p) => p.a === a && p.b === b);
  const level = brk ? (year < brk.year ? brk.before : brk.after) : base(a, b);
  // small deterministic wobble so series are not flat
  const h = [...(a + b)].reduce((s, c) => s * 31 + c.charCodeAt(0), 7) % 97;
  const wobble = 0.03 * Math.sin((year + h) / 2.3);
  return Math.min(1, Math.max(0, level + wobble));
}

/** All unordered pairs of STATES, alphabetical. */
export function pairs() {
  const out = [];
  for (let i = 0; i < STATES.length; i++) for (let j = i + 1; j < STATES.length; j++) out.push([STATES[i], STATES[j]]);
  return out;
}
