/**
 * The participant strategies of an exercise-list mapping (`ParticipantMapping`): slot columns (`StateA` …), one
 * separated list column, or the long form (one participant per row). Pure: the reader passes
 * the header and rows in and reports what comes back with its lines.
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { UnknownCountryError } from '../../domain/errors.js';
import type { CsvRow, HeaderIndex } from '../../format/read-csv.js';
import { distinctSorted, type SkippedParticipant, type UnreadableRow } from './exercise.js';
import type { CellProblem } from './exercise-cells.js';
import type { ParticipantMapping } from './exercise-list-mapping.js';
import { nonStateReason } from './non-state-participants.js';
import { resolveParticipants } from './resolve-participants.js';

/** A problem with one cell, with the line of its row (long form: not always the exercise's first line). */
export interface LineProblem extends CellProblem {
  readonly line: number;
}

/** The participants of one exercise, what was skipped and what is wrong. */
export interface ExerciseParticipants {
  /** Distinct ISO3 codes, sorted. */
  readonly participants: readonly Iso3[];
  readonly skipped: readonly SkippedParticipant[];
  readonly problems: readonly LineProblem[];
}

/** Reads the participants of a file's exercises, one exercise (a row or a row group) at a time. */
export interface ParticipantReader {
  /** The participants of one exercise; `year` is its start year (names of historical states depend on it). */
  read(rows: readonly CsvRow[], year: number | undefined): ExerciseParticipants;
  /** Notes on the whole file, given after its last exercise (e.g. code/name conflicts). */
  notes(): UnreadableRow[];
}

type Opener<K extends ParticipantMapping['kind']> = (m: Extract<ParticipantMapping, { kind: K }>, header: HeaderIndex, crosswalk: Crosswalk) => ParticipantReader | { missing: string };

/** The participant strategies by kind. */
const OPENERS: { readonly [K in ParticipantMapping['kind']]: Opener<K> } = {
  slots: (m, header, crosswalk) => {
    const slots = header.names.map((n, i) => ({ n, i })).filter(({ n }) => m.pattern.test(n));
    if (slots.length === 0) return { missing: m.missing };
    const order = new Map(slots.map(({ n }, k) => [n, k]));
    const clean = m.clean ?? ((raw: string) => raw);
    return {
      read: (rows, year) => {
        const row = rows[0]!;
        const cells = slots.map(({ n, i }) => ({ column: n, raw: clean(row.cells[i]!) }));
        const shape = m.shape;
        const misfits = shape === undefined ? [] : cells.filter((c) => c.raw !== '' && !shape.pattern.test(c.raw));
        const resolved = resolveParticipants(
          cells.filter((c) => !misfits.includes(c)),
          m.codes,
          year,
          row.line,
          crosswalk,
        );
        const skipped = [...resolved.skipped, ...misfits.map((c) => ({ line: row.line, column: c.column, raw: c.raw, reason: nonStateReason(c.raw) ?? shape!.reason }))];
        return {
          participants: resolved.participants,
          skipped: skipped.sort((x, y) => order.get(x.column)! - order.get(y.column)!),
          problems: resolved.unknown.map((u) => ({ line: row.line, column: u.column, message: `${u.message}; ${m.fix}` })),
        };
      },
      notes: () => [],
    };
  },
  list: (m, header, crosswalk) => {
    const at = header.at.get(m.column);
    return {
      read: (rows, year) => {
        const row = rows[0]!;
        const text = at === undefined ? '' : row.cells[at]!.trim();
        const resolved = resolveParticipants(
          text.split(m.separator).map((raw) => ({ column: m.column, raw })),
          m.codes,
          year,
          row.line,
          crosswalk,
        );
        return {
          participants: resolved.participants,
          skipped: resolved.skipped,
          problems: resolved.unknown.map((u) => ({ line: row.line, column: m.column, message: `${u.message}; ${m.fix}` })),
        };
      },
      notes: () => [],
    };
  },
  long: openLongForm,
};

/**
 * Opens the participant strategy of a mapping on a file's header, or says which columns are
 * missing (`missing`, the mapping's message).
 * @example
 * const who = openParticipantReader(MME_MAPPING.participants, header, createCrosswalk());
 * if (!('missing' in who)) who.read([row], 2005).participants // ['CHN', 'RUS']
 */
export function openParticipantReader(m: ParticipantMapping, header: HeaderIndex, crosswalk: Crosswalk): ParticipantReader | { missing: string } {
  return (OPENERS[m.kind] as Opener<ParticipantMapping['kind']>)(m, header, crosswalk);
}

