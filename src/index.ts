/**
 * Entente as a library: the front door `package.json` `main`/`types` point at
 * (`dist/index.js`, `dist/index.d.ts`). Everything the command line does is reachable from
 * here; the command line itself is `main`.
 *
 * @example
 * ```ts
 * import { runScore } from 'entente';
 * const run = await runScore('entente.yaml');        // reads, scores, writes the report folder
 * ```
 */
export { main } from './cli/main.js';
export { readConfig } from './config/read-config.js';
export type { ResolvedConfig, ResolvedIndicator } from './config/read-config.js';
export { computeScore, runScore } from './pipeline/score.js';
export { runMeasures } from './pipeline/measures.js';
export { scorePanel } from './core/score.js';
export type { ScoreIndicator, ScoreOptions, ScoreTable } from './core/score.js';
export { families } from './families/families.js';
export type { Family } from './families/family.js';
