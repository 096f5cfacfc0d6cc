/**
 * Participant entries of exercise lists that are not states and are therefore skipped (and
 * counted in the notes) instead of being looked up in the crosswalk: unidentified
 * participants (`-9`), organisations (`NATO`, `8 NATO members`), groups (`Baltic States`)
 * and non-sovereign territories that MME and JME list (`Bermuda`, `Hong Kong SAR China`,
 * `Netherlands Antilles`, `New Caledonia` and their ISO3 codes). The table is keyed by the
 * lower-cased, trimmed entry.
 */

/** Known non-state entries (lower-cased) → why they are skipped. */
export const NON_STATE_PARTICIPANTS: Readonly<Record<string, string>> = {
  '-9': 'unidentified participant',
  '': 'unidentified participant',
  'nato': 'organisation, not a state',
  '8 nato members': 'organisation, not a state',
  'baltic states': 'group of states, members not named',
  'bermuda': 'non-sovereign territory',
  'bmu': 'non-sovereign territory',
  'hong kong sar china': 'non-sovereign territory',
  'hong kong': 'non-sovereign territory',
  'hkg': 'non-sovereign territory',
  'netherlands antilles': 'non-sovereign territory',
  'ant': 'non-sovereign territory',
  'new caledonia': 'non-sovereign territory',
  'ncl': 'non-sovereign territory',
};

/**
 * Why a participant entry is not a state, or null when it should be resolved as a state.
 * Any entry mentioning NATO counts as the organisation.
 * @example nonStateReason(' NATO ') // 'organisation, not a state'
 * @example nonStateReason('Russia') // null
 */
export function nonStateReason(raw: string): string | null {
  const key = raw.trim().toLowerCase();
  const known = NON_STATE_PARTICIPANTS[key];
  if (known !== undefined) return known;
  if (/\bnato\b/.test(key)) return 'organisation, not a state';
  return null;
}
