/**
 * The indicator families by `family:` name — the strategy table the config and the
 * pipeline look families up in.
 */
import type { Family } from '../../indicators/family.js';
import { alliancesFamily } from '../../families/alliances/family.js';
import { idealPointsFamily } from '../../families/ideal-points/family.js';
import { igoFamily } from '../../families/igo/family.js';
import { armsTransfersFamily } from './arms-transfers.js';
import { eventsFamily } from '../../families/events/family.js';
import { dyadYearFamily } from './dyad-year.js';
import { jointDrillsFamily } from './joint-drills.js';
import { tradeFamily } from './trade.js';
import { unVotesFamily } from './un-votes.js';
import { unscFamily } from '../../families/un-security-council/family.js';

/** Every family Entente knows, by its `family:` name. */
export const families: Readonly<Record<string, Family>> = Object.fromEntries(
  [unVotesFamily, armsTransfersFamily, jointDrillsFamily, tradeFamily, dyadYearFamily, unscFamily, idealPointsFamily, igoFamily, alliancesFamily, eventsFamily].map((f) => [f.name, f]),
);
