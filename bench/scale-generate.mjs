#!/usr/bin/env node
// Writes the SYNTHETIC scale panel of issue 9 ("Scale") into a temporary folder — never into
// the repository — and the config `scale.yaml` that scores it with all four families plus two
// custom `dyad_year` indicators. Everything here is made up by a seeded generator (same seed →
// byte-identical files); it is in the formats the families read, not data of any source:
//
//   un_votes.csv, un_roll_calls.csv   `unvotes` release format (rcid,country,country_code,vote;
//                                     rcid,session,importantvote,date,…), ~66 roll calls per
//                                     session 1946–2020 → ~0.95 M votes
//   sipri_trade_register.csv          SIPRI's raw trade-register export (Latin-1, 11 note lines,
//                                     three single-space header cells, unquoted, a few records
//                                     broken over two lines), ~30,000 deals 1941–2020
//   mme_exercises.csv                 MME v7 wide (64 columns, StateA … StateAM), ~4,000 exercises
//   cow_trade.csv                     COW Dyadic Trade v4.0 (ccode1 < ccode2, -9 = missing,
//                                     smoothed flows, version), every pair every year ≈ 1.56 M rows
//   alliance_dense.csv                dyad_year, ISO3 codes, every pair every year ≈ 1.56 M rows
//   sanctions_sparse.csv              dyad_year, COW codes, ~4 % of pair-years
//
// The states: every entity of the crosswalk table (src/domain/crosswalk-data.ts, `COUNTRIES`)
// with a COW code, an ISO2 code and a name, kept only when its COW code, ISO2 code and name
// resolve back to it with `createCrosswalk()` in every year 1941–2020 (198 entities: SUN and
// YUG drop out, their codes being reported as RUS and SRB by the default succession). Values
// are written for all of them in every year; the scorer keeps the pair-years of states that
// existed (the COW/G&W state system), 926,824 of the 1,560,240.
//
// Needs the build (npm run build), for the crosswalk. ENTENTE_DIST picks another build folder.
// usage: node bench/scale-generate.mjs [out-dir] [--states N] [--seed S]
//        (default out-dir: a new folder under the system's temp dir; prints a JSON summary)
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WEAPONS } from '../scripts/sample/arms.mjs';
import { rng } from '../scripts/sample/latent.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');

/** First and last year of the panel. */
export const FROM = 1941;
export const TO = 2020;
/** First UN General Assembly session (1946 = session 1). */
const UN_FROM = 1946;
/** Roll calls per session (× 75 sessions × 198 states × ~97 % present ≈ 0.95 M votes). */
const ROLL_CALLS_PER_SESSION = 66;
/** Deals in the arms register, in total. */
const DEALS = 30_000;
/** Exercises in the MME file, in total. */
const EXERCISES = 4_000;
/** Share of pair-years present in the sparse custom indicator. */
const SPARSE_SHARE = 0.03;

// ── randomness ──────────────────────────────────────────────────────────────────────────

/** Deterministic PRNG (mulberry32): a function giving uniform numbers in [0, 1); the sample's. */
const prng = rng;

