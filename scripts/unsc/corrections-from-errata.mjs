#!/usr/bin/env node
// Derives indicators/unsc/corrections-1994-2025.csv — the corrections the `un_security_council`
// family applies to the Security Council voting file — from the errata table that documents the
// file's errors (unsc_sc_voting_1994-2025_errata.csv.gz, written for this project beside the data;
// see its SOURCE.md). One correction per errata item (two for a swapped Resolution/Draft pair), in
// the errata's order; `expected` is read from the voting file itself, so every correction names
// the value it replaces exactly.
//
// usage: node scripts/unsc/corrections-from-errata.mjs [data-dir]   (default: ../shared/data/unsc)
//
// How each errata issue becomes a correction (the family README explains the actions):
//   date_day_month_swapped          set_date to the suggested date (DHL date or meeting order); a note
//                                   where the DHL tables give another date (date_differs_from_dhl wins)
//   date_differs_from_dhl           set_date where a date is suggested; else note (one day apart)
//   votes_copied_from_other_draft   drop_votes (the draft stays; its member votes are unknown)
//   wrong_member_names              drop_votes
//   duplicate_of_other_row          drop_draft (the draft is in the file under its own ID)
//   duplicate_member_vote           drop_row of the row the errata says to drop
//   misspelled_member               set_member "Ethiopia" (a note where the draft's votes are dropped)
//   vote_differs_from_dhl           set_vote France Abstain (resolution 1958 (2010))
//   outcome_label_inconsistent      set_outcome "Adopted unanimously" (DHL tally 15-0-0)
//   resolution_draft_swapped        set_resolution + set_draft (ID 2012's draft symbol is unknown: empty)
//   malformed_symbol                set_resolution / set_draft where the right text is certain; else note
//   member_rows_missing, draft_symbol_reused   note (nothing to change: missing rows are not imputed)
// and, after them, the errors the family's checks found that the errata does not list (EXTRA).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = path.resolve(process.argv[2] ?? path.join(root, '../shared/data/unsc'));
const read = (f) => parse(gunzipSync(readFileSync(path.join(dataDir, f))), { bom: true, relax_column_count: true });
const [votesHeader, ...voteRecords] = read('unsc_sc_voting_1994-2025.csv.gz');
const errata = read('unsc_sc_voting_1994-2025_errata.csv.gz');
const eh = errata.shift();
const E = (r, c) => r[eh.indexOf(c)];
const col = (c) => votesHeader.indexOf(c);

// record n (header = 1) is voteRecords[n - 2]
const rowAt = (n) => voteRecords[n - 2];
const cell = (n, c) => rowAt(n)[col(c)];
const rowsOf = new Map();
voteRecords.forEach((r, i) => {
  const id = r[col('ID')];
  if (!rowsOf.has(id)) rowsOf.set(id, []);
  rowsOf.get(id).push(i + 2);
});
const first = (id) => rowsOf.get(id)[0];

/** Fixes of malformed symbols that are certain, by ID: [action, value, evidence]. */
const SYMBOL_FIXES = {
  9: ['set_resolution', '899 (1994)', 'the vote is of 1994 (Year); resolution 899 was adopted in 1994 (DHL)'],
  299: ['set_resolution', '1184 (1998)', 'the vote is of 1998 (Year); resolution 1184 was adopted in 1998 (DHL)'],
  550: ['set_resolution', '1425 (2002)', 'DHL: resolution 1425 (2002) adopted 22 July 2002, the stored date'],
  604: ['set_resolution', '1475 (2003)', 'the vote is of 2003 (Year); resolution 1475 was adopted in 2003 (DHL)'],
  722: ['set_resolution', '1588 (2005)', 'the vote is of 2005 (Year); resolution 1588 was adopted in 2005 (DHL)'],
  1726: ['set_resolution', '2541 (2020)', 'closing parenthesis missing; resolution 2541 (2020)'],
  653: ['set_draft', 'S/2004/25', 'UN document symbols are upper case (S/yyyy/n)'],
  731: ['set_draft', 'S/2005/261', 'UN document symbols are upper case (S/yyyy/n)'],
  753: ['set_draft', 'S/2005/515', 'UN document symbols are upper case (S/yyyy/n)'],
  754: ['set_draft', 'S/2005/554', 'UN document symbols are S/yyyy/n'],
  1435: ['set_draft', 'S/2016/381', 'UN document symbols are S/yyyy/n; the vote is of 2016'],
  1450: ['set_draft', 'S/2016/636', 'UN document symbols are S/yyyy/n; the vote is of 2016'],
};

// IDs whose date the DHL tables give outright: that date wins over a swap inferred from meeting order
const dhlDated = new Set(errata.filter((r) => E(r, 'issue') === 'date_differs_from_dhl' && E(r, 'suggested') !== '').map((r) => E(r, 'ID')));
// IDs whose member votes are dropped: a fix of one of their rows has nothing left to fix
const votesDropped = new Set(errata.filter((r) => ['votes_copied_from_other_draft', 'wrong_member_names'].includes(E(r, 'issue'))).map((r) => E(r, 'ID')));

