// Writes indicators/sample/sipri_trade_register.csv — OUR OWN SYNTHETIC data for the bundled
// sample, in the format of SIPRI's raw trade-register export (Latin-1, note lines above the
// header, unquoted fields, the three single-space header cells, one record broken over two
// lines inside Comments, exactly as SIPRI ships them). The deals are made up, drawn from the
// latent alignment in latent.mjs: more deliveries where latent() is high. Not SIPRI data.
// usage: node scripts/sample/arms.mjs [out-dir]   (default: indicators/sample)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FROM, STATES, TO, latent, rng } from './latent.mjs';

/** SIPRI spelling of each sample state (the Soviet Union delivers up to 1991). */
const SIPRI_NAME = {
  BRA: 'Brazil', CHN: 'China', DEU: 'Germany', FRA: 'France', GBR: 'United Kingdom', IND: 'India',
  IRN: 'Iran', ISR: 'Israel', RUS: 'Russia', SYR: 'Syria', TUR: 'Turkiye', USA: 'United States',
};
const nameOf = (code, year) => (code === 'RUS' && year <= 1991 ? 'Soviet Union' : SIPRI_NAME[code]);

/** Suppliers and how active they are (deal rate multiplier). */
const SUPPLIERS = { USA: 1.6, RUS: 1.3, FRA: 0.8, GBR: 0.6, DEU: 0.6, CHN: 0.7, ISR: 0.4, TUR: 0.15, IND: 0.08, BRA: 0.08 };

/** Made-up weapon systems: designation, SIPRI-style description, TIV per unit, typical order size (also used by bench/scale-generate.mjs). */
export const WEAPONS = [
  ['SAM-M1', 'SAM system', 12.5, [2, 30]],
  ['FGA-27', 'FGA aircraft', 30, [6, 24]],
  ['TR-130', 'trainer/combat aircraft', 10.5, [4, 16]],
  ['APC-80', 'APC', 0.3, [20, 200]],
  ['MBT-90', 'tank', 2.5, [10, 120]],
  ['FF-2000', 'frigate', 150, [1, 4]],
  ['TH-17', 'transport helicopter', 4.5, [4, 24]],
  ['AT-3', 'anti-tank missile', 0.02, [200, 3000]],
  ['AS-R5', 'air search radar', 6.5, [1, 6]],
  ['VE-275', 'vehicle engine', 0.03, [10, 150]],
];

const NOTES = [
  "SYNTHETIC SAMPLE made by Entente (scripts/sample/arms.mjs) in SIPRI's export format; the deals are invented and are NOT SIPRI data. Transfers of major conventional arms from All countries  to All countries . Deals with deliveries made for the year range 'Not specified' to 'Not specified' ",
  "A '?' in a column indicates uncertain data. The 'Number delivered' and the 'Year(s) of deliveries' refer only to deliveries in the selected year(s).",
  "An empty field for 'Number ordered' indicates that data is not yet available.",
  'SIPRI trend-indicator values (TIVs) are in millions.',
  "An empty field for 'SIPRI TIV for total order' indicates that data (on the number ordered and/or the TIV per unit) is not available.",
  "A '0' for 'SIPRI TIV of delivered weapons' indicates that the volume of deliveries is between 0 and 0.5 million SIPRI TIV; and an empty field indicates that no deliveries have been identified.",
  'Figures may not add up to stated totals due to the conventions of rounding.',
  'For the method used for the SIPRI TIV and explanations of the conventions; abbreviations and acronyms see <https://www.sipri.org/databases/armstransfers/sources-and-methods>.',
  '',
  'Source: synthetic sample in the format of the SIPRI Arms Transfers Database export.',
  'Data generated: synthetic (Entente sample)',
];

const HEADER =
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';

/** Rounds like SIPRI prints: up to 2 decimals, no trailing zeros. */
const num = (x) => String(Math.round(x * 100) / 100);

