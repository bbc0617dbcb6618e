/** Steps about starting and stopping care (JW305–JW308). */
import { Given, When, Then } from '@cucumber/cucumber';
import type { Finding } from './support/world.ts';
import { describeRetourcodes, rejectingCodes, ruleOfRetourcode } from './support/setup-failure.ts';
import type { Actor } from './support/actors.ts';
import { type ConformanceWorld, settle } from './support/world.ts';
import { werkdagenBetween, addWerkdagen } from '../ijw/calendar/werkdagen.ts';
import { harness, type Exchange, type ReferenceAanbieder, type Toewijzing } from './support/harness.ts';
import { recordCare } from './support/declaratie.ts';
import { latestToegewezen, untilDeadline } from './support/verzoek.ts';
import type { Jw307 } from '../ijw/messages/jw307.ts';
import type { Jw305 } from '../ijw/messages/jw305.ts';
import { messageDate } from './deadlines.steps.ts';
import { fromSut, awaitOwn, numbersIn, gemeente301s, retourAfter } from './support/sut-read.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');
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

// ------------------------------------------------------------------ ALK-START-2, ALK-R3: what the provider decides from its care

When('{provider} reports the start of care on {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  if (this.judged !== 'aanbieder') throw new Error('This step asks the provider SUT (a @role:aanbieder scenario)');
  this.beginStep();
  // No Begindatum: the SUT takes it from the care it recorded (ALK-START-2, UTR-START-1, FRL-START-1).
  await this.act({ action: 'start-care', toewijzingNummer: this.toewijzingNummer(alias) });
});

Then('the JW305 for {string} has Begindatum {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  const got = await this.awaitReceived('JW305', this.mark);
  const m = got?.read.model as Jw305 | undefined;
  const p = m?.Client.StartProducten.StartProduct.find((x) => x.ToewijzingNummer === this.toewijzingNummer(alias));
  if (!p || p.Begindatum !== date) {
    const refused = this.lastAction && !this.lastAction.ok ? ` (the action was refused: ${this.lastAction.problem?.detail ?? this.lastAction.status})` : '';
    this.fail({ rule: rule(this), expected: `a JW305 for ${alias} with Begindatum ${date}, the day the care that starts care by the scenario's rule was first delivered (absence never does)`, actual: p ? `Begindatum ${p.Begindatum}` : `no JW305 for ${alias}${refused}`, text: 'The start of care is not the first declarable care' });
  }
});

Then('{provider} reports a temporary stop of {string} by {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, by: string) {
  const nummer = this.toewijzingNummer(alias);
  const from = this.mark;
  const stop = () => {
    for (const { read } of this.received('JW307', from)) {
      const p = (read.model as Jw307).Client.StopProducten.StopProduct.find((x) => x.ToewijzingNummer === nummer && x.StatusAanlevering === '1');
      if (p) return p;
    }
    return undefined;
  };
  const got = await untilDeadline(this, by, stop);
  if (!got || got.RedenBeeindiging !== '20') {
    return this.fail({ rule: rule(this), expected: `a JW307 for ${alias} with RedenBeeindiging 20 (tijdelijke stop) by ${by}, sent by the provider itself after two months without care`, actual: got ? `a JW307 with reden ${got.RedenBeeindiging}, Einddatum ${got.Einddatum}` : `no JW307 by ${by}`, text: 'The provider did not report the pause in care as a temporary stop' });
  }
  const retour = this.transcript.filter((e) => e.code === 'JW308').at(-1);
  if (retour?.retourcodes.length) this.fail({ rule: rule(this), expected: 'the temporary stop accepted (JW308 with the Header only)', actual: `retourcodes ${retour.retourcodes.join(', ')}`, text: 'The temporary stop was rejected' });
});

// ------------------------------------------------------------------ UTR-STOP-1: the actual end date in the JW307