const out = [['action', 'id', 'row', 'member', 'expected', 'value', 'issue', 'detail', 'evidence']];
const add = (action, id, { row = '', member = '', expected, value = '', issue, detail, evidence }) => out.push([action, id, row, member, expected, value, issue, detail, evidence || 'errata table of the voting file (SOURCE.md of the shared data)']);

for (const r of errata) {
  const id = E(r, 'ID');
  const issue = E(r, 'issue');
  const detail = E(r, 'detail');
  const evidence = E(r, 'evidence');
  const suggested = E(r, 'suggested');
  const f = first(id);
  const draft = cell(f, 'Draft');
  switch (issue) {
    case 'date_day_month_swapped':
      if (dhlDated.has(id)) add('note', id, { expected: draft, issue, detail: `${detail}; a swap would give ${suggested}, but the DHL tables date resolution ${cell(f, 'Resolution')} otherwise (the date_differs_from_dhl correction of this ID applies)`, evidence });
      else add('set_date', id, { expected: cell(f, 'Date,'), value: suggested, issue, detail, evidence: evidence === 'DHL' ? 'DHL meeting tables' : evidence });
      break;
    case 'date_differs_from_dhl':
      if (suggested !== '') add('set_date', id, { expected: cell(f, 'Date,'), value: suggested, issue, detail, evidence: 'DHL meeting tables' });
      else add('note', id, { expected: draft, issue, detail, evidence: 'DHL meeting tables; either date may be right' });
      break;
    case 'votes_copied_from_other_draft':
    case 'wrong_member_names':
      add('drop_votes', id, { expected: draft, issue, detail, evidence });
      break;
    case 'duplicate_of_other_row':
      add('drop_draft', id, { expected: draft, issue, detail, evidence });
      break;
    case 'duplicate_member_vote': {
      const m = /drop row\(s\) (\d+)/.exec(suggested);
      if (!m) throw new Error(`ID ${id}: no row to drop in "${suggested}"`);
      const row = Number(m[1]);
      add('drop_row', id, { row, member: cell(row, 'Member State'), expected: cell(row, 'Vote'), issue, detail, evidence });
      break;
    }
    case 'misspelled_member': {
      if (votesDropped.has(id)) {
        add('note', id, { expected: draft, issue, detail: `${detail}; the draft's member votes are copied from another draft and dropped (drop_votes), so the name is not read`, evidence: 'errata table of the voting file' });
        break;
      }
      const row = Number(/row (\d+)/.exec(detail)[1]);
      add('set_member', id, { row, expected: cell(row, 'Member State'), value: suggested, issue, detail, evidence: 'Ethiopia was a Council member (1989–1990, 2017–2018); no state is spelled "Ethipia"' });
      break;
    }
    case 'vote_differs_from_dhl': {
      const [member, vote] = suggested.split(':').map((s) => s.trim());
      add('set_vote', id, { member, expected: rowsOf.get(id).map((n) => rowAt(n)).find((x) => x[col('Member State')] === member)[col('Vote')], value: vote, issue, detail, evidence: 'DHL meeting tables: resolution 1958 (2010) 14-0-1' });
      break;
    }
    case 'outcome_label_inconsistent':
      add('set_outcome', id, { expected: cell(f, 'Outcome results'), value: 'Adopted unanimously', issue, detail, evidence });
      break;
    case 'resolution_draft_swapped': {
      const unknownDraft = id === '2012';
      add('set_resolution', id, { expected: cell(f, 'Resolution'), value: cell(f, 'Draft'), issue, detail, evidence: 'the Draft cell holds the resolution symbol S/RES/…' });
      add('set_draft', id, { expected: draft, value: unknownDraft ? '' : cell(f, 'Resolution'), issue, detail: unknownDraft ? `${detail}; S/2025/270 is the draft of ID 2010, so the draft symbol of resolution 2781 is left empty` : detail, evidence: 'the Resolution cell holds the draft symbol S/yyyy/n' });
      break;
    }
    case 'malformed_symbol': {
      const fix = SYMBOL_FIXES[id];
      if (fix) add(fix[0], id, { expected: cell(f, fix[0] === 'set_draft' ? 'Draft' : 'Resolution'), value: fix[1], issue, detail, evidence: fix[2] });
      else add('note', id, { expected: draft, issue, detail, evidence: 'the right text is not certain; left as stored' });
      break;
    }
    case 'member_rows_missing':
    case 'draft_symbol_reused':
      add('note', id, { expected: draft, issue, detail, evidence: evidence || 'errata table of the voting file' });
      break;
    default:
      throw new Error(`unknown errata issue ${issue}`);
  }
}

