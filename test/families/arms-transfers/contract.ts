import type { FamilyContract } from '../../helpers/family-contract.js';

/** The arms_transfers family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    {
      format: 'sipri_register',
      sources: [{ format: 'sipri_register', path: 'register_raw.csv' }],
      broken: { sources: [{ format: 'sipri_register', path: 'register_bad.csv' }], error: [
          "<fixtures>/register_bad.csv: 4 problem(s) in the file; nothing was written",
          "<fixtures>/register_bad.csv:9: column \"SIPRI TIV of delivered weapons\": expected a number ≥ 0 or an empty cell, got \"lots\"",
          "<fixtures>/register_bad.csv:10: expected 16 fields like the header, found 15; SIPRI never quotes fields, so a comma inside a field or a missing field breaks the row (replace the comma by \";\")",
          "<fixtures>/register_bad.csv:11: column \"? after Year of order\": the uncertainty flag after \"Year of order\" must be \"?\" or empty, got \"x\"",
          "<fixtures>/register_bad.csv:12: column \"Year(s) of delivery\": expected years (1000–4095) separated by \"; \" (e.g. \"2006; 2007\"), got \"20l6\"",
        ].join('\n') },
    },
    {
      format: 'sipri_tiv',
      measure: 'tiv',
      sources: [{ format: 'sipri_tiv', path: 'pairs_clean.csv', table: 'pairs' }],
      broken: { sources: [{ format: 'sipri_tiv', path: 'pairs_bad.csv', table: 'pairs' }], error: [
          "<fixtures>/pairs_bad.csv: 2 problem(s) in the file; nothing was written",
          "<fixtures>/pairs_bad.csv:10: column \"2024\": expected a TIV value (a number ≥ 0, \"0\" for less than 0.5) or an empty cell, got \"4x\"",
          "<fixtures>/pairs_bad.csv:21: this block of 1 recipient row(s) has no \"Total exports from <Supplier>\" row, so its supplier is unknown; keep SIPRI's total row or add a Supplier column",
        ].join('\n') },
    },
  ],
};