/** Standard normal draws from a uniform source (Box–Muller). */
function normalOf(rand) {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** Index drawn with probability proportional to `weights` (cumulative sums given). */
function drawWeighted(rand, cumulative) {
  const x = rand() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const cumulativeOf = (weights) => {
  let s = 0;
  return weights.map((w) => (s += w));
};

// ── the states ──────────────────────────────────────────────────────────────────────────

/**
 * The states of the panel, from the crosswalk table: `{ iso3, iso2, name, cow }` sorted by
 * ISO3, each checked to resolve back to itself in every year of the panel.
 */
export async function panelStates(limit = Infinity) {
  const { COUNTRIES } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk-data.js')).href);
  const { createCrosswalk } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk.js')).href);
  const cw = createCrosswalk();
  const everyYear = (system, raw, iso3) => {
    for (let y = FROM; y <= TO; y++) if (cw.tryResolve(system, raw, y) !== iso3) return false;
    return true;
  };
  const states = [];
  const dropped = [];
  for (const r of COUNTRIES) {
    if (!r.cow || r.cow.length === 0 || !r.iso2 || !r.name) continue;
    const cow = r.cow.map((c) => c.code).find((code) => everyYear('cow', String(code), r.iso3));
    if (cow === undefined || !everyYear('name', r.name, r.iso3) || cw.tryResolve('iso2', r.iso2) !== r.iso3) {
      dropped.push(r.iso3);
      continue;
    }
    states.push({ iso3: r.iso3, iso2: r.iso2, name: r.name, cow });
  }
  states.sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  // period spellings the sources use, checked like the rest (kept only when they resolve)
  const period = (s, year) => {
    if (s.iso3 === 'RUS' && year <= 1991) return 'Soviet Union';
    if (s.iso3 === 'DEU' && year <= 1990) return 'Federal Republic of Germany';
    return s.name;
  };
  for (const s of states) {
    for (let y = FROM; y <= TO; y++) {
      if (cw.tryResolve('name', period(s, y), y) !== s.iso3) throw new Error(`scale-generate: "${period(s, y)}" does not resolve to ${s.iso3} in ${y}`);
    }
  }
  return { states: states.slice(0, limit), dropped, period };
}

// ── the latent alignment ────────────────────────────────────────────────────────────────

/**
 * A made-up world: each state has a position on a circle of blocs that drifts year by year
 * (a slow random walk with a few jumps) and an economic size growing over time. Alignment of
 * two states in a year = (1 + cos(angle difference)) / 2, in [0, 1].
 */
function latentWorld(n, seed) {
  const rand = prng(seed);
  const normal = normalOf(rand);
  const years = TO - FROM + 1;
  const angle = new Float64Array(n * years);
  const size = new Float64Array(n * years);
  for (let i = 0; i < n; i++) {
    let a = rand() * 2 * Math.PI;
    const s0 = Math.exp(1.6 * normal());
    const g = 0.02 + 0.05 * rand();
    for (let t = 0; t < years; t++) {
      a += 0.04 * normal() + (rand() < 0.01 ? (rand() - 0.5) * 2 : 0);
      angle[i * years + t] = a;
      size[i * years + t] = s0 * (1 + g) ** t;
    }
  }
  return {
    years,
    align: (i, j, year) => (1 + Math.cos(angle[i * years + year - FROM] - angle[j * years + year - FROM])) / 2,
    angle: (i, year) => angle[i * years + year - FROM],
    size: (i, year) => size[i * years + year - FROM],
    meanSize: (i) => size[i * years + Math.floor(years / 2)],
  };
}

// ── buffered writing ────────────────────────────────────────────────────────────────────

/** Appends lines to a file through a buffer of ~1 MB (Latin-1 or UTF-8). */
class LineWriter {
  constructor(file, encoding = 'utf8', eol = '\n') {
    this.file = file;
    this.fd = openSync(file, 'w');
    this.encoding = encoding;
    this.eol = eol;
    this.parts = [];
    this.length = 0;
    this.lines = 0;
  }

  line(text) {
    this.parts.push(text, this.eol);
    this.length += text.length + 1;
    this.lines++;
    if (this.length > 1 << 20) this.flush();
  }

  raw(text) {
    this.parts.push(text);
    this.length += text.length;
  }

  flush() {
    if (this.parts.length === 0) return;
    writeSync(this.fd, Buffer.from(this.parts.join(''), this.encoding));
    this.parts = [];
    this.length = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
    return this.lines;
  }
}

/** A CSV cell, quoted when it holds a comma, a quote or a line break. */
const cell = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/** A number with at most `d` decimals, no trailing zeros. */
const fixed = (x, d = 2) => String(Math.round(x * 10 ** d) / 10 ** d);

// ── UN votes (`unvotes` release format) ─────────────────────────────────────────────────

function writeUnVotes(dir, states, world, seed) {
  const rand = prng(seed);
  const normal = normalOf(rand);
  const calls = new LineWriter(path.join(dir, 'un_roll_calls.csv'));
  const votes = new LineWriter(path.join(dir, 'un_votes.csv'));
  calls.line('rcid,session,importantvote,date,unres,amend,para,short,descr');
  votes.line('rcid,country,country_code,vote');
  const countryCell = states.map((s) => cell(s.name));
  let rcid = 3;
  let voteCount = 0;
  for (let year = UN_FROM; year <= TO; year++) {
    const session = year - UN_FROM + 1;
    for (let k = 0; k < ROLL_CALLS_PER_SESSION; k++) {
      rcid++;
      // the roll call's "direction" on the circle of blocs and how consensual it is
      const phi = rand() * 2 * Math.PI;
      const bias = 0.2 + 0.9 * rand();
      const month = 9 + Math.floor((k * 4) / ROLL_CALLS_PER_SESSION);
      const day = 1 + Math.floor(rand() * 28);
      const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const important = rand() < 0.05 ? 1 : 0;
      calls.line(`${rcid},${session},${important},${date},R/${session}/${k + 1},0,0,SYNTHETIC ROLL CALL ${k + 1},"SYNTHETIC ROLL CALL, NOT A REAL VOTE (Entente scale benchmark)"`);
      for (let i = 0; i < states.length; i++) {
        if (rand() < 0.03) continue; // absent: not in the file, as in the release
        const u = Math.cos(world.angle(i, year) - phi) + bias + 0.5 * normal();
        const vote = u > 0.35 ? 'yes' : u < -0.35 ? 'no' : 'abstain';
        votes.line(`${rcid},${countryCell[i]},${states[i].iso2},${vote}`);
        voteCount++;
      }
    }
  }
  calls.close();
  votes.close();
  return { rollCalls: rcid - 3, votes: voteCount };
}

// ── SIPRI trade register (raw export format) ────────────────────────────────────────────

const SIPRI_NOTES = [
  "SYNTHETIC DATA made by Entente (bench/scale-generate.mjs) in SIPRI's export format; the deals are invented and are NOT SIPRI data. Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range 'Not specified' to 'Not specified' ",
  "A '?' in a column indicates uncertain data. The 'Number delivered' and the 'Year(s) of deliveries' refer only to deliveries in the selected year(s).",
  "An empty field for 'Number ordered' indicates that data is not yet available.",
  'SIPRI trend-indicator values (TIVs) are in millions.',
  "An empty field for 'SIPRI TIV for total order' indicates that data (on the number ordered and/or the TIV per unit) is not available.",
  "A '0' for 'SIPRI TIV of delivered weapons' indicates that the volume of deliveries is between 0 and 0.5 million SIPRI TIV; and an empty field indicates that no deliveries have been identified.",
  'Figures may not add up to stated totals due to the conventions of rounding.',
  'For the method used for the SIPRI TIV and explanations of the conventions; abbreviations and acronyms see <https://www.sipri.org/databases/armstransfers/sources-and-methods>.',
  '',
  'Source: synthetic scale panel in the format of the SIPRI Arms Transfers Database export.',
  'Data generated: synthetic (Entente scale benchmark)',
];

const SIPRI_HEADER =
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';


function writeSipri(dir, states, world, period, seed) {
  const rand = prng(seed);
  const n = states.length;
  // suppliers: the 40 largest states, weighted by size^1.5
  const bySize = states.map((_, i) => i).sort((a, b) => world.meanSize(b) - world.meanSize(a));
  const suppliers = bySize.slice(0, Math.min(40, n));
  const supplierCum = cumulativeOf(suppliers.map((i) => world.meanSize(i) ** 1.5));
  const perYear = Math.round(DEALS / (TO - FROM + 1));
  const deals = [];
  for (let order = FROM - 2; order <= TO - 1; order++) {
    for (let k = 0; k < perYear; k++) {
      const s = suppliers[drawWeighted(rand, supplierCum)];
      let r = -1;
      const at = Math.max(FROM, order);
      for (let tries = 0; tries < 50; tries++) {
        const c = Math.floor(rand() * n);
        if (c !== s && rand() < world.align(s, c, at) ** 3) {
          r = c;
          break;
        }
      }
      if (r < 0) continue;
      const [designation, description, unit0, [lo, hi]] = WEAPONS[Math.floor(rand() * WEAPONS.length)];
      const status = rand() < 0.8 ? 'New' : rand() < 0.7 ? 'Second hand' : 'Second hand but modernized';
      const unit = status === 'New' ? unit0 : status === 'Second hand' ? unit0 * 0.4 : unit0 * 0.66;
      const ordered = Math.round(lo + rand() * (hi - lo));
      const start = Math.max(FROM, order + 1 + Math.floor(rand() * 2));
      const span = 1 + Math.floor(rand() * 4);
      const years = [];
      for (let y = start; y < start + span && y <= TO; y++) years.push(y);
      const delivered = years.length === 0 ? 0 : years.length < span ? Math.round((ordered * years.length) / span) : ordered;
      const first = years[0] ?? at;
      deals.push({
        recipient: period(states[r], first),
        supplier: period(states[s], first),
        order,
        orderQ: rand() < 0.2 ? '?' : '',
        ordered,
        orderedQ: rand() < 0.2 ? '?' : '',
        designation,
        description,
        delivered,
        deliveredQ: delivered > 0 && rand() < 0.05 ? '?' : '',
        years,
        status,
        comments: rand() < 0.3 ? 'Synthetic deal; aid' : '',
        unit,
      });
    }
  }
  // non-state and unknown parties, as SIPRI lists them (Entente skips and counts them)
  for (let y = 1960; y <= TO; y += 10) {
    deals.push({ recipient: 'Hezbollah (Lebanon)*', supplier: period(states[suppliers[0]], y), order: y - 1, orderQ: '?', ordered: 50, orderedQ: '?', designation: 'AT-3', description: 'anti-tank missile', delivered: 50, deliveredQ: '', years: [y], status: 'New', comments: 'Synthetic deal', unit: 0.02 });
    deals.push({ recipient: period(states[suppliers[1]], y), supplier: 'unknown supplier(s)', order: y - 1, orderQ: '?', ordered: 20, orderedQ: '?', designation: 'APC-80', description: 'APC', delivered: 20, deliveredQ: '', years: [y], status: 'Second hand', comments: 'Synthetic deal', unit: 0.12 });
    deals.push({ recipient: 'NATO**', supplier: period(states[suppliers[2]], y), order: y - 1, orderQ: '', ordered: 3, orderedQ: '', designation: 'AS-R5', description: 'air search radar', delivered: 3, deliveredQ: '', years: [y], status: 'New', comments: 'Synthetic deal', unit: 6.5 });
  }
  deals.sort((a, b) => (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : a.order - b.order));
  const w = new LineWriter(path.join(dir, 'sipri_trade_register.csv'), 'latin1');
  for (const l of SIPRI_NOTES) w.line(l);
  w.line(SIPRI_HEADER);
  let broken = 0;
  deals.forEach((d, k) => {
    let line = [
      d.recipient, d.supplier, d.order, d.orderQ, d.ordered, d.orderedQ, d.designation, d.description,
      d.delivered, d.deliveredQ, d.years.join('; '), d.status, d.comments, fixed(d.unit), fixed(d.unit * d.ordered), fixed(d.unit * d.delivered),
    ].join(',');
    // SIPRI's raw export breaks a few records inside Comments (CR LF); reproduce one in 2,000
    if (k % 2000 === 1000 && d.comments !== '') {
      line = line.replace(`,${d.comments},`, `,${d.comments}; modernisé before delivery\r\n,`);
      broken++;
    }
    w.line(line);
  });
  w.close();
  return { deals: deals.length, broken };
}

// ── MME v7 wide ─────────────────────────────────────────────────────────────────────────

/** MME v7's 39 participant slots: StateA … StateZ, StateAA … StateAM. */
const SLOTS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c) => `State${c}`).concat([...'ABCDEFGHIJKLM'].map((c) => `StateA${c}`));
const MME_HEADER = [
  'MMEID', 'Ex_Name', 'Series_Name', 'Location', 'lat', 'lon',
  'StartDate', 's.year', 's.month', 's.day', 'EndDate', 'e.year', 'e.month', 'e.day',
  'CPX', 'Air', 'Land', 'Sea', 'Amphibious', 'Cyber', 'Warfighting', 'Peacekeeping', 'Humanitarian',
  'FocusDescription', 'AdditionalParticipantInfo', ...SLOTS,
];

