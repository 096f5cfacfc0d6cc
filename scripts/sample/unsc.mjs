// Writes indicators/sample/unsc_votes.csv and indicators/sample/unsc_corrections.csv — OUR OWN
// SYNTHETIC data for the bundled sample, in the format of the Security Council voting file the
// `un_security_council` family reads (`format: unsc_votes`: the 15 columns of sc_voting.xlsx,
// header `Date,` and all) and of its corrections file. The drafts and votes are invented, not
// UN records.
//
// The Council: the five permanent members every year, plus the sample states on their real
// elected terms (India 1991–92 and 2011–12, Brazil 1993–94, 1998–99, 2004–05, 2010–11, Germany
// 1995–96, 2003–04, 2011–12, 2019–20, Syria 2002–03, Turkey 2009–10). The other elected seats
// are left out (the sample has 12 states), so the sample's Council has 5 to 8 members.
//
// Per year about 14 drafts: on Iran's programme (topic `Non-proliferation`), on Syria
// (`Middle East (Syria)`), on the Palestinian question (concerning Israel), and thematic ones.
// A member votes on a draft concerning a state B by its latent alignment with B (latent.mjs):
// closely aligned members vote No (a permanent member's No is a veto), middling ones abstain.
// On thematic drafts members follow the United States or Russia, by their alignment with each.
//
// Planted errors, each fixed by one line of unsc_corrections.csv (so the sample exercises the
// corrections): a date with day and month swapped, a member's vote recorded twice, a misspelled
// member name; and one `note` (a known issue that needs no change).
// usage: node scripts/sample/unsc.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, TO, latent, rng } from './latent.mjs';

const NAME = {
  BRA: 'Brazil', CHN: 'China', DEU: 'Germany', FRA: 'France', GBR: 'United Kingdom', IND: 'India',
  IRN: 'Iran (Islamic Republic of)', ISR: 'Israel', RUS: 'Russian Federation', SYR: 'Syrian Arab Republic', TUR: 'Türkiye', USA: 'United States',
};
const P5 = ['CHN', 'FRA', 'GBR', 'RUS', 'USA'];
const ELECTED = {
  IND: [[1991, 1992], [2011, 2012]],
  BRA: [[1993, 1994], [1998, 1999], [2004, 2005], [2010, 2011]],
  DEU: [[1995, 1996], [2003, 2004], [2011, 2012], [2019, 2020]],
  SYR: [[2002, 2003]],
  TUR: [[2009, 2010]],
};

/** The sample Council of a year: the permanent members and the sample states elected then. */
export function councilOf(year) {
  const elected = Object.entries(ELECTED).filter(([, terms]) => terms.some(([a, b]) => year >= a && year <= b)).map(([s]) => s);
  return [...P5, ...elected].sort();
}

const TOPICS = [
  { topic: 'Non-proliferation', agenda: 'Non-proliferation', category: 'Country/Region-specific', region: 'Middle East', target: 'IRN', from: 2006 },
  { topic: 'Middle East (Syria)', agenda: 'The situation in the Middle East', category: 'Country/Region-specific', region: 'Middle East', target: 'SYR' },
  { topic: 'Middle East, incl. the Palestinian question', agenda: 'The situation in the Middle East, including the Palestinian question', category: 'Country/Region-specific', region: 'Middle East', target: 'ISR' },
  { topic: 'Threats to peace and security caused by international terrorist acts', agenda: 'Threats to international peace and security caused by terrorist acts', category: 'Thematic', region: '', target: null },
  { topic: 'Children and armed conflict', agenda: 'Children and armed conflict', category: 'Thematic', region: '', target: null },
];

const HEADER = ['Year', 'Date,', 'Resolution', 'Meeting', 'Draft', 'Agenda item', 'Category', 'Region', 'Submitted by', 'Outcome results', 'Vote', 'Member State', 'ID', 'Membership_Status', 'Topic'];

