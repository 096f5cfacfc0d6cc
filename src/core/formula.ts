/**
 * User formulas for `aggregation: formula`, e.g. `0.4*un + 0.3*arms + 0.2*trade + 0.1*drills`.
 * Parsed once with mathjs, checked against a whitelist (numbers, indicator ids, + − × ÷,
 * unary minus/plus, parentheses and the functions in {@link FORMULA_FUNCTIONS}), then
 * compiled once into a plain JavaScript closure. Assignments (`un = 5`), function
 * definitions, `import(...)`, conditionals, matrices and unknown names are rejected with the
 * position in the formula. The formula sees the *normalised* values (0–1).
 */
import { FormulaError } from '../domain/errors.js';

/** A compiled formula over named inputs. */
export interface CompiledFormula {
  readonly source: string;
  /** Indicator ids the formula reads, in order of first use. */
  readonly inputs: readonly string[];
  /** Evaluates with values by indicator id (NaN propagates). */
  evaluate(values: Readonly<Record<string, number>>): number;
}

/**
 * Functions a formula may call, with their arity (−1 = one or more). A function of one or more
 * arguments is folded over them two at a time (`max(a, b, c)` = max(max(a, b), c)), so any
 * number of arguments costs no call stack.
 */
export const FORMULA_FUNCTIONS: Readonly<Record<string, { arity: number; impl: (a: number, b: number) => number }>> = {
  min: { arity: -1, impl: (a, b) => Math.min(a, b) },
  max: { arity: -1, impl: (a, b) => Math.max(a, b) },
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
 * The size a formula may have: at most 1,000 terms (numbers and indicator ids) and 64 levels
 * of nesting (parentheses, function calls, signs in a row). Real formulas have a few dozen
 * terms; the limits keep the parser (mathjs reads nesting recursively) and the per-pair-year
 * evaluation bounded.
 */
export const FORMULA_LIMITS = { terms: 1000, depth: 64 } as const;

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9.]/;

/**
 * Checks a formula's size on its text, before it is parsed: terms and nesting against
 * {@link FORMULA_LIMITS}. A linear scan with no recursion, whatever the text.
 * @throws {FormulaError} at the first term or bracket over a limit.
 * @example checkFormulaSize('0.5*un + 0.5*arms') // passes
 */
export function checkFormulaSize(source: string): void {
  let terms = 0;
  let depth = 0;
  let signs = 0; // signs in a row (each is one more level for the parser)
  let prev = ''; // the last token: '' at the start, 'term', ')', or an operator character
  for (let i = 0; i < source.length; ) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (IDENT_START.test(c) || DIGIT.test(c)) {
      const ident = IDENT_START.test(c);
      let j = i + 1;
      if (ident) while (j < source.length && IDENT_PART.test(source[j]!)) j++;
      else
        while (j < source.length && (DIGIT.test(source[j]!) || ((source[j] === 'e' || source[j] === 'E') && j + 1 < source.length) || ((source[j] === '+' || source[j] === '-') && /[eE]/.test(source[j - 1]!)))) j++;
      let k = j;
      while (k < source.length && (source[k] === ' ' || source[k] === '\t')) k++;
      const isCall = ident && source[k] === '(';
      if (!isCall && ++terms > FORMULA_LIMITS.terms) {
        throw new FormulaError(`the formula has more than ${FORMULA_LIMITS.terms.toLocaleString('en-US')} terms (numbers and indicator ids); simplify it (a weighted sum of every indicator needs one term per indicator)`, i);
      }
      prev = 'term';
      signs = 0;
      i = j;
      continue;
    }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if ((c === '-' || c === '+') && prev !== 'term' && prev !== ')') signs++;
    else signs = 0;
    if (depth + signs > FORMULA_LIMITS.depth) {
      throw new FormulaError(`the formula nests more than ${FORMULA_LIMITS.depth} levels deep (parentheses, function calls and signs in a row); write it flatter`, i);
    }
    prev = c === ')' || c === ']' || c === '}' ? ')' : c;
    i++;
  }
}

// program codes of a compiled formula (a postfix program run on a number stack)
const PUSH_CONSTANT = 0;
const PUSH_INPUT = 1;
const UNARY = 2;
const BINARY = 3;
const FOLD = 4;

/**
 * Parses, checks and compiles a formula. The size is checked first ({@link checkFormulaSize});
 * the tree is then checked and compiled into a postfix program without recursion, and
 * evaluated on a number stack, so a long sum (a tree as deep as it has terms) costs no
 * call stack.
 * @param parse mathjs's parser (see `io/formula-parser.ts`, which loads mathjs only when a formula is used).
 * @param ids the indicator ids allowed as names.
 * @throws {FormulaError} with the 0-based position of the offending part.
 * @example compileFormula(parse, '0.5*un + 0.5*arms', ['un','arms']).evaluate({ un: 0.8, arms: 0.4 }) // 0.6
 */