const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** MME's two date formats: `M/D/YY`, or `YYYY-MM-xx` when the day is unknown. */
function mmeDate(d, dayKnown) {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  const text = dayKnown ? `${m}/${day}/${String(y % 100).padStart(2, '0')}` : `${y}-${String(m).padStart(2, '0')}-xx`;
  return [text, String(y), String(m), dayKnown ? String(day) : 'xx'];
}

function writeMme(dir, states, world, period, seed) {
  const rand = prng(seed);
  const n = states.length;
  const perYear = Math.round(EXERCISES / (TO - FROM + 1));
  const hostCum = cumulativeOf(states.map((_, i) => world.meanSize(i) ** 0.8));
  const w = new LineWriter(path.join(dir, 'mme_exercises.csv'));
  w.line(MME_HEADER.join(','));
  let id = 0;
  for (let year = FROM; year <= TO; year++) {
    for (let k = 0; k < perYear; k++) {
      const host = drawWeighted(rand, hostCum);
      const u = rand();
      const size = u < 0.7 ? 2 : u < 0.9 ? 3 + Math.floor(rand() * 3) : 6 + Math.floor(rand() * 15);
      const members = new Set([host]);
      for (let tries = 0; members.size < size && tries < 400; tries++) {
        const c = Math.floor(rand() * n);
        if (!members.has(c) && rand() < world.align(host, c, year) ** 2) members.add(c);
      }
      if (members.size < 2) continue;
      const names = [...members].map((i) => period(states[i], year));
      if (size > 8 && rand() < 0.3) names.push('NATO'); // a non-state entry, as MME lists some
      const month = 1 + Math.floor(rand() * 12);
      const day = 1 + Math.floor(rand() * daysIn(year, month));
      const start = new Date(Date.UTC(year, month - 1, day));
      const end = new Date(start.getTime() + Math.floor(2 + rand() * 13) * 86_400_000);
      const dayKnown = rand() > 0.2;
      const flag = (p) => (rand() < p ? 1 : 0);
      const flags = [flag(0.1), flag(0.4), flag(0.4), flag(0.4), flag(0.1), flag(0.02), flag(0.7), flag(0.1), flag(0.1)];
      id++;
      const row = [
        `mme${90000 + id}`, `Synthetic ${id}`, `Series ${id % 97}`, 'synthetic location', '', '',
        ...mmeDate(start, dayKnown), ...mmeDate(end, dayKnown),
        ...flags, 'synthetic exercise, not a real event', '',
        ...SLOTS.map((_, s) => names[s] ?? ''),
      ];
      w.line(row.map(cell).join(','));
    }
  }
  w.close();
  return { exercises: id };
}

