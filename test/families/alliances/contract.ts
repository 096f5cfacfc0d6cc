import type { FamilyContract } from '../../helpers/family-contract.js';

/** The alliances family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    { format: 'atop', sources: [{ format: 'atop', path: 'atop_small.csv' }], broken: { sources: [{ format: 'atop', path: 'atop_broken.csv' }], error: [
          "<fixtures>/atop_broken.csv: 5 problem(s) in the file; nothing was written",
          "<fixtures>/atop_broken.csv:3: column \"ccode2\": unknown country cow code \"999\"; closest known: \"990\", \"987\", \"986\"; expected a COW state code of 1990",
          "<fixtures>/atop_broken.csv:4: column \"year\": expected a four-digit year (1000–4095), got \"19x2\"",
          "<fixtures>/atop_broken.csv:5: column \"atop_neutral\": expected 0 or 1 (the obligation is absent or present), got \"2\"",
          "<fixtures>/atop_broken.csv:6: column \"ccode2\": a pair needs two different states, got 2 twice",
          "<fixtures>/atop_broken.csv:7: expected 8 fields like the header, found 7; check for an unquoted comma or a missing field",
        ].join('\n') } },
    { format: 'cow_alliance', sources: [{ format: 'cow_alliance', path: 'cow_small.csv' }], broken: { sources: [{ format: 'cow_alliance', path: 'cow_broken.csv' }], error: [
          "<fixtures>/cow_broken.csv: 3 problem(s) in the file; nothing was written",
          "<fixtures>/cow_broken.csv:3: column \"year\": expected a four-digit year (1000–4095), got \"0\"",
          "<fixtures>/cow_broken.csv:4: column \"ccode1\": unknown country cow code \"USA\"; expected a COW state code of 1990",
          "<fixtures>/cow_broken.csv:5: column \"cow_nonagg\": expected 0 or 1 (the obligation is absent or present), got \"yes\"",
        ].join('\n') } },
  ],
};
