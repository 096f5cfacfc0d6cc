/**
 * The registry: one line per indicator family. Adding a family is its folder under
 * `src/families/`, its tests under `test/families/` and one line here (the contract test
 * walks these entries; see the README's Development section).
 */
export { alliancesFamily } from './alliances/family.js';
export { armsTransfersFamily } from './arms-transfers/family.js';
export { dyadYearFamily } from './dyad-year/family.js';
export { eventsFamily } from './events/family.js';
export { idealPointsFamily } from './ideal-points/family.js';
export { igoFamily } from './igo/family.js';
export { jointDrillsFamily } from './joint-drills/family.js';
export { tradeFamily } from './trade/family.js';
export { unscFamily } from './un-security-council/family.js';
export { unVotesFamily } from './un-votes/family.js';