/**
 * The long form: one row per participant (and calendar year), a G&W code and a name per row.
 * A participant is resolved by its code in the start year, else by its name; when both resolve
 * and disagree the name wins and the conflict is noted once per code/name pair. Non-state
 * entries are skipped (the start year's rows only, not their repeats). An exercise with as many
 * start-year rows as the reshaping keeps (`maxRows`) may have lost participants: noted.
 */
function openLongForm(m: Extract<ParticipantMapping, { kind: 'long' }>, header: HeaderIndex, crosswalk: Crosswalk): ParticipantReader {
  const col = (name: string): number => header.at.get(name)!;
  const conflicts = new Map<string, { line: number; message: string; count: number }>();
  const possiblyCut: number[] = [];
  return {
    read: (rows, startYear) => {
      const codes: Iso3[] = [];
      const skipped: SkippedParticipant[] = [];
      const problems: LineProblem[] = [];
      let startYearRows = 0;
      for (const row of rows) {
        const gw = row.cells[col(m.gwColumn)]!.trim();
        const name = row.cells[col(m.nameColumn)]!.trim();
        const inStartYear = row.cells[col(m.yearColumn)]!.trim() === String(startYear);
        if (inStartYear) startYearRows++;
        const r = resolveLongRow(gw, name, startYear, crosswalk, m);
        if ('code' in r) {
          codes.push(r.code);
          if (r.conflict !== undefined) {
            const k = `${gw}\u0000${name}\u0000${r.conflict}`;
            const seen = conflicts.get(k);
            if (seen) seen.count++;
            else conflicts.set(k, { line: row.line, message: `${m.gwColumn} ${gw} is ${r.conflict} in ${startYear} but the name "${name}" is ${r.code}; the name is used (the codes were looked up from the names)`, count: 1 });
          }
        } else if ('reason' in r) {
          // an exercise over two years repeats its rows: report the start year's rows only
          if (inStartYear) skipped.push({ line: row.line, column: m.nameColumn, raw: name, reason: r.reason });
        } else problems.push({ line: row.line, ...r });
      }
      if (startYearRows === m.maxRows) possiblyCut.push(rows[0]!.line);
      return { participants: distinctSorted(codes), skipped, problems };
    },
    notes: () => {
      const out = [...conflicts.values()].map((c) => ({ line: c.line, message: c.count > 1 ? `${c.message} (${c.count} rows)` : c.message }));
      if (possiblyCut.length > 0) {
        out.push({
          line: possiblyCut[0]!,
          message: `${possiblyCut.length} exercise(s) have ${m.maxRows} participant rows, the most this reshaping keeps (slots StateA–StateX of the wide file), so their lists may be cut short (lines ${possiblyCut.join(', ')}); read the wide file with \`format: mme\` for complete lists`,
        });
      }
      return out;
    },
  };
}

type LongRowResult = { code: Iso3; conflict?: Iso3 } | { reason: string } | CellProblem;

/**
 * One participant row: by G&W code in the start year, else by name. When both resolve and
 * disagree (troopdata codes Vietnam 817, the Republic of Vietnam of 1954–1975), the name wins:
 * the codes were looked up from the names, which are MME's own data.
 */
function resolveLongRow(
  gw: string,
  name: string,
  year: number | undefined,
  crosswalk: Crosswalk,
  m: Extract<ParticipantMapping, { kind: 'long' }>,
): LongRowResult {
  let byCode: Iso3 | null = null;
  if (gw !== '' && gw !== 'NA') {
    if (!/^\d+$/.test(gw)) return { column: m.gwColumn, message: `expected a Gleditsch–Ward code (a whole number) or NA, got "${gw}"` };
    byCode = crosswalk.tryResolve('gw', gw, year);
  }
  const reason = nonStateReason(name);
  if (byCode !== null) {
    const byName = reason === null ? crosswalk.tryResolve('name', name, year) : null;
    return byName === null || byName === byCode ? { code: byCode } : { code: byName, conflict: byCode };
  }
  if (reason !== null) return { reason };
  try {
    return { code: crosswalk.resolve('name', name, year) };
  } catch (e) {
    if (!(e instanceof UnknownCountryError)) throw e;
    const gwText = gw === '' || gw === 'NA' ? 'no G&W code' : `G&W code ${gw} unknown${year === undefined ? '' : ` in ${year}`}`;
    return { column: m.nameColumn, message: `${gwText} and ${e.message}; fix the name or report the missing alias` };
  }
}