const csvCell = (v) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The synthetic drafts: one object per draft with its member votes. */
function syntheticDrafts() {
  const rand = rng(7151);
  const drafts = [];
  let resolution = 700;
  let meeting = 2900;
  for (let year = FROM; year <= TO; year++) {
    const council = councilOf(year);
    const n = 12 + Math.floor(rand() * 5);
    const perYear = [];
    for (let k = 0; k < n; k++) {
      const eligible = TOPICS.filter((t) => t.from === undefined || year >= t.from);
      const t = eligible[Math.floor(rand() * eligible.length)];
      const leader = rand() < 0.6 ? 'USA' : 'RUS';
      const votes = council.map((s) => {
        let vote = 'Yes';
        if (t.target !== null) {
          if (s !== t.target) {
            const l = latent(s, t.target, year) + (rand() - 0.5) * 0.3;
            vote = l > 0.72 ? 'No' : l > 0.55 ? 'Abstain' : 'Yes';
          }
        } else if (s !== leader) {
          const l = latent(s, leader, year) + (rand() - 0.5) * 0.4;
          vote = l < 0.2 ? 'No' : l < 0.35 ? 'Abstain' : 'Yes';
        }
        return [s, vote];
      });
      const yes = votes.filter(([, v]) => v === 'Yes').length;
      const no = votes.filter(([, v]) => v === 'No').length;
      const p5No = votes.some(([s, v]) => v === 'No' && P5.includes(s));
      const adopted = !p5No && yes > no;
      const outcome = p5No ? 'Not adopted - veto' : !adopted ? 'Not adopted - failed to receive required number of votes' : yes === votes.length ? 'Adopted unanimously' : 'Adopted by majority';
      const day = 1 + Math.floor(rand() * 28);
      const month = 1 + Math.floor(rand() * 12);
      perYear.push({ year, month, day, t, votes, outcome, adopted });
    }
    perYear.sort((a, b) => a.month - b.month || a.day - b.day);
    for (const d of perYear) {
      d.date = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
      d.meeting = ++meeting;
      d.symbol = `S/${d.year}/${100 + drafts.length % 900}`;
      d.resolution = d.adopted ? `${++resolution} (${d.year})` : '';
      d.id = drafts.length + 1;
      drafts.push(d);
    }
  }
  return drafts;
}

export default function generateUnsc(dir) {
  const drafts = syntheticDrafts();
  const rows = [HEADER];
  const rowOf = new Map(); // "id member" → record number
  const corrections = [['action', 'id', 'row', 'member', 'expected', 'value', 'issue', 'detail', 'evidence']];
  // planted errors: a swapped date (draft 20), a vote recorded twice (draft 40), a misspelled name (draft 60)
  const swapped = drafts.find((d) => d.id >= 20 && d.day <= 12 && d.day !== d.month);
  const doubled = drafts.find((d) => d.id >= 40 && d.votes.length >= 6);
  const misspelled = drafts.find((d) => d.id >= 60 && d.votes.some(([s]) => s === 'RUS'));
  for (const d of drafts) {
    const storedDate = d === swapped ? `${d.year}-${String(d.day).padStart(2, '0')}-${String(d.month).padStart(2, '0')}` : d.date;
    const submitted = d.t.target === null ? 'President' : d.votes.some(([s]) => s === 'USA') ? 'United States' : 'France';
    const line = (state, member, vote) => [d.year, storedDate, d.resolution, d.meeting, d.symbol, d.t.agenda, d.t.category, d.t.region, submitted, d.outcome, vote, member, d.id, P5.includes(state) ? 'Current Members' : 'Other', d.t.topic];
    for (const [s, vote] of d.votes) {
      const name = d === misspelled && s === 'RUS' ? 'Russian Federaton' : NAME[s];
      rows.push(line(s, name, vote));
      rowOf.set(`${d.id} ${s}`, rows.length);
    }
    if (d === doubled) {
      const [s, vote] = d.votes[2];
      rows.push(line(s, NAME[s], vote === 'Yes' ? 'Abstain' : 'Yes'));
      rowOf.set(`${d.id} ${s} twice`, rows.length);
    }
  }
  const evidence = 'synthetic sample: the generator planted this error (scripts/sample/unsc.mjs)';
  corrections.push(['set_date', swapped.id, '', '', `${swapped.year}-${String(swapped.day).padStart(2, '0')}-${String(swapped.month).padStart(2, '0')}`, swapped.date, 'date_day_month_swapped', 'day and month exchanged', evidence]);
  const [ds, dv] = doubled.votes[2];
  corrections.push(['drop_row', doubled.id, rowOf.get(`${doubled.id} ${ds} twice`), NAME[ds], dv === 'Yes' ? 'Abstain' : 'Yes', '', 'duplicate_member_vote', `${NAME[ds]} appears twice; the first row is right`, evidence]);
  corrections.push(['set_member', misspelled.id, rowOf.get(`${misspelled.id} RUS`), '', 'Russian Federaton', 'Russian Federation', 'misspelled_member', 'misspelled member name', evidence]);
  const noted = drafts.find((d) => d.id >= 80);
  corrections.push(['note', noted.id, '', '', noted.symbol, '', 'member_rows_missing', 'the sample Council has only the sample states (5 to 8 members), not 15', 'synthetic sample (scripts/sample/unsc.mjs)']);
  writeFileSync(path.join(dir, 'unsc_votes.csv'), rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
  writeFileSync(path.join(dir, 'unsc_corrections.csv'), corrections.map((r) => r.map(csvCell).join(',')).join('\n') + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  generateUnsc(path.resolve(process.argv[2] ?? path.join(root, 'indicators/sample')));
}
