/** Assertions shared by the steps; each failure names the rule, the expected and the actual value. */
import type { ConformanceWorld } from './world.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import { retourcodeMeaning } from '../../ijw/codelists/index.ts';
import { RETOUR_OF, type HeenCode } from '../../ijw/messages/codes.ts';
import { type Exchange } from './harness.ts';

/** The latest exchange of a code in either direction (a retour comes from the SUT or from the harness). */
export function lastOfCode(w: ConformanceWorld, code: MessageCode): Exchange {
  const e = w.transcript.slice(w.mark).filter((x) => x.code === code).at(-1) ?? w.transcript.filter((x) => x.code === code).at(-1);
  if (!e) {
    w.fail({ rule: w.rules.join(', '), expected: `a ${code}`, actual: `no ${code} in the exchange (${w.transcript.map((x) => x.code).join(', ') || 'nothing exchanged'})`, text: `No ${code} was exchanged` });
  }
  return e;
}

const HEEN_OF = Object.fromEntries(Object.entries(RETOUR_OF).map(([h, r]) => [r, h])) as Partial<Record<MessageCode, HeenCode>>;

/**
 * The retour (`code`: JW302 …, or JW325) of the latest message it answers exchanged in this
 * step, waiting for it up to --answer-timeout: *that* message's retour, never an earlier one.
 * Without such a message in the step, the latest exchange of `code` in the scenario.
 */
export async function retourFor(w: ConformanceWorld, code: MessageCode): Promise<Exchange> {
  const heenCode = HEEN_OF[code];
  if (!heenCode) return lastOfCode(w, code);
  const { heen, retour } = await w.retourOfLatest(heenCode);
  if (!heen) return lastOfCode(w, code);
  if (!retour) {
    const name = w.judge.describe(heen);
    return w.fail({
      rule: w.rules.join(', '),
      message: name,
      expected: `a ${code} referring to ${name}, within --answer-timeout (${w.expectMs()} ms)`,
      actual: `no ${code} for ${name} (HTTP ${heen.httpStatus ?? 'none'}) after waiting ${heen ? Date.now() - Date.parse(heen.at) : 0} ms${w.transcript.some((x) => x.code === code) ? `; the ${code}s exchanged refer to other messages` : ''}`,
      text: `${name} got no ${code}`,
    });
  }
  return retour;
}

const describe = (codes: string[]) => (codes.length ? codes.map((c) => `${c} (${retourcodeMeaning(c) ?? '?'})`).join(', ') : 'no retourcodes (accepted)');

/**
 * Checks the retourcodes of the latest retour: `[]` means fully accepted (Header only);
 * otherwise every expected code must be present (optionally on a given class).
 */
export async function expectRetour(w: ConformanceWorld, code: MessageCode, expected: string[], klass?: string): Promise<void> {
  const e = await retourFor(w, code);
  const actual = e.retourcodes.filter((c) => c !== '0200' && c !== '0233');
  const who = e.direction === 'received' ? `the ${w.judged} (SUT)` : `the harness ${w.harnessRole}`;
  if (expected.length === 0) {
    if (e.retourcodes.length) {
      w.fail({
        rule: w.rules.join(', '),
        expected: 'accepted: a retour with only the Header, no retourcodes',
        actual: describe(e.retourcodes),
        text: e.direction === 'received' ? `The ${w.judged} rejected a correct message` : `The ${w.judged}'s message was rejected by ${who}`,
      });
    }
    return;
  }
  const missing = expected.filter((c) => !actual.includes(c));
  if (missing.length) {
    w.fail({ rule: w.rules.join(', '), expected: describe(expected), actual: describe(e.retourcodes), text: `The ${code} from ${who} does not carry ${missing.join(', ')}` });
  }
  if (klass) {
    const re = new RegExp(`<(?:[\\w-]+:)?${klass}>(?:(?!</(?:[\\w-]+:)?${klass}>)[\\s\\S])*<(?:[\\w-]+:)?RetourCode>${expected[0]}<`);
    if (!re.test(e.xml)) w.fail({ rule: w.rules.join(', '), expected: `${expected[0]} on class ${klass}`, actual: `not on ${klass}: ${describe(e.retourcodes)}`, text: `The retourcode is on the wrong class` });
  }
}
