import { describe, expect, it } from 'vitest';
import { compileFormula as compileWith, FORMULA_LIMITS, type MathNode } from '../../src/core/formula.js';
import { mathjsParser } from '../../src/config/formula-parser.js';

const compileFormula = (s: string, ids: readonly string[]) => compileWith(mathjsParser(), s, ids);
import { FormulaError } from '../../src/domain/errors.js';

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

describe('formulas of any size', () => {
  const sumOf = (n: number, name = 'un') => Array.from({ length: n }, () => name).join(' + ');

  it('a sum of 1,000 terms, max() of 1,000 arguments and 64 levels of nesting are read and evaluated', () => {
    expect(compileFormula(sumOf(FORMULA_LIMITS.terms), ids).evaluate({ un: 0.001 })).toBeCloseTo(1, 9);
    const args = Array.from({ length: FORMULA_LIMITS.terms }, (_, i) => (i === 500 ? 'arms' : 'un')).join(', ');
    expect(compileFormula(`max(${args})`, ids).evaluate({ un: 0.1, arms: 0.7 })).toBe(0.7);
    expect(compileFormula(`min(${args})`, ids).evaluate({ un: 0.1, arms: NaN })).toBeNaN(); // NaN propagates as in Math.min
    const deep = '('.repeat(FORMULA_LIMITS.depth - 2) + 'max(un, -arms)' + ')'.repeat(FORMULA_LIMITS.depth - 2); // 63 levels and a sign
    expect(compileFormula(deep, ids).evaluate({ un: 0.2, arms: 0.5 })).toBe(0.2);
  });

  it('more than 1,000 terms is an error at the first term over the limit, before the parser runs', () => {
    for (const src of [sumOf(3000), `max(${Array.from({ length: 200_000 }, () => 'un').join(', ')})`, sumOf(100_000, '0.5')]) {
      let err: unknown;
      const parse = () => {
        throw new Error('the parser must not run');
      };
      try {
        compileWith(parse, src, ids);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(FormulaError);
      expect((err as FormulaError).message).toBe('the formula has more than 1,000 terms (numbers and indicator ids); simplify it (a weighted sum of every indicator needs one term per indicator)');
      const before = src.slice(0, (err as FormulaError).position!);
      expect(before.match(/un|0\.5/g)?.length).toBe(FORMULA_LIMITS.terms); // the 1,001st term
      expect(/^(un|0\.5)/.test(src.slice(before.length))).toBe(true);
    }
  });

  it('more than 64 levels of parentheses, calls or signs in a row is an error at the bracket or sign that passes it', () => {
    const cases: [string, number][] = [
      ['('.repeat(5000) + 'un' + ')'.repeat(5000), 64],
      ['max('.repeat(3000) + 'un' + ')'.repeat(3000), 4 * 64 + 3],
      ['-'.repeat(50_000) + 'un', 64],
      ['un - ' + '- '.repeat(100) + 'arms', 5 + 2 * 64], // the first `-` is a subtraction, the next 64 are signs
    ];
    for (const [src, pos] of cases) {
      let err: unknown;
      try {
        compileFormula(src, ids);
      } catch (e) {
        err = e;
      }
      expect((err as FormulaError).message).toBe('the formula nests more than 64 levels deep (parentheses, function calls and signs in a row); write it flatter');
      expect((err as FormulaError).position).toBe(pos);
    }
    expect(compileFormula('un - -arms + -(-un)', ids).evaluate({ un: 0.25, arms: 0.5 })).toBe(1);
    expect(compileFormula('2e-1*un + 1.5E+0 * arms', ids).evaluate({ un: 1, arms: 0.2 })).toBeCloseTo(0.5, 12);
  });

  it('the checker and the evaluation use no call stack: a tree 200,000 levels deep and a call with 200,000 arguments', () => {
    // the parser is injected: a deep tree as mathjs would build for a 200,000-term sum
    const leaf = (name: string): MathNode => ({ type: 'SymbolNode', name });
    let sum: MathNode = leaf('un');
    for (let i = 1; i < 200_000; i++) sum = { type: 'OperatorNode', op: '+', fn: 'add', args: [sum, leaf(i % 2 ? 'arms' : 'un')] };
    expect(compileWith(() => sum, 'un', ids).evaluate({ un: 1, arms: 2 })).toBe(300_000 - 1 + 1);
    const call: MathNode = { type: 'FunctionNode', fn: { type: 'SymbolNode', name: 'max' }, args: Array.from({ length: 200_000 }, (_, i) => leaf(i === 7 ? 'arms' : 'un')) };
    expect(compileWith(() => call, 'un', ids).evaluate({ un: 0.1, arms: 0.9 })).toBe(0.9);
    let unknown: MathNode = leaf('mystery');
    for (let i = 0; i < 200_000; i++) unknown = { type: 'OperatorNode', op: '-', fn: 'unaryMinus', args: [unknown] };
    expect(() => compileWith(() => unknown, 'un', ids)).toThrow(/unknown indicator "mystery"/);
  });

  it('a parser that runs out of stack is a formula error, not a crash', () => {
    const overflow = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    expect(() => compileWith(overflow, 'un^un^un', ids)).toThrow(/^the formula nests too deeply to be read; write it flatter/);
  });
});