// Errors the family's own checks found that the errata table does not list (each verified
// against the source named as evidence); appended after the errata items.
const EXTRA = [
  ['set_outcome', '805', { value: 'Adopted by majority', detail: "resolution 1672 (2006) is labelled 'Adopted unanimously' but China, Qatar and Russia abstained", evidence: 'DHL meeting tables: S/RES/1672 (2006) 12-0-3' }],
  ['set_outcome', '1096', { value: 'Adopted by majority', detail: "resolution 1958 (2010) is labelled 'Adopted unanimously'; with France's abstention (set_vote above) it was adopted by majority", evidence: 'DHL meeting tables: S/RES/1958 (2010) 14-0-1' }],
  ['procedural', '1813', { detail: "resolution 2623 (2022), calling an emergency special session of the General Assembly, is a procedural vote: Russia's No is not a veto", evidence: 'S/PV.8980 (27 February 2022): 11-1-3, adopted as a procedural decision (Article 27(2) of the Charter)' }],
];
// Topics of other drafts: resolution 1212 (1998) is Haiti, 1751 (2007) the DR Congo, and the run of
// resolutions 2011–2026 (2011) (IDs 1153–1168) carry "Middle East (Syria)" / "(Yemen)" and the agenda
// "The situation in the Middle East"; the DHL meeting tables give each resolution's own topic. Only
// the topic is set (the mapping to target states reads it); the agenda item stays as stored.
const TOPICS = [
  ['326', 'Haiti', 'S/RES/1212 (1998): Haiti'],
  ['889', 'The Democratic Republic of the Congo', 'S/RES/1751 (2007): Democratic Republic of the Congo'],
  ['1153', 'Afghanistan', 'S/RES/2011 (2011): Afghanistan'],
  ['1154', 'International Criminal tribunal for the Genocide and Violations the Rwanda', 'S/RES/2013 (2011): International Tribunal — Rwanda'],
  ['1155', 'Haiti', 'S/RES/2012 (2011): Haiti'],
  ['1156', 'Middle East (Yemen)', 'S/RES/2014 (2011), on Yemen (S/2011/651); the DHL tables file it under "Middle East situation"'],
  ['1157', 'Somalia', 'S/RES/2015 (2011): Somalia'],
  ['1158', 'Libya', 'S/RES/2016 (2011): Libya'],
  ['1159', 'Peace and security in Africa', 'S/RES/2018 (2011): Peace and security in Africa (piracy in the Gulf of Guinea)'],
  ['1160', 'Libya', 'S/RES/2017 (2011): Libya'],
  ['1161', 'Bosnia and Herzegovina', 'S/RES/2019 (2011): Bosnia and Herzegovina'],
  ['1162', 'Somalia', 'S/RES/2020 (2011): Somalia'],
  ['1163', 'The Democratic Republic of the Congo', 'S/RES/2021 (2011): Democratic Republic of the Congo'],
  ['1164', 'Libya', 'S/RES/2022 (2011): Libya'],
  ['1165', 'Peace and security in Africa', 'S/RES/2023 (2011): Peace and security in Africa (Eritrea sanctions)'],
  ['1166', 'Cyprus', 'S/RES/2026 (2011): Cyprus'],
  ['1167', 'Liberia', 'S/RES/2025 (2011): Liberia'],
  ['1168', 'Sudan and South Sudan', 'S/RES/2024 (2011): Sudan — Abyei'],
];
for (const [id, topic, dhl] of TOPICS) {
  EXTRA.push(['set_topic', id, { value: topic, detail: `the topic "${cell(first(id), 'Topic')}" is another draft's (the agenda item "${cell(first(id), 'Agenda item')}" too, left as stored)`, evidence: `DHL meeting tables: ${dhl}` }]);
}
// S/2019/962 (ID 1677), Russia's draft on cross-border aid to Syria, 20 December 2019: the file
// has Yes and No exchanged (Russia voting against its own draft)
for (const n of rowsOf.get('1677')) {
  const vote = cell(n, 'Vote');
  if (vote === 'Abstain') continue;
  EXTRA.push(['set_vote', '1677', {
    member: cell(n, 'Member State'),
    value: vote === 'Yes' ? 'No' : 'Yes',
    detail: "Yes and No are exchanged on S/2019/962, Russia's own draft (the file has Russia voting against it)",
    evidence: "S/PV.8697 (20 December 2019): 5 in favour (China, Côte d'Ivoire, Equatorial Guinea, Russian Federation, South Africa), 6 against, 4 abstentions; the failed-drafts sample has the same",
  }]);
}
for (const [action, id, x] of EXTRA) {
  const f = first(id);
  const expected =
    action === 'set_outcome' ? cell(f, 'Outcome results')
    : action === 'set_topic' ? cell(f, 'Topic')
    : action === 'set_vote' ? cell(rowsOf.get(id).find((n) => cell(n, 'Member State') === x.member), 'Vote')
    : cell(f, 'Draft');
  add(action, id, { member: x.member ?? '', expected, value: x.value ?? '', issue: 'found_by_checks', detail: x.detail, evidence: x.evidence });
}

const csvCell = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const target = path.join(root, 'indicators/unsc/corrections-1994-2025.csv');
writeFileSync(target, out.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
console.log(`${path.relative(root, target)}: ${out.length - 1} correction(s): from ${errata.length} errata item(s), and ${EXTRA.length} found by the checks`);
