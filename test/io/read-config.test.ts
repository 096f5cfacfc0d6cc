import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/io/read-config.js';
import { ConfigError } from '../../src/errors.js';

const good = `name: t
indicators:
  un:
    family: dyad_year
    source: { format: dyad_year, path: a.csv }
    weight: 2
`;

function problems(text: string): string {
  try {
    parseConfigText(text, 'cfg.yaml', {});
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('fills the documented defaults', () => {
    const c = parseConfigText(good, 'cfg.yaml', {});
    expect(c.scale).toEqual([0, 100]);
    expect(c.aggregation).toBe('arithmetic');
    expect(c.minCoverage).toBe(0.5);
    expect(c.precision).toBe(6);
    expect(c.indicators[0]).toMatchObject({ id: 'un', weight: 2, normalise: 'minmax', polarity: 'positive', combine: 'max' });
    expect(c.indicators[0]!.spec.measure).toBe('value');
  });

  it('reads JSON too', () => {
    const c = parseConfigText(JSON.stringify({ indicators: { un: { family: 'dyad_year', source: { format: 'dyad_year', path: 'a.csv' } } } }), 'cfg.json', {});
    expect(c.name).toBe('cfg');
  });

  it('reports an unknown key with file, line and column', () => {
    expect(problems(good + 'wieghts: 3\n')).toMatch(/cfg\.yaml:7:1: wieghts: unknown key "wieghts"/);
  });

  it('reports a negative weight at its position', () => {
    expect(problems(good.replace('weight: 2', 'weight: -1'))).toMatch(/cfg\.yaml:6:13: indicators\.un\.weight: weights must be ≥ 0/);
  });

  it('reports an unknown normaliser with the accepted names', () => {
    expect(problems(good + '    normalise: minimax\n')).toMatch(/cfg\.yaml:7:16: indicators\.un\.normalise: .*"minmax"/);
  });

  it('reports an unknown family and an unknown measure', () => {
    expect(problems(good.replace('family: dyad_year', 'family: vibes'))).toMatch(/cfg\.yaml:4:13: indicators\.un\.family: unknown family "vibes"/);
    expect(problems(good + '    measure: sum\n')).toMatch(/cfg\.yaml:7:14: indicators\.un\.measure: unknown measure "sum"/);
  });

  it('reports an unknown key inside a source block', () => {
    expect(problems(good.replace('path: a.csv', 'path: a.csv, cdoes: iso3'))).toMatch(/cfg\.yaml:5:\d+: indicators\.un\.source\.cdoes: unknown key "cdoes"/);
  });

  it('rejects a formula with an assignment, pointing into the formula', () => {
    const text = `aggregation: formula\nformula: "un = 5"\n` + good.replace('name: t\n', '');
    expect(problems(text)).toMatch(/cfg\.yaml:2:14: formula: assignment is not allowed/);
  });

  it('rejects a formula of more than 1,000 terms or 64 levels at the term or bracket in the file (a stack overflow before)', () => {
    const sum = Array.from({ length: 3000 }, () => 'un').join(' + ');
    // `formula: "` is 10 characters: the 1,001st term starts at offset 5,000 of the formula
    expect(problems(`aggregation: formula\nformula: "${sum}"\n` + good.replace('name: t\n', ''))).toMatch(/^cfg\.yaml:2:5011: formula: the formula has more than 1,000 terms/m);
    const max = `max(${Array.from({ length: 200_000 }, () => 'un').join(', ')})`;
    expect(problems(`aggregation: formula\nformula: ${max}\n` + good.replace('name: t\n', ''))).toMatch(/^cfg\.yaml:2:\d+: formula: the formula has more than 1,000 terms/m);
    const deep = '('.repeat(70) + 'un' + ')'.repeat(70);
    expect(problems(`aggregation: formula\nformula: ${deep}\n` + good.replace('name: t\n', ''))).toMatch(/^cfg\.yaml:2:74: formula: the formula nests more than 64 levels deep/m);
  });

  it('rejects a formula naming an unknown indicator', () => {
    const text = `aggregation: formula\nformula: 0.5*un + 0.5*arms\n` + good.replace('name: t\n', '');
    expect(problems(text)).toMatch(/cfg\.yaml:2:\d+: formula: unknown indicator "arms"/);
  });

  it('reports YAML syntax errors with their position', () => {
    expect(problems('indicators:\n  un: [\n')).toMatch(/cfg\.yaml:\d+:\d+: not valid YAML\/JSON/);
  });

  it('reports every problem at once', () => {
    const text = good.replace('weight: 2', 'weight: -1') + 'min_coverage: 2\nscale: [100, 0]\n';
    const msg = problems(text);
    expect(msg).toMatch(/weight/);
    expect(msg).toMatch(/min_coverage/);
    expect(msg).toMatch(/scale/);
  });

  it('needs goalposts for the goalposts normaliser', () => {
    expect(problems(good + '    normalise: goalposts\n')).toMatch(/goalposts: \{ min, max \}/);
  });
});