Then('the JW307 for {string} has Einddatum {date} and reden {string}', async function (this: ConformanceWorld, alias: string, date: string, reden: string) {
  const nummer = this.toewijzingNummer(alias);
  const got = await this.awaitReceived('JW307', this.mark);
  const p = (got?.read.model as Jw307 | undefined)?.Client.StopProducten.StopProduct.find((x) => x.ToewijzingNummer === nummer && x.StatusAanlevering === '1');
  if (!p || p.Einddatum !== date) {
    const refused = this.lastAction && !this.lastAction.ok ? ` (the action was refused: ${this.lastAction.problem?.detail ?? this.lastAction.status})` : '';
    this.fail({ rule: rule(this), expected: `a JW307 for ${alias} with Einddatum ${date}, the actual end of care (the last care recorded)`, actual: p ? `Einddatum ${p.Einddatum}` : `no JW307 for ${alias}${refused}`, text: 'The stop does not carry the actual end of care', message: 'JW307', path: '/Bericht/Client/StopProducten/StopProduct/Einddatum' });
  }
  if (p.RedenBeeindiging !== reden) {
    this.fail({ rule: rule(this), expected: `RedenBeeindiging ${reden}, the reason care ended`, actual: `RedenBeeindiging ${p.RedenBeeindiging}`, text: 'The stop does not carry the reason care ended', message: 'JW307', path: '/Bericht/Client/StopProducten/StopProduct/RedenBeeindiging' });
  }
});

// ------------------------------------------------------------------ FRL-STOP-1: the RedenWijziging of the closing JW301

/**
 * The JW301 that ends a toewijzing after a definitive stop carries a RedenWijziging (IJW-INTREK-1),
 * and 02 "cliënt overleden" only when the stop says the client died (JZ588 02). Any other code the
 * municipality finds fitting passes (JZ002 names 14 for this case; 05 also describes a shortening).
 */
Then('the JW301 ending toewijzing {string} gives a RedenWijziging that fits a stop with reden {string}', function (this: ConformanceWorld, alias: string, reden: string) {
  const l = latestToegewezen(this, this.toewijzingNummer(alias));
  if (!l) return this.fail({ rule: rule(this), expected: `a JW301 ending toewijzing ${alias}`, actual: 'none', text: 'No JW301 ended the toewijzing' });
  const r = l.p.RedenWijziging;
  if (!r) return this.fail({ rule: rule(this), expected: 'a RedenWijziging (JZ002) on the shortened toewijzing', actual: 'RedenWijziging empty', text: `The JW301 ending toewijzing "${alias}" gives no reason`, message: 'JW301', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct/RedenWijziging' });
  if (r === '02' && reden !== '02') {
    this.fail({ rule: rule(this), expected: `a RedenWijziging other than 02 "cliënt overleden": the stop has reden ${reden}, not 02 "Overlijden" (JZ002 names 14 for a toewijzing ended after a definitive stop)`, actual: 'RedenWijziging 02', text: `The JW301 ending toewijzing "${alias}" says the client died`, message: 'JW301', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct/RedenWijziging' });
  }
});

// ------------------------------------------------------------------ UTR-START-1: an intake is not the start of care

Given('{provider} held an intake on {string} on {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string) {
  if (this.judged !== 'aanbieder') throw new Error('An intake is recorded on the provider under test');
  await recordCare(this, alias, date, date, 1, 'units', { intake: true });
});

// ------------------------------------------------------------------ care the provider reports by itself

Given('care on {string} started on {date} with support agreed less often than weekly', async function (this: ConformanceWorld, alias: string, date: string) {
  if (this.judged !== 'aanbieder') throw new Error('This step gives a fact to the provider under test (a @role:aanbieder scenario)');
  if (date > this.date) await this.setDate(date);
  this.beginStep();
  await this.actOrFail({ action: 'start-care', toewijzingNummer: this.toewijzingNummer(alias), begindatum: date, lagereFrequentie: true });
  const r = this.lastOfCodeRetourcodes('JW306');
  if (r === undefined || r.length) this.fail({ rule: 'IJW-START-1', expected: 'the start accepted', actual: r === undefined ? 'no JW306' : `retourcodes ${r.join(', ')}`, text: 'Setting up the start failed' });
});

Then('{provider} reports the start of {string} with a JW305 beginning between {date} and {date}, within {int} werkdagen of {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, from: string, to: string, n: number, trigger: string) {
  const nummer = this.toewijzingNummer(alias);
  const deadline = addWerkdagen(trigger, n);
  const of = (m: Jw305) => m.Client.StartProducten.StartProduct.filter((p) => p.ToewijzingNummer === nummer && p.StatusAanlevering === '1');
  // Earlier starts of the same toewijzing (before `from`) are not the one asked for.
  const got = await awaitOwn<Jw305>(this, 'JW305', this.mark, deadline, (m) => of(m).some((p) => p.Begindatum >= from));
  if (!got) {
    const seen = fromSut<Jw305>(this, 'JW305', this.mark).flatMap((x) => of(x.m).map((p) => p.Begindatum));
    return this.fail({ rule: rule(this), expected: `a JW305 for toewijzing ${alias} (${nummer}) with a Begindatum between ${from} and ${to}, by ${deadline} (${n} werkdagen after ${trigger})`, actual: seen.length ? `JW305s with Begindatum ${seen.join(', ')}` : 'no JW305 for it', text: `The provider did not report the start of care on ${alias} by itself` });
  }
  const begin = of(got.m).find((p) => p.Begindatum >= from)!.Begindatum;
  const d = messageDate(got.e.xml) ?? '';
  if (begin > to) this.fail({ rule: rule(this), expected: `Begindatum between ${from} and ${to} (the actual start of care)`, actual: `Begindatum ${begin}`, text: 'The JW305 does not give the actual start of care' });
  if (d > deadline) this.fail({ rule: rule(this), expected: `Dagtekening on or before ${deadline}`, actual: `Dagtekening ${d}`, text: 'The JW305 was late' });
});

Then('{provider} reports the end of {string} with a JW307{} ending between {date} and {date}, within {int} werkdagen of {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, how: string, from: string, to: string, n: number, trigger: string) {
  const reden = /^(?: with reden "([^"]*)")?$/.exec(how);
  if (!reden) throw new Error(`Unknown stop '…with a JW307${how} ending …' (say nothing more, or: with reden "<code>")`);
  await expectOwnStop(this, alias, reden[1], from, to, n, trigger);
});

