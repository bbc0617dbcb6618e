/** Steps about starting and stopping care (JW305–JW308). */
import { Given, When, Then } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import type { ConformanceWorld } from './support/world.ts';
import { werkdagenBetween } from '../ijw/calendar/werkdagen.ts';
import { harness } from './support/harness.ts';

/** A start or stop is reported once it has happened (TR134): the business date moves up to it. */
async function reachDate(w: ConformanceWorld, date: string): Promise<void> {
  if (date > w.date) await w.setDate(date);
}

async function start(w: ConformanceWorld, alias: string, begindatum: string): Promise<void> {
  await reachDate(w, begindatum);
  w.beginStep();
  const nummer = w.toewijzingNummer(alias);
  if (w.judged === 'aanbieder') await w.act({ action: 'start-care', toewijzingNummer: nummer, begindatum });
  else await harness(w).provider.party.startCare(nummer, begindatum);
}

async function stop(w: ConformanceWorld, alias: string, einddatum: string, reden: string, begindatum?: string): Promise<void> {
  await reachDate(w, einddatum);
  w.beginStep();
  const nummer = w.toewijzingNummer(alias);
  if (w.judged === 'aanbieder') await w.act({ action: 'stop-care', toewijzingNummer: nummer, einddatum, redenBeeindiging: reden, ...(begindatum ? { begindatum } : {}) });
  else await harness(w).provider.party.stopCare(nummer, einddatum, reden, begindatum);
}

Given('care on {string} started on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  await start(this, alias, date);
  const { heen, retour } = await this.retourOfLatest('JW305');
  const r = retour?.retourcodes;
  if (r === undefined || r.length) this.fail({ rule: 'IJW-START-1', expected: 'the start accepted', actual: !heen ? 'no JW305 sent' : r === undefined ? `no JW306 for ${this.judge.describe(heen)} (HTTP ${heen.httpStatus ?? 'none'}) after waiting ${heen ? Date.now() - Date.parse(heen.at) : 0} ms` : `retourcodes ${r.join(', ')}`, text: 'Setting up the start failed' });
});

Given('care on {string} stopped on {date} with reden {string}', async function (this: ConformanceWorld, alias: string, date: string, reden: string) {
  await stop(this, alias, date, reden);
  const { heen, retour } = await this.retourOfLatest('JW307');
  const r = retour?.retourcodes;
  if (r === undefined || r.length) this.fail({ rule: 'IJW-STOP-2', expected: 'the stop accepted', actual: !heen ? 'no JW307 sent' : r === undefined ? `no JW308 for ${this.judge.describe(heen)} (HTTP ${heen.httpStatus ?? 'none'}) after waiting ${heen ? Date.now() - Date.parse(heen.at) : 0} ms` : `retourcodes ${r.join(', ')}`, text: 'Setting up the stop failed' });
});

When('{provider} starts care on {string} on {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string) {
  await start(this, alias, date);
});

When('{provider} stops care on {string} on {date} with reden {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string, reden: string) {
  await stop(this, alias, date, reden);
});

When('{provider} sends a stop for {string} on {date} with reden {string} for a start on {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string, reden: string, begin: string) {
  // Only the harness's own provider sends what the scenario dictates; a SUT decides itself.
  await reachDate(this, date);
  this.beginStep();
  await harness(this).provider.party.stopCare(this.toewijzingNummer(alias), date, reden, begin);
});

When('{provider} withdraws the start of {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  if (this.judged === 'aanbieder') await this.act({ action: 'withdraw-start', toewijzingNummer: nummer });
  else {
    const a = harness(this).provider.party;
    const s = a.ledger.starts.filter((x) => x.toewijzingNummer === nummer && !x.deleted).at(-1);
    await a.startCare(nummer, s?.begindatum ?? this.date, '3');
  }
});

When('{provider} withdraws a start of {string} on {date} that was never sent', async function (this: ConformanceWorld, _who: Actor, alias: string, begin: string) {
  await reachDate(this, begin);
  this.beginStep();
  await harness(this).provider.party.startCare(this.toewijzingNummer(alias), begin, '3');
});

When('{provider} withdraws the stop of {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  if (this.judged === 'aanbieder') await this.act({ action: 'withdraw-stop', toewijzingNummer: nummer });
  else {
    const a = harness(this).provider.party;
    const start = a.ledger.starts.filter((x) => x.toewijzingNummer === nummer && !x.deleted && x.stops.some((s) => !s.deleted)).at(-1);
    const stopRec = start?.stops.filter((s) => !s.deleted).at(-1);
    if (!start || !stopRec) throw new Error(`No stop to withdraw on ${alias}`);
    await a.stopCare(nummer, stopRec.einddatum, stopRec.reden, start.begindatum, '3');
  }
});

Then('{provider} refuses or sends no {msg}', async function (this: ConformanceWorld, _who: Actor, code: string) {
  const sent = (await this.quiet(() => (this.received(code as 'JW307').length ? this.received(code as 'JW307') : undefined))) ?? [];
  if (sent.length) {
    this.fail({ rule: this.rules.join(', '), expected: `no ${code} (the action refused)`, actual: `a ${code} was sent${this.lastAction?.ok ? '' : ' although the action was refused'}`, text: `The provider sent a ${code} it must never send` });
  }
});

Then('the {msg} was sent within {int} werkdagen of {date}', async function (this: ConformanceWorld, code: string, n: number, from: string) {
  const got = await this.awaitReceived(code as 'JW305', 0);
  if (!got) return this.fail({ rule: this.rules.join(', '), expected: `a ${code}`, actual: 'none', text: `No ${code} received` });
  const dagtekening = /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(got.exchange.xml)![1]!;
  const wd = werkdagenBetween(from, dagtekening);
  if (wd > n) this.fail({ rule: this.rules.join(', '), expected: `Dagtekening within ${n} werkdagen of ${from}`, actual: `Dagtekening ${dagtekening}: ${wd} werkdagen`, text: `The ${code} was sent late` });
});
