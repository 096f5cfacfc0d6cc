import { defineConfig } from 'vitest/config';

/**
 * Two projects (README, Development):
 * - `unit`: everything that runs on the repository alone, in seconds per file — `npx vitest run --project unit`;
 * - `real-data`: the tests that read the real data in ../shared (`*.real.test.ts`), the
 *   end-to-end tests (`test/e2e/`), the tests of the built executable (`test/cli/*bin.test.ts`)
 *   and the long fuzz runs (`test/fuzz/big-inputs.test.ts`).
 * `npm test` runs both.
 */
const REAL_DATA = ['test/**/*.real.test.ts', 'test/e2e/**/*.test.ts', 'test/cli/*bin.test.ts', 'test/fuzz/big-inputs.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: REAL_DATA } },
      { extends: true, test: { name: 'real-data', include: REAL_DATA } },
    ],
  },
});
