/**
 * User formulas for `aggregation: formula`, e.g. `0.4*un + 0.3*arms + 0.2*trade + 0.1*drills`.
 * Parsed once with mathjs, checked against a whitelist (numbers, indicator ids, + − × ÷,
 * unary minus/plus, parentheses and the functions in {@link FORMULA_FUNCTIONS}), then
 * compiled once into a plain JavaScript closure. Assignments (`un = 5`), function
 * definitions, `import(...)`, conditionals, matrices and unknown names are rejected with the
 * position in the formula. The formula sees the *normalised* values (0–1).
 */
import { FormulaError } from '../errors.js';

/** A compiled formula over named inputs. */
export interface CompiledFormula {
  readonly source: string;
  /** Indicator ids the formula reads, in order of first use. */
  readonly inputs: readonly string[];
  /** Evaluates with values by indicator id (NaN propagates). */
  evaluate(values: Readonly<Record<string, number>>): number;
}

type Fn = (v: Readonly<Record<string, number>>) => number;

/** Functions a formula may call, with their arity (−1 = one or more). */
export const FORMULA_FUNCTIONS: Readonly<Record<string, { arity: number; impl: (...a: number[]) => number }>> = {
  min: { arity: -1, impl: (...a) => Math.min(...a) },
  max: { arity: -1, impl: (...a) => Math.max(...a) },
  sqrt: { arity: 1, impl: (x) => Math.sqrt(x) },
  abs: { arity: 1, impl: (x) => Math.abs(x) },
};

const OPERATORS: Readonly<Record<string, { arity: number; impl: (a: number, b: number) => number }>> = {
  add: { arity: 2, impl: (a, b) => a + b },
  subtract: { arity: 2, impl: (a, b) => a - b },
  multiply: { arity: 2, impl: (a, b) => a * b },
  divide: { arity: 2, impl: (a, b) => a / b },
  unaryMinus: { arity: 1, impl: (a) => -a },
  unaryPlus: { arity: 1, impl: (a) => a },
};

/** A mathjs expression tree node (the fields the checker reads). */
export interface MathNode {
  type: string;
  fn?: string | MathNode;
  op?: string;
  name?: string;
  value?: unknown;
  args?: MathNode[];
  content?: MathNode;
}

/** Parses formula text into a mathjs tree (mathjs's `parse`, loaded by the I/O layer on demand). */
export type FormulaParser = (source: string) => MathNode;

/**
 * Parses, checks and compiles a formula.
 * @param parse mathjs's parser (see `io/formula-parser.ts`, which loads mathjs only when a formula is used).
 * @param ids the indicator ids allowed as names.
 * @throws {FormulaError} with the 0-based position of the offending part.
 * @example compileFormula(parse, '0.5*un + 0.5*arms', ['un','arms']).evaluate({ un: 0.8, arms: 0.4 }) // 0.6
 */
export function compileFormula(parse: FormulaParser, source: string, ids: readonly string[]): CompiledFormula {
  let root: MathNode;
  try {
    root = parse(source);
  } catch (e) {
    const m = /\(char (\d+)\)/.exec((e as Error).message);
    const pos = m ? Number(m[1]) - 1 : null;
    throw new FormulaError(`formula does not parse: ${(e as Error).message}`, pos);
  }
  const allowed = new Set(ids);
  const inputs: string[] = [];
  const at = (token: string): number | null => {
    const i = source.indexOf(token);
    return i >= 0 ? i : null;
  };
  const build = (node: MathNode): Fn => {
    switch (node.type) {
      case 'ConstantNode': {
        if (typeof node.value !== 'number') throw new FormulaError(`only numbers are allowed as constants, got ${JSON.stringify(node.value)}`, at(String(node.value)));
        const c = node.value;
        return () => c;
      }
      case 'SymbolNode': {
        const name = node.name!;
        if (!allowed.has(name)) {
          throw new FormulaError(`unknown indicator "${name}" in formula; known: ${ids.join(', ')}`, at(name));
        }
        if (!inputs.includes(name)) inputs.push(name);
        return (v) => v[name] ?? NaN;
      }
      case 'ParenthesisNode':
        return build(node.content!);
      case 'OperatorNode': {
        const op = OPERATORS[node.fn as string];
        if (!op) throw new FormulaError(`operator ${node.op} not allowed (allowed: + - * / and parentheses)`, at(node.op ?? ''));
        const args = (node.args ?? []).map(build);
        if (op.arity === 1) {
          const [a] = args as [Fn];
          return (v) => op.impl(a(v), 0);
        }
        const [a, b] = args as [Fn, Fn];
        return (v) => op.impl(a(v), b(v));
      }
      case 'FunctionNode': {
        const fnNode = node.fn as MathNode;
        const name = fnNode.name ?? '';
        const f = FORMULA_FUNCTIONS[name];
        if (fnNode.type !== 'SymbolNode' || !f) {
          throw new FormulaError(`function ${name || '?'}() not allowed (allowed: ${Object.keys(FORMULA_FUNCTIONS).join(', ')})`, at(`${name}(`));
        }
        const args = (node.args ?? []).map(build);
        if ((f.arity === -1 && args.length < 1) || (f.arity > 0 && args.length !== f.arity)) {
          throw new FormulaError(`function ${name}() takes ${f.arity === -1 ? 'one or more' : f.arity} argument(s), got ${args.length}`, at(`${name}(`));
        }
        return (v) => f.impl(...args.map((g) => g(v)));
      }
      case 'AssignmentNode':
        throw new FormulaError('assignment is not allowed in a formula (AssignmentNode); write an expression such as 0.5*un + 0.5*arms', at('='));
      case 'FunctionAssignmentNode':
        throw new FormulaError('function definitions are not allowed in a formula (FunctionAssignmentNode)', at('='));
      default:
        throw new FormulaError(`${node.type} not allowed in a formula; use numbers, indicator ids, + - * /, parentheses and ${Object.keys(FORMULA_FUNCTIONS).join(', ')}`, null);
    }
  };
  const fn = build(root);
  return { source, inputs, evaluate: fn };
}
