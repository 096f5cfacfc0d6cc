import { z } from 'zod';
import type { Iso3 } from '../../domain/country.js';
import { DyadYearTable } from '../../domain/dyad-year-table.js';
import { mergeRanges, yearRanges, type YearRange } from '../../domain/year.js';
import { InputError, type Problem } from '../../domain/errors.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { ALLOCATION_NAMES } from './allocate.js';
import { computeArms, type ArmsOptions } from './compute-arms.js';
import { dealKey, type SipriDeal } from './deal.js';
import type { TotalsTable } from './denominators.js';
import { ARMS_MEASURES, ARMS_MEASURE_NAMES, type ArmsMeasureName } from './measures.js';
import { PAIR_PRECEDENCE_NAMES, pairTableOf, type PairTable } from './pair-precedence.js';
import { PartyResolver, SkipTally, type RowProblem } from './party-resolver.js';
import { resolveDeals, type ResolvedDeal } from './resolve-deals.js';
import type { TivPairsTable, TivTotalsTable } from './tiv-table.js';
import { DEFAULTS } from '../../domain/defaults.js';
import { hashFile } from '../../format/hash-file.js';
import { readSipriRegister } from './read-sipri-register.js';
import { readSipriTivPairs, readSipriTivTotals } from './read-sipri-tiv.js';

const year = z.number().int().min(1000).max(4095);
const yearRange = z.strictObject({ from: year, to: year }).refine((r) => r.from <= r.to, { message: '`from` must not be after `to`' });
const encoding = z.enum(['utf8', 'latin1']).optional();

/** `format: sipri_register` — SIPRI's trade register export, raw or cleaned. */
const registerSource = z.strictObject({
  format: z.literal('sipri_register'),
  path: z.string().min(1),
  /** Text encoding; detected when absent (valid UTF-8 → utf8, else latin1). */
  encoding,
  /** Years the register covers; default: its first to last delivery year. */
  coverage: yearRange.optional(),
});

/** `format: sipri_tiv` — a SIPRI TIV table: importer or exporter totals, or supplier → recipient pairs. */
const tivSource = z.strictObject({
  format: z.literal('sipri_tiv'),
  path: z.string().min(1),
  table: z.enum(['importers', 'exporters', 'pairs']),
  encoding,
});

const sourceSchema = z.discriminatedUnion('format', [registerSource, tivSource]);

const optionsSchema = z.strictObject({
  /** How a deal's delivered TIV is spread over its delivery years. */
  allocation: z.enum(ALLOCATION_NAMES as [string, ...string[]]).default('even'),
  /** Drop deals whose order year or numbers carry SIPRI's "?". */
  exclude_uncertain: z.boolean().default(false),
  /** Half-life (years) of the `stock` measure's decay. */
  stock_half_life: z.number().positive().max(100).default(5),
  /** Trailing moving average of the yearly flows (and share denominators) before the measure; SIPRI uses 5. */
  flow_window: z.number().int().min(1).max(25).default(1),
  /** Which register values a pair table replaces: `listed` pair-years, or whole `supplier_year`s. */
  pair_precedence: z.enum(PAIR_PRECEDENCE_NAMES as [string, ...string[]]).default('listed'),
});

type RegisterSource = z.infer<typeof registerSource>;
type TivSource = z.infer<typeof tivSource>;
type Options = z.infer<typeof optionsSchema>;

/**
 * The arms transfers family (`family: arms_transfers`, default id `arms`): reads SIPRI's trade
 * register exactly as downloaded (plus optional SIPRI TIV tables) and gives one directed value
 * per supplier → recipient and year — `log_tiv` (default), `tiv`, `import_share`,
 * `export_share` or `stock`. See src/families/arms-transfers/README.md.
 * @example
 * // entente.yaml
 * // arms: { family: arms_transfers, source: { format: sipri_register, path: trade-register.csv }, measure: log_tiv }
 */
