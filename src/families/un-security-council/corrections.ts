/**
 * Corrections to the Security Council voting file, as an explicit input: each one names a
 * draft (`ID`) and, where it acts on one member, a row (the CSV record number = the workbook's
 * sheet row) or a member; says what to do; gives the value it expects to find (so that a
 * correction written for one version of the file never silently edits another) and the
 * evidence. Applying them is pure: rows in, corrected rows and the list of what was done out.
 *
 * | action | acts on | `expected` is the stored… | `value` |
 * |---|---|---|---|
 * | `drop_draft` | every row of the draft | `Draft` | — |
 * | `drop_votes` | the draft's member votes (kept as unknown) | `Draft` | — |
 * | `drop_row` | one row (`row` required) | `Vote` of that row | — |
 * | `set_vote` | one member's row (`member`, `row` if named twice) | `Vote` | `Yes`, `No`, `Abstain` |
 * | `set_member` | one row (`row` required) | `Member State` | the right name |
 * | `set_date` | the draft | `Date,` | `YYYY-MM-DD`, in the row's `Year` |
 * | `set_draft` | the draft | `Draft` | the symbol |
 * | `set_resolution` | the draft | `Resolution` | the resolution |
 * | `set_outcome` | the draft | `Outcome results` | one of the outcome labels |
 * | `set_topic` | the draft | `Topic` | the topic (what the mapping to target states reads) |
 * | `procedural` | the draft: a procedural vote, a permanent member's No is no veto | `Draft` | — |
 * | `note` | nothing: a known issue that needs no change, listed by `entente validate` | `Draft` | — |
 *
 * A correction that matches nothing — an ID not in the file, a row outside the draft, a member
 * without a row, an `expected` value that differs from the file — is an error, never a no-op.
 */
import type { Problem } from '../../domain/errors.js';
import { OUTCOME_LABELS, VOTE_CODES } from './council-draft.js';
import { isIsoDate } from './iso-date.js';
import type { VoteRow, VoteRowCells } from './read-unsc-votes.js';
import { cleanText } from './symbols.js';

/** One correction as read from the corrections file. */
export interface Correction {
  /** 1-based physical line of the corrections file. */
  readonly line: number;
  readonly action: CorrectionAction;
  /** The draft's `ID`. */
  readonly id: number;
  /** The record number (= sheet row) of the row acted on, when given. */
  readonly row: number | null;
  /** The member's name as stored in the votes file, when given. */
  readonly member: string;
  /** The value the votes file has now (see the table above). */
  readonly expected: string;
  /** The new value (`set_*` actions). */
  readonly value: string;
  /** A short name of the issue, e.g. `date_day_month_swapped`. */
  readonly issue: string;
  /** What is wrong, in words. */
  readonly detail: string;
  /** Why the correction is right: the source that says so. */
  readonly evidence: string;
}

/** How an action is applied and checked. */
interface ActionSpec {
  /** Whether the action acts on the whole draft or on one row. */
  readonly scope: 'draft' | 'row';
  /** The column `expected` is compared with (and `value` written to, for `set_*`). */
  readonly column: keyof VoteRowCells;
  readonly row: 'required' | 'optional' | 'none';
  readonly member: 'required' | 'optional' | 'none';
  /** Checks `value`: null when fine, else what is wrong. Absent: no value is taken. */
  readonly value?: (v: string) => string | null;
  /** Writes `value` to the column (the `set_*` actions). */
  readonly sets: boolean;
  /** Past tense, for the list of what was done. */
  readonly verb: string;
}

const anyText = (): null => null;
const outcomeLabel = (v: string) => (v in OUTCOME_LABELS ? null : `expected one of ${Object.keys(OUTCOME_LABELS).map((l) => `"${l}"`).join(', ')}`);

