/**
 * Reader of the Dag Hammarskjöld Library's "Security Council meetings" tables as scraped in
 * `sample_1946_2019.xlsx` of "UNSC For Us" (Emily Tong, repository `emilytong123/unsc_for_us`),
 * exported to CSV (`format: unsc_meetings`): one row per meeting, 1946–2019, with the outcome
 * text — `S/RES/1334 (2000)` and the tally `15-0-0` (Yes-No-Abstain). Used as the independent
 * check of the voting file's dates, tallies and members (it gives no member votes).
 */
import { ProblemList } from '../../domain/problem-list.js';
import { checkWidth, indexHeader, parseYearCell } from '../../format/read-csv.js';
import { readCsvRecords } from '../../format/read-csv-records.js';
import { dayMonthToIso } from './iso-date.js';

/** The columns the reader needs. */
export const UNSC_MEETING_COLUMNS = ['year', 'date', 'result'] as const;

/** A resolution as the meeting tables record it. */
export interface ResolutionOutcome {
  /** 1-based physical line of the meeting's record. */
  readonly line: number;
  readonly resolution: number;
  /** The year in the resolution's symbol, `S/RES/n (year)`. */
  readonly year: number;
  /** ISO date of the meeting, or null when the table gives none. */
  readonly date: string | null;
  /** Yes, No, Abstain, or null when the table gives no tally (`adopted unanimously`, `without vote`). */
  readonly tally: readonly [number, number, number] | null;
}

const RESOLUTION = /S\/RES\/\s*(\d{1,4})\s*\(\s*(\d{4})\s*\)/g;
const TALLY = /(\d{1,2})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})/;

/**
 * Reads the meeting tables (gzip or plain CSV) into one entry per resolution (the first
 * meeting that records it wins; later ones are repeats). A row needs a four-digit `year`; a
 * `date` that is not "day month" is read as no date.
 * @example
 * const res = await readUnscMeetings('unsc_dhl_meeting_outcomes_1946-2019.csv.gz');
 * res.get(1737) // { resolution: 1737, year: 2006, date: '2006-12-23', tally: [15, 0, 0], line: … }
 */
export async function readUnscMeetings(file: string): Promise<Map<number, ResolutionOutcome>> {
  const records = await readCsvRecords(file);
  const header = indexHeader(file, records[0], UNSC_MEETING_COLUMNS);
  const problems = new ProblemList(file);
  const out = new Map<number, ResolutionOutcome>();
  for (const row of records.slice(1)) {
    if (!checkWidth(problems, row, header.names.length)) continue;
    const cell = (name: (typeof UNSC_MEETING_COLUMNS)[number]) => row.cells[header.at.get(name)!]!;
    const year = parseYearCell(cell('year'));
    if (year === null) {
      problems.add(row.line, 'year', `expected a four-digit year, got "${cell('year')}"`);
      continue;
    }
    const date = dayMonthToIso(cell('date'), year);
    const text = cell('result');
    const found = [...text.matchAll(RESOLUTION)];
    found.forEach((m, k) => {
      const resolution = Number(m[1]);
      if (out.has(resolution)) return;
      const end = k + 1 < found.length ? found[k + 1]!.index : text.length;
      const t = TALLY.exec(text.slice(m.index + m[0].length, end));
      out.set(resolution, { line: row.line, resolution, year: Number(m[2]), date, tally: t === null ? null : [Number(t[1]), Number(t[2]), Number(t[3])] });
    });
  }
  problems.throwIfAny();
  return out;
}
