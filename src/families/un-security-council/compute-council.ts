/**
 * The measures of the `un_security_council` family, computed from drafts and their member
 * votes. Pure: drafts in, dyad-year tables out (see `measures.ts` for the formulas).
 *
 * - `agree`, `identical` (symmetric): over the drafts of a year both states voted on — by
 *   default the contested ones only (at least one recorded vote not Yes). Empty when either
 *   state did not sit on the Council that year, or they share fewer than `minJointVotes` drafts.
 * - `shield`, `veto_shield` (directed A → B): over the drafts of the year concerning B that A
 *   voted on (all drafts, unanimous ones included: voting Yes on a measure concerning B is not
 *   shielding B). Empty when there is none (or fewer than `minJointVotes`); `veto_shield` is
 *   empty for elected members, who cannot veto.
 * - `co_veto` (symmetric): drafts of the year vetoed by both; 0 for two permanent members who
 *   vetoed nothing together, empty for any other pair. Years without member votes take the
 *   vetoes from the veto list.
 */
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import type { ExtraColumn } from '../family.js';
import type { CouncilDraft, CouncilVote } from './council-draft.js';
import { vetoersOf } from './check-vetoes.js';
import type { UnscMeasureName } from './measures.js';
import type { VetoRecord } from './read-unsc-vetoes.js';

/** Everything the measures are computed from. */
export interface CouncilData {
  /** Drafts with member votes (others are ignored). */
  readonly drafts: readonly CouncilDraft[];
  /** Veto-list records of years no member-vote source covers (used by `co_veto` only). */
  readonly vetoOnly: readonly VetoRecord[];
  /** Years with member votes, whose `co_veto` comes from the drafts. */
  readonly voteYears: ReadonlySet<number>;
  /** Years the veto list covers without member votes. */
  readonly vetoOnlyYears: ReadonlySet<number>;
  /** The members per year (from the votes). */
  readonly members: ReadonlyMap<number, ReadonlySet<Iso3>>;
  /** The permanent seats of a year, each with its holder(s). */
  readonly seats: (year: number) => readonly (readonly Iso3[])[];
  /** The states a draft concerns (null or empty: none). */
  readonly targets: (draft: CouncilDraft) => readonly Iso3[] | null;
}

/** Options of the computation. */
export interface CouncilOptions {
  /** Keep drafts on which every recorded vote was Yes (`agree`, `identical`). */
  readonly keepUnanimous: boolean;
  /** Fewest drafts a value may rest on (joint votes, or drafts concerning B). */
  readonly minJointVotes: number;
}

/** The measure table and the extra columns. */
export interface CouncilResult {
  readonly values: DyadYearTable;
  readonly extras: readonly ExtraColumn[];
}

const CODE: Readonly<Record<CouncilVote, number>> = { yes: 1, abstain: 2, no: 3 };

/**
 * True when a draft is contested: at least one recorded vote is not Yes.
 * @example isContested({ votes: [{ vote: 'yes' }, { vote: 'abstain' }] }) // true
 */
export function isContested(d: Pick<CouncilDraft, 'votes'>): boolean {
  return d.votes !== null && d.votes.some((v) => v.vote !== 'yes');
}

/**
 * Computes one measure for every pair-year the data allow.
 * @example
 * const { values } = computeCouncil(data, 'shield', { keepUnanimous: false, minJointVotes: 1 });
 * values.get('RUS', 'IRN', 2008) // 0 (Russia voted for resolutions 1803 and 1835)
 */
export function computeCouncil(data: CouncilData, measure: UnscMeasureName, options: CouncilOptions): CouncilResult {
  const joint = jointVotes(data, options);
  const jointExtra: ExtraColumn = {
    suffix: 'joint_votes',
    table: joint.k,
    type: 'integer',
    description: `drafts both states voted on in the year${options.keepUnanimous ? '' : ' (contested drafts only)'}; empty unless both sat on the Council`,
  };
  switch (measure) {
    case 'agree':
    case 'identical': {
      const values = new DyadYearTable(false);
      for (const [key, s] of joint.sums) {
        if (s.k < options.minJointVotes || s.k === 0) continue;
        values.setByKey(key, measure === 'agree' ? 1 - s.sad / (2 * s.k) : s.same / s.k);
      }
      return { values, extras: [jointExtra] };
    }
    case 'shield':
    case 'veto_shield':
      return shieldMeasure(data, measure, options, jointExtra);
    case 'co_veto':
      return { values: coVetoes(data), extras: [jointExtra] };
  }
}

