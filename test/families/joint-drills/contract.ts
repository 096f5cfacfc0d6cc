import type { FamilyContract } from '../../helpers/family-contract.js';

/** The joint_drills family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    { format: 'mme', sources: [{ format: 'mme', path: 'mme_small.csv' }], broken: { sources: [{ format: 'mme', path: 'mme_broken.csv' }], error: [
          "5 problem(s) in the exercise sources of \"x\"",
          "<fixtures>/mme_broken.csv:3: column \"Air\": expected 0 or 1, got \"2\"",
          "<fixtures>/mme_broken.csv:4: column \"StateB\": unknown country name \"Rusia\"; closest known: \"Russia\", \"Prussia\", \"USA\"; fix the name or report the missing alias",
          "<fixtures>/mme_broken.csv:5: column \"StartDate\": cannot read a date from s.year/s.month/s.day \"//\" or StartDate \"soon\"; expected e.g. 2005/8/18 or 8/18/05, 1993-05-xx",
          "<fixtures>/mme_broken.csv:6: expected 64 fields like the header, found 30; check for an unquoted comma or a missing field",
          "<fixtures>/mme_broken.csv:7: column \"e.year\": the end (2003-01-03) is in a year before the start (2004-01-02); the dates contradict each other",
        ].join('\n') } },
    { format: 'mme_long', sources: [{ format: 'mme_long', path: 'mme_long_small.csv' }], broken: { sources: [{ format: 'mme_long', path: 'mme_long_broken.csv' }], error: [
          "3 problem(s) in the exercise sources of \"x\"",
          "<fixtures>/mme_long_broken.csv:6: expected 29 fields like the header, found 3; check for an unquoted comma or a missing field",
          "<fixtures>/mme_long_broken.csv:3: column \"gwcode\": expected a Gleditsch–Ward code (a whole number) or NA, got \"x7\"",
          "<fixtures>/mme_long_broken.csv:4: column \"country\": no G&W code and unknown country name \"Chna\"; closest known: \"China\", \"Chad\", \"Cuba\"; fix the name or report the missing alias",
        ].join('\n') } },
    { format: 'jme', sources: [{ format: 'jme', path: 'jme_small.csv' }], broken: { sources: [{ format: 'jme', path: 'jme_broken.csv' }], error: [
          "3 problem(s) in the exercise sources of \"x\"",
          "<fixtures>/jme_broken.csv:3: column \"State B\": unknown country iso3 code \"XYZ\"; closest known: \"BLZ\", \"CYM\", \"CYP\"; fix the code or report the missing code",
          "<fixtures>/jme_broken.csv:4: expected 53 fields like the header, found 20; check for an unquoted comma or a missing field",
          "<fixtures>/jme_broken.csv:5: column \"State A\": unknown country iso3 code \"QQQ\"; closest known: \"GNQ\", \"IRQ\", \"MTQ\"; fix the code or report the missing code",
        ].join('\n') } },
    { format: 'events', sources: [{ format: 'events', path: 'events_small.csv', codes: 'iso3' }], broken: { sources: [{ format: 'events', path: 'events_broken.csv', codes: 'iso3' }], error: [
          "5 problem(s) in the exercise sources of \"x\"",
          "<fixtures>/events_broken.csv:3: column \"start\": expected a start date like 2021-09-11, 2021-09 or 2021, got \"next week\"",
          "<fixtures>/events_broken.csv:4: column \"end\": the end date is before the start date; fix one of them",
          "<fixtures>/events_broken.csv:5: column \"domain\": unknown value \"Space\"; expected any of CPX, Air, Land, Sea, Amphibious, Cyber separated by ;",
          "<fixtures>/events_broken.csv:6: column \"participants\": unknown country iso3 code \"XXX\"; closest known: \"XKX\", \"XSX\", \"LUX\"; check the spelling or the source's `codes:` (iso3)",
          "<fixtures>/events_broken.csv:7: expected 6 fields like the header, found 2; check for an unquoted comma or a missing field",
        ].join('\n') } },
    { format: 'wide_list', sources: [{ format: 'wide_list', path: 'wide_list_small.csv', implicit_participant: 'RUS' }], broken: { sources: [{ format: 'wide_list', path: 'wide_list_broken.csv' }], error: [
          "3 problem(s) in the exercise sources of \"x\"",
          "<fixtures>/wide_list_broken.csv:3: column \"yr\": expected a four-digit year in 1900–2100, got \"20x9\"",
          "<fixtures>/wide_list_broken.csv:4: column \"part2\": unknown country name \"Atlantis\"; check the spelling or the source's `codes:` (name)",
          "<fixtures>/wide_list_broken.csv:5: expected 7 fields like the header, found 3; check for an unquoted comma or a missing field",
        ].join('\n') } },
  ],
};