export function compileFormula(parse: FormulaParser, source: string, ids: readonly string[]): CompiledFormula {
  checkFormulaSize(source);
  let root: MathNode;
  try {
    root = parse(source);
  } catch (e) {
    if (e instanceof RangeError) {
      // the parser's recursion ran out of stack: nesting the size check does not count (e.g. `^` chains)
      throw new FormulaError(`the formula nests too deeply to be read; write it flatter (at most ${FORMULA_LIMITS.depth} levels of parentheses, function calls and signs)`, null);
    }
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
  const codes: number[] = [];
  const operands: number[] = []; // constant index, input index, operator index or argument count
  const impls: ((a: number, b: number) => number)[] = [];
  const constants: number[] = [];
  const names: string[] = [];
  let sp = 0;
  let maxSp = 0;
  const emit = (code: number, operand: number, impl: ((a: number, b: number) => number) | null, pops: number): void => {
    codes.push(code);
    operands.push(operand);
    impls.push(impl ?? Math.abs);
    sp += 1 - pops;
    if (sp > maxSp) maxSp = sp;
  };

  /** Checks a node before its children (pre-order, as the positions of errors are reported). */
  const check = (node: MathNode): readonly MathNode[] => {
    switch (node.type) {
      case 'ConstantNode':
        if (typeof node.value !== 'number') throw new FormulaError(`only numbers are allowed as constants, got ${JSON.stringify(node.value)}`, at(String(node.value)));
        return [];
      case 'SymbolNode':
        if (!allowed.has(node.name!)) throw new FormulaError(`unknown indicator "${node.name}" in formula; known: ${ids.join(', ')}`, at(node.name!));
        return [];
      case 'ParenthesisNode':
        return [node.content!];
      case 'OperatorNode':
        if (!Object.hasOwn(OPERATORS, node.fn as string)) throw new FormulaError(`operator ${node.op} not allowed (allowed: + - * / and parentheses)`, at(node.op ?? ''));
        return node.args ?? [];
      case 'FunctionNode': {
        const fnNode = node.fn as MathNode;
        const name = fnNode.name ?? '';
        if (fnNode.type !== 'SymbolNode' || !Object.hasOwn(FORMULA_FUNCTIONS, name)) {
          throw new FormulaError(`function ${name || '?'}() not allowed (allowed: ${Object.keys(FORMULA_FUNCTIONS).join(', ')})`, at(`${name}(`));
        }
        return node.args ?? [];
      }
      case 'AssignmentNode':
        throw new FormulaError('assignment is not allowed in a formula (AssignmentNode); write an expression such as 0.5*un + 0.5*arms', at('='));
      case 'FunctionAssignmentNode':
        throw new FormulaError('function definitions are not allowed in a formula (FunctionAssignmentNode)', at('='));
      default:
        throw new FormulaError(`${node.type} not allowed in a formula; use numbers, indicator ids, + - * /, parentheses and ${Object.keys(FORMULA_FUNCTIONS).join(', ')}`, null);
    }
  };

  /** Emits a node's operation once its children are emitted (post-order). */
  const compile = (node: MathNode): void => {
    switch (node.type) {
      case 'ConstantNode':
        constants.push(node.value as number);
        emit(PUSH_CONSTANT, constants.length - 1, null, 0);
        break;
      case 'SymbolNode': {
        const name = node.name!;
        if (!inputs.includes(name)) inputs.push(name);
        names.push(name);
        emit(PUSH_INPUT, names.length - 1, null, 0);
        break;
      }
      case 'OperatorNode': {
        const op = OPERATORS[node.fn as string]!;
        emit(op.arity === 1 ? UNARY : BINARY, 0, op.impl, op.arity);
        break;
      }
      case 'FunctionNode': {
        const name = (node.fn as MathNode).name!;
        const f = FORMULA_FUNCTIONS[name]!;
        const n = node.args?.length ?? 0;
        if ((f.arity === -1 && n < 1) || (f.arity > 0 && n !== f.arity)) {
          throw new FormulaError(`function ${name}() takes ${f.arity === -1 ? 'one or more' : f.arity} argument(s), got ${n}`, at(`${name}(`));
        }
        if (f.arity === 1) emit(UNARY, 0, f.impl, 1);
        else emit(FOLD, n, f.impl, n);
        break;
      }
      default:
        break; // ParenthesisNode: its content is the value
    }
  };

  // depth-first without recursion: a sum of n terms is a tree n levels deep
  const pending: { node: MathNode; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (pending.length > 0) {
    const top = pending[pending.length - 1]!;
    if (top.expanded) {
      pending.pop();
      compile(top.node);
      continue;
    }
    top.expanded = true;
    const children = check(top.node);
    for (let i = children.length - 1; i >= 0; i--) pending.push({ node: children[i]!, expanded: false });
  }

  const program = Int32Array.from(codes);
  const operand = Int32Array.from(operands);
  const stack = new Float64Array(Math.max(1, maxSp));
  const evaluate = (v: Readonly<Record<string, number>>): number => {
    let top = -1;
    for (let pc = 0; pc < program.length; pc++) {
      switch (program[pc]) {
        case PUSH_CONSTANT:
          stack[++top] = constants[operand[pc]!]!;
          break;
        case PUSH_INPUT:
          stack[++top] = v[names[operand[pc]!]!] ?? NaN;
          break;
        case UNARY:
          stack[top] = impls[pc]!(stack[top]!, 0);
          break;
        case BINARY:
          stack[top - 1] = impls[pc]!(stack[top - 1]!, stack[top]!);
          top--;
          break;
        default: {
          // FOLD: the function over the top n values, two at a time
          const n = operand[pc]!;
          const base = top - n + 1;
          const f = impls[pc]!;
          let acc = stack[base]!;
          for (let i = 1; i < n; i++) acc = f(acc, stack[base + i]!);
          stack[base] = acc;
          top = base;
        }
      }
    }
    return stack[0]!;
  };
  return { source, inputs, evaluate };
}
