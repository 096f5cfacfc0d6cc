/**
 * Rules that reconcile the two reports of one directed flow — the importer's record of its
 * imports and the exporter's record of its exports ("mirror statistics"). They differ by
 * valuation (imports CIF include freight and insurance, exports FOB do not), timing and
 * partner attribution, so a rule must choose.
 */

/**
 * Names of the mirror reconciliation rules.
 * @example const rule: MirrorRuleName = 'mean';
 */
export type MirrorRuleName = 'importer' | 'mean' | 'max';

/**
 * A mirror rule: (importer's report, exporter's report) → the flow; `null` = missing, not both.
 * @example const rule: MirrorRule = (m, x) => (m ?? x)!;
 */
export type MirrorRule = (importer: number | null, exporter: number | null) => number;

/**
 * The rules by name. Each falls back to the one report present.
 * - `importer` (default): the importer's report, else the exporter's (COW's own convention;
 *   customs records of imports are considered more reliable).
 * - `mean`: the mean of both reports.
 * - `max`: the larger report (guards against under-reporting, e.g. sanctions evasion).
 * @example mirrorRules.importer(110, 100) // 110
 * @example mirrorRules.mean(110, 100) // 105
 * @example mirrorRules.max(null, 100) // 100
 */
export const mirrorRules: Readonly<Record<MirrorRuleName, MirrorRule>> = {
  importer: (m, x) => (m !== null ? m : x!),
  mean: (m, x) => (m === null ? x! : x === null ? m : (m + x) / 2),
  max: (m, x) => (m === null ? x! : x === null ? m : Math.max(m, x)),
};

/**
 * Names of the mirror rules, the default first.
 * @example MIRROR_RULE_NAMES[0] // 'importer'
 */
export const MIRROR_RULE_NAMES: readonly MirrorRuleName[] = ['importer', 'mean', 'max'];