async function expectOwnStop(w: ConformanceWorld, alias: string, reden: string | undefined, from: string, to: string, n: number, trigger: string): Promise<void> {
  const nummer = w.toewijzingNummer(alias);
  const deadline = addWerkdagen(trigger, n);
  const of = (m: Jw307) => m.Client.StopProducten.StopProduct.filter((p) => p.ToewijzingNummer === nummer && p.StatusAanlevering === '1');
  const got = await awaitOwn<Jw307>(w, 'JW307', w.mark, deadline, (m) => of(m).length > 0);
  if (!got) return w.fail({ rule: rule(w), expected: `a JW307${reden ? ` with reden ${reden}` : ''} for toewijzing ${alias} (${nummer}) by ${deadline} (${n} werkdagen after ${trigger})`, actual: 'no JW307 for it', text: `The provider did not report the end of care on ${alias} by itself` });
  const p = of(got.m)[0]!;
  const d = messageDate(got.e.xml) ?? '';
  if (reden && p.RedenBeeindiging !== reden) w.fail({ rule: rule(w), expected: `RedenBeeindiging ${reden}`, actual: `RedenBeeindiging ${p.RedenBeeindiging}`, text: 'The JW307 gives another reden' });
  if (p.Einddatum < from || p.Einddatum > to) w.fail({ rule: rule(w), expected: `Einddatum between ${from} and ${to}`, actual: `Einddatum ${p.Einddatum}`, text: 'The JW307 does not give the end of care' });
  if (d > deadline) w.fail({ rule: rule(w), expected: `Dagtekening on or before ${deadline}`, actual: `Dagtekening ${d}`, text: 'The JW307 was late' });
}

Then('no JW307 for {string} is sent by {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  const nummer = this.toewijzingNummer(alias);
  if (this.date < date) await this.setDate(date);
  await settle();
  const got = fromSut<Jw307>(this, 'JW307', this.mark).filter((x) => x.m.Client.StopProducten.StopProduct.some((p) => p.ToewijzingNummer === nummer));
  if (got.length) this.fail({ rule: rule(this), expected: `no JW307 for ${alias} by ${date}`, actual: got.map((x) => x.m.Client.StopProducten.StopProduct.map((p) => `Einddatum ${p.Einddatum} reden ${p.RedenBeeindiging}`).join(', ')).join('; '), text: `The provider stopped care on ${alias} though nothing called for it` });
});

