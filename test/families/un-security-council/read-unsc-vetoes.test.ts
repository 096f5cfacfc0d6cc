import { describe, expect, it } from 'vitest';
import { readUnscVetoes } from '../../../src/families/un-security-council/read-unsc-vetoes.js';
import { fx, permanent, problemsOf, resolve } from './helpers.js';

describe('readUnscVetoes', () => {
  it('reads each veto with its ISO date, symbol and vetoing members from the names (China before 1971 is the Republic of China)', async () => {
    const v = await readUnscVetoes(fx('unsc_vetoes.csv'), resolve, permanent);
    expect(v.map((x) => [x.line, x.date, x.symbol, x.members.join('+')])).toEqual([
      [2, '1955-12-13', 'S/3502', 'TWN'],
      [3, '1955-12-13', 'S/3510', 'RUS'],
      [4, '1956-10-30', 'S/3710', 'GBR+FRA'],
      [5, '2006-07-13', 'S/2006/508', 'USA'],
      [6, '2007-01-12', 'S/2007/14', 'CHN+RUS'],
      [7, '2020-07-10', 'S/2020/667', 'RUS+CHN'],
    ]);
  });

  it('reports every bad row at once: a bad date, a member without a permanent seat, a date in another year, an unknown name', async () => {
    expect(await problemsOf(readUnscVetoes(fx('unsc_vetoes_broken.csv'), resolve, permanent))).toEqual([
      [2, 'date', 'expected a date M/D/YYYY, got "13/10/2020"'],
      [3, 'member_veto2', '"Brazil" (BRA) did not hold a permanent seat in 2019; only a permanent member can veto'],
      [4, 'date', "the date 2/28/2020 is not in the row's year 2019"],
      [5, 'member_veto1', 'unknown country name "Chinaa"; closest known: "China"'],
    ]);
  });
});