// ── COW Dyadic Trade v4.0 ───────────────────────────────────────────────────────────────

function writeCowTrade(dir, states, world, seed) {
  const rand = prng(seed);
  const order = states.map((_, i) => i).sort((a, b) => states[a].cow - states[b].cow);
  const w = new LineWriter(path.join(dir, 'cow_trade.csv'));
  w.line('ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2,version');
  let rows = 0;
  const fmt = (v) => (v === -9 ? '-9' : fixed(v));
  for (let x = 0; x < order.length; x++) {
    const a = order[x];
    for (let y = x + 1; y < order.length; y++) {
      const b = order[y];
      const balance = 0.3 + 0.4 * rand();
      const none = rand() < 0.02; // pairs that record no trade at all (observed zero)
      for (let year = FROM; year <= TO; year++) {
        const gravity = none ? 0 : 0.5 * Math.sqrt(world.size(a, year) * world.size(b, year)) * (0.1 + world.align(a, b, year)) ** 2;
        const noise = Math.exp(0.3 * (rand() - 0.5));
        let f1 = gravity * balance * noise;
        let f2 = (gravity * (1 - balance)) / noise;
        let s1 = gravity * balance;
        let s2 = gravity * (1 - balance);
        if (rand() < 0.02) f1 = s1 = -9;
        if (rand() < 0.02) f2 = s2 = -9;
        w.line(`${states[a].cow},${states[b].cow},${year},${fmt(f1)},${fmt(f2)},${fmt(s1)},${fmt(s2)},synthetic`);
        rows++;
      }
    }
  }
  w.close();
  return { rows };
}