/**
 * RIJ-ABS-1: the seed gives no einddatum for the lapse, and an einddatum in the past needs the
 * provider's agreement (OP186): any end from `from` to the later of `to` and the 301's Dagtekening.
 */
Then('toewijzing {string} ends between {date} and {date}, or on the day its JW301 is sent', async function (this: ConformanceWorld, alias: string, from: string, to: string) {
  const got = await this.awaitReceived('JW301');
  const t = this.harness.ledger.toewijzingen.get(this.toewijzingNummer(alias));
  const end = t?.einddatum;
  const sent = got ? (messageDate(got.exchange.xml) ?? to) : to;
  const latest = sent > to ? sent : to;
  if (!got || !end || end < from || end > latest) {
    this.fail({ rule: rule(this), expected: `a JW301 ending toewijzing ${alias} on a date from ${from} to ${latest}${latest === to ? '' : ` (its Dagtekening; an einddatum in the past needs the provider's agreement, OP186)`}`, actual: got ? `Einddatum ${end ?? 'empty'} (JW301 of ${sent})` : 'no JW301 received', text: `The municipality did not end toewijzing ${alias}` });
  }
});

// ------------------------------------------------------------------ IJW-START-3: no toewijzing to link to

/**
 * The harness's own provider sends a start or stop under a ToewijzingNummer the scenario names,
 * by lending itself a toewijzing with that number for the client (only the harness sends what a
 * scenario dictates).
 */
async function underNumber(w: ConformanceWorld, client: string, nummer: number, send: (a: ReferenceAanbieder, n: number) => Promise<void>): Promise<void> {
  const a = harness(w).provider.party;
  const bsn = w.client(client).bsn;
  const model = [...a.ledger.toewijzingen.values()].find((t) => t.bsn === bsn);
  if (!model) throw new Error(`No toewijzing of client "${client}" in this scenario to model the start on`);
  const saved = a.ledger.toewijzingen.get(nummer);
  const lent: Toewijzing = { ...model, nummer, bsn };
  a.ledger.toewijzingen.set(nummer, lent);
  try {
    w.beginStep();
    await send(a, nummer);
    await settle();
  } finally {
    if (saved) a.ledger.toewijzingen.set(nummer, saved);
    else a.ledger.toewijzingen.delete(nummer);
  }
}

When('{provider} sends a start on {date} under {} for client {string}', async function (this: ConformanceWorld, _who: Actor, date: string, under: string, client: string) {
  // The number as such (one no toewijzing has), or the one of a toewijzing of the scenario.
  const m = /^ToewijzingNummer (\d+)$|^the ToewijzingNummer of "([^"]*)"$/.exec(under);
  if (!m) throw new Error(`Unknown number '${under}' (say: ToewijzingNummer <n>, or: the ToewijzingNummer of "<toewijzing>")`);
  if (date > this.date) await this.setDate(date);
  await underNumber(this, client, m[1] ? Number(m[1]) : this.toewijzingNummer(m[2]!), (a, n) => a.startCare(n, date));
});

When('{provider} sends a stop on {date} with reden {string} for a start on {date} under ToewijzingNummer {int} for client {string}', async function (this: ConformanceWorld, _who: Actor, date: string, reden: string, begin: string, nummer: number, client: string) {
  if (date > this.date) await this.setDate(date);
  await underNumber(this, client, nummer, (a, n) => a.stopCare(n, date, reden, begin));
});

Then('the JW305 carries the ToewijzingNummer of {string}', function (this: ConformanceWorld, alias: string) {
  const e = this.transcript.filter((x) => x.code === 'JW305' && x.direction === 'received').at(-1);
  if (!e) return this.fail({ rule: rule(this), expected: 'a JW305 from the provider', actual: 'none', text: 'The provider sent no start' });
  const got = numbersIn(e);
  const want = this.toewijzingNummer(alias);
  if (!got.length || got.some((n) => n !== want)) this.fail({ rule: rule(this), expected: `every StartProduct with ToewijzingNummer ${want} (toewijzing "${alias}")`, actual: got.length ? `ToewijzingNummer ${got.join(', ')}` : 'no ToewijzingNummer', text: 'The start does not link to the toewijzing it starts (TR019)' });
});

// ------------------------------------------------------------------ the SUT provider's own starts and stops

/** The latest JW305/JW307 the provider sent on a toewijzing since this step began, with the harness's retour. */
function sutMessageOn(w: ConformanceWorld, code: 'JW305' | 'JW307', alias: string, from = w.mark): Exchange | undefined {
  const nummer = w.toewijzingNummer(alias);
  return w.transcript.slice(from).filter((e) => e.code === code && e.direction === 'received' && numbersIn(e).includes(nummer)).at(-1);
}

Then('the provider\'s {msg} on {string} is accepted', async function (this: ConformanceWorld, code: string, alias: string) {
  const c = code as 'JW305' | 'JW307';
  await settle();
  const e = sutMessageOn(this, c, alias);
  const why = this.lastAction && !this.lastAction.ok ? `the action was refused: ${this.lastAction.problem?.detail ?? this.lastAction.status}` : `no ${c} on toewijzing ${this.toewijzingNummer(alias)}`;
  if (!e) return this.fail({ rule: rule(this), expected: `a ${c} with ToewijzingNummer ${this.toewijzingNummer(alias)} (toewijzing "${alias}")`, actual: why, text: `The provider did not send its own ${c} for toewijzing "${alias}"` });
  const r = retourAfter(this, e, c === 'JW305' ? 'JW306' : 'JW308');
  if (!r || r.retourcodes.length) this.fail({ rule: rule(this), expected: `the ${c} accepted`, actual: r ? `retourcodes ${r.retourcodes.join(', ')}` : 'no retour', text: `The municipality rejected the provider's ${c} for toewijzing "${alias}"` });
});

Then('{provider} has sent only one JW305 for {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  await settle();
  const nummer = this.toewijzingNummer(alias);
  const starts = this.transcript.filter((e) => e.code === 'JW305' && e.direction === 'received' && numbersIn(e).includes(nummer));
  if (starts.length !== 1) {
    this.fail({ rule: rule(this), expected: `one JW305 for toewijzing "${alias}" (a changed toewijzing that was already started needs no new start)`, actual: `${starts.length} JW305 for it`, text: 'The provider started the changed toewijzing again' });
  }
});

