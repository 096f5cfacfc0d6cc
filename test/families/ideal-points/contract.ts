import type { FamilyContract } from '../../helpers/family-contract.js';

/** The ideal_points family on fixtures: its format loads, and a broken file fails with its exact error. */
export const contract: FamilyContract = {
  cases: [{ format: 'voeten_ideal', sources: [{ format: 'voeten_ideal', path: 'ideal_all_small.csv' }], broken: { sources: [{ format: 'voeten_ideal', path: 'ideal_broken.csv' }], error: [
          "<fixtures>/ideal_broken.csv: 6 problem(s) in the file; nothing was written",
          "<fixtures>/ideal_broken.csv:3: column \"ccode\": unknown country cow code \"999\"; closest known: \"990\", \"987\", \"986\"; expected a COW state code",
          "<fixtures>/ideal_broken.csv:4: column \"session\": expected a session number (1, 2, …; year = session + 1945), got \"sixty\"",
          "<fixtures>/ideal_broken.csv:5: column \"IdealPoint\": expected an ideal point (a number; empty, NA or NaN for missing), got \"high\"",
          "<fixtures>/ideal_broken.csv:6: column \"Q5%\": the quantiles are out of order (Q5% -0.5, Q10% -1.1, Q90% -0.6, Q95% -0.55); they must not decrease",
          "<fixtures>/ideal_broken.csv:7: COW 2 in session 64 is already given on line 2; keep one row",
          "<fixtures>/ideal_broken.csv:8: expected 14 fields like the header, found 6; check for an unquoted comma or a missing field",
        ].join('\n') } }],
};
