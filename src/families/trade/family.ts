/**
 * The `trade` family: bilateral trade from COW Dyadic Trade (v3.0/v4.0), IMF DOTS tables and
 * generic directed flows, turned into shares, salience, symmetry, interdependence and
 * dependence (this family's README.md).
 */
import { z } from 'zod';
import { CODE_SYSTEMS, type CodeSystem } from '../../domain/code-system.js';
import type { Crosswalk } from '../../domain/crosswalk.js';
import { isIso3Shape, type Iso3 } from '../../domain/country.js';
import { mergeRanges } from '../../domain/year.js';
import { AppError, UnknownCountryError } from '../../domain/errors.js';
import { type Family, type IndicatorData, type IndicatorSpec, type InputFile, type LoadContext, measureTableOf } from '../family.js';
import { computeTrade, MIN_TOTAL_PARTNERS } from './compute-trade.js';
import { MIRROR_RULE_NAMES, type MirrorRuleName } from './mirror-rules.js';
import type { StateYearTable } from '../../domain/state-year-table.js';
import type { TradeFlowSet } from './trade-flow-set.js';
import { TRADE_MEASURE_NAMES, tradeMeasures, type TradeMeasureName } from './trade-measures.js';
import { hashFile } from '../../format/hash-file.js';
import { COW_FLOW_KINDS, readCowTrade } from './read-cow-trade.js';
import { DOTS_FLOWS, readImfDots } from './read-imf-dots.js';
import { readStateYearValues } from './read-state-year-values.js';
import { readTradeFlows } from './read-trade-flows.js';

const enumOf = <T extends string>(values: readonly T[]) => z.enum(values as unknown as [T, ...T[]]);
const path = z.string().min(1, 'give the path of the file');

/** A `state,year,<value>` file: a path (ISO3 codes), or `{ path, codes }`. */
const stateYearFileSchema = z.union([path, z.strictObject({ path, codes: enumOf(CODE_SYSTEMS).default('iso3') })]);
type StateYearFileRef = z.infer<typeof stateYearFileSchema>;

/** Source blocks of the trade family, one per `format:`. */
const cowTradeSourceSchema = z.strictObject({
  format: z.literal('cow_trade'),
  path,
  /** `raw` (flow1/flow2, default) or `smoothed` (smoothflow1/smoothflow2, COW v4.0 only). */
  flows: enumOf(COW_FLOW_KINDS).default('raw'),
});
const imfDotsSourceSchema = z.strictObject({
  format: z.literal('imf_dots'),
  path,
  /** The reporting state: an ISO3 code (`RUS`) or a name the crosswalk knows. */
  reporter: z.string().min(1, 'name the reporting state, e.g. RUS'),
  /** What the table holds: the reporter's `exports` (FOB) or `imports` (CIF). */
  flow: enumOf(DOTS_FLOWS),
  /** Total trade per state-year (`state,year,total`) for the partners' shares. */
  totals: stateYearFileSchema.optional(),
});
const tradeFlowsSourceSchema = z.strictObject({
  format: z.literal('trade_flows'),
  path,
  /** Code system of `state_a`/`state_b` (default `iso3`). */
  codes: enumOf(CODE_SYSTEMS).default('iso3'),
  /** Whose records the values are (default `importer`). */
  reported_by: z.enum(['importer', 'exporter']).default('importer'),
  totals: stateYearFileSchema.optional(),
});

/**
 * Zod schema of one trade source block (discriminated on `format`).
 * @example tradeSourceSchema.parse({ format: 'cow_trade', path: 'x.csv' }) // { format: 'cow_trade', path: 'x.csv', flows: 'raw' }
 */
export const tradeSourceSchema = z.discriminatedUnion('format', [cowTradeSourceSchema, imfDotsSourceSchema, tradeFlowsSourceSchema]);
type TradeSource = z.infer<typeof tradeSourceSchema>;
type TradeFormat = TradeSource['format'];

/**
 * Zod schema of the trade family's own keys of an indicator block.
 * @example tradeOptionsSchema.parse({}) // { mirror: 'importer' }
 */