// ------------------------------------------------------------------ IJW-STOP-4: no new 301 after a temporary stop

Then('{municipality} has sent no JW301 for {string} since the temporary stop', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  await settle();
  const nummer = this.toewijzingNummer(alias);
  const stopAt = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW307' && e.direction === 'sent').at(-1)?.[1];
  if (stopAt === undefined) throw new Error('No stop in this scenario');
  const later = gemeente301s(this, stopAt).filter((x) => x.products.some((p) => p.ToewijzingNummer === nummer));
  if (later.length) {
    const p = later[0]!.products.find((x) => x.ToewijzingNummer === nummer)!;
    this.fail({ rule: rule(this), expected: `no JW301 for toewijzing "${alias}" after the stop with reden 20 (004 §3.1.1 "De gemeente stuurt geen nieuw Toewijzingsbericht")`, actual: `a JW301 dated ${/<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(later[0]!.e.xml)?.[1]} with the toewijzing: Einddatum ${p.Einddatum ?? 'empty'}, RedenWijziging ${p.RedenWijziging ?? 'empty'}`, text: 'The municipality sent a new toewijzing after a temporary stop' });
  }
});

// ------------------------------------------------------------------ IJW-STOP-5: a new start after a definitive stop

When('{provider} starts care on {string} again on {date}, or on the toewijzing\'s einddatum if that is earlier', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string) {
  await settle();
  // The harness's provider holds the toewijzing as the municipality last sent it. In a region
  // that shortens it after a definitive stop (ALK-STOP-2, FRL-STOP-1) wait for that JW301 first:
  // a system under test may send it after the JW308.
  if (this.judged === 'gemeente' && this.profile.startStop?.endToewijzingAfterStop) {
    const stopAt = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW307' && e.direction === 'sent').at(-1)?.[1] ?? 0;
    await this.awaitReceived('JW301', stopAt);
  }
  const t = harness(this).provider.party.toewijzing(this.toewijzingNummer(alias));
  const begin = t.einddatum && t.einddatum < date ? t.einddatum : date;
  if (begin > this.date) await this.setDate(begin);
  this.beginStep();
  await harness(this).provider.party.startCare(t.nummer, begin);
  await settle();
});