/** The actions (a strategy table): see the module's table. */
export const CORRECTION_ACTIONS = {
  drop_draft: { scope: 'draft', column: 'Draft', row: 'none', member: 'none', sets: false, verb: 'dropped the draft' },
  drop_votes: { scope: 'draft', column: 'Draft', row: 'none', member: 'none', sets: false, verb: 'dropped the member votes (unknown)' },
  drop_row: { scope: 'row', column: 'Vote', row: 'required', member: 'optional', sets: false, verb: 'dropped the row' },
  set_vote: { scope: 'row', column: 'Vote', row: 'optional', member: 'required', value: (v) => (v in VOTE_CODES ? null : 'expected Yes, No or Abstain'), sets: true, verb: 'set the vote' },
  set_member: { scope: 'row', column: 'Member State', row: 'required', member: 'none', value: (v) => (v.trim() === '' ? 'expected the member’s name' : null), sets: true, verb: 'set the member' },
  set_date: { scope: 'draft', column: 'Date,', row: 'none', member: 'none', value: (v) => (isIsoDate(v) ? null : 'expected a date YYYY-MM-DD'), sets: true, verb: 'set the date' },
  set_draft: { scope: 'draft', column: 'Draft', row: 'none', member: 'none', value: anyText, sets: true, verb: 'set the draft symbol' },
  set_resolution: { scope: 'draft', column: 'Resolution', row: 'none', member: 'none', value: anyText, sets: true, verb: 'set the resolution' },
  set_outcome: { scope: 'draft', column: 'Outcome results', row: 'none', member: 'none', value: outcomeLabel, sets: true, verb: 'set the outcome' },
  set_topic: { scope: 'draft', column: 'Topic', row: 'none', member: 'none', value: (v) => (v.trim() === '' ? 'expected the topic' : null), sets: true, verb: 'set the topic' },
  procedural: { scope: 'draft', column: 'Draft', row: 'none', member: 'none', sets: false, verb: 'marked as a procedural vote' },
  note: { scope: 'draft', column: 'Draft', row: 'none', member: 'none', sets: false, verb: 'noted' },
} as const satisfies Record<string, ActionSpec>;

/** A correction action's name. */
export type CorrectionAction = keyof typeof CORRECTION_ACTIONS;

/** The action names, in the table's order. */
export const CORRECTION_ACTION_NAMES = Object.keys(CORRECTION_ACTIONS) as CorrectionAction[];

/**
 * Checks the fields of a correction against its action (row, member and value given or not,
 * the value valid); returns what is wrong, one message per field, with the column named.
 * @example correctionFieldProblems({ action: 'set_vote', member: '', value: 'Maybe', row: null }) // [['member', …], ['value', …]]
 */
export function correctionFieldProblems(c: Pick<Correction, 'action' | 'row' | 'member' | 'value'>): [string, string][] {
  const spec: ActionSpec = CORRECTION_ACTIONS[c.action];
  const out: [string, string][] = [];
  if (spec.row === 'required' && c.row === null) out.push(['row', `${c.action} needs the row (record number) it acts on`]);
  if (spec.row === 'none' && c.row !== null) out.push(['row', `${c.action} acts on the whole draft; leave row empty`]);
  if (spec.member === 'required' && c.member.trim() === '') out.push(['member', `${c.action} needs the member whose vote it sets`]);
  if (spec.member === 'none' && c.member.trim() !== '') out.push(['member', `${c.action} takes no member; leave it empty`]);
  if (spec.value) {
    const bad = spec.value(c.value.trim());
    if (bad !== null) out.push(['value', `${c.action}: ${bad}, got "${c.value}"`]);
  } else if (c.value.trim() !== '') out.push(['value', `${c.action} takes no value; leave it empty`]);
  return out;
}

/** One correction as applied, for the list `entente validate` prints. */
export interface AppliedCorrection {
  readonly correction: Correction;
  /** One line: where, what, the issue and the evidence. */
  readonly text: string;
}

/** The voting file after corrections. */
export interface CorrectedVotes {
  /** The rows kept, with corrected cells. */
  readonly rows: readonly VoteRow[];
  /** Drafts (by ID) whose member votes are unknown (`drop_votes`). */
  readonly votesUnknown: ReadonlySet<number>;
  /** Drafts (by ID) that are procedural votes. */
  readonly procedural: ReadonlySet<number>;
  readonly applied: readonly AppliedCorrection[];
  /** Corrections that match nothing or conflict, located in the corrections file. */
  readonly problems: readonly Problem[];
}

