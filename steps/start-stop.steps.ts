/** Steps about starting and stopping care (JW305–JW308). */
import { Given, When, Then } from '@cucumber/cucumber';
import type { ConformanceWorld, Finding } from './support/world.ts';
import type { Exchange } from '../simulators/party.ts';
import { describeRetourcodes, rejectingCodes, ruleOfRetourcode } from './support/setup-failure.ts';
import type { ReferenceAanbieder } from '../simulators/aanbieder/reference-aanbieder.ts';
import { werkdagenBetween } from '../ijw/calendar/werkdagen.ts';

/** A start or stop is reported once it has happened (TR134): the business date moves up to it. */
async function reachDate(w: ConformanceWorld, date: string): Promise<void> {
  if (date > w.date) await w.setDate(date);
}

async function start(w: ConformanceWorld, alias: string, begindatum: string): Promise<void> {
  await reachDate(w, begindatum);
  w.beginStep();
  const nummer = w.toewijzingNummer(alias);
  if (w.judged === 'aanbieder') await w.act({ action: 'start-care', toewijzingNummer: nummer, begindatum });
  else await (w.harness as ReferenceAanbieder).startCare(nummer, begindatum);
}

async function stop(w: ConformanceWorld, alias: string, einddatum: string, reden: string, begindatum?: string): Promise<void> {
  await reachDate(w, einddatum);
  w.beginStep();
  const nummer = w.toewijzingNummer(alias);
  if (w.judged === 'aanbieder') await w.act({ action: 'stop-care', toewijzingNummer: nummer, einddatum, redenBeeindiging: reden, ...(begindatum ? { begindatum } : {}) });
  else await (w.harness as ReferenceAanbieder).stopCare(nummer, einddatum, reden, begindatum);
}

/**
 * A start or stop the scenario sets up was not accepted: the failure names the retour's codes and
 * their rules (the rule owning a rejecting code, else the set-up's own), and says it is the set-up.
 */
function setupRejection(w: ConformanceWorld, rule: string, what: string, code: string, retourCode: string, heen: Exchange | undefined, r: string[] | undefined): Finding {
  if (!heen) return { rule, expected: `${what} sent`, actual: `no ${code} sent`, text: `Setting up ${what} failed: no ${code} was sent` };
  if (r === undefined) return { rule, expected: `a ${retourCode} accepting ${what}`, actual: `no ${retourCode} for ${w.judge.describe(heen)} (HTTP ${heen.httpStatus ?? 'none'}) after waiting ${Date.now() - Date.parse(heen.at)} ms`, text: `Setting up ${what} failed: its ${code} was not answered` };
  const codes = rejectingCodes(r);
  // The harness's party rejected the SUT's message: the code's rule is what the SUT broke. The SUT
  // rejecting the harness's correct message breaks the set-up's own rule.
  const owner = heen.direction === 'received' ? codes.map(ruleOfRetourcode).find(Boolean) : undefined;
  return {
    rule: owner ?? rule,
    ...(codes[0] ? { retourcode: codes[0] } : {}),
    message: w.judge.describe(heen),
    expected: `${what} accepted (a ${retourCode} without retourcodes)`,
    actual: `the ${retourCode} rejects it with ${describeRetourcodes(codes.length ? codes : r)}`,
    text: `Setting up ${what} failed: the ${retourCode} rejects ${w.judge.describe(heen)} with ${describeRetourcodes(codes.length ? codes : r)}`,
  };
}

Given('care on {string} started on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  await start(this, alias, date);
  const { heen, retour } = await this.retourOfLatest('JW305');
  const r = retour?.retourcodes;
  if (r === undefined || r.length) this.fail(setupRejection(this, 'IJW-START-1', `the start of "${alias}"`, 'JW305', 'JW306', heen, r));
});

Given('care on {string} stopped on {date} with reden {string}', async function (this: ConformanceWorld, alias: string, date: string, reden: string) {
  await stop(this, alias, date, reden);
  const { heen, retour } = await this.retourOfLatest('JW307');
  const r = retour?.retourcodes;
  if (r === undefined || r.length) this.fail(setupRejection(this, 'IJW-STOP-2', `the stop of "${alias}"`, 'JW307', 'JW308', heen, r));
});

When('the provider starts care on {string} on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  await start(this, alias, date);
});

When('the provider stops care on {string} on {date} with reden {string}', async function (this: ConformanceWorld, alias: string, date: string, reden: string) {
  await stop(this, alias, date, reden);
});

When('the provider sends a stop for {string} on {date} with reden {string} for a start on {date}', async function (this: ConformanceWorld, alias: string, date: string, reden: string, begin: string) {
  // Only the harness's own provider sends what the scenario dictates; a SUT decides itself.
  await reachDate(this, date);
  this.beginStep();
  await (this.harness as ReferenceAanbieder).stopCare(this.toewijzingNummer(alias), date, reden, begin);
});

When('the provider is asked to stop care on {string} on {date} with reden {string}', async function (this: ConformanceWorld, alias: string, date: string, reden: string) {
  await stop(this, alias, date, reden);
});

When('the provider withdraws the start of {string}', async function (this: ConformanceWorld, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  if (this.judged === 'aanbieder') await this.act({ action: 'withdraw-start', toewijzingNummer: nummer });
  else {
    const a = this.harness as ReferenceAanbieder;
    const s = a.ledger.starts.filter((x) => x.toewijzingNummer === nummer && !x.deleted).at(-1);
    await a.startCare(nummer, s?.begindatum ?? this.date, '3');
  }
});

When('the provider withdraws a start of {string} on {date} that was never sent', async function (this: ConformanceWorld, alias: string, begin: string) {
  await reachDate(this, begin);
  this.beginStep();
  await (this.harness as ReferenceAanbieder).startCare(this.toewijzingNummer(alias), begin, '3');
});

When('the provider withdraws the stop of {string}', async function (this: ConformanceWorld, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  if (this.judged === 'aanbieder') await this.act({ action: 'withdraw-stop', toewijzingNummer: nummer });
  else {
    const a = this.harness as ReferenceAanbieder;
    const start = a.ledger.starts.filter((x) => x.toewijzingNummer === nummer && !x.deleted && x.stops.some((s) => !s.deleted)).at(-1);
    const stopRec = start?.stops.filter((s) => !s.deleted).at(-1);
    if (!start || !stopRec) throw new Error(`No stop to withdraw on ${alias}`);
    await a.stopCare(nummer, stopRec.einddatum, stopRec.reden, start.begindatum, '3');
  }
});

Then('the provider refuses or sends no {msg}', async function (this: ConformanceWorld, code: string) {
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