// ── the two custom dyad_year indicators ─────────────────────────────────────────────────

function writeDyadYear(dir, states, world, seed) {
  const rand = prng(seed);
  const n = states.length;
  const dense = new LineWriter(path.join(dir, 'alliance_dense.csv'));
  const sparse = new LineWriter(path.join(dir, 'sanctions_sparse.csv'));
  dense.line('state_a,state_b,year,value');
  sparse.line('state_a,state_b,year,value');
  let denseRows = 0;
  let sparseRows = 0;
  // states are sorted by ISO3, so i < j gives state_a < state_b (canonical order)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let year = FROM; year <= TO; year++) {
        const l = world.align(i, j, year);
        // alliance tie strength 0–3 (defence pact 3, neutrality 2, entente 1, none 0)
        const tie = l > 0.97 ? 3 : l > 0.9 ? 2 : l > 0.8 ? 1 : 0;
        dense.line(`${states[i].iso3},${states[j].iso3},${year},${tie}`);
        denseRows++;
        // sanctions episodes between badly aligned pairs, COW codes
        if (rand() < SPARSE_SHARE * 4 * (1 - l) ** 3) {
          sparse.line(`${states[i].cow},${states[j].cow},${year},${1 + Math.floor(rand() * 4)}`);
          sparseRows++;
        }
      }
    }
  }
  dense.close();
  sparse.close();
  return { denseRows, sparseRows };
}

