/**
 * The measures of the `un_security_council` family: name, unit, range, direction and meaning.
 * This table is the contract the family README's measure table must match. Pure.
 */
import type { MeasureDirection } from '../family.js';

/** One measure of the family. */
export interface CouncilMeasure {
  readonly name: string;
  readonly unit: string;
  /** Inclusive range of the raw value; `null` upper bound = unbounded. */
  readonly range: readonly [number, number | null];
  readonly direction: MeasureDirection;
  /** One line: the formula in words, for the data package and `summary.md`. */
  readonly description: string;
}

/** Names accepted by `measure:`; the first is the default. */
export const UNSC_MEASURE_NAMES = ['agree', 'identical', 'shield', 'veto_shield', 'co_veto'] as const;

/** A Security Council measure name. */
export type UnscMeasureName = (typeof UNSC_MEASURE_NAMES)[number];

/**
 * The measures, keyed by name. With K the drafts both members voted on in the year (contested
 * drafts only, unless `keep_unanimous`), codes yes 1, abstain 2, no 3; D(A→B) the year's drafts
 * concerning B that A voted on:
 *
 * - `agree`: 1 − Σ|x − y| / (2K) — same vote 1, abstain against yes or no ½, yes against no 0.
 * - `identical`: identical votes / K.
 * - `shield` (A → B): A's No votes on D(A→B) / |D(A→B)| (a veto is a permanent member's No).
 * - `veto_shield` (A → B): A's vetoes on D(A→B) / |D(A→B)|; only for permanent members.
 * - `co_veto`: drafts both vetoed in the year; only for two permanent members.
 * @example UNSC_MEASURES.shield.direction // 'directed'
 */
export const UNSC_MEASURES: Readonly<Record<UnscMeasureName, CouncilMeasure>> = {
  agree: {
    name: 'agree',
    unit: 'share',
    range: [0, 1],
    direction: 'symmetric',
    description: 'Security Council voting agreement on the contested drafts both members voted on in the year: mean of 1 − |x − y|/2 with yes 1, abstain 2, no 3; 0–1; empty unless both sat on the Council',
  },
  identical: {
    name: 'identical',
    unit: 'share',
    range: [0, 1],
    direction: 'symmetric',
    description: 'share of identical votes (yes/abstain/no) on the contested drafts both members voted on in the year; 0–1; empty unless both sat on the Council',
  },
  shield: {
    name: 'shield',
    unit: 'share',
    range: [0, 1],
    direction: 'directed',
    description: "A → B: share of the year's drafts concerning B (project mapping of topics to states) on which A voted No or vetoed, among those A voted on; 0–1; empty when A voted on no draft concerning B",
  },
  veto_shield: {
    name: 'veto_shield',
    unit: 'share',
    range: [0, 1],
    direction: 'directed',
    description: "A → B: share of the year's drafts concerning B on which A, a permanent member, cast a veto, among those A voted on; 0–1; empty for elected members and when A voted on no draft concerning B",
  },
  co_veto: {
    name: 'co_veto',
    unit: 'drafts',
    range: [0, null],
    direction: 'symmetric',
    description: 'number of drafts of the year vetoed by both permanent members together (0 when none); empty unless both held a permanent seat',
  },
};

/**
 * True when `name` is a measure of the family.
 * @example isUnscMeasureName('shield') // true
 */
export function isUnscMeasureName(name: string): name is UnscMeasureName {
  return (UNSC_MEASURE_NAMES as readonly string[]).includes(name);
}