export const tradeOptionsSchema = z.strictObject({
  /** How the importer's and the exporter's report of one flow are reconciled (default `importer`). */
  mirror: enumOf<MirrorRuleName>(MIRROR_RULE_NAMES).default('importer'),
  /** GDP per state-year (`state,year,gdp`, current million USD), for `share_gdp` and `dependence_gdp`. */
  gdp: stateYearFileSchema.optional(),
});
type TradeOptions = z.infer<typeof tradeOptionsSchema>;

/** A source read: its flows and the files behind them. */
interface LoadedSource {
  readonly set: TradeFlowSet;
  readonly inputs: readonly InputFile[];
}

type SourceLoader<F extends TradeFormat> = (src: Extract<TradeSource, { format: F }>, spec: IndicatorSpec, at: string, ctx: LoadContext) => Promise<LoadedSource>;

/** One loader per source format (the strategy table). */
const sourceLoaders: { readonly [F in TradeFormat]: SourceLoader<F> } = {
  cow_trade: async (src, _spec, _at, ctx) => {
    const file = ctx.resolvePath(src.path);
    const set = await readCowTrade(file, ctx.crosswalk, { flows: src.flows, label: src.path });
    return { set, inputs: [await input(file, 'path')] };
  },
  imf_dots: async (src, _spec, at, ctx) => {
    const file = ctx.resolvePath(src.path);
    const reporter = resolveReporter(ctx.crosswalk, src.reporter, `${at}.reporter`);
    const totals = src.totals ? await readStateYearFile(src.totals, 'total', ctx) : null;
    const set = await readImfDots(file, ctx.crosswalk, { reporter, flow: src.flow, totals: totals?.table ?? null, label: src.path });
    return { set, inputs: [await input(file, 'path'), ...(totals ? [totals.input] : [])] };
  },
  trade_flows: async (src, _spec, _at, ctx) => {
    const file = ctx.resolvePath(src.path);
    const totals = src.totals ? await readStateYearFile(src.totals, 'total', ctx) : null;
    const set = await readTradeFlows(file, ctx.crosswalk, { codes: src.codes, reportedBy: src.reported_by, totals: totals?.table ?? null, label: src.path });
    return { set, inputs: [await input(file, 'path'), ...(totals ? [totals.input] : [])] };
  },
};

async function input(file: string, role: string): Promise<InputFile> {
  return { path: file, sha256: await hashFile(file), role };
}

async function readStateYearFile(ref: StateYearFileRef, column: 'total' | 'gdp', ctx: LoadContext): Promise<{ table: StateYearTable; input: InputFile }> {
  const { path: p, codes } = typeof ref === 'string' ? { path: ref, codes: 'iso3' as CodeSystem } : ref;
  const file = ctx.resolvePath(p);
  const table = await readStateYearValues(file, ctx.crosswalk, { codes, column });
  return { table, input: await input(file, column === 'total' ? 'totals' : 'gdp') };
}

/**
 * A trade indicator whose keys do not fit together (a GDP measure without `gdp:`, an unknown
 * DOTS reporter). Exit 2; the loader places it at the indicator in the config file.
 * @example new TradeConfigError('measure share_gdp needs a GDP file').code // 'E_CONFIG'
 */
export class TradeConfigError extends AppError {
  readonly code = 'E_CONFIG';
}

function resolveReporter(crosswalk: Crosswalk, raw: string, at: string): Iso3 {
  const t = raw.trim();
  const byCode = isIso3Shape(t) ? crosswalk.tryResolve('iso3', t) : null;
  if (byCode) return byCode;
  try {
    return crosswalk.resolve('name', t);
  } catch (e) {
    if (!(e instanceof UnknownCountryError)) throw e;
    throw new TradeConfigError(`${at}: ${e.message}; set \`reporter:\` to an ISO3 code (e.g. RUS) or a known name`);
  }
}

/**
 * The trade family: reads COW Dyadic Trade files (`cow_trade`), IMF DOTS tables
 * (`imf_dots`) and generic directed flows (`trade_flows`), reconciles mirror flows, sums each
 * state's total trade and computes one of the measures of {@link tradeMeasures}
 * (default `salience` = sqrt(share_i · share_j), 0–1).
 * @example
 * // entente.yaml
 * // trade:
 * //   family: trade
 * //   source: { format: cow_trade, path: indicators/sample/cow_trade.csv }
 * //   measure: salience
 */
