/**
 * Groups the (corrected) rows of the voting file into drafts and refuses silently-wrong data:
 * every problem below is an error located at the row (file:line, with the record number),
 * unless a correction has dealt with it. Pure.
 *
 * - the rows of one `ID` disagree on a draft-level field (year, date, symbol, outcome, …);
 * - a member name the crosswalk does not know (e.g. the file's `Ethipia`);
 * - a member with two rows on one draft, or more than 15 member rows;
 * - votes that contradict the outcome: a draft labelled vetoed without a permanent member's
 *   No, a draft labelled adopted although a permanent member voted No (unless the draft is
 *   marked procedural), or labelled adopted unanimously (or by consensus or acclamation) with
 *   a No or an abstention.
 */
import type { Iso3 } from '../../domain/country.js';
import type { Problem } from '../../domain/errors.js';
import { outcomeOf, VOTE_CODES, type CouncilDraft, type MemberVote } from './council-draft.js';
import type { CorrectedVotes } from './corrections.js';
import type { VoteRow, VoteRowCells } from './read-unsc-votes.js';
import { cleanText, draftSymbol, resolutionNumber } from './symbols.js';

/** Resolves a member's name at a date (or year) to a state, or says why it cannot. */
export type MemberResolver = (name: string, date: string | null, year: number) => Iso3 | { readonly error: string };

/** Most member rows a draft can have: the Council has 15 members. */
export const COUNCIL_SIZE = 15;

/** Draft-level columns every row of a draft repeats. */
const DRAFT_COLUMNS: readonly (keyof VoteRowCells)[] = ['Year', 'Date,', 'Resolution', 'Draft', 'Agenda item', 'Category', 'Outcome results', 'Topic'];

const UNANIMOUS = new Set(['Adopted unanimously', 'Adopted by consensus', 'Adopted by acclamation']);

/** What {@link buildDrafts} returns. */
export interface DraftsBuilt {
  readonly drafts: readonly CouncilDraft[];
  readonly problems: readonly Problem[];
}

/**
 * Builds the drafts of a voting file from its corrected rows, in `ID` order.
 * @example
 * const { drafts, problems } = buildDrafts(corrected, 'votes.csv', resolve, p5);
 * drafts.find((d) => d.resolution === 1929)!.votes!.find((v) => v.state === 'RUS')!.vote // 'yes'
 */
export function buildDrafts(corrected: CorrectedVotes, file: string, resolve: MemberResolver, permanent: (year: number) => ReadonlySet<Iso3>): DraftsBuilt {
  const byId = new Map<number, VoteRow[]>();
  for (const r of corrected.rows) {
    let list = byId.get(r.id);
    if (list === undefined) byId.set(r.id, (list = []));
    list.push(r);
  }
  const problems: Problem[] = [];
  const at = (r: VoteRow, column: string | undefined, message: string) =>
    problems.push(column === undefined ? { file, line: r.line, message: `record ${r.record}: ${message}` } : { file, line: r.line, column, message: `record ${r.record}: ${message}` });
  const drafts: CouncilDraft[] = [];
  for (const id of [...byId.keys()].sort((a, b) => a - b)) {
    const rows = byId.get(id)!;
    const first = rows[0]!;
    let consistent = true;
    for (const r of rows) {
      const col = DRAFT_COLUMNS.find((c) => r.cells[c] !== first.cells[c]);
      if (col !== undefined) {
        at(r, col, `ID ${id}: "${r.cells[col]}" differs from record ${first.record}'s "${first.cells[col]}"; the rows of a draft repeat its ${col}`);
        consistent = false;
        break;
      }
    }
    if (!consistent) continue;
    const c = first.cells;
    const date = c['Date,'].trim() === '' ? null : c['Date,'].trim();
    const outcome = outcomeOf(c['Outcome results'])!;
    const label = `ID ${id}${cleanText(c.Draft) !== '' ? ` (${cleanText(c.Draft)})` : ''}`;
    const procedural = corrected.procedural.has(id);
    let votes: MemberVote[] | null = null;
    if (!corrected.votesUnknown.has(id)) {
      votes = [];
      const seen = new Map<Iso3, VoteRow>();
      for (const r of rows) {
        const state = resolve(r.cells['Member State'], date, r.year);
        if (typeof state !== 'string') {
          at(r, 'Member State', `${label}: ${state.error}; fix the name with a set_member correction`);
          continue;
        }
        const twice = seen.get(state);
        if (twice !== undefined) {
          at(r, 'Member State', `${label}: ${cleanText(r.cells['Member State'])} has two rows on this draft (records ${twice.record} ${cleanText(twice.cells.Vote)} and ${r.record} ${cleanText(r.cells.Vote)}); a member votes once: drop the wrong row with a drop_row correction`);
          continue;
        }
        seen.set(state, r);
        votes.push({ state, vote: VOTE_CODES[r.cells.Vote.trim()]!, name: r.cells['Member State'], line: r.line, record: r.record });
      }
      if (rows.length > COUNCIL_SIZE) {
        at(first, undefined, `${label} has ${rows.length} member rows (records ${first.record}–${rows[rows.length - 1]!.record}); the Council has ${COUNCIL_SIZE} members: drop the extra rows (drop_row) or the draft's votes (drop_votes)`);
      }
      checkOutcome(rows, votes, outcome, procedural, c['Outcome results'], label, permanent(first.year), at);
    }
    drafts.push({
      id: String(id),
      year: first.year,
      date,
      draft: cleanText(c.Draft),
      symbol: draftSymbol(c.Draft),
      resolution: resolutionNumber(c.Resolution),
      agenda: cleanText(c['Agenda item']),
      topic: cleanText(c.Topic),
      category: cleanText(c.Category),
      outcomeLabel: cleanText(c['Outcome results']),
      outcome,
      procedural,
      votes,
      origin: { file, line: first.line, firstRecord: first.record, lastRecord: rows[rows.length - 1]!.record },
    });
  }
  return { drafts, problems };
}

function checkOutcome(
  rows: readonly VoteRow[],
  votes: readonly MemberVote[],
  outcome: ReturnType<typeof outcomeOf>,
  procedural: boolean,
  label: string,
  draft: string,
  p5: ReadonlySet<Iso3>,
  at: (r: VoteRow, column: string | undefined, message: string) => void,
): void {
  const p5No = votes.filter((v) => v.vote === 'no' && p5.has(v.state));
  const rowOf = (v: MemberVote) => rows.find((r) => r.record === v.record)!;
  if (outcome === 'vetoed' && p5No.length === 0) {
    at(rows[0]!, 'Outcome results', `${draft} is labelled "${cleanText(label)}" but no permanent member voted No; correct the votes (set_vote) or the outcome (set_outcome)`);
  } else if (outcome === 'adopted' && p5No.length > 0 && !procedural) {
    const v = p5No[0]!;
    at(rowOf(v), 'Vote', `${draft} is labelled "${cleanText(label)}" but ${cleanText(v.name)}, a permanent member, voted No (a veto); the votes are wrong (drop_votes, set_vote) or the outcome is (set_outcome), or mark a procedural vote (procedural)`);
  } else if (UNANIMOUS.has(cleanText(label))) {
    const v = votes.find((x) => x.vote !== 'yes');
    if (v !== undefined) at(rowOf(v), 'Vote', `${draft} is labelled "${cleanText(label)}" but ${cleanText(v.name)} voted ${v.vote === 'no' ? 'No' : 'Abstain'}; correct the vote (set_vote), the outcome (set_outcome) or drop the votes (drop_votes)`);
  }
}
