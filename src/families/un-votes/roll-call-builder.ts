import type { Iso3 } from '../../domain/country.js';
import { UnknownCountryError } from '../../domain/errors.js';
import type { ProblemList } from '../../domain/problem-list.js';
import type { RollCallData, VoteCode } from './roll-call-data.js';

/** How a raw country entity of a vote file resolves: a state, or skipped (with the reason). */
export type EntityResolution = { readonly iso3: Iso3 } | { readonly skip: string };

interface Entity {
  readonly label: string;
  readonly firstLine: number;
  readonly resolution: EntityResolution | UnknownCountryError;
  rows: number;
}

/** Distinct country entities a vote file may have (ids are 16-bit; real releases have a few hundred). */
export const MAX_VOTE_ENTITIES = 65535;

/** The row problem when a vote file exceeds {@link MAX_VOTE_ENTITIES}. */
export const TOO_MANY_ENTITIES = `more than ${MAX_VOTE_ENTITIES.toLocaleString('en-US')} distinct countries in the vote file; this is not a UN vote file (or its country columns are shifted)`;

/**
 * Accumulates roll calls and votes while a reader scans its files, in growable typed arrays,
 * then checks them (unknown countries, duplicate votes) and hands out a {@link RollCallData}
 * with states sorted alphabetically. Shared by the `unvotes` and the numeric Voeten readers.
 * @example
 * const b = new RollCallBuilder();
 * const call = b.addRollCall(3, 1, 19460101, 0);
 * const us = b.addEntity('United States,US', 2, () => ({ iso3: 'USA' as Iso3 }));
 * b.addVote(call, us, 1, 2);
 * b.finish(votesProblems, []).votes.states // ['USA']
 */
export class RollCallBuilder {
  private rcid = new Int32Array(1024);
  private session = new Int16Array(1024);
  private date = new Int32Array(1024);
  private issues = new Uint8Array(1024);
  private nCalls = 0;
  private readonly byRcid = new Map<number, number>();
  /** rcid → index for small ids (every real release: ids below 10,000), built on first lookup. */
  private dense: Int32Array | null = null;
  private readonly entities: Entity[] = [];
  private vEntity: Uint16Array;
  private vCall: Int32Array;
  private vCode: Int8Array;
  private vLine: Int32Array;
  private nVotes = 0;

  /** @param expectedVotes a size hint for the vote arrays (e.g. the file's line count). */
  constructor(expectedVotes = 1024) {
    const n = Math.max(16, expectedVotes);
    this.vEntity = new Uint16Array(n);
    this.vCall = new Int32Array(n);
    this.vCode = new Int8Array(n);
    this.vLine = new Int32Array(n);
  }

  /** Makes room for `n` votes in one allocation (e.g. the vote file's line count). */
  reserveVotes(n: number): void {
    if (n <= this.vCall.length) return;
    this.vEntity = grow(this.vEntity, new Uint16Array(n));
    this.vCall = grow(this.vCall, new Int32Array(n));
    this.vCode = grow(this.vCode, new Int8Array(n));
    this.vLine = grow(this.vLine, new Int32Array(n));
  }

  /** Number of roll calls so far. */
  get rollCallCount(): number {
    return this.nCalls;
  }

  /** Adds a roll call; returns its index, or −1 when the rcid was already added. */
  addRollCall(rcid: number, session: number, date: number, issues: number): number {
    if (this.byRcid.has(rcid)) return -1;
    if (this.nCalls === this.rcid.length) {
      const n = this.nCalls * 2;
      this.rcid = grow(this.rcid, new Int32Array(n));
      this.session = grow(this.session, new Int16Array(n));
      this.date = grow(this.date, new Int32Array(n));
      this.issues = grow(this.issues, new Uint8Array(n));
    }
    const i = this.nCalls++;
    this.rcid[i] = rcid;
    this.session[i] = session;
    this.date[i] = date;
    this.issues[i] = issues;
    this.byRcid.set(rcid, i);
    this.dense = null;
    return i;
  }

  /** Index of a roll call by rcid, −1 when unknown. */
  callIndex(rcid: number): number {
    let dense = this.dense;
    if (dense === null) {
      let max = -1;
      for (const id of this.byRcid.keys()) if (id > max) max = id;
      let min = 0;
      for (const id of this.byRcid.keys()) if (id < min) min = id;
      if (min < 0 || max >= 1 << 22) return this.byRcid.get(rcid) ?? -1;
      dense = new Int32Array(max + 1).fill(-1);
      for (const [id, i] of this.byRcid) dense[id] = i;
      this.dense = dense;
    }
    return rcid >= 0 && rcid < dense.length ? dense[rcid]! : -1;
  }

  /** The session of a roll call by index. */
  sessionOf(call: number): number {
    return this.session[call]!;
  }

  /** ORs issue bits into a roll call. */
  addIssues(call: number, bits: number): void {
    this.issues[call]! |= bits;
  }

  /**
   * Registers a raw country entity (first seen at `line`) and resolves it once.
   * `resolve` may throw {@link UnknownCountryError}; the error is reported by {@link finish}
   * with the entity's first line and row count.
   * @returns the entity's id for {@link addVote}, or −1 when the file already has
   * {@link MAX_VOTE_ENTITIES} entities (report {@link TOO_MANY_ENTITIES} at the row).
   */
  addEntity(label: string, line: number, resolve: () => EntityResolution): number {
    if (this.entities.length >= MAX_VOTE_ENTITIES) return -1;
    let resolution: EntityResolution | UnknownCountryError;
    try {
      resolution = resolve();
    } catch (e) {
      if (!(e instanceof UnknownCountryError)) throw e;
      resolution = e;
    }
    this.entities.push({ label, firstLine: line, resolution, rows: 0 });
    return this.entities.length - 1;
  }

