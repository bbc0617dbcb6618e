/** Steps about time and about retours in general. */
import { Given, Then, When } from '@cucumber/cucumber';
import type { ConformanceWorld } from './support/world.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import { expectRetour, lastOfCode } from './support/expect.ts';
import { lastSutMessage } from './support/verzoek.ts';
import { header } from './support/sut-read.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');
Given('the date is {date}', async function (this: ConformanceWorld, date: string) {
  await this.setDate(date);
});

When('the date becomes {date}', async function (this: ConformanceWorld, date: string) {
  this.beginStep();
  await this.setDate(date);
});

Then('the {msg} is accepted', async function (this: ConformanceWorld, code: MessageCode) {
  await expectRetour(this, code, []);
});

/** The retour of the message rejects it with this retourcode, anywhere or on the class named ("… on the Client"). */
Then('the {msg} rejects it with retourcode {string}{}', async function (this: ConformanceWorld, code: MessageCode, rc: string, on: string) {
  const m = /^(?: on the (\w+))?$/.exec(on);
  if (!m) throw new Error(`Unknown place '…${on}' (say nothing more, or: on the <class>)`);
  await expectRetour(this, code, [rc], m[1]);
});

Then('no {msg} is sent', async function (this: ConformanceWorld, code: MessageCode) {
  const got = (await this.quiet(() => (this.received(code).length ? this.received(code) : undefined))) ?? [];
  if (got.length) this.fail({ rule: this.rules.join(', '), expected: `no ${code}`, actual: `${got.length} ${code} received`, text: `The ${this.judged} sent a ${code} it should not have sent` });
});

Then('the {msg} is dated on {date}', function (this: ConformanceWorld, code: MessageCode, date: string) {
  const e = lastOfCode(this, code);
  const d = /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(e.xml)?.[1];
  if (d !== date) this.fail({ rule: this.rules.join(', '), expected: `Dagtekening ${date}`, actual: `Dagtekening ${d}`, text: `The ${code} has the wrong Dagtekening` });
});

// ------------------------------------------------------------------ ALK-CODES

Then('the JW315 is addressed to municipality {string}', function (this: ConformanceWorld, code: string) {
  const m = lastSutMessage(this, 'JW315');
  if (m.Header.Ontvanger !== code) this.fail({ rule: rule(this), expected: `Ontvanger ${code}, the municipality the request is for`, actual: `Ontvanger ${m.Header.Ontvanger}`, text: 'The VOT is addressed to another municipality' });
});

// ------------------------------------------------------------------ FRL-CODES, UTR-CODES

/**
 * Every message the SUT sent in the scenario names the municipality: as Afzender (gemeente) or
 * Ontvanger (aanbieder) in what it originates; a retour copies the header of the message it
 * answers, so there the municipality may stand in either field.
 */
Then('every message the {word} sent names municipality {string}', function (this: ConformanceWorld, _who: string, code: string) {
  const el = this.judged === 'gemeente' ? 'Afzender' : 'Ontvanger';
  const fromSut = this.transcript.filter((e) => e.direction === 'received' && e.httpStatus !== 400);
  if (!fromSut.length) return this.fail({ rule: rule(this), expected: `messages from the ${this.judged} naming municipality ${code}`, actual: 'no message from the SUT', text: `The ${this.judged} sent nothing` });
  const retour = (c: string) => ['JW302', 'JW306', 'JW308', 'JW316', 'JW318', 'JW320'].includes(c);
  const wrong = fromSut.filter((e) => (retour(e.code) ? header(e.xml, 'Afzender') !== code && header(e.xml, 'Ontvanger') !== code : header(e.xml, el) !== code));
  if (wrong.length) {
    this.fail({ rule: rule(this), expected: `${el} ${code} in every message the ${this.judged} sends`, actual: wrong.map((e) => `${e.code} with ${el} ${header(e.xml, el) ?? 'empty'}`).join('; '), text: `A message of the ${this.judged} names another municipality` });
  }
});
