import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/read-config.js';
import { ConfigError } from '../../src/domain/errors.js';

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

  it('reads the defensible-index keys: chain, min_indicators, impute with max_age', () => {
    const c = parseConfigText(good, 'cfg.yaml', {});
    expect(c.chainReferenceYear).toBeUndefined();
    expect(c.minIndicators).toBe(1);
    expect(c.indicators[0]!.impute).toEqual({ method: 'none', maxAge: 3 });
    const d = parseConfigText(good.replace('    weight: 2\n', '    weight: 2\n    impute: linear\n    max_age: 2\n') + 'chain: { reference_year: 2000 }\nmin_indicators: 2\n', 'cfg.yaml', {});
    expect(d.chainReferenceYear).toBe(2000);
    expect(d.minIndicators).toBe(2);
    expect(d.indicators[0]!.impute).toEqual({ method: 'linear', maxAge: 2 });
    expect(problems(good.replace('    weight: 2\n', '    weight: 2\n    max_age: 2\n'))).toMatch(/indicators\.un\.max_age: `max_age` is the limit of an imputation/);
    expect(problems(good.replace('    weight: 2\n', '    weight: 2\n    impute: mean\n'))).toMatch(/indicators\.un\.impute/);
    expect(problems(good + 'chain: { reference: 2000 }\n')).toMatch(/unknown key "reference"/);
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

  it('reads the robust normalisation keys: quantile goalposts, winsorise and pool_exclude', () => {
    const c = parseConfigText(good + '    normalise: goalposts\n    goalposts: { min_quantile: 0.05, max_quantile: 0.95 }\n    winsorise: { upper: 0.99 }\n    pool_exclude: [gap_artefacts]\n', 'cfg.yaml', {});
    expect(c.indicators[0]).toMatchObject({ goalposts: undefined, goalpostQuantiles: { lower: 0.05, upper: 0.95 }, winsorise: { lower: 0, upper: 0.99 }, poolExclude: ['gap_artefacts'] });
    expect(parseConfigText(good + '    normalise: rank_year\n', 'cfg.yaml', {}).indicators[0]!.normalise).toBe('rank_year');
    expect(parseConfigText(good + '    normalise: log\n', 'cfg.yaml', {}).indicators[0]!.normalise).toBe('log');
  });

  it('refuses quantile levels out of order or out of range, and unknown pool exclusions', () => {
    expect(problems(good + '    winsorise: { lower: 0.2, upper: 0.3 }\n')).toMatch(/indicators\.un\.winsorise\.upper/);
    expect(problems(good + '    normalise: goalposts\n    goalposts: { min_quantile: 0.9, max_quantile: 0.1 }\n')).toMatch(/indicators\.un\.goalposts/);
    expect(problems(good + '    pool_exclude: [gaps]\n')).toMatch(/indicators\.un\.pool_exclude\.0: .*gap_artefacts/);
  });

  it('needs goalposts for the goalposts normaliser', () => {
    expect(problems(good + '    normalise: goalposts\n')).toMatch(/goalposts: \{ min, max \}/);
  });
});

