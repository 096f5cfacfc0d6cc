import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  datePrecision,
  dayNumber,
  earliestDay,
  formatPartialDate,
  latestDay,
  makePartialDate,
  parseDateText,
  partialDateFromCells,
} from '../../../src/families/joint-drills/partial-date.js';

describe('parseDateText', () => {
  it('reads MME month-first dates with two-digit years around the pivot', () => {
    expect(parseDateText('8/18/05')).toEqual({ year: 2005, month: 8, day: 18 });
    expect(parseDateText('1/14/80')).toEqual({ year: 1980, month: 1, day: 14 });
    expect(parseDateText('12/31/29')).toEqual({ year: 2029, month: 12, day: 31 });
    expect(parseDateText('1/1/30')).toEqual({ year: 1930, month: 1, day: 1 });
  });

  it('keeps an unknown day or month unknown', () => {
    expect(parseDateText('1993-05-xx')).toEqual({ year: 1993, month: 5, day: null });
    expect(parseDateText('09/xx/2007')).toEqual({ year: 2007, month: 9, day: null });
    expect(parseDateText('03/XX/2010')).toEqual({ year: 2010, month: 3, day: null });
    expect(parseDateText('xx/xx/1999')).toEqual({ year: 1999, month: null, day: null });
    expect(parseDateText('2021')).toEqual({ year: 2021, month: null, day: null });
    expect(parseDateText('2021-09')).toEqual({ year: 2021, month: 9, day: null });
  });

  it('rejects what is not a date', () => {
    for (const t of ['', '-9', 'soon', '02/126/1993', '2/30/2001', '11/xx2002', '10/xx/007', '13/1/2000', 'xx/xx/xxxx']) {
      expect(parseDateText(t), t).toBeNull();
    }
  });
});

describe('partial dates', () => {
  it('reads parsed parts with xx and -9 as unknown', () => {
    expect(partialDateFromCells('1993', '5', 'xx')).toEqual({ year: 1993, month: 5, day: null });
    expect(partialDateFromCells('1993', '-9', '-9')).toEqual({ year: 1993, month: null, day: null });
    expect(partialDateFromCells('', '', '')).toBe('absent');
    expect(partialDateFromCells('xxxx', 'xx', 'xx')).toBe('absent');
    expect(partialDateFromCells('1993', '2', '126')).toBeNull();
  });

  it('spans the days a partial date may denote', () => {
    const may = { year: 1993, month: 5, day: null };
    expect(earliestDay(may)).toBe(dayNumber(1993, 5, 1));
    expect(latestDay(may)).toBe(dayNumber(1993, 5, 31));
    const y = { year: 2008, month: null, day: null };
    expect(latestDay(y) - earliestDay(y) + 1).toBe(366);
    expect(datePrecision(may)).toBe('month');
  });

  it('refuses impossible dates and a day without a month', () => {
    expect(makePartialDate(2009, 2, 29)).toBeNull();
    expect(makePartialDate(2008, 2, 29)).toEqual({ year: 2008, month: 2, day: 29 });
    expect(makePartialDate(2008, null, 3)).toBeNull();
  });

  it('orders and prints partial dates', () => {
    const a = { year: 2009, month: 7, day: 22 };
    const b = { year: 2009, month: 7, day: null };
    expect(comparePartialDates(b, a)).toBeLessThan(0);
    expect(formatPartialDate(a)).toBe('2009-07-22');
    expect(formatPartialDate(b)).toBe('2009-07');
    expect(formatPartialDate({ year: 2009, month: null, day: null })).toBe('2009');
  });
});
