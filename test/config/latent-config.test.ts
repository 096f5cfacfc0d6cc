import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/read-config.js';
import { ConfigError } from '../../src/domain/errors.js';

const config = (top: string, extra = '') => `name: t
aggregation: latent
${top}indicators:
  un:
    family: dyad_year
    source: { format: dyad_year, path: a.csv }
  arms:
    family: dyad_year
    source: { format: dyad_year, path: b.csv }
    latent: two_part
${extra}`;

function problems(text: string): string {
  try {
    parseConfigText(text, 'cfg.yaml', {});
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('the config of aggregation: latent', () => {
  it('reads the latent block and each indicator\'s treatment, with defaults', () => {
    const c = parseConfigText(config('latent: { sign: arms, level: 0.8 }\n'), 'cfg.yaml', {});
    expect(c.aggregation).toBe('latent');
    expect(c.latent).toEqual({ sign: 'arms', level: 0.8, maxIterations: 2000, tolerance: 1e-9 });
    expect(c.indicators.map((i) => i.latent)).toEqual(['linear', 'two_part']);
    expect(parseConfigText(config(''), 'cfg.yaml', {}).latent.sign).toBeNull();
  });

  it('refuses a sign indicator that is not in the model, at its line', () => {
    expect(problems(config('latent: { sign: trade }\n'))).toMatch(/cfg\.yaml:3:\d+: latent\.sign: "trade" is not an indicator in the latent model; expected one of un, arms/);
    expect(problems(config('latent: { sign: un }\n').replace('path: a.csv }\n', 'path: a.csv }\n    latent: none\n'))).toMatch(/latent\.sign: "un" is not an indicator in the latent model; expected one of arms/);
  });

  it('refuses an unknown treatment, an unknown key of the block, and smooth_index', () => {
    expect(problems(config('', '    latent: probit\n').replace('    latent: two_part\n    latent: probit\n', '    latent: probit\n'))).toMatch(/indicators\.arms\.latent/);
    expect(problems(config('latent: { levle: 0.9 }\n'))).toMatch(/latent\.levle: unknown key/);
    expect(problems(config('smooth_index: 3\n'))).toMatch(/smooth_index: `smooth_index` does not apply to `aggregation: latent`/);
  });

  it('refuses two_part on a measure of negative polarity, whose 0 is not "none"', () => {
    expect(problems(config('', '    polarity: negative\n'))).toMatch(/cfg\.yaml:\d+:\d+: indicators\.arms\.latent: `two_part` .* needs a positive measure/);
  });
});