  /** Adds one vote (code 1, 2, 3 or 8) of an entity on a roll call, read at `line`. */
  addVote(call: number, entity: number, code: VoteCode, line: number): void {
    if (this.nVotes === this.vCall.length) {
      const n = this.nVotes * 2;
      this.vEntity = grow(this.vEntity, new Uint16Array(n));
      this.vCall = grow(this.vCall, new Int32Array(n));
      this.vCode = grow(this.vCode, new Int8Array(n));
      this.vLine = grow(this.vLine, new Int32Array(n));
    }
    const k = this.nVotes++;
    this.vEntity[k] = entity;
    this.vCall[k] = call;
    this.vCode[k] = code;
    this.vLine[k] = line;
    this.entities[entity]!.rows++;
  }

  /**
   * Checks the votes and returns the data: every unknown country (at its first line, with the
   * closest spellings) and every duplicate vote (same country twice on one roll call) goes
   * to `problems`, which is then thrown. Skipped entities are dropped and noted.
   * @throws {InputError} when `problems` holds anything.
   */
  finish(problems: ProblemList, notes: string[], recordsAbsences = false): RollCallData {
    for (const e of this.entities) {
      if (e.resolution instanceof UnknownCountryError) {
        problems.add(e.firstLine, undefined, `${e.resolution.message} (${e.rows} row(s) from this line on); add the spelling to the crosswalk or fix the cell`);
      }
    }
    this.checkDuplicates(problems);
    problems.throwIfAny();

    const isoOf = new Map<Iso3, number>();
    const entityIso: (Iso3 | null)[] = this.entities.map((e) => ('iso3' in e.resolution ? e.resolution.iso3 : null));
    for (const iso of entityIso) if (iso !== null) isoOf.set(iso, 0);
    const states = [...isoOf.keys()].sort();
    states.forEach((s, i) => isoOf.set(s, i));
    const entityState = new Int32Array(this.entities.length);
    this.entities.forEach((e, i) => {
      const iso = entityIso[i];
      entityState[i] = iso === null || iso === undefined ? -1 : isoOf.get(iso)!;
      if ('skip' in e.resolution && e.rows > 0) notes.push(`${e.label}: ${e.rows} vote row(s) skipped — ${e.resolution.skip}`);
    });

    let kept = 0;
    for (let k = 0; k < this.nVotes; k++) if (entityState[this.vEntity[k]!]! >= 0) kept++;
    const state = new Uint16Array(kept);
    const call = new Int32Array(kept);
    const code = new Int8Array(kept);
    let j = 0;
    for (let k = 0; k < this.nVotes; k++) {
      const s = entityState[this.vEntity[k]!]!;
      if (s < 0) continue;
      state[j] = s;
      call[j] = this.vCall[k]!;
      code[j] = this.vCode[k]!;
      j++;
    }
    const n = this.nCalls;
    return {
      rollCalls: {
        rcid: this.rcid.slice(0, n),
        session: this.session.slice(0, n),
        date: this.date.slice(0, n),
        issues: this.issues.slice(0, n),
      },
      votes: { states, state, call, code },
      recordsAbsences,
      notes,
    };
  }

  private checkDuplicates(problems: ProblemList): void {
    // counting sort of votes by roll call, then a stamp per entity
    const start = new Int32Array(this.nCalls + 1);
    for (let k = 0; k < this.nVotes; k++) start[this.vCall[k]! + 1]!++;
    for (let c = 0; c < this.nCalls; c++) start[c + 1]! += start[c]!;
    const order = new Int32Array(this.nVotes);
    const fill = start.slice(0, this.nCalls);
    for (let k = 0; k < this.nVotes; k++) order[fill[this.vCall[k]!]!++] = k;
    const stamp = new Int32Array(this.entities.length).fill(-1);
    const firstAt = new Int32Array(this.entities.length);
    for (let c = 0; c < this.nCalls; c++) {
      for (let p = start[c]!; p < start[c + 1]!; p++) {
        const k = order[p]!;
        const e = this.vEntity[k]!;
        if (stamp[e] === c) {
          problems.add(
            this.vLine[k]!,
            undefined,
            `duplicate vote: ${this.entities[e]!.label} already voted on roll call ${this.rcid[c]} (line ${this.vLine[firstAt[e]!]}); remove one of the two rows`,
          );
        } else {
          stamp[e] = c;
          firstAt[e] = k;
        }
      }
    }
  }
}

function grow<T extends Int32Array | Int16Array | Int8Array | Uint8Array | Uint16Array>(from: T, to: T): T {
  to.set(from as never);
  return to;
}

/**
 * Parses a vote date, `YYYY-MM-DD` (unvotes, roll-call sheets) or `M/D/YYYY` (the 2017 vote
 * file), into yyyymmdd; `0` for an empty cell, `'invalid'` otherwise.
 * @example parseVoteDate('1946-01-01') // 19460101
 * @example parseVoteDate('12/1/1973') // 19731201
 */
export function parseVoteDate(cell: string): number | 'invalid' {
  const t = cell.trim();
  if (t === '') return 0;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (!m) return 'invalid';
    y = Number(m[3]);
    mo = Number(m[1]);
    d = Number(m[2]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2999) return 'invalid';
  return y * 10000 + mo * 100 + d;
}
