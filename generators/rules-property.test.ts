/**
 * Every generated valid message stays free of in-message findings as rules are added: the rules
 * run on the model directly (no XML), so many more runs than the XML round trip in
 * messages.test.ts can afford. A failure prints fast-check's seed and path to replay it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MESSAGE_CODES } from '../ijw/messages/codes.ts';
import { checkRules, rulesFor } from '../ijw/rules/index.ts';
import { arbMessage } from './arbitraries/index.ts';

const RUNS = 200;
const judged = MESSAGE_CODES.filter((code) => rulesFor(code).length > 0);

describe.each(judged)('%s arbitrary under the national in-message rules', (code) => {
  it(`gives no findings in ${RUNS} messages (with the Dagtekening as system date)`, () => {
    fc.assert(
      fc.property(arbMessage(code), (model) => {
        const today = (model as { Header: { BerichtIdentificatie: { Dagtekening: string } } }).Header.BerichtIdentificatie.Dagtekening;
        expect(checkRules(code, model, { today }).map((f) => `${f.rule} ${f.path}: ${f.text}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
