#!/usr/bin/env node
// The UN votes family alone, as one whole process: loads two indicators on the same
// `unvotes` files the way `entente score` does (measure identical, then agree: one parse,
// one pass over the votes, shared by both), and writes every pair-year as
//   state_a,state_b,year,joint_votes,identical,agree
// (ISO3, 9 decimals) so that bench/un-votes.mjs can compare it with the peer's output.
// Needs the build (`npm run build`); ENTENTE_DIST picks another build folder.
// usage: node bench/un-votes-family.mjs VOTES.csv.gz ROLLCALLS.csv.gz OUT.csv
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.env.ENTENTE_DIST ?? 'dist');
const [votes, rollcalls, out] = process.argv.slice(2);
if (!votes || !rollcalls || !out) {
  console.error('usage: node bench/un-votes-family.mjs VOTES ROLLCALLS OUT.csv');
  process.exit(2);
}

const { unVotesFamily: fam } = await import(pathToFileURL(path.join(dist, 'families/un-votes/family.js')).href);
const { createCrosswalk } = await import(pathToFileURL(path.join(dist, 'domain/crosswalk.js')).href);
const { stateSystemOf } = await import(pathToFileURL(path.join(dist, 'domain/state-system.js')).href);
const { packKey, unpackKey } = await import(pathToFileURL(path.join(dist, 'domain/dyad-year-key.js')).href);
const YEAR_SPAN = packKey('AAA', 'AAB', 0); // key = pair · span + year

const crosswalk = createCrosswalk();
const ctx = {
  crosswalk,
  stateSystem: stateSystemOf(crosswalk),
  resolvePath: (p) => path.resolve(p),
  seed: 1,
  warn: () => {},
  progress: () => {},
};
const spec = (id, measure) => ({
  id,
  family: 'un_votes',
  measure,
  options: fam.optionsSchema.parse({ min_joint_votes: 1 }), // every pair-year, as the peer computes it
  sources: [fam.sourceSchema.parse({ format: 'unvotes', votes, rollcalls })],
});
const identical = await fam.load(spec('un_identical', 'identical'), ctx);
const agree = await fam.load(spec('un_agree', 'agree'), ctx);
const joint = identical.extras.find((x) => x.suffix === 'joint_votes').table;

// "000".."999" and the integers below 10,000 as ready-made bytes
const TRIPLES = Uint8Array.from(Buffer.from(Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0')).join(''), 'latin1'));
const SMALL = Array.from({ length: 10000 }, (_, i) => Uint8Array.from(Buffer.from(String(i), 'latin1')));

/** Copies bytes at `at`; returns the new end (short copies as plain loops: Buffer#copy is a native call). */
function putBytes(out, at, b) {
  for (let i = 0; i < b.length; i++) out[at + i] = b[i];
  return at + b.length;
}

function putInteger(out, at, n) {
  return putBytes(out, at, n < 10000 ? SMALL[n] : Buffer.from(String(n), 'latin1'));
}

function putTriple(out, at, t) {
  out[at] = TRIPLES[t * 3];
  out[at + 1] = TRIPLES[t * 3 + 1];
  out[at + 2] = TRIPLES[t * 3 + 2];
  return at + 3;
}

/** A value in [0, 1] with 9 decimals, by integer arithmetic. */
function putFixed9(out, at, v) {
  if (v === undefined) return at;
  const r = Math.round(v * 1e9);
  const ip = Math.floor(r / 1e9);
  let fp = r - ip * 1e9;
  at = putInteger(out, at, ip);
  out[at++] = 46; // '.'
  const hi = Math.floor(fp / 1e6);
  fp -= hi * 1e6;
  const mid = Math.floor(fp / 1e3);
  const lo = fp - mid * 1e3;
  at = putTriple(out, at, hi);
  at = putTriple(out, at, mid);
  return putTriple(out, at, lo);
}

/** One row per pair-year with joint votes, in key order (pair, then year), as CSV bytes. */
function render(joint, identical, agree) {
  const out = Buffer.allocUnsafe(64 + joint.size * 64);
  let at = out.write('state_a,state_b,year,joint_votes,identical,agree\n', 0, 'latin1');
  // sorted tables sharing one key array are walked by index; anything else by lookups
  const [j, i, g] = [joint, identical, agree].map((t) => (typeof t.columns === 'function' ? t.columns() : null));
  const aligned = j && i && g && i.keys === j.keys && g.keys === j.keys;
  const keys = aligned ? j.keys : Float64Array.from(joint.keys());
  let pair = new Uint8Array(0);
  let pairBase = -1;
  for (let r = 0; r < keys.length; r++) {
    const key = keys[r];
    const year = key % YEAR_SPAN;
    if (key - year !== pairBase) {
      const { a, b } = unpackKey(key);
      pairBase = key - year;
      pair = Uint8Array.from(Buffer.from(`${a},${b},`, 'latin1'));
    }
    at = putBytes(out, at, pair);
    at = putInteger(out, at, year);
    out[at++] = 44;
    at = putInteger(out, at, aligned ? j.values[r] : joint.getByKey(key));
    out[at++] = 44;
    at = putFixed9(out, at, aligned ? i.values[r] : identical.getByKey(key));
    out[at++] = 44;
    at = putFixed9(out, at, aligned ? g.values[r] : agree.getByKey(key));
    out[at++] = 10;
  }
  return out.subarray(0, at);
}

writeFileSync(out, render(joint, identical.values, agree.values));
process.stderr.write(`un-votes-family: ${joint.size} pair-years written to ${out}\n`);
