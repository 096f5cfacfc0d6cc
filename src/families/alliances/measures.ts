/**
 * The measures of the `alliances` family, as a table keyed by `measure:` name. The README's
 * measure table lists the same names, units and ranges.
 *
 * Tie measures (per pair and year, from the dyad-year rows, directed rows collapsed by the
 * maximum of both directions):
 * - `obligation`: the strongest obligation in force on the valued scale of
 *   `obligation-scale.ts` (3 defence or offence, 2 neutrality or consultation,
 *   1 non-aggression, 0 none). Range 0–3.
 * - `defence`: 1 when a defence obligation is in force (ATOP `defense`, COW `defense`), else 0.
 *
 * Portfolio measures (similarity of the two states' rows of ties with every member of the
 * state system that year, each state tied to itself at the top level; see
 * `compute-portfolio.ts` for the formulas): `portfolio_s` (Signorino & Ritter 1999),
 * `portfolio_kappa` (Cohen's κ, Häge 2011), `portfolio_pi` (Scott's π, Häge 2011),
 * `portfolio_taub` (Kendall's τ_b, Bueno de Mesquita 1975). Range −1–1.
 * @module
 */

/** Names accepted by `measure:`; the first is the default. @example ALLIANCE_MEASURE_NAMES[0] // 'obligation' */
export const ALLIANCE_MEASURE_NAMES = ['obligation', 'defence', 'portfolio_s', 'portfolio_kappa', 'portfolio_pi', 'portfolio_taub'] as const;

/** An `alliances` measure name. @example const m: AllianceMeasureName = 'portfolio_s'; */
export type AllianceMeasureName = (typeof ALLIANCE_MEASURE_NAMES)[number];

/** The portfolio measures (computed over the state system of each year). */
export type PortfolioMeasureName = Extract<AllianceMeasureName, `portfolio_${string}`>;

/**
 * One measure: what it is computed from, its unit, range and meaning.
 * @example ALLIANCE_MEASURES.obligation.range // [0, 3]
 */
export interface AllianceMeasure {
  /** `tie`: the pair's own alliance rows; `portfolio`: both states' rows with every system member. */
  readonly kind: 'tie' | 'portfolio';
  readonly unit: string;
  readonly range: readonly [number, number];
  readonly description: string;
}

/**
 * The measures by name (a strategy table).
 * @example ALLIANCE_MEASURES.defence.unit // 'indicator (0/1)'
 */
export const ALLIANCE_MEASURES: Readonly<Record<AllianceMeasureName, AllianceMeasure>> = {
  obligation: {
    kind: 'tie',
    unit: 'level 0–3',
    range: [0, 3],
    description: 'strongest alliance obligation in force: 3 defence or offence, 2 neutrality or consultation, 1 non-aggression, 0 none (ATOP S-score ordering)',
  },
  defence: {
    kind: 'tie',
    unit: 'indicator (0/1)',
    range: [0, 1],
    description: '1 when a defence obligation is in force between the two states, else 0',
  },
  portfolio_s: {
    kind: 'portfolio',
    unit: 'similarity',
    range: [-1, 1],
    description: "Signorino & Ritter's S of the two states' alliance portfolios over the year's state system: 1 − 2·Σd/(n·d_max), d_max from the coding",
  },
  portfolio_kappa: {
    kind: 'portfolio',
    unit: 'similarity',
    range: [-1, 1],
    description: "Cohen's κ of the two alliance portfolios (Häge 2011): 1 − observed / expected distance, expected from each state's own distribution of ties",
  },
  portfolio_pi: {
    kind: 'portfolio',
    unit: 'similarity',
    range: [-1, 1],
    description: "Scott's π of the two alliance portfolios (Häge 2011): 1 − observed / expected distance, expected from the pooled distribution of ties",
  },
  portfolio_taub: {
    kind: 'portfolio',
    unit: 'rank correlation',
    range: [-1, 1],
    description: "Kendall's τ_b of the two alliance portfolios (Bueno de Mesquita 1975)",
  },
};

/**
 * True when `name` is a measure of the family.
 * @example isAllianceMeasureName('portfolio_pi') // true
 */
export function isAllianceMeasureName(name: string): name is AllianceMeasureName {
  return (ALLIANCE_MEASURE_NAMES as readonly string[]).includes(name);
}

/**
 * True when the measure is a portfolio measure (it needs the state system of each year).
 * @example isPortfolioMeasure('portfolio_taub') // true
 */
export function isPortfolioMeasure(name: AllianceMeasureName): name is PortfolioMeasureName {
  return ALLIANCE_MEASURES[name].kind === 'portfolio';
}