// ── the config ──────────────────────────────────────────────────────────────────────────

const CONFIG = `# Entente scale benchmark (issue 9): SYNTHETIC panel written by bench/scale-generate.mjs —
# made-up data in the formats of the real sources, not data of any source.
name: scale
description: synthetic scale panel (all four families plus two custom dyad_year indicators)
years: { from: ${FROM}, to: ${TO} }
scale: [0, 100]
aggregation: arithmetic
min_coverage: 0.3
indicators:
  un:
    family: un_votes
    source: { format: unvotes, votes: un_votes.csv, rollcalls: un_roll_calls.csv }
    measure: agree
    weight: 0.3
    normalise: none
  arms:
    family: arms_transfers
    source: { format: sipri_register, path: sipri_trade_register.csv }
    measure: log_tiv
    combine: max
    weight: 0.15
    normalise: minmax
  drills:
    family: joint_drills
    source: { format: mme, path: mme_exercises.csv }
    measure: weighted
    weight: 0.15
    normalise: rank
  trade:
    family: trade
    source: { format: cow_trade, path: cow_trade.csv }
    measure: salience
    weight: 0.2
    normalise: zscore
  alliance:
    family: dyad_year
    source: { format: dyad_year, path: alliance_dense.csv, codes: iso3 }
    unit: synthetic alliance-tie strength 0-3
    weight: 0.1
    normalise: goalposts
    goalposts: { min: 0, max: 3 }
  sanctions:
    family: dyad_year
    source: { format: dyad_year, path: sanctions_sparse.csv, codes: cow, zero_fill: true }
    unit: synthetic sanction episodes per year
    weight: 0.1
    normalise: minmax
    polarity: negative
`;

// ── main ────────────────────────────────────────────────────────────────────────────────

/**
 * Writes the panel and `scale.yaml` into `dir` (created if needed) and returns a summary:
 * the folder, the config path, the states, and the row counts of every file.
 */
export async function generateScalePanel(dir, { states: limit = Infinity, seed = 2020 } = {}) {
  mkdirSync(dir, { recursive: true });
  const { states, dropped, period } = await panelStates(limit);
  const world = latentWorld(states.length, seed);
  const un = writeUnVotes(dir, states, world, seed + 1);
  const arms = writeSipri(dir, states, world, period, seed + 2);
  const drills = writeMme(dir, states, world, period, seed + 3);
  const trade = writeCowTrade(dir, states, world, seed + 4);
  const custom = writeDyadYear(dir, states, world, seed + 5);
  const config = path.join(dir, 'scale.yaml');
  writeFileSync(config, CONFIG);
  return { dir, config, states: states.length, dropped, years: { from: FROM, to: TO }, un, arms, drills, trade, custom };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = Number(args[i + 1]);
    args.splice(i, 2);
    return v;
  };
  const limit = opt('--states') ?? Infinity;
  const seed = opt('--seed') ?? 2020;
  const dir = args[0] ? path.resolve(args[0]) : mkdtempSync(path.join(os.tmpdir(), 'entente-scale-'));
  if (dir === root || dir.startsWith(root + path.sep)) {
    console.error('scale-generate: refusing to write inside the repository; give a folder outside it (default: a temp folder)');
    process.exit(2);
  }
  const t0 = performance.now();
  const summary = await generateScalePanel(dir, { states: limit, seed });
  console.log(JSON.stringify({ ...summary, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)) }, null, 2));
}