/** The ConfigError of a config text (fails the test when it parses). */
function configError(text: string): ConfigError {
  try {
    parseConfigText(text, 'cfg.yaml', {});
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const two = `name: t
indicators:
  un:
    family: dyad_year
    source: { format: dyad_year, path: a.csv }
    weight: 1.0e308
  arms:
    family: dyad_year
    source: { format: dyad_year, path: b.csv }
    weight: 1.0e308
`;

describe('config values that would silently give wrong numbers are refused where they stand', () => {
  it('two weights of 1e308 (their sum overflows: every index was 0)', () => {
    expect(configError(two).problems).toEqual([
      { file: 'cfg.yaml', line: 3, column: 3, path: 'indicators', message: 'the weights add up to more than 1.8e308 (with `sensitivity.weight_range` applied); use smaller weights — only their ratios matter' },
    ]);
    // 8e307 + 8e307 is finite, but not once the sensitivity analysis draws w·(1 + 0.25)
    expect(configError(two.replaceAll('1.0e308', '8e307')).message).toMatch(/cfg\.yaml:3:3: indicators: the weights add up to more than 1\.8e308/);
    expect(parseConfigText(two.replaceAll('1.0e308', '8e307') + 'sensitivity: { weight_range: 0 }\n', 'cfg.yaml', {}).indicators).toHaveLength(2);
    expect(parseConfigText(two.replaceAll('1.0e308', '1e300'), 'cfg.yaml', {}).indicators.map((i) => i.weight)).toEqual([1e300, 1e300]);
  });

  it('a scale of infinite width (scale: [-1e308, 1e308] made every index empty) or too narrow for the decimals', () => {
    expect(configError(good + 'scale: [-1e308, 1e308]\n').problems).toEqual([
      { file: 'cfg.yaml', line: 7, column: 8, path: 'scale', message: 'scale must have a finite width: high − low must be below 1.8e308 (e.g. [0, 100])' },
    ]);
    expect(configError(good + 'scale: [0, 1.0e-9]\n').message).toMatch(/cfg\.yaml:7:8: scale: the scale is too narrow for `precision`/);
    expect(parseConfigText(good + 'scale: [0, 1.0e-9]\nprecision: 12\n', 'cfg.yaml', {}).scale).toEqual([0, 1e-9]);
    expect(configError(good + 'scale: [0, .inf]\n').message).toMatch(/cfg\.yaml:7:\d+: scale\.1: /);
  });

  it('goalposts of infinite width, a seed over 32 bits, an exercise weight of 1e308', () => {
    expect(configError(good + '    normalise: goalposts\n    goalposts: { min: -1e308, max: 1e308 }\n').message).toMatch(
      /cfg\.yaml:8:16: indicators\.un\.goalposts: goalposts need a finite width: max − min must be below 1\.8e308/,
    );
    expect(configError(good + 'seed: 4294967296\n').message).toMatch(/cfg\.yaml:7:7: seed: a seed is a whole number from 0 to 4,294,967,295 \(32 bits\)/);
    expect(configError(good + 'sensitivity: { seed: 1e20 }\n').message).toMatch(/cfg\.yaml:7:\d+: sensitivity\.seed: /);
    const drills = good.replace('family: dyad_year\n    source: { format: dyad_year, path: a.csv }', 'family: joint_drills\n    source: { format: mme, path: a.csv }\n    domain_weights: { CPX: 1e308 }');
    expect(configError(drills).message).toMatch(/cfg\.yaml:6:\d+: indicators\.un\.domain_weights\.CPX: an exercise weight is at most 1,000,000/);
  });
});

describe('configs of any size', () => {
  it('40,000 misspelt keys: the first 50 located, the rest counted (23–41 s and 40,000 lines before)', () => {
    const e = configError(good + Array.from({ length: 40_000 }, (_, i) => `misspelt_${i}: 1`).join('\n') + '\n');
    expect(e.problems).toHaveLength(50);
    expect(e.omitted).toBe(39_950);
    expect(e.problems[49]).toEqual({ file: 'cfg.yaml', line: 56, column: 1, path: 'misspelt_49', message: 'unknown key "misspelt_49"; check the spelling (see the config reference in README.md)' });
    expect(e.message.split('\n')).toHaveLength(51);
    expect(e.message).toMatch(/\n… and 39950 more problem\(s\) of the same kind$/);
    const inBlock = configError(good + Array.from({ length: 40_000 }, (_, i) => `    wieght_${i}: 1`).join('\n') + '\n');
    expect(inBlock.problems[0]).toMatchObject({ line: 7, column: 5, path: 'indicators.un.wieght_0' });
    expect(inBlock.omitted).toBe(39_950);
  });

  it('a repeated key is an error where it stands, with the line of the first (found in one pass)', () => {
    expect(configError(good + 'name: u\n').problems).toEqual([{ file: 'cfg.yaml', line: 7, column: 1, message: 'duplicate key "name" (first at line 1); keep one' }]);
    const many = configError(good + Array.from({ length: 40_000 }, () => 'x: 1').join('\n') + '\n');
    expect(many.problems[0]).toEqual({ file: 'cfg.yaml', line: 8, column: 1, message: 'duplicate key "x" (first at line 7); keep one' });
    expect(many.problems.length + many.omitted).toBe(39_999);
  });

  it('lists over their limits: states (100,000 entries were a V8 fatal error), pairs, indicators, sources, succession rules', () => {
    expect(configError(good + `states: [${Array.from({ length: 100_000 }, () => 'RUS').join(', ')}]\n`).problems).toEqual([
      { file: 'cfg.yaml', line: 7, column: 9, path: 'states', message: 'at most 1,000 states (the state system has about 250)' },
    ]);
    const bad = configError(good + `states: [${Array.from({ length: 900 }, (_, i) => `x${i}`).join(', ')}]\n`); // bad codes: 50 listed, 850 counted
    expect([bad.problems.length, bad.omitted, bad.problems[49]!.path]).toEqual([50, 850, 'states.49']);
    expect(configError(good + `pairs: [${Array.from({ length: 50_001 }, () => 'RUS-USA').join(', ')}]\n`).message).toMatch(/cfg\.yaml:7:8: pairs: at most 50,000 pairs/);
    const indicators = Array.from({ length: 101 }, (_, i) => `  x${i}:\n    family: dyad_year\n    source: { format: dyad_year, path: a.csv }\n`).join('');
    expect(configError(`name: t\nindicators:\n${indicators}`).message).toMatch(/cfg\.yaml:3:3: indicators: at most 100 indicators/);
    const sources = Array.from({ length: 101 }, () => '      - { format: dyad_year, path: a.csv }').join('\n');
    expect(configError(`name: t\nindicators:\n  un:\n    family: dyad_year\n    sources:\n${sources}\n`).message).toMatch(/cfg\.yaml:6:7: indicators\.un\.sources: at most 100 sources per indicator/);
    const rules = Array.from({ length: 1001 }, (_, i) => `  ${String.fromCharCode(65 + (i % 26), 65 + Math.floor(i / 26) % 26, 65 + Math.floor(i / 676))}: RUS`).join('\n');
    expect(configError(good + `succession:\n${rules}\n`).message).toMatch(/cfg\.yaml:8:3: succession: at most 1,000 succession rules/);
    expect(configError(good + 'succession: { Q0: RUS }\n').problems).toEqual([
      { file: 'cfg.yaml', line: 7, column: 15, path: 'succession.Q0', message: 'the key is not valid: expected an ISO3 code of three capital letters, e.g. RUS' },
    ]);
  });

  it('a config file over 4 MiB is refused before it is parsed', () => {
    const e = configError(good + `description: "${'x'.repeat(4 * 1024 * 1024)}"\n`);
    expect(e.problems).toEqual([{ file: 'cfg.yaml', line: 0, message: expect.stringMatching(/^the config file is 4,194,[\d,]+ bytes, more than the 4,194,304 \(4 MiB\) a config may have/) }]);
  });
});

describe('deeply nested configs', () => {
  it('lists or mappings nested deeper than 32 levels are an error at the node, however deep (a stack overflow in the walkers otherwise)', () => {
    for (const n of [40, 500, 1500, 20_000]) {
      for (const text of [`${good}description: ${'['.repeat(n)}${']'.repeat(n)}\n`, `${good}description: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`]) {
        const e = configError(text);
        expect(e.problems[0]!.message, `${n}`).toMatch(/^(not valid YAML\/JSON: )?lists or mappings nest too deeply \(a config nests a few levels; at most 32\)$/);
        expect(e.problems[0]!.line).toBe(7);
      }
    }
    const block = good + Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n';
    expect(configError(block).problems).toEqual([{ file: 'cfg.yaml', line: 39, column: 33, message: 'lists or mappings nest too deeply (a config nests a few levels; at most 32)' }]);
  });
});
