import { defineConfig } from 'vitest/config';

/**
 * Two projects, together every test (`npm test`): `unit`, the fast edit-run loop
 * (`npm run test:unit`), and `suite`: the conformance suite against itself (faulty variants,
 * HTTP and contract SUTs), property and fuzz tests against the official XSDs, load, the
 * commands end to end, containers and the browser check.
 */
const SUITE = [
  'test/faults.test.ts',
  'test/contract.test.ts',
  'test/http-sut.test.ts',
  'test/failure-texts.test.ts',
  'test/inconclusive.test.ts',
  'test/validate-cli.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/load/**/*.test.ts',
  'generators/**/*.test.ts',
  'ijw/validate.test.ts',
  'runner/container/**/*.test.ts',
  'reports/report.browser.test.ts',
];
const EXCLUDE = ['node_modules/**', 'reports/out/**'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...EXCLUDE, ...SUITE] } },
      { extends: true, test: { name: 'suite', include: SUITE, exclude: EXCLUDE } },
    ],
  },
});
