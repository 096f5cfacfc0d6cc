import { describe, expect, it } from 'vitest';
import { compileFormula as compileWith } from '../../src/core/formula.js';
import { mathjsParser } from '../../src/io/formula-parser.js';

const compileFormula = (s: string, ids: readonly string[]) => compileWith(mathjsParser(), s, ids);
import { FormulaError } from '../../src/errors.js';

const ids = ['un', 'arms', 'trade', 'drills'];

describe('formula', () => {
  it('evaluates a weighted sum once compiled', () => {
    const f = compileFormula('0.4*un + 0.3*arms + 0.2*trade + 0.1*drills', ids);
    expect(f.evaluate({ un: 0.8, arms: 0.5, trade: 0.3, drills: 1 })).toBeCloseTo(0.63, 12);
    expect(f.inputs).toEqual(['un', 'arms', 'trade', 'drills']);
  });

  it('allows min, max, sqrt and abs', () => {
    const f = compileFormula('max(un, arms) * sqrt(trade) + abs(-drills) - min(un, 0)', ids);
    expect(f.evaluate({ un: 0.2, arms: 0.6, trade: 0.25, drills: 0.1 })).toBeCloseTo(0.6 * 0.5 + 0.1, 12);
  });

  const rejected: [string, RegExp, number | null][] = [
    ['un = 5', /assignment/, 3],
    ['f(x) = x^2', /function definitions/, 5],
    ['import("fs")', /import\(\) not allowed/, 0],
    ['un^2', /operator \^ not allowed/, 2],
    ['un + mystery', /unknown indicator "mystery"/, 5],
    ['un > arms ? 1 : 0', /not allowed/, null],
    ['[1, 2]', /ArrayNode not allowed/, null],
    ['(un + ', /does not parse/, null],
  ];
  for (const [src, msg, pos] of rejected) {
    it(`rejects ${src} with the position`, () => {
      let err: unknown;
      try {
        compileFormula(src, ids);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormulaError);
      expect((err as FormulaError).message).toMatch(msg);
      if (pos !== null) expect((err as FormulaError).position).toBe(pos);
    });
  }

  it('never writes into the scope', () => {
    const scope = { un: 0.5, arms: 0.5, trade: 0, drills: 0 };
    compileFormula('un + arms', ids).evaluate(scope);
    expect(scope).toEqual({ un: 0.5, arms: 0.5, trade: 0, drills: 0 });
  });
});
