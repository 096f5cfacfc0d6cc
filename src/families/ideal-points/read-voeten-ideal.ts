/**
 * Reader of the published UN General Assembly ideal points (Bailey, Strezhnev & Voeten 2017),
 * one row per country and session, in both layouts Erik Voeten distributes:
 *
 * - `Idealpointestimates<Dimension>_<date>.csv` (his repository, April 2020): `ccode`, `session`,
 *   `NVotes…`, `IdealPoint…`, `QO%…` (letter O), `Q5%…`, `Q10%…`, `Q50%…`, `Q90%…`, `Q95%…`,
 *   `Q100%…`, `iso3c`, `Countryname`, where `…` is the dimension (empty for All; `Important`,
 *   `HumanRights`, `MiddleEast`, `Nuclear`, `NoNukes`);
 * - the Dataverse country-session table (`Idealpoints.tab`, 2019): `ccode`, `session`, `nvotes`,
 *   `idealpoint`, `ci5`, `ci10`, `ci50`, `ci90`, `ci95`, `year` (written `1946.0`), …, `NaN` for
 *   "not defined".
 *
 * Year = session + 1945, the label every published measure uses (a session opens in September
 * and runs into the next year). When the file has a `year` column it is checked against it.
 * COW codes are read as of that year. A row without an ideal point (empty, `NA`, `NaN`) is
 * missing, never 0.
 * @module
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { InputError, UnknownCountryError } from '../../domain/errors.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, parseNumberCell, READABLE_YEARS, withCsvRows, type CsvRow } from '../../format/read-csv.js';
import type { StateYearIdealPoints } from './compute-distance.js';

/** The year label of a session: session + 1945. @example SESSION_YEAR_OFFSET + 65 // 2010 */
export const SESSION_YEAR_OFFSET = 1945;

/**
 * The issue dimensions of the published files (`All`: every roll call).
 * @example const d: IdealDimension = 'HumanRights';
 */
export type IdealDimension = 'All' | 'Important' | 'HumanRights' | 'MiddleEast' | 'Nuclear' | 'NoNukes';

/** Names of the dimensions. @example IDEAL_DIMENSIONS[0] // 'All' */
export const IDEAL_DIMENSIONS: readonly IdealDimension[] = ['All', 'Important', 'HumanRights', 'MiddleEast', 'Nuclear', 'NoNukes'];

/** What {@link readVoetenIdeal} returns. */
export interface VoetenIdealFile {
  readonly points: StateYearIdealPoints;
  /** The dimension the header names (`All` for the unsuffixed columns and the 2019 table). */
  readonly dimension: string;
  /** Which layout the file has. */
  readonly layout: 'estimates' | 'country_session';
  /** Rows without an ideal point (missing, not 0). */
  readonly missing: number;
  /** State-years given under two codes that the succession rules report as one state (both dropped): `DEU 1989 (COW 260, 265)`. */
  readonly collisions: readonly string[];
}

/** Column names of a layout (the dimension suffix applied). */
interface Layout {
  readonly name: VoetenIdealFile['layout'];
  readonly theta: string;
  readonly q5: string;
  readonly q10: string;
  readonly q90: string;
  readonly q95: string;
}

/** Finds the layout and dimension from the header. */
function layoutOf(file: string, header: CsvRow | undefined): { layout: Layout; dimension: string; names: string[] } {
  const expected = '`ccode`, `session`, `IdealPoint…` and the quantiles `Q5%…`, `Q10%…`, `Q90%…`, `Q95%…` (Voeten\'s Idealpointestimates files), or `ccode`, `session`, `idealpoint`, `ci5`, `ci10`, `ci90`, `ci95` (the 2019 country-session table)';
  if (!header) throw new InputError([{ file, line: 0, message: `the file is empty; expected a header with ${expected}` }]);
  const names = header.cells.map((c) => c.trim());
  let layout: Layout | null = null;
  let dimension = 'All';
  if (names.includes('idealpoint')) {
    layout = { name: 'country_session', theta: 'idealpoint', q5: 'ci5', q10: 'ci10', q90: 'ci90', q95: 'ci95' };
  } else {
    const ideal = names.find((n) => n.startsWith('IdealPoint'));
    if (ideal !== undefined) {
      const s = ideal.slice('IdealPoint'.length);
      dimension = s === '' ? 'All' : s;
      layout = { name: 'estimates', theta: ideal, q5: `Q5%${s}`, q10: `Q10%${s}`, q90: `Q90%${s}`, q95: `Q95%${s}` };
    }
  }
  const missing = layout === null ? [] : ['ccode', 'session', layout.theta, layout.q5, layout.q10, layout.q90, layout.q95].filter((c) => !names.includes(c));
  if (layout === null || missing.length > 0) {
    const what = layout === null ? 'no ideal-point column' : `missing column(s) ${missing.map((m) => `"${m}"`).join(', ')}`;
    throw new InputError([{ file, line: header.line, message: `${what}; expected ${expected}; the header has ${names.map((n) => `"${n}"`).join(', ')}` }]);
  }
  return { layout, dimension, names };
}

/** A number cell, `null` for missing (empty, `NA`, `NaN`), `'invalid'` otherwise. */
function numberOrMissing(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (t === '' || t === 'NA' || t === 'NaN') return null;
  return parseNumberCell(t);
}

