/**
 * The index series a validity report measures, as a table of named series: the level index
 * and, when the score table carries them, the other index series (chain-linked, latent, …).
 * Adding a series is one row of {@link INDEX_SERIES_COLUMNS}. Derived series — the same
 * scoring with some indicators left out ("leave alliances out") — are made by the caller
 * from a table scored without them ({@link indexSeriesOf} with `leftOut`).
 */
import type { ExplainModel } from './explain.js';
import type { ScoreTable } from '../core/score-table.js';

/** One named index column a score table may carry. */
export interface IndexSeriesColumn {
  /** The series' name, as `validity.csv` writes it in `series`. */
  readonly name: string;
  readonly description: string;
  /** The column aligned with the table's rows (NaN = no index), or null when the table does not have it. */
  values(table: ScoreTable): Float64Array | null;
}

/** An extra column of a score table by name, or null. @example extraColumn(table, 'index_chained') // null before chain-linking */
export function extraColumn(table: ScoreTable, column: string): Float64Array | null {
  return table.extras.find((e) => e.column === column)?.values ?? null;
}

/**
 * The index series, in report order: `index` (the level index), `index_chained` (chain-linked
 * over the indicators present in both years), `index_latent` (the latent measurement model) —
 * each measured when the score table has it.
 */
export const INDEX_SERIES_COLUMNS: readonly IndexSeriesColumn[] = [
  { name: 'index', description: 'the index as scored (weighted aggregation of the indicators present)', values: (t) => t.index },
  { name: 'index_chained', description: 'the chain-linked index (each change on the indicators present in both years)', values: (t) => t.indexChained ?? extraColumn(t, 'index_chained') },
  { name: 'index_latent', description: 'the posterior mean of the latent alignment', values: (t) => extraColumn(t, 'index_latent') },
];

/** One index series to measure, with the scored table it comes from. */
export interface IndexSeries {
  /** `index`, `index_chained`, …, or a derived name such as `index_without_alliance`. */
  readonly name: string;
  /** Aligned with `table.keys`; NaN = no index. */
  readonly values: Float64Array;
  /** The scored table the series belongs to (its keys, indicators and contributions). */
  readonly table: ScoreTable;
  /** How that table aggregates (for the split of a change into value and coverage parts). */
  readonly model: ExplainModel;
  /** The families of the indicators the series is computed from. */
  readonly families: ReadonlySet<string>;
  /** Indicator ids left out of the scoring (empty for the configured index). */
  readonly leftOut: readonly string[];
  /**
   * Set for a diagnostic series that is one indicator's normalised column (`<id>_norm`), not
   * an index: criterion and convergent metrics are measured on it, boundary artefacts are not.
   */
  readonly indicator?: string | undefined;
}

/**
 * The series of a scored table, in {@link INDEX_SERIES_COLUMNS} order, each named after its
 * column, or `<column>_without_<ids>` when the table was scored with `leftOut` indicators left out.
 * @example indexSeriesOf(table, model, new Set(['un_votes']))[0].name // 'index'
 * @example indexSeriesOf(t2, m2, fams, ['alliance'])[0].name // 'index_without_alliance'
 */
export function indexSeriesOf(table: ScoreTable, model: ExplainModel, families: ReadonlySet<string>, leftOut: readonly string[] = []): IndexSeries[] {
  const suffix = leftOut.length > 0 ? `_without_${leftOut.join('_')}` : '';
  const out: IndexSeries[] = [];
  for (const c of INDEX_SERIES_COLUMNS) {
    const values = c.values(table);
    if (values !== null) out.push({ name: c.name + suffix, values, table, model, families, leftOut });
  }
  return out;
}

/**
 * One diagnostic series per indicator of a scored table: its normalised column
 * (`<id>_norm`, polarity applied, so higher = more aligned; NaN where the indicator is
 * missing), computed from that indicator's family only. Measuring the criteria on them says
 * which inputs separate allies from rivals and which limit the index.
 * @example indicatorSeriesOf(table, model, ['un_votes', 'arms_transfers']).map((s) => s.name) // ['un_norm', 'arms_norm']
 */
export function indicatorSeriesOf(table: ScoreTable, model: ExplainModel, familyOfIndicator: readonly string[]): IndexSeries[] {
  return table.ids.map((id, i) => ({
    name: `${id}_norm`,
    values: table.norm[i]!,
    table,
    model,
    families: new Set([familyOfIndicator[i]!]),
    leftOut: [],
    indicator: id,
  }));
}
