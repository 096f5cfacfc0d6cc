/**
 * The trade measures (this family's README.md): from a pair's bilateral trade and each side's share
 * of it, one number per pair-year. Barbieri (1996) for share, salience, symmetry and
 * interdependence; Oneal & Russett (1997) for the weak-link dependence and trade/GDP.
 */

/**
 * Names accepted by `measure:` for the trade family; `salience` is the default.
 * @example const m: TradeMeasureName = 'interdependence';
 */
export type TradeMeasureName = 'salience' | 'total' | 'share' | 'symmetry' | 'interdependence' | 'dependence' | 'share_gdp' | 'dependence_gdp';

/**
 * What a measure sees of one pair-year, from side `a` (for directed measures: a → b).
 * @example const f: DyadTradeFacts = { trade: 10, shareA: 0.04, shareB: 0.25, gdpRatioA: null, gdpRatioB: null };
 */
export interface DyadTradeFacts {
  /** Bilateral trade X_ab + X_ba, current million USD, ≥ 0. */
  readonly trade: number;
  /** a's share: trade / total trade of a; `null` when a's total is unknown or 0. */
  readonly shareA: number | null;
  /** b's share: trade / total trade of b. */
  readonly shareB: number | null;
  /** trade / GDP of a; `null` without a GDP of a (or when it is 0). */
  readonly gdpRatioA: number | null;
  /** trade / GDP of b. */
  readonly gdpRatioB: number | null;
}

/**
 * One measure: whether it is directed, what it needs, and its formula.
 * @example tradeMeasures.share.directed // true
 */
export interface TradeMeasure {
  /** Directed measures give a → b and b → a values (the core then applies `combine:`). */
  readonly directed: boolean;
  /** Inputs beyond bilateral trade: state totals (`totals`) or GDP (`gdp`). */
  readonly needs: 'trade' | 'totals' | 'gdp';
  /** Unit of the raw value (the README's measure table). */
  readonly unit: string;
  /** Range of the raw value: [min, max], `Infinity` = unbounded. */
  readonly range: readonly [number, number];
  /** Unit and meaning of the raw value, for the data package. */
  readonly description: string;
  /** The value for the pair-year (seen from a), or `null` when it cannot be computed. */
  value(f: DyadTradeFacts): number | null;
}

const both = (x: number | null, y: number | null): x is number => x !== null && y !== null;

/**
 * The measures by name (formulas with s_i = trade_ij / total_i):
 * - `salience` = sqrt(s_i · s_j), in [0, 1] — Barbieri 1996; how much the pair matters to both.
 * - `total` = ln(1 + trade_ij), ≥ 0 — raw size of the relationship (log of million USD).
 * - `share` (directed i → j) = s_i, in [0, 1] — i's trade with j over i's total trade.
 * - `symmetry` = 1 − |s_i − s_j|, in [0, 1] — Barbieri 1996; 1 = equally important to both.
 * - `interdependence` = salience × symmetry, in [0, 1] — Barbieri 1996.
 * - `dependence` = min(s_i, s_j), in [0, 1] — weak link (Oneal & Russett 1997, on shares).
 * - `share_gdp` (directed i → j) = trade_ij / GDP_i, ≥ 0 — Oneal & Russett's dependence_i.
 * - `dependence_gdp` = min(trade_ij / GDP_i, trade_ij / GDP_j), ≥ 0 — Oneal & Russett's weak link.
 * @example tradeMeasures.salience.value({ trade: 10, shareA: 0.04, shareB: 0.25, gdpRatioA: null, gdpRatioB: null }) // 0.1
 * @example tradeMeasures.symmetry.value({ trade: 10, shareA: 0.04, shareB: 0.25, gdpRatioA: null, gdpRatioB: null }) // 0.79
 */
export const tradeMeasures: Readonly<Record<TradeMeasureName, TradeMeasure>> = {
  salience: {
    unit: 'share',
    range: [0, 1],
    directed: false,
    needs: 'totals',
    description: 'trade salience sqrt(share_a · share_b), 0–1 (Barbieri 1996)',
    value: (f) => (both(f.shareA, f.shareB) ? Math.sqrt(f.shareA * f.shareB!) : null),
  },
  total: {
    unit: 'log USD millions',
    range: [0, Infinity],
    directed: false,
    needs: 'trade',
    description: 'ln(1 + bilateral trade in current million USD)',
    value: (f) => Math.log1p(f.trade),
  },
  share: {
    unit: 'share',
    range: [0, 1],
    directed: true,
    needs: 'totals',
    description: "a's trade with b over a's total trade, 0–1 (directed a → b)",
    value: (f) => f.shareA,
  },
  symmetry: {
    unit: 'similarity',
    range: [0, 1],
    directed: false,
    needs: 'totals',
    description: 'trade symmetry 1 − |share_a − share_b|, 0–1 (Barbieri 1996)',
    value: (f) => (both(f.shareA, f.shareB) ? 1 - Math.abs(f.shareA - f.shareB!) : null),
  },
  interdependence: {
    unit: 'index',
    range: [0, 1],
    directed: false,
    needs: 'totals',
    description: 'trade interdependence salience × symmetry, 0–1 (Barbieri 1996)',
    value: (f) => (both(f.shareA, f.shareB) ? Math.sqrt(f.shareA * f.shareB!) * (1 - Math.abs(f.shareA - f.shareB!)) : null),
  },
  dependence: {
    unit: 'share',
    range: [0, 1],
    directed: false,
    needs: 'totals',
    description: 'weak-link trade dependence min(share_a, share_b), 0–1 (after Oneal & Russett 1997)',
    value: (f) => (both(f.shareA, f.shareB) ? Math.min(f.shareA, f.shareB!) : null),
  },
  share_gdp: {
    unit: 'share of GDP',
    range: [0, Infinity],
    directed: true,
    needs: 'gdp',
    description: "bilateral trade over a's GDP, ≥ 0 (directed a → b; Oneal & Russett 1997)",
    value: (f) => f.gdpRatioA,
  },
  dependence_gdp: {
    unit: 'share of GDP',
    range: [0, Infinity],
    directed: false,
    needs: 'gdp',
    description: 'weak-link dependence min(trade/GDP_a, trade/GDP_b), ≥ 0 (Oneal & Russett 1997)',
    value: (f) => (both(f.gdpRatioA, f.gdpRatioB) ? Math.min(f.gdpRatioA, f.gdpRatioB!) : null),
  },
};

/**
 * Names of the trade measures, the default (`salience`) first.
 * @example TRADE_MEASURE_NAMES[0] // 'salience'
 */
export const TRADE_MEASURE_NAMES: readonly TradeMeasureName[] = ['salience', 'total', 'share', 'symmetry', 'interdependence', 'dependence', 'share_gdp', 'dependence_gdp'];
