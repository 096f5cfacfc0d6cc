import type { FamilyContract } from '../../helpers/family-contract.js';

const votes = { format: 'unsc_votes', path: 'unsc_votes.csv', corrections: 'unsc_corrections.csv' };

/**
 * The un_security_council family on fixtures: each source format loads (the checks next to the
 * votes they check), and a broken file of each fails with its exact error.
 */
export const contract: FamilyContract = {
  cases: [
    { format: 'unsc_votes', sources: [votes], broken: { sources: [{ ...votes, path: 'unsc_votes_broken.csv', corrections: undefined }], error: [
          "8 problem(s) in the Security Council sources; nothing was written",
          "<fixtures>/unsc_votes_broken.csv:2: column \"Vote\": record 2: expected Yes, No or Abstain, got \"Maybe\" (a member that did not vote has no row)",
          "<fixtures>/unsc_votes_broken.csv:4: column \"Year\": record 3: expected a four-digit year, got \"20x6\"",
          "<fixtures>/unsc_votes_broken.csv:5: column \"Date,\": record 4: expected a date YYYY-MM-DD (or empty), got \"2006-13-40\"",
          "<fixtures>/unsc_votes_broken.csv:6: column \"ID\": record 5: expected the draft's ID, a positive integer, got \"x1\"",
          "<fixtures>/unsc_votes_broken.csv:6: column \"Date,\": record 5: the date 2007-01-12 is not in the row's Year 2006; correct one of them (a set_date correction fixes the date)",
          "<fixtures>/unsc_votes_broken.csv:6: column \"Outcome results\": record 5: unknown outcome \"Adopted\"; expected one of \"Adopted unanimously\", \"Adopted by majority\", \"Adopted by consensus\", \"Adopted by acclamation\", \"Not adopted - veto\", \"Not adopted - failed to receive required number of votes\"",
          "<fixtures>/unsc_votes_broken.csv:6: column \"Member State\": record 5: the member's name is empty",
          "<fixtures>/unsc_votes_broken.csv:7: expected 15 fields like the header, found 11; check for an unquoted comma or a missing field",
        ].join('\n') } },
    { format: 'unsc_vetoes', measure: 'co_veto', sources: [{ format: 'unsc_vetoes', path: 'unsc_vetoes.csv' }], broken: { sources: [{ format: 'unsc_vetoes', path: 'unsc_vetoes_broken.csv' }], error: [
          "4 problem(s) in the Security Council sources; nothing was written",
          "<fixtures>/unsc_vetoes_broken.csv:2: column \"date\": expected a date M/D/YYYY, got \"13/10/2020\"",
          "<fixtures>/unsc_vetoes_broken.csv:3: column \"member_veto2\": \"Brazil\" (BRA) did not hold a permanent seat in 2019; only a permanent member can veto",
          "<fixtures>/unsc_vetoes_broken.csv:4: column \"date\": the date 2/28/2020 is not in the row's year 2019",
          "<fixtures>/unsc_vetoes_broken.csv:5: column \"member_veto1\": unknown country name \"Chinaa\"; closest known: \"China\"",
        ].join('\n') } },
    {
      format: 'unsc_failed_drafts',
      sources: [votes, { format: 'unsc_failed_drafts', path: 'unsc_failed_drafts.csv', role: 'votes' }],
      broken: { sources: [votes, { format: 'unsc_failed_drafts', path: 'unsc_failed_drafts_broken.csv', role: 'votes' }], error: [
          "4 problem(s) in the Security Council sources; nothing was written",
          "<fixtures>/unsc_failed_drafts_broken.csv:2: column \"In Favor\": expected a list like ['France', 'Poland'] (or []), got \"['Belgium', 'Brazil'\"",
          "<fixtures>/unsc_failed_drafts_broken.csv:3: column \"In Favor\": 8 votes in favour and no permanent member against: the draft passed, but this file lists failed votes only",
          "<fixtures>/unsc_failed_drafts_broken.csv:4: column \"Year\": expected a four-digit year, got \"19x0\"",
          "<fixtures>/unsc_failed_drafts_broken.csv:5: column \"In Favor\": unknown country name \"Narnia\"",
        ].join('\n') },
    },
    {
      format: 'unsc_meetings',
      sources: [votes, { format: 'unsc_meetings', path: 'unsc_meetings.csv' }],
      broken: { sources: [votes, { format: 'unsc_meetings', path: 'unsc_meetings_broken.csv' }], error: [
          "2 problem(s) in the Security Council sources; nothing was written",
          "<fixtures>/unsc_meetings_broken.csv:3: column \"year\": expected a four-digit year, got \"year\"",
          "<fixtures>/unsc_meetings_broken.csv:4: expected 4 fields like the header, found 2; check for an unquoted comma or a missing field",
        ].join('\n') },
    },
  ],
};