export const armsTransfersFamily: Family = {
  name: 'arms_transfers',
  defaultId: 'arms',
  title: 'Arms transfers: SIPRI trend-indicator values (TIV) delivered supplier → recipient per year',
  measures: ARMS_MEASURE_NAMES,
  measureTable: measureTableOf(ARMS_MEASURES),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }],
  direction: 'directed',
  formats: ['sipri_register', 'sipri_tiv'],
  optionsSchema,
  sourceSchema,
  citations: [
    'SIPRI Arms Transfers Database, Stockholm International Peace Research Institute, https://www.sipri.org/databases/armstransfers',
    'Kinsella, D. (1998). Arms Transfer Dependence and Foreign Policy Conflict. Journal of Peace Research 35(1) (import share as dependence).',
  ],
  describeMeasure: (m) => ARMS_MEASURES[m as ArmsMeasureName]?.description ?? `unknown measure ${m}`,
  load: loadArms,
};

async function loadArms(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
  const opts = optionsSchema.parse(spec.options) as Options;
  const sources = spec.sources as readonly (RegisterSource | TivSource)[];
  const resolver = new PartyResolver(ctx.crosswalk);
  const problems: Problem[] = [];
  let omitted = 0;
  const addProblems = (file: string, rows: readonly RowProblem[]): void => {
    for (const r of rows) {
      if (problems.length < DEFAULTS.maxErrors) problems.push({ file, line: r.line, column: r.column, message: r.message });
      else omitted++;
    }
  };
  const notes: string[] = [];
  const inputs: InputFile[] = [];
  const deals: ResolvedDeal[] = [];
  const coverage: YearRange[] = [];
  const seenDeals = new Map<string, number>();
  const pairRows: PairRow[] = [];
  const pairTotals: { supplier: Iso3; year: number }[] = [];
  let importers: TotalsTable | null = null;
  let exporters: TotalsTable | null = null;
  let hasFlows = false;

  for (const [i, s] of sources.entries()) {
    const file = ctx.resolvePath(s.path);
    ctx.progress(`${spec.id}: reading`, i, sources.length);
    if (s.format === 'sipri_register') {
      const reg = await readSipriRegister(file, { encoding: s.encoding });
      inputs.push({ path: file, sha256: await hashFile(file), role: 'register' });
      const fresh = dropRepeats(reg.deals, seenDeals, file, ctx);
      const skipped = new SkipTally();
      const r = resolveDeals(fresh, resolver, skipped);
      addProblems(file, r.problems);
      deals.push(...r.deals);
      const cov = s.coverage ?? deliveryRange(reg.deals);
      if (cov) coverage.push(cov);
      hasFlows = true;
      notes.push(
        `register ${file}: ${reg.deals.length} deal(s)` +
          (reg.generated ? ` (SIPRI data generated ${reg.generated})` : '') +
          `; header on line ${reg.headerLine}, ${reg.encoding}` +
          (reg.rejoined > 0 ? `, ${reg.rejoined} record(s) broken over two lines re-joined` : '') +
          (cov ? `; coverage ${cov.from}–${cov.to}` : '; no deliveries'),
      );
      notes.push(...skipped.lines('deal(s)'));
      if (r.selfPairs > 0) notes.push(`skipped ${r.selfPairs} deal(s) whose supplier and recipient are the same state after succession rules`);
    } else if (s.table === 'pairs') {
      const t = await readSipriTivPairs(file, { encoding: s.encoding });
      inputs.push({ path: file, sha256: await hashFile(file), role: 'pairs' });
      const skipped = new SkipTally();
      const rows: PairRow[] = [];
      addProblems(file, resolvePairs(t, resolver, skipped, rows, pairTotals));
      mergePairRows(pairRows, rows, file, ctx);
      for (const r of yearRanges(t.coveredYears)) coverage.push(r);
      hasFlows = true;
      notes.push(`pair table ${file}: ${t.rows.length} supplier→recipient value(s) for ${t.coveredYears.join(', ') || 'no year'}; they take precedence over the register's allocation`);
      notes.push(...skipped.lines('row(s)', ' of the pair table'));
    } else {
      const t = await readSipriTivTotals(file, s.table, { encoding: s.encoding });
      inputs.push({ path: file, sha256: await hashFile(file), role: s.table });
      const skipped = new SkipTally();
      const table = resolveTotals(t, resolver, skipped, (rows) => addProblems(file, rows));
      if (s.table === 'importers') importers = mergeTotals(importers, table);
      else exporters = mergeTotals(exporters, table);
      const yrs = t.coveredYears;
      notes.push(
        `${s.table === 'importers' ? 'importer' : 'exporter'} table ${file}: ${t.rows.length} row(s), years ${yrs.length > 0 ? `${yrs[0]}–${yrs[yrs.length - 1]}` : 'none'}; used as the ${s.table === 'importers' ? 'import_share' : 'export_share'} denominator`,
      );
      notes.push(...skipped.lines('row(s)', ` of the ${s.table === 'importers' ? 'importer' : 'exporter'} table`));
    }
  }
  ctx.progress(`${spec.id}: reading`, sources.length, sources.length);
  if (problems.length > 0) throw new InputError(problems, omitted, `${spec.id}: ${problems.length + omitted} problem(s) in the arms sources; nothing was written`);
  if (!hasFlows) {
    throw new InputError([
      {
        file: sources[0] ? ctx.resolvePath(sources[0].path) : spec.id,
        line: 0,
        message: `indicator "${spec.id}" has only importer/exporter tables; add a source with format sipri_register (or sipri_tiv with table: pairs) — totals alone give no supplier→recipient values`,
      },
    ]);
  }
  const merged = mergeRanges(coverage);
  const range = merged.length > 0 ? { from: merged[0]!.from, to: merged[merged.length - 1]!.to } : null;
  if (range === null) {
    return { values: new DyadYearTable(true), coverage: [], zeroInsideCoverage: true, extras: [], inputs, notes };
  }
  const pairTable: PairTable | null = pairRows.length > 0 || pairTotals.length > 0 ? pairTableOf(pairRows, pairTotals) : null;
  const options: ArmsOptions = {
    allocation: opts.allocation as ArmsOptions['allocation'],
    excludeUncertain: opts.exclude_uncertain,
    stockHalfLife: opts.stock_half_life,
    flowWindow: opts.flow_window,
    pairPrecedence: opts.pair_precedence as ArmsOptions['pairPrecedence'],
  };
  const result = computeArms({ deals, pairTable, importers, exporters, range }, spec.measure as ArmsMeasureName, options);
  return { values: result.values, coverage: merged, zeroInsideCoverage: true, extras: [], inputs, notes: [...notes, ...result.notes] };
}

