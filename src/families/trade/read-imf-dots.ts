/**
 * Reader of IMF Direction of Trade Statistics (DOTS) tables as exported from the IMF data
 * portal for one reporter: a wide table `Counterpart Country, 2011, 2012, …` with one row per
 * partner and one column per year, values in million USD as reported by the reporter —
 * exports valued FOB or imports valued CIF. The reporter and the flow are not in the table;
 * the source block declares them (`reporter:`, `flow:`).
 *
 * - Aggregate rows (`World`, `Euro Area`, `Advanced Economies`, `… not specified`,
 *   `Memorandum Items`, …) are skipped and listed in the notes.
 * - Partners that are not states (Hong Kong, Aruba, West Bank and Gaza, …) are used when the
 *   crosswalk resolves them, otherwise skipped and listed in the notes.
 * - An empty cell means "not reported": missing, never 0. A partner absent from the table is
 *   unknown too, so `zeroInsideCoverage` is false.
 * - The table covers only the reporter's side: the reporter's total trade may be summed over
 *   its partners, a partner's total needs a totals file (`totals:`).
 */
import type { Crosswalk } from '../../domain/crosswalk.js';
import type { Iso3 } from '../../domain/country.js';
import { yearRanges, type YearRange } from '../../domain/year.js';
import { InputError, UnknownCountryError } from '../../domain/errors.js';
import type { StateYearTable } from '../../domain/state-year-table.js';
import { FlowListBuilder, NO_FLOWS } from './flow-list.js';
import type { TradeFlowSet } from './trade-flow-set.js';
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, parseNumberCell, parseYearCell, READABLE_YEARS, withCsvRows } from '../../format/read-csv.js';

/**
 * The flow a DOTS table reports: the reporter's exports (FOB) or imports (CIF).
 * @example const flow: DotsFlow = 'exports';
 */
export type DotsFlow = 'exports' | 'imports';

/**
 * Names of the DOTS flows.
 * @example DOTS_FLOWS // ['exports', 'imports']
 */
export const DOTS_FLOWS: readonly DotsFlow[] = ['exports', 'imports'];

/** Exact names (lower case) of DOTS aggregate rows. */
const AGGREGATE_NAMES = new Set([
  'world',
  'advanced economies',
  'euro area',
  'european union',
  'emerging and developing economies',
  'emerging and developing asia',
  'emerging and developing europe',
  'middle east and central asia',
  'middle east, north africa, afghanistan, and pakistan',
  'middle east',
  'sub-saharan africa',
  'western hemisphere',
  'africa',
  'europe',
  'asia',
  'memorandum items',
  'special categories',
  'commonwealth of independent states',
  'export earnings: fuel',
  'export earnings: nonfuel',
]);

/** Name patterns of DOTS aggregate rows. */
const AGGREGATE_PATTERNS: readonly RegExp[] = [/not specified$/i, /not included elsewhere$/i, /\bn\.i\.e\.?$/i, /^emerging market and developing economies/i, /^emerging and developing /i];

/**
 * Whether a DOTS `Counterpart Country` is an aggregate (a region, a group or a residual row),
 * not a partner.
 * @example isDotsAggregate('Euro Area') // true
 * @example isDotsAggregate('Asia not specified') // true
 * @example isDotsAggregate('Iran, Islamic Rep. of') // false
 */
export function isDotsAggregate(name: string): boolean {
  const n = name.trim();
  return AGGREGATE_NAMES.has(n.toLowerCase()) || AGGREGATE_PATTERNS.some((p) => p.test(n));
}

/**
 * DOTS partners that are not sovereign states (dependencies, special regions, territories);
 * skipped (and listed in the notes) when the crosswalk does not resolve them.
 */
const NON_STATE_PARTNERS = new Set(
  [
    'China, P.R.: Hong Kong',
    'China, P.R.: Macao',
    'Aruba, Kingdom of the Netherlands',
    'Curaçao, Kingdom of the Netherlands',
    'Sint Maarten, Kingdom of the Netherlands',
    'Netherlands Antilles',
    'American Samoa',
    'Guam',
    'French Polynesia',
    'New Caledonia',
    'Faroe Islands',
    'Gibraltar',
    'Greenland',
    'Bermuda',
    'Anguilla',
    'Montserrat',
    'Falkland Islands (Malvinas)',
    'West Bank and Gaza',
    'Holy See',
  ].map((s) => s.toLowerCase()),
);

/**
 * Options of {@link readImfDots}.
 * @example const o: ReadImfDotsOptions = { reporter: 'RUS' as Iso3, flow: 'imports' };
 */
export interface ReadImfDotsOptions {
  /** The state whose table this is (declared in the source block). */
  readonly reporter: Iso3;
  /** What the values are: the reporter's exports to, or imports from, each partner. */
  readonly flow: DotsFlow;
  /** Keep only these years (the coverage is still the table's). */
  readonly years?: YearRange | null;
  /** Total trade per state-year from a totals file, for the partners. */
  readonly totals?: StateYearTable | null;
  /** Label of the source in notes (default: the file path). */
  readonly label?: string;
}

