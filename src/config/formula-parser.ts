import { createRequire } from 'node:module';
import type { FormulaParser, MathNode } from '../core/formula.js';

let parser: FormulaParser | null = null;

/**
 * mathjs's expression parser, loaded on first use: importing mathjs costs about 0.7 s and
 * 80 MB, which a run without `aggregation: formula` should not pay. Uses a private mathjs
 * instance holding only the parser (no `import`, `evaluate`, `createUnit`).
 */
export function mathjsParser(): FormulaParser {
  if (parser === null) {
    const require = createRequire(import.meta.url);
    const { create, parseDependencies } = require('mathjs') as typeof import('mathjs');
    const math = create({ parseDependencies: parseDependencies! });
    parser = (source: string) => math.parse(source) as unknown as MathNode;
  }
  return parser;
}