/** Deals already read from an earlier register of the same indicator are dropped (and warned about). */
function dropRepeats(deals: readonly SipriDeal[], seen: Map<string, number>, file: string, ctx: LoadContext): SipriDeal[] {
  const before = new Map(seen);
  const out: SipriDeal[] = [];
  for (const d of deals) {
    const k = dealKey(d);
    const left = before.get(k) ?? 0;
    if (left > 0) {
      before.set(k, left - 1);
      ctx.warn({ kind: 'duplicate-across-sources', message: `deal ${d.supplier} → ${d.recipient} ${d.weaponDesignation} (ordered ${d.orderYear ?? '?'}) is also in an earlier register; the first copy is kept`, file, line: d.line });
      continue;
    }
    seen.set(k, (seen.get(k) ?? 0) + 1);
    out.push(d);
  }
  return out;
}

function deliveryRange(deals: readonly SipriDeal[]): YearRange | null {
  let from = Infinity;
  let to = -Infinity;
  for (const d of deals) {
    for (const y of d.deliveryYears) {
      if (y < from) from = y;
      if (y > to) to = y;
    }
  }
  return from <= to ? { from, to } : null;
}

/** One resolved supplier → recipient value of a pair table. */
interface PairRow {
  readonly supplier: Iso3;
  readonly recipient: Iso3;
  readonly year: number;
  readonly value: number;
}

