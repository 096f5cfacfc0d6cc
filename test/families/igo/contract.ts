import type { FamilyContract } from '../../helpers/family-contract.js';

/** The igo family on fixtures: its format loads (with the state-year totals), and broken files fail with their exact error. */
export const contract: FamilyContract = {
  cases: [
    {
      format: 'cow_igo',
      measure: 'share',
      sources: [{ format: 'cow_igo', path: 'igo_small.csv', totals: 'igo_state_year_small.csv' }],
      broken: { sources: [{ format: 'cow_igo', path: 'igo_broken.csv', totals: 'igo_state_year_small.csv' }], error: [
          "<fixtures>/igo_broken.csv: 6 problem(s) in the file; nothing was written",
          "<fixtures>/igo_broken.csv:3: column \"dyadigos\": expected the number of shared IGOs (a whole number ≥ 0; empty, NA or -9 for missing), got \"-1\"",
          "<fixtures>/igo_broken.csv:4: column \"dyadigos\": expected the number of shared IGOs (a whole number ≥ 0; empty, NA or -9 for missing), got \"3.5\"",
          "<fixtures>/igo_broken.csv:5: column \"ccode2\": unknown country cow code \"999\"; closest known: \"990\", \"987\", \"986\"; expected a COW state code of 1990",
          "<fixtures>/igo_broken.csv:6: pair-year 2-365 1990 is already given on line 2; keep one row",
          "<fixtures>/igo_broken.csv:7: column \"ccode2\": a pair needs two different states, got 2 twice",
          "<fixtures>/igo_broken.csv:8: expected 4 fields like the header, found 3; check for an unquoted comma or a missing field",
        ].join('\n') },
    },
  ],
};