interface PairSums {
  k: number;
  same: number;
  sad: number;
}

function jointVotes(data: CouncilData, options: CouncilOptions): { k: DyadYearTable; sums: Map<number, PairSums> } {
  const k = new DyadYearTable(false);
  const sums = new Map<number, PairSums>();
  for (const [year, members] of data.members) {
    const list = [...members].sort();
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) k.set(list[i]!, list[j]!, year, 0);
  }
  for (const d of data.drafts) {
    if (d.votes === null || (!options.keepUnanimous && !isContested(d))) continue;
    const vs = d.votes;
    for (let i = 0; i < vs.length; i++) {
      for (let j = i + 1; j < vs.length; j++) {
        const a = vs[i]!;
        const b = vs[j]!;
        const key = k.key(a.state, b.state, d.year);
        let s = sums.get(key);
        if (s === undefined) sums.set(key, (s = { k: 0, same: 0, sad: 0 }));
        s.k++;
        if (a.vote === b.vote) s.same++;
        s.sad += Math.abs(CODE[a.vote] - CODE[b.vote]);
      }
    }
  }
  for (const [key, s] of sums) k.setByKey(key, s.k);
  return { k, sums };
}

function shieldMeasure(data: CouncilData, measure: 'shield' | 'veto_shield', options: CouncilOptions, jointExtra: ExtraColumn): CouncilResult {
  const den = new DyadYearTable(true);
  const num = new DyadYearTable(true);
  for (const d of data.drafts) {
    const targets = d.votes === null ? null : data.targets(d);
    if (targets === null || targets.length === 0) continue;
    const permanent = new Set(data.seats(d.year).flat());
    const vetoers = new Set(vetoersOf(d, permanent));
    for (const v of d.votes!) {
      for (const b of targets) {
        if (b === v.state) continue;
        den.add(v.state, b, d.year, 1);
        const counts = measure === 'shield' ? v.vote === 'no' : vetoers.has(v.state);
        num.add(v.state, b, d.year, counts ? 1 : 0);
      }
    }
  }
  const values = new DyadYearTable(true);
  const onA = new DyadYearTable(false);
  const onB = new DyadYearTable(false);
  for (const e of den.entries()) {
    if (e.value >= options.minJointVotes && (measure === 'shield' || new Set(data.seats(e.year).flat()).has(e.a))) {
      values.set(e.a, e.b, e.year, num.get(e.a, e.b, e.year)! / e.value);
    }
    // canonical row (x < y): drafts on x are those concerning x that y voted on
    const [x, y] = e.a < e.b ? [e.a, e.b] : [e.b, e.a];
    const onX = den.get(y, x, e.year) ?? 0;
    const onY = den.get(x, y, e.year) ?? 0;
    onA.set(x, y, e.year, onX);
    onB.set(x, y, e.year, onY);
  }
  return {
    values,
    extras: [
      jointExtra,
      { suffix: 'drafts_on_a', table: onA, type: 'integer', description: "drafts of the year concerning state_a on which state_b voted (the denominator of B → A's shield)" },
      { suffix: 'drafts_on_b', table: onB, type: 'integer', description: "drafts of the year concerning state_b on which state_a voted (the denominator of A → B's shield)" },
    ],
  };
}

function coVetoes(data: CouncilData): DyadYearTable {
  const out = new DyadYearTable(false);
  const zeros = (year: number) => {
    const seats = data.seats(year);
    for (let i = 0; i < seats.length; i++) for (let j = i + 1; j < seats.length; j++) for (const a of seats[i]!) for (const b of seats[j]!) out.set(a, b, year, 0);
  };
  const together = (year: number, states: readonly Iso3[]) => {
    for (let i = 0; i < states.length; i++) for (let j = i + 1; j < states.length; j++) out.add(states[i]!, states[j]!, year, 1);
  };
  for (const y of data.voteYears) zeros(y);
  for (const y of data.vetoOnlyYears) zeros(y);
  for (const d of data.drafts) {
    if (d.votes === null) continue;
    together(d.year, vetoersOf(d, new Set(data.seats(d.year).flat())));
  }
  for (const v of data.vetoOnly) together(v.year, v.members);
  return out;
}
