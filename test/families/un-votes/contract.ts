import type { FamilyContract } from '../../helpers/family-contract.js';

/** The un_votes family on fixtures: each source format loads, and a broken file of each fails with its exact error. */
export const contract: FamilyContract = {
  cases: [
    {
      format: 'unvotes',
      options: { min_joint_votes: 1 }, // the fixtures hold a handful of roll calls
      sources: [{ format: 'unvotes', votes: 'un_votes.csv', rollcalls: 'un_roll_calls.csv', issues: 'un_roll_call_issues.csv' }],
      broken: { sources: [{ format: 'unvotes', votes: 'un_votes_broken.csv', rollcalls: 'un_roll_calls.csv', issues: 'un_roll_call_issues.csv' }], error: [
          "<fixtures>/un_votes_broken.csv: 6 problem(s) in the file; nothing was written",
          "<fixtures>/un_votes_broken.csv:3: expected 4 fields like the header, found 3; check for an unquoted comma or a missing field",
          "<fixtures>/un_votes_broken.csv:4: column \"rcid\": roll call 99 is not in the roll-call file; use the roll-call file of the same release",
          "<fixtures>/un_votes_broken.csv:5: column \"vote\": expected yes, abstain or no, got \"maybe\"",
          "<fixtures>/un_votes_broken.csv:9: column \"rcid\": not a whole number: \"x\"",
          "<fixtures>/un_votes_broken.csv:6: unknown country name \"Narnia\" (2 row(s) from this line on); add the spelling to the crosswalk or fix the cell",
          "<fixtures>/un_votes_broken.csv:8: duplicate vote: Iran (IR) already voted on roll call 13 (line 7); remove one of the two rows",
        ].join('\n') },
    },
    {
      format: 'voeten',
      measure: 's_sq',
      options: { min_joint_votes: 1 },
      sources: [{ format: 'voeten', votes: 'votes_voeten.csv', rollcalls: 'rollcalls_voeten.csv' }],
      broken: { sources: [{ format: 'voeten', votes: 'votes_voeten_broken.csv', rollcalls: 'rollcalls_voeten.csv' }], error: [
          "<fixtures>/votes_voeten_broken.csv: 6 problem(s) in the file; nothing was written",
          "<fixtures>/votes_voeten_broken.csv:2: column \"vote\": expected 1 (yes), 2 (abstain), 3 (no), 8 (absent) or 9 (not a member), got \"7\"",
          "<fixtures>/votes_voeten_broken.csv:3: column \"ccode\": not a COW code: \"abc\"",
          "<fixtures>/votes_voeten_broken.csv:4: expected 15 fields like the header, found 7; check for an unquoted comma or a missing field",
          "<fixtures>/votes_voeten_broken.csv:5: column \"rcid\": roll call 77 is not in the roll-call file; use the roll-call sheet of the same release",
          "<fixtures>/votes_voeten_broken.csv:7: column \"ccode\": not a COW code: \"2\"\"",
          "<fixtures>/votes_voeten_broken.csv:6: unknown country cow code \"9999\"; closest known: \"990\", \"987\", \"986\" (1 row(s) from this line on); add the spelling to the crosswalk or fix the cell",
        ].join('\n') },
    },
  ],
};
