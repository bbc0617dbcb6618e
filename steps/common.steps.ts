/** Steps about time and about retours in general. */
import { Given, Then, When } from '@cucumber/cucumber';
import type { ConformanceWorld } from './support/world.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import { expectRetour, lastOfCode } from './support/expect.ts';

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

Then('the {msg} rejects it with retourcode {string}', async function (this: ConformanceWorld, code: MessageCode, rc: string) {
  await expectRetour(this, code, [rc]);
});

Then('the {msg} rejects it with retourcode {string} on the {word}', async function (this: ConformanceWorld, code: MessageCode, rc: string, klass: string) {
  await expectRetour(this, code, [rc], klass);
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
