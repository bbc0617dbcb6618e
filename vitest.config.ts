import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

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
  'test/certificate-cli.test.ts',
  'test/region-pack-outside.test.ts',
  'test/fuzz/**/*.test.ts',
  'test/load/**/*.test.ts',
  'generators/**/*.test.ts',
  'ijw/validate.test.ts',
  'runner/container/**/*.test.ts',
  'reports/report.browser.test.ts',
];
const EXCLUDE = ['node_modules/**', 'reports/out/**'];

/**
 * Files that mostly wait (a SUT's deliberate delays) or run longest start first, so the other
 * files fill the cores meanwhile instead of all waiting for them at the end.
 */
const FIRST = ['test/contract.test.ts', 'test/faults.test.ts', 'generators/messages.test.ts', 'test/fuzz/hostile-input.test.ts'];
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? FIRST.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every core (vitest's default leaves one idle: on 2 cores, one file at a time).
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongestFirst },
    projects: [
      { extends: true, test: { name: 'unit', include: ['**/*.test.ts'], exclude: [...EXCLUDE, ...SUITE] } },
      { extends: true, test: { name: 'suite', include: SUITE, exclude: EXCLUDE } },
    ],
  },
});
