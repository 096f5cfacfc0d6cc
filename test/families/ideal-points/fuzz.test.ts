import { afterAll, describe, it } from 'vitest';
import { idealPointsFamily } from '../../../src/families/ideal-points/family.js';
import { fuzzFamilyFile, type FamilyCase } from '../../fuzz/family-harness.js';
import { FUZZ_TEST_TIMEOUT_MS, removeTempFiles } from '../../fuzz/hostile.js';

afterAll(removeTempFiles);

const fixtures = 'families/ideal-points/fixtures';

/** Voeten's Idealpointestimates layout (All, CRLF). */
const ESTIMATES: FamilyCase = {
  family: idealPointsFamily,
  measure: 'distance',
  files: { path: `${fixtures}/ideal_all_small.csv` },
  sources: (p) => [{ format: 'voeten_ideal', path: p.path }],
};
/** An issue dimension (quoted cells, suffixed columns), with the 10–90 % interval. */
const DIMENSION: FamilyCase = {
  family: idealPointsFamily,
  measure: 'distance',
  options: { interval: 'q10_q90' },
  files: { path: `${fixtures}/ideal_humanrights_small.csv` },
  sources: (p) => [{ format: 'voeten_ideal', path: p.path, dimension: 'HumanRights' }],
};
/** The 2019 country-session table (year column, NaN, an empty last line). */
const COUNTRY_SESSION: FamilyCase = {
  family: idealPointsFamily,
  measure: 'distance',
  files: { path: `${fixtures}/ideal_country_session.csv` },
  sources: (p) => [{ format: 'voeten_ideal', path: p.path }],
};

describe('hostile input: ideal_points family (load → voeten_ideal reader)', { timeout: FUZZ_TEST_TIMEOUT_MS }, () => {
  it('Idealpointestimates (All)', () => fuzzFamilyFile(ESTIMATES, 'path'));
  it('Idealpointestimates (an issue dimension)', () => fuzzFamilyFile(DIMENSION, 'path'));
  it('the 2019 country-session table', () => fuzzFamilyFile(COUNTRY_SESSION, 'path'));
});