export const tradeFamily: Family = {
  name: 'trade',
  defaultId: 'trade',
  title: 'Bilateral trade: shares, salience, symmetry, interdependence and dependence (COW Dyadic Trade, IMF DOTS)',
  measures: TRADE_MEASURE_NAMES,
  measureTable: measureTableOf(tradeMeasures),
  inputFiles: [{ key: 'path', in: 'source', relativeTo: 'data' }, { key: 'totals', in: 'source', relativeTo: 'data' }, { key: 'gdp', in: 'options', relativeTo: 'data' }],
  direction: 'directed',
  formats: ['cow_trade', 'imf_dots', 'trade_flows'],
  optionsSchema: tradeOptionsSchema,
  sourceSchema: tradeSourceSchema,
  citations: [
    'Barbieri, Katherine. 1996. "Economic Interdependence: A Path to Peace or a Source of Interstate Conflict?" Journal of Peace Research 33(1): 29–49.',
    'Barbieri, Katherine, Omar M. G. Keshk, and Brian Pollins. 2009. "Trading Data: Evaluating our Assumptions and Coding Rules." Conflict Management and Peace Science 26(5): 471–491.',
    'Barbieri, Katherine, and Omar M. G. Keshk. 2016. Correlates of War Project Trade Data Set Codebook, Version 4.0. https://correlatesofwar.org',
    'Oneal, John R., and Bruce Russett. 1997. "The Classical Liberals Were Right: Democracy, Interdependence, and Conflict, 1950–1985." International Studies Quarterly 41(2): 267–294.',
    'International Monetary Fund. Direction of Trade Statistics (DOTS). Washington, DC: IMF. https://data.imf.org',
  ],
  describeMeasure(measure: string): string {
    const m = tradeMeasures[measure as TradeMeasureName];
    if (!m) throw new RangeError(`unknown trade measure: ${measure}`);
    return m.description;
  },
  async load(spec: IndicatorSpec, ctx: LoadContext): Promise<IndicatorData> {
    const options: TradeOptions = tradeOptionsSchema.parse(spec.options);
    const measure = spec.measure as TradeMeasureName;
    if (!tradeMeasures[measure]) throw new RangeError(`unknown trade measure: ${measure}`);
    if (tradeMeasures[measure].needs === 'gdp' && !options.gdp) {
      throw new TradeConfigError(`measure ${measure} needs a GDP file: add \`gdp: path/to/gdp.csv\` (columns state,year,gdp in current million USD) to the indicator`);
    }
    const sets: TradeFlowSet[] = [];
    const inputs: InputFile[] = [];
    const multi = spec.sources.length > 1;
    for (const [i, raw] of spec.sources.entries()) {
      ctx.progress(`${spec.id}: reading sources`, i, spec.sources.length);
      const src = tradeSourceSchema.parse(raw);
      const at = `indicators.${spec.id}.${multi ? `sources.${i}` : 'source'}`;
      const loader = sourceLoaders[src.format] as SourceLoader<TradeFormat>;
      const loaded = await loader(src as never, spec, at, ctx);
      sets.push(loaded.set);
      inputs.push(...loaded.inputs);
    }
    ctx.progress(`${spec.id}: reading sources`, spec.sources.length, spec.sources.length);
    const gdp = options.gdp ? await readStateYearFile(options.gdp, 'gdp', ctx) : null;
    if (gdp) inputs.push(gdp.input);
    const result = computeTrade(sets, { measure, mirror: options.mirror, gdp: gdp?.table ?? null });
    return {
      values: result.values,
      coverage: mergeRanges(sets.flatMap((s) => s.coverage)),
      zeroInsideCoverage: false,
      extras: [{ suffix: 'usd_millions', table: result.trade, description: 'bilateral trade (exports + imports of the pair), current million USD', type: 'number' }],
      inputs,
      notes: [...sets.flatMap((s) => s.notes), ...result.notes],
      flags: [{ kind: 'gap_artefacts', table: result.artefacts, description: `a state's total trade summed over fewer than ${MIN_TOTAL_PARTNERS} partners (the source's gaps, e.g. COW 1914–1918, 1942–1945): shares against such a total are not shares of the state's trade` }],
    };
  },
};
