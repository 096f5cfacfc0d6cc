import type { FamilyContract } from '../../helpers/family-contract.js';

/** The trade family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    { format: 'cow_trade', sources: [{ format: 'cow_trade', path: 'cow_v4_small.csv' }], broken: { sources: [{ format: 'cow_trade', path: 'cow_bad_cells.csv' }], error: [
          "<fixtures>/cow_bad_cells.csv: 5 problem(s) in the file; nothing was written",
          "<fixtures>/cow_bad_cells.csv:3: expected 7 fields like the header, found 6; check for an unquoted comma or a missing field",
          "<fixtures>/cow_bad_cells.csv:4: column \"year\": expected a four-digit year (1000–4095), got \"199O\"",
          "<fixtures>/cow_bad_cells.csv:5: column \"flow1\": expected a trade flow in million USD (a number ≥ 0; -9, NA or an empty cell for missing), got \"abc\"",
          "<fixtures>/cow_bad_cells.csv:6: column \"flow2\": expected a trade flow in million USD (a number ≥ 0; -9, NA or an empty cell for missing), got \"-3\"",
          "<fixtures>/cow_bad_cells.csv:7: column \"ccode1\": expected a numeric COW state code (e.g. 365), got \"USA\"",
        ].join('\n') } },
    {
      format: 'imf_dots',
      measure: 'total',
      // one reporter's exports and imports: both directions of its pairs
      sources: [
        { format: 'imf_dots', path: 'dots_exports_small.csv', reporter: 'RUS', flow: 'exports' },
        { format: 'imf_dots', path: 'dots_imports_small.csv', reporter: 'Russian Federation', flow: 'imports' },
      ],
      broken: { sources: [{ format: 'imf_dots', path: 'dots_bad.csv', reporter: 'RUS', flow: 'exports' }], error: [
          "<fixtures>/dots_bad.csv: 5 problem(s) in the file; nothing was written",
          "<fixtures>/dots_bad.csv:2: column \"2013\": expected a flow in million USD (a number ≥ 0, or an empty cell when not reported), got \"x\"",
          "<fixtures>/dots_bad.csv:3: column \"Counterpart Country\": unknown country name \"Narnia\"; the crosswalk lacks this IMF spelling",
          "<fixtures>/dots_bad.csv:4: expected 4 fields like the header, found 3; check for an unquoted comma or a missing field",
          "<fixtures>/dots_bad.csv:5: column \"2012\": expected a flow in million USD (a number ≥ 0, or an empty cell when not reported), got \"-2\"",
          "<fixtures>/dots_bad.csv:6: column \"Counterpart Country\": \"Australia\" is listed again with other values (first on line 2); keep one row",
        ].join('\n') },
    },
    {
      format: 'trade_flows',
      measure: 'total',
      sources: [{ format: 'trade_flows', path: 'flows_small.csv', reported_by: 'exporter' }],
      broken: { sources: [{ format: 'trade_flows', path: 'flows_broken.csv', reported_by: 'exporter' }], error: [
          "<fixtures>/flows_broken.csv: 3 problem(s) in the file; nothing was written",
          "<fixtures>/flows_broken.csv:3: column \"value\": expected a finite number or an empty cell for missing, got \"abc\"",
          "<fixtures>/flows_broken.csv:4: column \"state_b\": unknown country iso3 code \"XXQ\"; closest known: \"GNQ\", \"IRQ\", \"MTQ\"; check the spelling or the source's `codes:` (iso3)",
          "<fixtures>/flows_broken.csv:5: column \"year\": expected a four-digit year (1000–4095), got \"20x6\"",
        ].join('\n') },
    },
  ],
};