/** Builds the synthetic register's lines (header included), deterministic for a seed. */
export function syntheticRegisterLines(seed = 7171) {
  const rand = rng(seed);
  const pick = (arr) => arr[Math.floor(rand() * arr.length)];
  const deals = [];
  for (let order = FROM - 3; order <= TO; order++) {
    for (const [s, rate] of Object.entries(SUPPLIERS)) {
      for (const r of STATES) {
        if (r === s) continue;
        const l = latent(s, r, Math.max(FROM, Math.min(TO, order)));
        const p = 0.8 * rate * Math.max(0, l - 0.3) ** 1.5;
        if (rand() >= p) continue;
        const [designation, description, unit0, [lo, hi]] = pick(WEAPONS);
        const status = rand() < 0.8 ? 'New' : rand() < 0.7 ? 'Second hand' : 'Second hand but modernized';
        const unit = status === 'New' ? unit0 : status === 'Second hand' ? unit0 * 0.4 : unit0 * 0.66;
        const ordered = Math.round(lo + rand() * (hi - lo));
        const start = Math.max(FROM, order + 1 + Math.floor(rand() * 2));
        const span = 1 + Math.floor(rand() * 4);
        const years = [];
        for (let y = start; y < start + span && y <= TO; y++) years.push(y);
        const delivered = years.length === 0 ? 0 : years.length < span ? Math.round((ordered * years.length) / span) : ordered;
        deals.push({
          recipient: nameOf(r, years[0] ?? order),
          supplier: nameOf(s, years[0] ?? order),
          order,
          orderQ: rand() < 0.3 ? '?' : '',
          ordered,
          orderedQ: rand() < 0.25 ? '?' : '',
          designation,
          description,
          delivered,
          deliveredQ: delivered > 0 && rand() < 0.08 ? '?' : '',
          years,
          status,
          comments: status === 'New' ? (rand() < 0.3 ? 'Synthetic deal; aid' : '') : 'Second-hand; synthetic deal',
          unit,
        });
      }
    }
  }
  // Non-state and unknown parties, as SIPRI lists them; Entente skips and counts them.
  deals.push({ recipient: 'Hezbollah (Lebanon)*', supplier: 'Iran', order: 2005, orderQ: '?', ordered: 50, orderedQ: '?', designation: 'AT-3', description: 'anti-tank missile', delivered: 50, deliveredQ: '', years: [2006], status: 'New', comments: 'Synthetic deal', unit: 0.02 });
  deals.push({ recipient: 'Syria', supplier: 'unknown supplier(s)', order: 2012, orderQ: '?', ordered: 20, orderedQ: '?', designation: 'APC-80', description: 'APC', delivered: 20, deliveredQ: '', years: [2013, 2014], status: 'Second hand', comments: 'Second-hand; synthetic deal', unit: 0.12 });
  deals.push({ recipient: 'NATO**', supplier: 'United States', order: 2015, orderQ: '', ordered: 3, orderedQ: '', designation: 'AS-R5', description: 'air search radar', delivered: 3, deliveredQ: '', years: [2016, 2017], status: 'New', comments: 'Synthetic deal; for NATO early warning', unit: 6.5 });
  deals.sort((a, b) => (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : a.order - b.order));
  const lines = deals.map((d) =>
    [
      d.recipient, d.supplier, d.order, d.orderQ, d.ordered, d.orderedQ, d.designation, d.description,
      d.delivered, d.deliveredQ, d.years.join('; '), d.status, d.comments, num(d.unit), num(d.unit * d.ordered), num(d.unit * d.delivered),
    ].join(','),
  );
  // SIPRI's raw export breaks a few records inside Comments; reproduce one (CR LF, as SIPRI does).
  const k = lines.findIndex((l) => l.includes(',Second-hand; synthetic deal,'));
  if (k >= 0) lines[k] = lines[k].replace(',Second-hand; synthetic deal,', ',Second-hand; synthetic deal; modernisé before delivery\r\n,');
  return [...NOTES, HEADER, ...lines];
}

/** Writes the synthetic register into `dir` (Latin-1, LF line ends, like SIPRI's raw export). */
export default function generateArms(dir) {
  const file = path.join(dir, 'sipri_trade_register.csv');
  writeFileSync(file, Buffer.from(syntheticRegisterLines().join('\n') + '\n', 'latin1'));
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  console.log(generateArms(process.argv[2] ?? path.join(root, 'indicators', 'sample')));
}
