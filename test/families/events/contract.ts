import type { FamilyContract } from '../../helpers/family-contract.js';

const options = { min_observed: 0 };

/** The events family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    { format: 'edges', options, sources: [{ format: 'edges', path: 'edges_small.csv' }], broken: { sources: [{ format: 'edges', path: 'edges_broken.csv' }], error: [
          "6 problem(s) in the event data; nothing was written",
          "<fixtures>/edges_broken.csv:4: column \"date\": expected a date, got \"2022-01-0x\"; fix or remove the row",
          "<fixtures>/edges_broken.csv:5: column \"weight\": expected a number, got \"abc\"; fix or remove the row",
          "<fixtures>/edges_broken.csv:6: expected 4 columns, found 3; every row needs the 4 columns of the layout (a tab or comma inside a field must be quoted)",
          "<fixtures>/edges_broken.csv:7: column \"weight\": expected a weight (a finite number below 1e8 in magnitude), got \"inf\"; fix or remove the row",
          "<fixtures>/edges_broken.csv:8: column \"actor1\": unknown country code \"QQZ\": not a state the crosswalk knows, nor a known region, organisation or territory code; if it is a state, map it with the source's `aliases: { QQZ: ISO3 }`, else declare it `aliases: { QQZ: non_state }`",
        ].join('\n') } },
    {
      format: 'gdelt_v2',
      options,
      sources: [{ format: 'gdelt_v2', path: 'gdelt_v2_small.export.CSV' }],
      broken: { sources: [{ format: 'gdelt_v2', path: 'gdelt_v2_broken.export.CSV' }], error: [
          "4 problem(s) in the event data; nothing was written",
          "<fixtures>/gdelt_v2_broken.export.CSV:4: column \"GoldsteinScale\": expected a number, got \"abc\"; fix or remove the row",
          "<fixtures>/gdelt_v2_broken.export.CSV:5: expected 61 columns, found 60; every row needs the 61 columns of the layout (a tab or comma inside a field must be quoted)",
          "<fixtures>/gdelt_v2_broken.export.CSV:6: column \"QuadClass\": expected a quad class 1, 2, 3 or 4, got \"7\"; fix or remove the row",
          "<fixtures>/gdelt_v2_broken.export.CSV:7: column \"Actor2CountryCode\": unknown country code \"QQX\": not a state the crosswalk knows, nor a known region, organisation or territory code; if it is a state, map it with the source's `aliases: { QQX: ISO3 }`, else declare it `aliases: { QQX: non_state }`",
        ].join('\n') },
    },
    { format: 'icews', options, sources: [{ format: 'icews', path: 'icews_small.tab' }], broken: { sources: [{ format: 'icews', path: 'icews_broken.tab' }], error: [
          "3 problem(s) in the event data; nothing was written",
          "<fixtures>/icews_broken.tab:4: column \"Event Date\": expected a date, got \"2022-13-01\"; fix or remove the row",
          "<fixtures>/icews_broken.tab:5: column \"CAMEO Code\": expected a CAMEO event code of 2 to 4 digits (e.g. 042), got \"42x\"; keep the leading zero",
          "<fixtures>/icews_broken.tab:6: column \"Intensity\": expected a score from -10 to 10 (the Goldstein scale), got \"11.5\"; fix or remove the row",
        ].join('\n') } },
    { format: 'polecat', options, sources: [{ format: 'polecat', path: 'polecat_small.txt' }], broken: { sources: [{ format: 'polecat', path: 'polecat_broken.txt' }], error: [
          "3 problem(s) in the event data; nothing was written",
          "<fixtures>/polecat_broken.txt:4: expected 40 columns, found 41; every row needs the 40 columns of the layout (a tab or comma inside a field must be quoted)",
          "<fixtures>/polecat_broken.txt:5: column \"Intensity\": expected an intensity (a finite number below 1e8 in magnitude), got \"NaN\"; fix or remove the row",
          "<fixtures>/polecat_broken.txt:6: column \"Event Date\": the date is empty (or, in a Parquet file, not a date); every row needs its day",
        ].join('\n') } },
    { format: 'aggregated', sources: [{ format: 'aggregated', path: 'aggregated_small.csv' }], broken: { sources: [{ format: 'aggregated', path: 'aggregated_broken.csv' }], error: "<fixtures>/aggregated_broken.csv:3: Error when converting column \"year\". Could not convert string \"20x1\" to 'INTEGER'; the file must be the unchanged output of `entente sql`" } },
  ],
};