/**
 * Reads a DOTS wide table into directed flows: `exports` become exporter-reported flows
 * reporter → partner, `imports` importer-reported flows partner → reporter.
 * @throws {InputError} with every problem: a header without `Counterpart Country` or with a
 * non-year column, ragged rows, non-numeric or negative values, unknown partner names (with
 * the closest spellings), a partner listed twice with different values.
 * @example
 * const set = await readImfDots(path, crosswalk, { reporter: RUS, flow: 'exports' });
 * flowTable(set.exporterReports).get(RUS, IRN, 2011) // 3271.8… (Russia's exports to Iran, FOB)
 */
export async function readImfDots(file: string, crosswalk: Crosswalk, options: ReadImfDotsOptions): Promise<TradeFlowSet> {
  const problems = new ProblemList(file);
  return withCsvRows(file, async (rows) => {
    const first = await rows.next();
    if (first.done) throw new InputError([{ file, line: 0, message: 'the file is empty; expected a header "Counterpart Country,<year>,<year>,…"' }]);
    const header = first.value;
    const head0 = header.cells[0]!.trim();
    if (head0 !== 'Counterpart Country' && head0 !== '') {
      throw new InputError([
        {
          file,
          line: header.line,
          column: 1,
          message: `expected the first column "Counterpart Country" (or a blank header cell) of a DOTS table, got "${head0}"; remove title lines above the table`,
        },
      ]);
    }
    const years: number[] = [];
    header.cells.slice(1).forEach((c, i) => {
      const t = c.trim();
      const y = parseYearCell(t);
      if (y !== null) years.push(y);
      else {
        problems.add(header.line, i + 2, `expected a four-digit year (${READABLE_YEARS.from}–${READABLE_YEARS.to}) as column header, got "${t}"; only annual DOTS tables are supported`);
        years.push(NaN);
      }
    });
    problems.throwIfAny();
    const yf = options.years ?? null;
    const keep = years.map((y) => yf === null || (y >= yf.from && y <= yf.to));
    const reporter = options.reporter;
    const flows = new FlowListBuilder();
    const aggregates: string[] = [];
    const nonStates: string[] = [];
    const seenName = new Map<string, { line: number; cells: readonly string[] }>();
    const seenState = new Map<Iso3, { line: number; name: string }>();
    let repeated = 0;
    let empty = 0;
    let selfRows = 0;
    for await (const row of rows) {
      if (!checkWidth(problems, row, header.cells.length)) continue;
      const name = row.cells[0]!.trim();
      if (name === '') {
        problems.add(row.line, 'Counterpart Country', 'empty partner name; remove the row or name the partner');
        continue;
      }
      if (isDotsAggregate(name)) {
        if (!aggregates.includes(name)) aggregates.push(name);
        continue;
      }
      const before = seenName.get(name);
      if (before) {
        if (before.cells.every((c, i) => c.trim() === row.cells[i]!.trim())) repeated++;
        else problems.add(row.line, 'Counterpart Country', `"${name}" is listed again with other values (first on line ${before.line}); keep one row`);
        continue;
      }
      seenName.set(name, row);
      const values = row.cells.slice(1).map((c, i) => {
        const v = parseNumberCell(c);
        if (v === 'invalid' || (v !== null && v < 0)) {
          problems.add(row.line, header.cells[i + 1]!.trim(), `expected a flow in million USD (a number ≥ 0, or an empty cell when not reported), got "${c.trim()}"`);
          return null;
        }
        return v;
      });
      let partner: Iso3 | null;
      try {
        partner = crosswalk.resolve('name', name);
      } catch (e) {
        if (!(e instanceof UnknownCountryError)) throw e;
        if (NON_STATE_PARTNERS.has(name.toLowerCase())) nonStates.push(name);
        else problems.add(row.line, 'Counterpart Country', `${e.message}; the crosswalk lacks this IMF spelling`);
        continue;
      }
      if (partner === reporter) {
        selfRows++;
        continue;
      }
      const other = seenState.get(partner);
      if (other) {
        problems.add(row.line, 'Counterpart Country', `"${name}" and "${other.name}" (line ${other.line}) are both ${partner}; keep one row`);
        continue;
      }
      seenState.set(partner, { line: row.line, name });
      values.forEach((v, i) => {
        if (!keep[i]) return;
        if (v === null) empty++;
        else if (options.flow === 'exports') flows.push(reporter, partner, years[i]!, v);
        else flows.push(partner, reporter, years[i]!, v);
      });
    }
    problems.throwIfAny();
    const label = options.label ?? file;
    const ys = years.filter((y) => y === y);
    const notes = [`${label}: DOTS ${options.flow} of ${reporter} with ${seenState.size} partner(s), ${Math.min(...ys)}–${Math.max(...ys)}; ${empty} empty cell(s) = not reported, kept missing`];
    if (aggregates.length > 0) notes.push(`${label}: ${aggregates.length} aggregate row(s) skipped: ${aggregates.join('; ')}`);
    if (nonStates.length > 0) notes.push(`${label}: ${nonStates.length} non-state partner(s) skipped: ${nonStates.join('; ')}`);
    if (repeated > 0) notes.push(`${label}: ${repeated} partner row(s) repeated with identical values, read once`);
    if (selfRows > 0) notes.push(`${label}: the reporter's own row skipped`);
    return {
      label,
      importerReports: options.flow === 'imports' ? flows.finish() : NO_FLOWS,
      exporterReports: options.flow === 'exports' ? flows.finish() : NO_FLOWS,
      coverage: yearRanges(ys),
      completeFor: new Set([reporter]),
      totals: options.totals ?? null,
      notes,
    };
  });
}
