/**
 * Deadlines in werkdagen (Monday–Friday minus Dutch public holidays). The harness advances
 * the business date to the deadline, then checks that the message arrived and that its
 * Dagtekening (DagtekeningRetour for a retour) is not later than the deadline.
 */
import { Then } from '@cucumber/cucumber';
import type { ConformanceWorld } from './support/world.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import { addWerkdagen, werkdagenBetween } from '../ijw/calendar/werkdagen.ts';
import { type Exchange } from './support/harness.ts';

/** The date a message carries as its own: DagtekeningRetour on a retour, else the Dagtekening of its identification. */
export function messageDate(xml: string): string | undefined {
  return /<(?:[\w-]+:)?DagtekeningRetour>([^<]+)</.exec(xml)?.[1] ?? /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(xml)?.[1];
}

async function arrivesWithin(w: ConformanceWorld, code: MessageCode, n: number, from: string, trigger: string, since: number): Promise<void> {
  const deadline = addWerkdagen(from, n);
  const find = (): Exchange | undefined => w.transcript.slice(since).find((e) => e.code === code && (e.direction === 'received' || w.judged === w.harnessRole));
  if (!find()) {
    // Give the SUT every day up to the deadline to send it.
    if (w.date < deadline) await w.setDate(deadline);
    await w.awaitReceived(code, since);
  }
  const e = find();
  const rule = w.rules.join(', ');
  if (!e) {
    return w.fail({ rule, expected: `a ${code} within ${n} werkdagen of ${trigger} ${from}, i.e. by ${deadline}`, actual: `no ${code} by ${deadline}`, text: `The ${w.judged} did not send the ${code} in time` });
  }
  const d = messageDate(e.xml);
  if (!d || d > deadline) {
    const late = d ? werkdagenBetween(from, d) : NaN;
    w.fail({ rule, expected: `Dagtekening on or before ${deadline} (${n} werkdagen after ${from})`, actual: `Dagtekening ${d}: ${late} werkdagen`, text: `The ${code} was late` });
  }
}

Then('the {msg} arrives within {int} werkdagen of {date}', async function (this: ConformanceWorld, code: MessageCode, n: number, from: string) {
  await arrivesWithin(this, code, n, from, 'the event on', this.mark);
});

/** For an answer to the message the harness sent in the previous step(s): counted from that message's Dagtekening. */
Then('the {msg} answer arrives within {int} werkdagen', async function (this: ConformanceWorld, code: MessageCode, n: number) {
  const sent = this.transcript.slice(this.mark).find((e) => e.direction === 'sent');
  if (!sent) throw new Error('No message was sent by the harness in this step to count from');
  await arrivesWithin(this, code, n, messageDate(sent.xml) ?? sent.businessDate, `the ${sent.code} dated`, this.mark);
});
