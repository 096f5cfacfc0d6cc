import type { Iso3 } from '../../domain/country.js';
import type { RollCallData } from './roll-call-data.js';

/**
 * Merges the roll calls of several sources (e.g. the numeric 2017 release for 1946–2015
 * and the `unvotes` release for later sessions) into one. Roll-call ids are stable across
 * releases, so a roll call already present in an earlier source is skipped with its votes
 * (the first source listed wins) and counted in the notes.
 * @example
 * mergeRollCallData([voeten, unvotes]).rollCalls.rcid.length // 5429 + 774
 */
export function mergeRollCallData(sources: readonly RollCallData[]): RollCallData {
  if (sources.length === 1) return sources[0]!;
  const states = [...new Set(sources.flatMap((s) => s.votes.states))].sort() as Iso3[];
  const stateIndex = new Map(states.map((s, i) => [s, i]));
  const seen = new Set<number>();
  const rcid: number[] = [];
  const session: number[] = [];
  const date: number[] = [];
  const issues: number[] = [];
  const notes: string[] = [];
  let nVotes = 0;
  const callMaps = sources.map((src, si) => {
    const map = new Int32Array(src.rollCalls.rcid.length).fill(-1);
    let skipped = 0;
    for (let i = 0; i < map.length; i++) {
      const id = src.rollCalls.rcid[i]!;
      if (seen.has(id)) {
        skipped++;
        continue;
      }
      seen.add(id);
      map[i] = rcid.length;
      rcid.push(id);
      session.push(src.rollCalls.session[i]!);
      date.push(src.rollCalls.date[i]!);
      issues.push(src.rollCalls.issues[i]!);
    }
    notes.push(...src.notes);
    if (skipped > 0) notes.push(`source ${si + 1}: ${skipped} roll call(s) already in an earlier source skipped with their votes`);
    for (let k = 0; k < src.votes.call.length; k++) if (map[src.votes.call[k]!]! >= 0) nVotes++;
    return map;
  });
  const state = new Uint16Array(nVotes);
  const call = new Int32Array(nVotes);
  const code = new Int8Array(nVotes);
  let j = 0;
  sources.forEach((src, si) => {
    const map = callMaps[si]!;
    const stateMap = src.votes.states.map((s) => stateIndex.get(s)!);
    for (let k = 0; k < src.votes.call.length; k++) {
      const c = map[src.votes.call[k]!]!;
      if (c < 0) continue;
      state[j] = stateMap[src.votes.state[k]!]!;
      call[j] = c;
      code[j] = src.votes.code[k]!;
      j++;
    }
  });
  return {
    rollCalls: { rcid: Int32Array.from(rcid), session: Int16Array.from(session), date: Int32Array.from(date), issues: Uint8Array.from(issues) },
    votes: { states, state, call, code },
    recordsAbsences: sources.some((s) => s.recordsAbsences),
    notes,
  };
}
