/**
 * Reader of the failed-drafts sample (`format: unsc_failed_drafts`): `cleaned_data_unsc.xlsx`
 * of "UNSC For Us" (Emily Tong, repository `emilytong123/unsc_for_us`), exported to CSV —
 * member votes typed by hand from the meeting records on 53 failed votes (vetoes and drafts
 * short of the required majority), 1947–2022, 25 of them before 1994. A sample, not a complete
 * list.
 *
 * The vote lists are Python list literals (`['Poland', 'Russian Federation']`; a space after an
 * apostrophe is dropped, as in the file's `Cote d' Ivoire`); the tally
 * `For,Abstain,Against` is a tuple in that order. Names were standardised by the compiler to
 * present-day ones: `Russian Federation` before 1992 is the USSR's seat and `China` before 1971
 * the Republic of China's (see `council-seats.ts`). The sample has no dates, only years.
 * A vote is `vetoed` when a permanent member voted against a draft that had the required
 * affirmative votes (7 of 11 members before 1966, 9 of 15 since), else `failed`.
 */
import type { Iso3 } from '../../domain/country.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import type { CouncilDraft, CouncilVote, MemberVote } from './council-draft.js';
import type { MemberResolver } from './council-drafts.js';
import { cleanText, draftSymbol } from './symbols.js';

/** The columns the reader needs. */
export const UNSC_FAILED_DRAFT_COLUMNS = ['Meeting Number', 'Voting On', 'Year', 'In Favor', 'Abstain', 'Against', 'For,Abstain,Against'] as const;

/** Affirmative votes a draft needed: 7 of 11 until 1965, 9 of 15 from 1966 (Charter amendment of 1963, in force 31 August 1965). */
export function requiredVotes(year: number): number {
  return year < 1966 ? 7 : 9;
}

/** What {@link readUnscFailedDrafts} returns: the drafts and the rows whose tally disagrees with their lists. */
export interface FailedDraftsFile {
  readonly drafts: readonly CouncilDraft[];
  /** Notes for `entente validate` (tallies that disagree with the name lists). */
  readonly notes: readonly string[];
}

/**
 * Reads the failed-drafts sample (gzip or plain CSV). Every row must have a year, three vote
 * lists that parse as list literals of names the crosswalk knows, no member twice, and a draft
 * that did not pass. A tally that disagrees with the lists' lengths is noted, not refused (the
 * lists are what the measures use).
 * @example
 * const { drafts } = await readUnscFailedDrafts('unsc_failed_drafts_sample_1947-2022.csv.gz', resolve, p5);
 * drafts.find((d) => d.symbol === 'S/3510')!.outcome // 'vetoed' (admission of Japan, 1955)
 */
export async function readUnscFailedDrafts(file: string, resolve: MemberResolver, permanent: (year: number) => ReadonlySet<Iso3>): Promise<FailedDraftsFile> {
  const records = await readCsvRecords(file);
  const header = indexHeader(file, records[0], UNSC_FAILED_DRAFT_COLUMNS);
  const problems = new ProblemList(file);
  const notes: string[] = [];
  const drafts: CouncilDraft[] = [];
  for (const [i, row] of records.entries()) {
    if (i === 0 || !checkWidth(problems, row, header.names.length)) continue;
    const cell = (name: (typeof UNSC_FAILED_DRAFT_COLUMNS)[number]) => row.cells[header.at.get(name)!]!;
    const before = problems.count;
    const year = parseYearCell(cell('Year'));
    if (year === null) {
      problems.add(row.line, 'Year', `expected a four-digit year, got "${cell('Year')}"`);
      continue;
    }
    const votes: MemberVote[] = [];
    const lists: [string, CouncilVote][] = [['In Favor', 'yes'], ['Abstain', 'abstain'], ['Against', 'no']];
    for (const [column, vote] of lists) {
      const names = parseNameList(cell(column as 'In Favor'));
      if (names === null) {
        problems.add(row.line, column, `expected a list like ['France', 'Poland'] (or []), got "${cell(column as 'In Favor')}"`);
        continue;
      }
      for (const name of names) {
        const state = resolve(name, null, year);
        if (typeof state !== 'string') problems.add(row.line, column, state.error);
        else if (votes.some((v) => v.state === state)) problems.add(row.line, column, `"${name}" votes twice on this draft`);
        else votes.push({ state, vote, name, line: row.line, record: i + 1 });
      }
    }
    if (problems.count > before) continue;
    const yes = votes.filter((v) => v.vote === 'yes').length;
    const vetoed = yes >= requiredVotes(year) && votes.some((v) => v.vote === 'no' && permanent(year).has(v.state));
    if (yes >= requiredVotes(year) && !vetoed) {
      problems.add(row.line, 'In Favor', `${yes} votes in favour and no permanent member against: the draft passed, but this file lists failed votes only`);
      continue;
    }
    const tally = /^\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)$/.exec(cell('For,Abstain,Against').trim());
    const counts = [yes, votes.filter((v) => v.vote === 'abstain').length, votes.filter((v) => v.vote === 'no').length];
    if (tally === null || counts.some((n, k) => n !== Number(tally[k + 1]))) {
      notes.push(`${file}:${row.line}: ${cleanText(cell('Voting On'))} (${year}): the tally "${cell('For,Abstain,Against')}" differs from the name lists (${counts.join(', ')}); the lists are used`);
    }
    drafts.push({
      id: `line ${row.line}`,
      year,
      date: null,
      draft: cleanText(cell('Voting On')),
      symbol: draftSymbol(cell('Voting On')),
      resolution: null,
      agenda: '',
      topic: '',
      category: '',
      outcomeLabel: vetoed ? 'Not adopted - veto' : 'Not adopted - failed to receive required number of votes',
      outcome: vetoed ? 'vetoed' : 'failed',
      procedural: false,
      votes,
      origin: { file, line: row.line, firstRecord: i + 1, lastRecord: i + 1 },
    });
  }
  problems.throwIfAny();
  return { drafts, notes };
}

/**
 * Parses a Python list literal of strings (`['A', "Côte d'Ivoire"]`, `[]`), or null when the
 * text is not one.
 * @example parseNameList("['Poland', 'Russian Federation']") // ['Poland', 'Russian Federation']
 * @example parseNameList('[]') // []
 */
export function parseNameList(text: string): string[] | null {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return null;
  const body = t.slice(1, -1).trim();
  if (body === '') return [];
  const out: string[] = [];
  const item = /\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*(,|$)/y;
  let pos = 0;
  while (pos < body.length) {
    item.lastIndex = pos;
    const m = item.exec(body);
    if (m === null) return null;
    out.push((m[1] ?? m[2]!).trim().replace(/'\s+/g, "'"));
    pos = item.lastIndex;
    if (m[3] === '') break;
  }
  return pos >= body.length ? out : null;
}
