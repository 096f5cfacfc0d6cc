/**
 * The indicator families by `family:` name — the strategy table the config and the
 * pipeline look families up in.
 */
import type { Family } from './family.js';
import { alliancesFamily } from './alliances/family.js';
import { idealPointsFamily } from './ideal-points/family.js';
import { igoFamily } from './igo/family.js';
import { armsTransfersFamily } from './arms-transfers/family.js';
import { eventsFamily } from './events/family.js';
import { dyadYearFamily } from './dyad-year/family.js';
import { jointDrillsFamily } from './joint-drills/family.js';
import { tradeFamily } from './trade/family.js';
import { unVotesFamily } from './un-votes/family.js';
import { unscFamily } from './un-security-council/family.js';

/** Every family Entente knows, by its `family:` name. */
export const families: Readonly<Record<string, Family>> = Object.fromEntries(
  [unVotesFamily, armsTransfersFamily, jointDrillsFamily, tradeFamily, dyadYearFamily, unscFamily, idealPointsFamily, igoFamily, alliancesFamily, eventsFamily].map((f) => [f.name, f]),
);
