/**
 * What a report says about a fitted latent model: a section of `summary.md` (per model column
 * the intercept, loading, noise and implied weight; per indicator its weight; τ, the prior of a
 * pair's first year, the interval level and convergence) and the `entente.latent` record of
 * `datapackage.json` (the same numbers and the log-likelihood at every E-step).
 * @module
 */
import type { LatentFit } from '../core/latent/latent-model.js';
import { formatFixed } from '../format/format-number.js';
import { markdownText as md } from '../domain/escape.js';

/**
 * The `summary.md` section of a latent fit (no lines without one).
 * @example latentSummaryLines(run.latent)[0] // '## The latent model'
 */
export function latentSummaryLines(fit: LatentFit | undefined): string[] {
  if (fit === undefined) return [];
  const f = (x: number) => formatFixed(x, 4);
  const c = fit.convergence;
  const level = `${Math.round(fit.level * 1000) / 10} %`;
  return [
    '## The latent model',
    '',
    `The index is the posterior median of a latent alignment z per pair-year, Φ(z) mapped onto [${fit.scale[0]}, ${fit.scale[1]}], with its central ${level} posterior interval in \`index_lo\` and \`index_hi\`. Each model column y measures z as y = a + b·z + e, e ~ N(0, σ²); z follows a random walk with yearly step sd τ (see the README, "The latent index"). The configured weights are not used: the implied weight of a column is its share of the information about z in a pair-year where every column is observed, (b²/σ²) / Σ (b²/σ²).`,
    '',
    '| column | indicator | part | intercept a | loading b | noise σ | implied weight |',
    '|---|---|---|---:|---:|---:|---:|',
    ...fit.columns.map((col) => `| ${md(col.id)} | ${md(col.indicator)} | ${col.part} | ${f(col.a)} | ${f(col.b)} | ${f(col.sigma)} | ${formatFixed(col.weight, 4)} |`),
    '',
    `Implied weight per indicator: ${fit.indicators.map((i) => `${md(i.id)} ${formatFixed(i.weight, 4)}`).join(', ')}.`,
    '',
    `τ = ${f(fit.tau)}; a pair's first year: z ~ N(${f(fit.mu0)}, ${f(fit.p0)}). EM ${c.converged ? 'converged' : '**did not converge**'} after ${c.iterations} iterations from the start \`${c.start}\` (${c.eSteps} E-steps with the ${c.probes.length} starts tried); log-likelihood ${formatFixed(c.logLikelihood[c.logLikelihood.length - 1] ?? NaN, 2)}. Rule: ${c.rule}.`,
    '',
  ];
}

/**
 * The `entente.latent` record of `datapackage.json`.
 * @example latentPackage(fit).convergence.iterations // 82
 */
export function latentPackage(fit: LatentFit) {
  const c = fit.convergence;
  return {
    model: 'y = a + b·z + e, e ~ N(0, σ²) per model column; z random walk with step sd τ; z at a pair\'s first observed year ~ N(μ₀, P₀); scale fixed by pooled posterior mean 0 and variance 1; index = lo + (hi − lo)·Φ(z)',
    scale: fit.scale,
    level: fit.level,
    columns: fit.columns.map((col) => ({ id: col.id, indicator: col.indicator, part: col.part, a: col.a, b: col.b, sigma: col.sigma, implied_weight: col.weight })),
    indicators: fit.indicators.map((i) => ({ id: i.id, implied_weight: i.weight })),
    tau: fit.tau,
    mu0: fit.mu0,
    p0: fit.p0,
    convergence: {
      converged: c.converged,
      iterations: c.iterations,
      rule: c.rule,
      start: c.start,
      starts_tried: c.probes.map((p) => ({ start: p.start, iterations: p.iterations, log_likelihood: p.logLikelihood })),
      e_steps: c.eSteps,
      log_likelihood: c.logLikelihood,
    },
  };
}
