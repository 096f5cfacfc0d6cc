/**
 * The exercise-list formats as column mappings, one row per `format:` of a `joint_drills` source
 * (this family's README.md, "Formats and source keys"). Each is read by the one reader,
 * `readExerciseList` (`read-exercise-list.ts`); adding a format that fits these strategies is
 * one more mapping here and one line in `family.ts`.
 *
 * | format | required columns | dates | flags | participants | id |
 * |---|---|---|---|---|---|
 * | `mme` | MMEID, Ex_Name, dates, flags | parts + text, strict | 0/1 columns | slots `StateA` … (names) | MMEID |
 * | `mme_long` | the same + gwcode, country, year | parts + text, strict | 0/1 columns | long form, grouped by MMEID, Ex_Name, StartDate | MMEID |
 * | `jme` | Exercise Name, dates | parts + text, lenient | `JME Type` contains CPX | slots `State A` … (ISO3, cleaned) | line |
 * | `events` | start, participants | text | `;` lists | one `;` list (`codes:`) | line |
 * | `wide_list` | the year column | year only | none | slots `part1` … (`codes:`) | `id` column |
 */
import type { CodeSystem } from '../../domain/code-system.js';
import { DOMAINS, FOCI } from './exercise.js';
import { MME_END, MME_START, type DateColumns } from './exercise-cells.js';
import type { ExerciseListMapping } from './exercise-list-mapping.js';

/** Columns an MME v7 wide file must have (besides at least one `State…` column). */
export const MME_REQUIRED_COLUMNS: readonly string[] = [
  'MMEID',
  'Ex_Name',
  'StartDate',
  's.year',
  's.month',
  's.day',
  'EndDate',
  'e.year',
  'e.month',
  'e.day',
  ...DOMAINS,
  ...FOCI,
];

/** Participant slot columns of MME (`StateA` … `StateAM`). */
export const MME_STATE_COLUMN = /^State[A-Z]{1,2}$/;

/**
 * MME v7 in its published wide form (D'Orazio & Galambos 2021): one row per exercise,
 * participants as English names in `StateA` … `StateAM`.
 *
 * - Dates: the parsed `s.year`/`s.month`/`s.day` (and `e.*`) are preferred; when they are
 *   empty the text `StartDate`/`EndDate` is read (`M/D/YY` or `YYYY-MM-xx`). An unknown day
 *   (`xx`) stays unknown. An end before the start (six rows of v7) is ignored and listed in
 *   `unreadable`; the start decides the year.
 * - Participants are resolved with the crosswalk in the exercise's start year (so `Russia`
 *   in 1985 is the Soviet Union, reported as RUS by default); duplicates in a row count once.
 *   Non-state entries (`-9`, `NATO`, `Baltic States`, territories) are skipped and returned
 *   with their line and column in `skipped`.
 * - `MMEID` is not unique in v7 (three ids occur twice for different exercises): rows are
 *   kept apart by their line.
 *
 * Every bad row (ragged, unreadable date, flag not 0/1, unknown participant name with the
 * closest spellings) is an error.
 * @example readExerciseList('mme_v7.csv.gz', createCrosswalk(), MME_MAPPING) // 3707 exercises
 */
export const MME_MAPPING: ExerciseListMapping = {
  required: MME_REQUIRED_COLUMNS,
  id: { column: 'MMEID', prefix: '' },
  name: 'Ex_Name',
  dates: { kind: 'parts', start: MME_START, end: MME_END },
  flags: { kind: 'columns' },
  participants: {
    kind: 'slots',
    pattern: MME_STATE_COLUMN,
    codes: 'name',
    missing: 'no participant columns StateA, StateB, …; is this the MME v7 wide file? (use `format: mme_long` for the long form)',
    fix: 'fix the name or report the missing alias',
  },
};

/** Columns the long form of MME must have. */
export const MME_LONG_REQUIRED_COLUMNS: readonly string[] = [...MME_REQUIRED_COLUMNS, 'gwcode', 'country', 'year'];

/** Participant rows per exercise-year the troopdata reshaping keeps (StateA–StateX). */
export const LONG_FORM_MAX_PARTICIPANTS = 24;