/**
 * Applies corrections to the rows of the voting file. Every correction is checked against the
 * rows as read (so the order of the file does not matter): its draft must exist, its row must
 * belong to the draft, its member must have exactly one row (or the row be named), and
 * `expected` must equal what the file stores (whitespace folded). Two corrections of the same
 * cell, or any other correction of a dropped draft, conflict. Problems are located at the
 * correction's line of `correctionsFile`.
 * @example
 * const out = applyCorrections(rows, [{ line: 2, action: 'drop_row', id: 1610, row: 23994, member: 'Russian Federation', expected: 'Yes', value: '', issue: 'duplicate_member_vote', detail: '', evidence: 'DHL tally 13-0-2' }], 'corrections.csv');
 * out.rows.length // rows.length - 1
 */
export function applyCorrections(rows: readonly VoteRow[], corrections: readonly Correction[], correctionsFile: string): CorrectedVotes {
  const byId = new Map<number, VoteRow[]>();
  for (const r of rows) {
    let list = byId.get(r.id);
    if (list === undefined) byId.set(r.id, (list = []));
    list.push(r);
  }
  const problems: Problem[] = [];
  const fail = (c: Correction, column: string | undefined, message: string) =>
    problems.push(column === undefined ? { file: correctionsFile, line: c.line, message } : { file: correctionsFile, line: c.line, column, message });
  const claimed = new Map<string, number>(); // target → line of the correction that claimed it
  const claim = (c: Correction, key: string, what: string): boolean => {
    const other = claimed.get(key);
    if (other !== undefined) {
      fail(c, undefined, `conflicts with the correction on line ${other} (both change ${what}); keep one of them`);
      return false;
    }
    claimed.set(key, c.line);
    return true;
  };
  const dropped = new Set<number>(); // records
  const droppedDrafts = new Set<number>();
  const votesUnknown = new Set<number>();
  const procedural = new Set<number>();
  const edits = new Map<number, Partial<VoteRowCells>>(); // record → new cells
  const applied: AppliedCorrection[] = [];
  const edit = (r: VoteRow, column: keyof VoteRowCells, value: string) => edits.set(r.record, { ...edits.get(r.record), [column]: value });

  // drop_draft first, so that any other correction of a dropped draft is reported whatever the order
  const ordered = [...corrections].sort((a, b) => Number(b.action === 'drop_draft') - Number(a.action === 'drop_draft') || a.line - b.line);
  for (const c of ordered) {
    const spec: ActionSpec = CORRECTION_ACTIONS[c.action];
    const draftRows = byId.get(c.id);
    if (draftRows === undefined) {
      fail(c, 'id', `ID ${c.id} is not in the votes file: the correction matches nothing; check the ID (and that the corrections are for this file)`);
      continue;
    }
    const label = draftLabel(draftRows[0]!);
    if (droppedDrafts.has(c.id) && c.action !== 'drop_draft') {
      fail(c, undefined, `ID ${c.id} ${label} is dropped by the correction on line ${claimed.get(`draft ${c.id}`)}; a correction of a dropped draft matches nothing`);
      continue;
    }
    let targets: VoteRow[];
    if (spec.scope === 'draft') targets = draftRows;
    else {
      const found = findRow(c, draftRows);
      if (typeof found === 'string') {
        fail(c, c.row !== null ? 'row' : 'member', `ID ${c.id} ${label}: ${found}; the correction matches nothing`);
        continue;
      }
      targets = [found];
    }
    const stored = targets.map((r) => r.cells[spec.column]);
    const bad = stored.findIndex((s) => cleanText(s) !== cleanText(c.expected));
    if (bad >= 0) {
      fail(c, 'expected', `ID ${c.id} ${label}: expected ${spec.column} "${c.expected}", but record ${targets[bad]!.record} has "${stored[bad]}"; the correction matches nothing (is it for another version of the file?)`);
      continue;
    }
    if (spec.scope === 'row' && c.member.trim() !== '' && cleanText(targets[0]!.cells['Member State']) !== cleanText(c.member)) {
      fail(c, 'member', `ID ${c.id} ${label}: record ${targets[0]!.record} is "${targets[0]!.cells['Member State']}", not "${c.member}"; the correction matches nothing`);
      continue;
    }
    if (c.action === 'set_date' && c.value.trim().slice(0, 4) !== String(targets[0]!.year)) {
      fail(c, 'value', `ID ${c.id} ${label}: the date ${c.value.trim()} is not in the draft's Year ${targets[0]!.year}; a date correction keeps the year`);
      continue;
    }
    const key =
      c.action === 'drop_draft' ? `draft ${c.id}`
      : spec.scope === 'row' ? `row ${targets[0]!.record}`
      : c.action === 'drop_votes' ? `votes ${c.id}`
      : c.action === 'note' ? `note ${c.line}`
      : `${spec.column} ${c.id}`;
    const what = spec.scope === 'row' ? `record ${targets[0]!.record}` : c.action === 'drop_votes' ? `the votes of ID ${c.id}` : `${spec.column} of ID ${c.id}`;
    if (!claim(c, key, what)) continue;
    if (spec.scope === 'row' && votesUnknown.has(c.id)) {
      fail(c, undefined, `ID ${c.id} ${label}: its member votes are dropped by another correction; this one matches nothing`);
      continue;
    }
    switch (c.action) {
      case 'drop_draft':
        droppedDrafts.add(c.id);
        for (const r of draftRows) dropped.add(r.record);
        break;
      case 'drop_votes':
        votesUnknown.add(c.id);
        break;
      case 'drop_row':
        dropped.add(targets[0]!.record);
        break;
      case 'procedural':
        procedural.add(c.id);
        break;
      case 'note':
        break;
      default:
        for (const r of targets) edit(r, spec.column, c.value.trim());
    }
    applied.push({ correction: c, text: describe(c, spec, targets, label, correctionsFile) });
  }
  // a drop_votes draft must have no row-level correction (checked in file order above only one way)
  for (const c of corrections) {
    if (CORRECTION_ACTIONS[c.action].scope === 'row' && votesUnknown.has(c.id) && applied.some((a) => a.correction === c)) {
      fail(c, undefined, `ID ${c.id}: its member votes are dropped by a drop_votes correction; this one matches nothing`);
    }
  }
  const out: VoteRow[] = [];
  for (const r of rows) {
    if (dropped.has(r.record)) continue;
    const e = edits.get(r.record);
    out.push(e === undefined ? r : { ...r, cells: { ...r.cells, ...e } });
  }
  applied.sort((a, b) => a.correction.line - b.correction.line);
  problems.sort((a, b) => a.line - b.line);
  return { rows: out, votesUnknown, procedural, applied, problems };
}

