/**
 * Every default of Entente in one place, documented. The config schema, the CLI and the
 * README read them from here.
 */
export const DEFAULTS = {
  /** The config file read when `--config` is not given. */
  configFile: 'entente.yaml',
  /** Range of the index. */
  scale: [0, 100] as readonly [number, number],
  /** How normalised indicators are combined: arithmetic weighted mean. */
  aggregation: 'arithmetic' as const,
  /** Share of total weight that must be present for an index value. */
  minCoverage: 0.5,
  /** Decimals written for every number in the reports. */
  precision: 6,
  /** Default normaliser of an indicator. */
  normalise: 'minmax' as const,
  /** Default polarity: a higher raw value means more aligned. */
  polarity: 'positive' as const,
  /** Default rule turning directed A→B and B→A values into one: the larger. */
  combine: 'max' as const,
  /** Default weight of an indicator. */
  weight: 1,
  /** Lower bound the normalised values are shifted to before a geometric mean (never 0). */
  geometricFloor: 0.01,
  /** Row problems listed per file before the rest are only counted. */
  maxErrors: 50,
  /** Seed of every stochastic step (bootstrap, sensitivity). */
  seed: 20240601,
} as const;
