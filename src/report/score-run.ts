/**
 * What a scoring run produced — the config, each indicator's data, the scored panel and the
 * warnings — as the report writers receive it.
 * @module
 */
import type { ResolvedConfig } from '../config/read-config.js';
import type { ScoreTable } from '../core/score-table.js';
import type { StateSystem } from '../domain/state-system.js';
import type { IndicatorData } from '../domain/indicator-data.js';
import type { WarningCollector } from '../core/warnings.js';
import type { WeightCalibration } from '../analysis/weight-calibration.js';
import type { LatentFit } from '../core/latent/latent-model.js';

/** Everything a scoring run produced. */
export interface ScoreRun {
  readonly config: ResolvedConfig;
  readonly data: ReadonlyMap<string, IndicatorData>;
  readonly table: ScoreTable;
  readonly sample: boolean;
  readonly warnings: WarningCollector;
  /** Which states exist when (the panel holds only pair-years of existing states). */
  readonly stateSystem: StateSystem;
  /** The weight calibration (`weights_calibration: effective`), when configured. */
  readonly calibration?: WeightCalibration | undefined;
  /** The fitted latent model, under `aggregation: latent`. */
  readonly latent?: LatentFit | undefined;
}