/**
 * The long reshaping of MME v7 made by the troopdata package (`mme-v7-long.csv`): one row per
 * exercise × participant × calendar year, with Gleditsch–Ward codes (`gwcode`, `NA` when the
 * lookup failed) next to the MME name (`country`). Rows are regrouped into exercises by
 * (`MMEID`, `Ex_Name`, `StartDate`) — `MMEID` alone is not unique — so an exercise spanning
 * two years is counted once, like in the wide form. Dates and flags are taken from the group's
 * first row, as in {@link MME_MAPPING}.
 *
 * A participant is resolved by its G&W code in the exercise's start year; when the code is
 * `NA` (or unknown to the crosswalk for that year) by its `country` name; when code and name
 * resolve to different states the name is used and the conflict listed in `unreadable`
 * (troopdata codes Vietnam as 817, the Republic of Vietnam). Non-state entries (`-9`,
 * `NATO`, …) are skipped and returned with their line.
 *
 * Known defect of the derived file: it keeps only the first 24 participant slots of the wide
 * file, so the 13 exercises of MME v7 with more participants lose some (noted for every
 * exercise with exactly 24 participant rows). Prefer `format: mme` when you have the wide file.
 * @example readExerciseList('mme_v7_long_troopdata.csv.gz', createCrosswalk(), MME_LONG_MAPPING) // 3707 exercises
 */
export const MME_LONG_MAPPING: ExerciseListMapping = {
  ...MME_MAPPING,
  required: MME_LONG_REQUIRED_COLUMNS,
  groupBy: ['MMEID', 'Ex_Name', 'StartDate'],
  participants: { kind: 'long', gwColumn: 'gwcode', nameColumn: 'country', yearColumn: 'year', maxRows: LONG_FORM_MAX_PARTICIPANTS },
};

/** Columns the JME v3 coding sheet must have (besides `State A` …). */
export const JME_REQUIRED_COLUMNS: readonly string[] = ['Exercise Name', 'Start Date', 's.year', 's.month', 's.day', 'enddate', 'e.year', 'e.month', 'e.day'];

/** Participant slot columns of the JME sheet (`State A` … `State AD`). */
export const JME_STATE_COLUMN = /^State [A-Z]{1,2}$/;

const JME_START: DateColumns = { year: 's.year', month: 's.month', day: 's.day', text: 'Start Date' };
const JME_END: DateColumns = { year: 'e.year', month: 'e.month', day: 'e.day', text: 'enddate' };

/** Codes of the sheet that are not ISO3 but mean an ISO3 state (cleaned after trim + upper-case). */
export const JME_CODE_FIXES: Readonly<Record<string, string>> = { ROM: 'ROU' };

/**
 * A JME sheet cell as a code: trimmed, upper-cased, then the sheet's known miscodings (`ROM` → `ROU`).
 * @example cleanJmeCode(' rom ') // 'ROU'
 */
export function cleanJmeCode(raw: string): string {
  const t = raw.trim().toUpperCase();
  return JME_CODE_FIXES[t] ?? t;
}

/**
 * D'Orazio's Joint Military Exercises coding sheet, v3 (the coders' spreadsheet behind the JME
 * data, exported to CSV): one row per exercise, participants as ISO3 codes in `State A` …
 * `State AD`.
 *
 * The sheet is messy and read leniently, reporting what could not be read instead of failing
 * (the file is used as published):
 * - codes are trimmed and upper-cased (`uSA`, `CAN `), `ROM` is read as `ROU`;
 * - non-codes (`NATO`, `8 NATO members`, `-9`, any text that is not three letters) are
 *   skipped and returned with their line in `skipped`;
 * - the start year comes from `s.year`/`s.month`/`s.day`, else from the `Start Date` text
 *   (`M/D/YYYY`, `MM/xx/YYYY`); when neither reads, a four-digit year in the text is taken
 *   (noted); a row without any start year, or with an implausible one (`3009`), is skipped
 *   and listed in `unreadable`; an end that cannot be read or lies before the start is
 *   ignored (noted);
 * - `JME Type` containing `CPX` sets the CPX domain flag; the sheet has no focus flags.
 * A three-letter code the crosswalk does not know and a ragged row are errors.
 * @example readExerciseList('dorazio_jme_v3_sheet.csv.gz', createCrosswalk(), JME_MAPPING).unreadable // [{ line: 1531, message: 'no start year …; row skipped' }, …]
 */
export const JME_MAPPING: ExerciseListMapping = {
  required: JME_REQUIRED_COLUMNS,
  id: null,
  name: 'Exercise Name',
  dates: { kind: 'lenient_parts', start: JME_START, end: JME_END },
  flags: { kind: 'type_contains', column: 'JME Type', token: 'CPX', domain: 'CPX' },
  participants: {
    kind: 'slots',
    pattern: JME_STATE_COLUMN,
    codes: 'iso3',
    missing: 'no participant columns "State A", "State B", …; is this the JME v3 coding sheet?',
    clean: cleanJmeCode,
    shape: { pattern: /^[A-Z]{3}$/, reason: 'not an ISO3 code' },
    fix: 'fix the code or report the missing code',
  },
};