/**
 * Reads a published ideal-point file (plain or gzip). Every bad row is reported together:
 * ragged rows, sessions that are not whole numbers ≥ 1, a `year` that is not session + 1945,
 * codes the crosswalk does not know as COW codes of that year, non-numeric ideal points or
 * quantiles, quantiles out of order, a country-session given twice.
 * @throws {InputError} with every problem of the file.
 * @example
 * const f = await readVoetenIdeal('voeten_idealpointestimates_All_apr2020.csv.gz', createCrosswalk());
 * f.dimension // 'All'
 */
export async function readVoetenIdeal(file: string, crosswalk: Crosswalk): Promise<VoetenIdealFile> {
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    const { layout, dimension, names } = layoutOf(file, first.done ? undefined : first.value);
    const col = (n: string) => names.indexOf(n);
    const [ic, is, iy, it] = [col('ccode'), col('session'), col('year'), col(layout.theta)];
    const quantiles = [layout.q5, layout.q10, layout.q90, layout.q95].map(col);
    const state: Iso3[] = [];
    const year: number[] = [];
    const theta: number[] = [];
    const q: number[][] = [[], [], [], []];
    const code: string[] = [];
    const seenAt = new Map<string, number>(); // `${state} ${year}` → index into the arrays
    const lineOf: number[] = [];
    const collided = new Map<string, Set<string>>();
    let missing = 0;
    for await (const row of rows) {
      if (!checkWidth(problems, row, names.length)) continue;
      const c = row.cells;
      const t = numberOrMissing(c[it]!);
      const sText = c[is]!.trim();
      if (t === null) {
        missing++; // no ideal point: nothing to place (the 2019 table's Liberia row has no session either)
        continue;
      }
      let ok = true;
      if (t === 'invalid') {
        problems.add(row.line, layout.theta, `expected an ideal point (a number; empty, NA or NaN for missing), got "${c[it]!.trim()}"`);
        ok = false;
      }
      const session = /^\d+(\.0*)?$/.test(sText) ? Number.parseInt(sText, 10) : NaN;
      const y = session + SESSION_YEAR_OFFSET;
      if (!(session >= 1 && y <= READABLE_YEARS.to)) {
        problems.add(row.line, 'session', `expected a session number (1, 2, …; year = session + ${SESSION_YEAR_OFFSET}), got "${sText}"`);
        ok = false;
      } else if (iy !== -1) {
        const given = Number(c[iy]!.trim());
        if (given !== y) {
          problems.add(row.line, 'year', `the year "${c[iy]!.trim()}" is not session ${session} + ${SESSION_YEAR_OFFSET} = ${y}; the published files label each session so — check the row`);
          ok = false;
        }
      }
      const qs = quantiles.map((i) => {
        const v = numberOrMissing(c[i]!);
        if (v === 'invalid') {
          problems.add(row.line, names[i]!, `expected a posterior quantile (a number; empty, NA or NaN for missing), got "${c[i]!.trim()}"`);
          ok = false;
          return NaN;
        }
        return v ?? NaN;
      });
      const [q5, q10, q90, q95] = qs as [number, number, number, number];
      if (ok && !(q5 <= q10 && q10 <= q90 && q90 <= q95) && ![q5, q10, q90, q95].some(Number.isNaN)) {
        problems.add(row.line, layout.q5, `the quantiles are out of order (${layout.q5} ${q5}, ${layout.q10} ${q10}, ${layout.q90} ${q90}, ${layout.q95} ${q95}); they must not decrease`);
        ok = false;
      }
      let s: Iso3 | null = null;
      try {
        s = crosswalk.resolve('cow', c[ic]!, Number.isFinite(y) ? y : undefined);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        problems.add(row.line, 'ccode', `${e.message}; expected a COW state code`);
        ok = false;
      }
      if (!ok || s === null || t === 'invalid') continue;
      const key = `${s} ${y}`;
      const prev = seenAt.get(key);
      if (prev !== undefined) {
        if (code[prev] === c[ic]!.trim()) {
          problems.add(row.line, undefined, `COW ${c[ic]!.trim()} in session ${session} is already given on line ${lineOf[prev]}; keep one row`);
        } else {
          const set = collided.get(key) ?? new Set([code[prev]!]);
          set.add(c[ic]!.trim());
          collided.set(key, set);
        }
        continue;
      }
      seenAt.set(key, state.length);
      lineOf.push(row.line);
      code.push(c[ic]!.trim());
      state.push(s);
      year.push(y);
      theta.push(t);
      qs.forEach((v, k) => q[k]!.push(v));
    }
    problems.throwIfAny();
    // a state-year under two codes (after the succession rules): no single ideal point, drop both
    const drop = new Set([...collided.keys()].map((k) => seenAt.get(k)!));
    const keep = (a: readonly number[]) => a.filter((_, i) => !drop.has(i));
    const points: StateYearIdealPoints = {
      count: state.length - drop.size,
      state: state.filter((_, i) => !drop.has(i)),
      year: Int32Array.from(keep(year)),
      theta: Float64Array.from(keep(theta)),
      q5: Float64Array.from(keep(q[0]!)),
      q10: Float64Array.from(keep(q[1]!)),
      q90: Float64Array.from(keep(q[2]!)),
      q95: Float64Array.from(keep(q[3]!)),
    };
    const collisions = [...collided].map(([k, codes]) => `${k} (COW ${[...codes].join(', ')})`).sort();
    return { points, dimension, layout: layout.name, missing, collisions };
  });
}
