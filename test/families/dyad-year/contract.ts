import type { FamilyContract } from '../../helpers/family-contract.js';

/** The dyad_year family on fixtures: its format loads, and a broken file fails with its exact error. */
export const contract: FamilyContract = {
  cases: [{ format: 'dyad_year', sources: [{ format: 'dyad_year', path: 'dyad_year_small.csv' }], broken: { sources: [{ format: 'dyad_year', path: 'dyad_year_broken.csv' }], error: [
          "<fixtures>/dyad_year_broken.csv: 8 problem(s) in the file; nothing was written",
          "<fixtures>/dyad_year_broken.csv:3: expected 4 fields like the header, found 3; check for an unquoted comma or a missing field",
          "<fixtures>/dyad_year_broken.csv:4: column \"value\": expected a finite number or an empty cell for missing, got \"abc\"",
          "<fixtures>/dyad_year_broken.csv:5: column \"state_b\": unknown country iso3 code \"XXQ\"; closest known: \"GNQ\", \"IRQ\", \"MTQ\"; check the spelling or the source's `codes:` (iso3)",
          "<fixtures>/dyad_year_broken.csv:6: duplicate pair-year RUS-IRN 2016: already given on line 2 (pairs are unordered: B,A is the same pair as A,B); keep one row",
          "<fixtures>/dyad_year_broken.csv:7: reversed duplicate pair-year IRN-RUS 2016: already given on line 2 (pairs are unordered: B,A is the same pair as A,B); keep one row",
          "<fixtures>/dyad_year_broken.csv:8: column \"year\": expected a four-digit year (1000–4095), got \"20x6\"",
          "<fixtures>/dyad_year_broken.csv:9: column \"value\": expected a finite number or an empty cell for missing, got \"NaN\"",
          "<fixtures>/dyad_year_broken.csv:10: column \"value\": expected a finite number or an empty cell for missing, got \"1e309\"",
        ].join('\n') } }],
};