/** Options of the `events` format. */
export interface ReadEventListOptions {
  /** Code system of the participants (default `name`). */
  readonly codes: CodeSystem;
}

/** Separator of several participants, domains or focus values in one cell of an event list. */
export const EVENT_LIST_SEPARATOR = ';';

/** How to fix an unknown participant of a list whose code system the user chose. */
const codesFix = (codes: CodeSystem): string => `check the spelling or the source's \`codes:\` (${codes})`;

/**
 * A plain event list for analysts' own data, one exercise per row:
 *
 *     name,start,end,participants,domain,focus
 *     Peace Mission 2021,2021-09-11,2021-09-25,RUS;CHN;KAZ,Land;Air,Warfighting
 *
 * `start` is required: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` (or `M/D/YYYY`, `YYYY-MM-xx`); `end`
 * is optional. `participants` are separated by `;` and written in the source's code system
 * (`codes:`, any of iso3, iso2, cow, cow_abb, gw, name). `domain` (CPX, Air, Land, Sea,
 * Amphibious, Cyber) and `focus` (Warfighting, Peacekeeping, Humanitarian) are optional
 * `;`-separated flags, any case. Only `start` and `participants` columns are required.
 * Non-state entries (`-9`, `NATO`, …) are skipped and returned with their line. Ragged rows,
 * unreadable dates, an end before the start, unknown flags and unknown participants are errors.
 * @example readExerciseList('my_drills.csv', createCrosswalk(), eventListMapping({ codes: 'iso3' }))
 */
export function eventListMapping(options: ReadEventListOptions): ExerciseListMapping {
  return {
    required: ['start', 'participants'],
    id: null,
    name: 'name',
    dates: { kind: 'text', start: 'start', end: 'end' },
    flags: { kind: 'lists', domain: 'domain', focus: 'focus', separator: EVENT_LIST_SEPARATOR },
    participants: { kind: 'list', column: 'participants', separator: EVENT_LIST_SEPARATOR, codes: options.codes, fix: codesFix(options.codes) },
  };
}

/** Options of the `wide_list` format; the defaults fit the Russian exercises list. */
export interface ReadWideEventListOptions {
  /** Code system of the participants (default `name`). */
  readonly codes: CodeSystem;
  /** Column holding the (start) year (default `yr`). */
  readonly yearColumn: string;
  /** Column holding the exercise name (default `name`; optional in the file). */
  readonly nameColumn: string;
  /** Participant columns are this prefix followed by a number: `part1`, `part2`, … (default `part`). */
  readonly participantPrefix: string;
}

/** The defaults of {@link ReadWideEventListOptions}. */
export const WIDE_EVENT_LIST_DEFAULTS: ReadWideEventListOptions = { codes: 'name', yearColumn: 'yr', nameColumn: 'name', participantPrefix: 'part' };

/**
 * A "wide" event list known only to the year: one row per exercise, a year column and
 * participants in numbered columns (`part1` … `part28`), as in the hand-compiled list of
 * exercises with Russian participation 2009–2018 (`russia_joint_exercises_2009-2018.csv`).
 * Such lists often leave out their host — combine with `implicit_participant:`. Every
 * exercise's start is its year only (month and day unknown). Non-state entries are skipped
 * with their line; an `id` column, when present, names the rows in notes (`id 17`). Ragged
 * rows, a year that is not four digits and unknown participants are errors.
 * @example readExerciseList('russia_joint_exercises_2009-2018.csv.gz', createCrosswalk(), wideListMapping(WIDE_EVENT_LIST_DEFAULTS)).years // { from: 2009, to: 2018 }
 */
export function wideListMapping(options: ReadWideEventListOptions): ExerciseListMapping {
  const prefix = options.participantPrefix;
  return {
    required: [options.yearColumn],
    id: { column: 'id', prefix: 'id ' },
    name: options.nameColumn,
    dates: { kind: 'year', column: options.yearColumn },
    flags: { kind: 'none' },
    participants: {
      kind: 'slots',
      pattern: new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\d+$`),
      codes: options.codes,
      missing: `no participant columns ${prefix}1, ${prefix}2, …; set \`participant_prefix:\` to the columns' common prefix`,
      fix: codesFix(options.codes),
    },
  };
}
