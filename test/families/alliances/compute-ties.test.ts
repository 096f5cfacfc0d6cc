import { describe, expect, it } from 'vitest';
import type { Iso3 } from '../../../src/domain/country.js';
import { collapseTies, type AllianceRows } from '../../../src/families/alliances/compute-ties.js';
import { atopLevel, cowAllianceLevel } from '../../../src/families/alliances/obligation-scale.js';

const I = (c: string) => c as Iso3;
function rows(list: [string, string, number, number, number][]): AllianceRows {
  return {
    count: list.length,
    a: list.map((r) => I(r[0])),
    b: list.map((r) => I(r[1])),
    year: Int32Array.from(list.map((r) => r[2])),
    level: Uint8Array.from(list.map((r) => r[3])),
    defence: Uint8Array.from(list.map((r) => r[4])),
  };
}

describe('the obligation scale', () => {
  it('ranks ATOP obligations 3 defence or offence, 2 neutrality or consultation, 1 non-aggression, 0 none', () => {
    const f = (defense: number, offense: number, neutral: number, nonagg: number, consul: number) => atopLevel({ defense, offense, neutral, nonagg, consul });
    expect(f(1, 0, 0, 1, 1)).toBe(3);
    expect(f(0, 1, 0, 0, 0)).toBe(3);
    expect(f(0, 0, 1, 1, 1)).toBe(2);
    expect(f(0, 0, 0, 1, 1)).toBe(2);
    expect(f(0, 0, 1, 0, 0)).toBe(2);
    expect(f(0, 0, 0, 1, 0)).toBe(1);
    expect(f(0, 0, 0, 0, 0)).toBe(0);
  });

  it('reads COW entente as consultation', () => {
    const f = (defense: number, neutral: number, nonagg: number, entente: number) => cowAllianceLevel({ defense, neutral, nonagg, entente });
    expect(f(1, 0, 1, 1)).toBe(3);
    expect(f(0, 1, 0, 0)).toBe(2);
    expect(f(0, 0, 0, 1)).toBe(2);
    expect(f(0, 0, 1, 0)).toBe(1);
    expect(f(0, 0, 0, 0)).toBe(0);
  });
});

describe('collapseTies', () => {
  it('keeps the maximum of both directions and of repeated rows, per pair-year', () => {
    const t = collapseTies([
      rows([
        ['USA', 'PRT', 1944, 3, 1],
        ['PRT', 'USA', 1944, 0, 0],
        ['USA', 'GBR', 1990, 2, 0],
        ['USA', 'GBR', 1990, 3, 1],
        ['GBR', 'USA', 1990, 3, 1],
        ['RUS', 'IRN', 2001, 2, 0],
      ]),
      rows([['IRN', 'RUS', 2001, 1, 0]]),
    ]);
    expect(t.level.get(I('PRT'), I('USA'), 1944)).toBe(3);
    expect(t.defence.get(I('USA'), I('PRT'), 1944)).toBe(1);
    expect(t.level.get(I('GBR'), I('USA'), 1990)).toBe(3);
    expect(t.level.get(I('IRN'), I('RUS'), 2001)).toBe(2);
    expect(t.defence.get(I('IRN'), I('RUS'), 2001)).toBe(0);
    expect(t.level.size).toBe(3);
    // USA–PRT 1944 differs by direction; RUS–IRN 2001 is coded 2 one way, 1 the other
    expect(t.asymmetric).toBe(2);
  });
});