/**
 * Adds a pair table's rows to those of earlier pair tables; a pair-year an earlier table
 * already gives is a duplicate (warned, the first table's value kept). Within one table, rows
 * resolving to the same pair-year (e.g. `Soviet Union` and `Russia`) are summed later.
 */
function mergePairRows(into: PairRow[], rows: readonly PairRow[], file: string, ctx: LoadContext): void {
  const seen = new Set(into.map((r) => `${r.supplier}>${r.recipient}:${r.year}`));
  for (const r of rows) {
    if (seen.has(`${r.supplier}>${r.recipient}:${r.year}`)) {
      ctx.warn({ kind: 'duplicate-across-sources', message: `${r.supplier} → ${r.recipient} ${r.year} is also in an earlier pair table; the first table's value is kept`, file });
      continue;
    }
    into.push(r);
  }
}

function resolvePairs(
  t: TivPairsTable,
  resolver: PartyResolver,
  skipped: SkipTally,
  rows: PairRow[],
  totals: { supplier: Iso3; year: number }[],
): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const r of t.rows) {
    const sup = resolver.resolve(r.supplier, r.year);
    const rec = resolver.resolve(r.recipient, r.year);
    if (sup.kind === 'unknown_name') problems.push({ line: r.line, column: 'Supplier', message: sup.message });
    if (rec.kind === 'unknown_name') problems.push({ line: r.line, column: 'Recipient', message: rec.message });
    if (sup.kind === 'unknown_name' || rec.kind === 'unknown_name') continue;
    if (sup.kind !== 'state') skipped.add(r.supplier, sup.kind, r.value);
    if (rec.kind !== 'state') skipped.add(r.recipient, rec.kind, r.value);
    if (sup.kind !== 'state' || rec.kind !== 'state') {
      skipped.addRow(r.value);
      continue;
    }
    if (sup.code === rec.code) continue;
    rows.push({ supplier: sup.code, recipient: rec.code, year: r.year, value: r.value });
  }
  for (const s of t.supplierTotals) {
    const sup = resolver.resolve(s.supplier, s.year);
    if (sup.kind === 'unknown_name') problems.push({ line: s.line, column: 'Recipient', message: sup.message });
    else if (sup.kind === 'state') totals.push({ supplier: sup.code, year: s.year });
  }
  return problems;
}

function resolveTotals(t: TivTotalsTable, resolver: PartyResolver, skipped: SkipTally, report: (rows: RowProblem[]) => void): TotalsTable {
  const values = new Map<Iso3, Map<number, number>>();
  const problems: RowProblem[] = [];
  const column = t.kind === 'importers' ? 'Recipient' : 'Exports by';
  for (const row of t.rows) {
    const r = resolver.resolve(row.name);
    if (r.kind === 'unknown_name') {
      problems.push({ line: row.line, column, message: r.message });
      continue;
    }
    if (r.kind !== 'state') {
      let tiv = 0;
      for (const v of row.values.values()) tiv += v;
      skipped.add(row.name, r.kind, tiv);
      skipped.addRow(tiv);
      continue;
    }
    let m = values.get(r.code);
    if (!m) values.set(r.code, (m = new Map()));
    for (const [y, v] of row.values) m.set(y, (m.get(y) ?? 0) + v);
  }
  report(problems);
  return { values, coveredYears: new Set(t.coveredYears) };
}

function mergeTotals(a: TotalsTable | null, b: TotalsTable): TotalsTable {
  if (a === null) return b;
  const values = new Map<Iso3, Map<number, number>>();
  for (const t of [a, b]) {
    for (const [state, m] of t.values) {
      let out = values.get(state);
      if (!out) values.set(state, (out = new Map()));
      for (const [y, v] of m) if (!out.has(y)) out.set(y, v);
    }
  }
  return { values, coveredYears: new Set([...a.coveredYears, ...b.coveredYears]) };
}