function findRow(c: Correction, draftRows: readonly VoteRow[]): VoteRow | string {
  if (c.row !== null) {
    const r = draftRows.find((x) => x.record === c.row);
    if (r === undefined) return `record ${c.row} is not one of its rows (records ${draftRows[0]!.record}–${draftRows[draftRows.length - 1]!.record})`;
    return r;
  }
  const named = draftRows.filter((x) => cleanText(x.cells['Member State']) === cleanText(c.member));
  if (named.length === 0) return `no row for the member "${c.member}"`;
  if (named.length > 1) return `the member "${c.member}" has ${named.length} rows (records ${named.map((r) => r.record).join(', ')}); give the row`;
  return named[0]!;
}

function draftLabel(r: VoteRow): string {
  const parts = [cleanText(r.cells.Draft), cleanText(r.cells.Resolution)].filter((p) => p !== '');
  return parts.length > 0 ? `(${parts.join(', ')})` : `(${r.year})`;
}

function describe(c: Correction, spec: ActionSpec, targets: readonly VoteRow[], label: string, file: string): string {
  const t = targets[0]!;
  const what =
    spec.scope === 'row'
      ? `record ${t.record} (${cleanText(t.cells['Member State'])}, ${cleanText(t.cells.Vote)}): ${spec.verb}${spec.sets ? ` to "${c.value.trim()}"` : ''}`
      : `${spec.verb}${spec.sets ? ` from "${cleanText(c.expected)}" to "${c.value.trim()}"` : ''}`;
  const issue = c.issue.trim() !== '' ? ` [${c.issue.trim()}]` : '';
  const detail = c.detail.trim() !== '' ? ` ${cleanText(c.detail)}.` : '';
  return `${file}:${c.line}: ID ${c.id} ${label}: ${what}${issue}.${detail} Evidence: ${cleanText(c.evidence)}`;
}
