/**
 * Steps for the Amsterdam (AMS-*) and Rijnmond (RIJ-*) rules that the shared step files do not
 * cover: what the provider reports by itself from recorded care and passing time (RIJ-DECL-1,
 * RIJ-STOP-1, RIJ-ABS-1/2), follow-up requests (RIJ-VOT-2), the content and unit of its JW315
 * (RIJ-VOT-3, RIJ-PROD-1), the two-week declaration answer (RIJ-TERM-2) and the bounds of the
 * ProductPeriode (AMS-PER-1).
 */
import { Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import type { ConformanceWorld } from './support/world.ts';
import { settle } from './support/world.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import type { Jw305 } from '../ijw/messages/jw305.ts';
import type { Jw307 } from '../ijw/messages/jw307.ts';
import type { Jw315 } from '../ijw/messages/jw315.ts';
import { addWerkdagen } from '../ijw/calendar/werkdagen.ts';
import { messageDate } from './deadlines.steps.ts';
import { productOf, omvangOf } from './support/allocate.ts';
import { lastDeclaration, linesOf, describeLine } from './support/declaratie.ts';
import { state } from './support/verzoek.ts';
import { plusDays, type Exchange } from './support/harness.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');

/** Messages of a code the SUT sent since `from`, read. */
function fromSut<T>(w: ConformanceWorld, code: MessageCode, from: number): { e: Exchange; m: T }[] {
  return w.received(code, from).filter((x) => x.read.code === code).map((x) => ({ e: x.exchange, m: x.read.model as T }));
}

/**
 * Waits for a message the SUT sends by itself: the business date moves werkdag by werkdag up to
 * the deadline (so a late message shows as late), then the last chance is taken.
 */
async function awaitOwn<T>(w: ConformanceWorld, code: MessageCode, from: number, deadline: string, match: (m: T) => boolean): Promise<{ e: Exchange; m: T } | undefined> {
  const find = () => fromSut<T>(w, code, from).find((x) => match(x.m));
  while (!find() && w.date < deadline) {
    await w.setDate(addWerkdagen(w.date, 1) > deadline ? deadline : addWerkdagen(w.date, 1));
    await settle();
  }
  if (!find()) await w.awaitReceived(code, from, 200);
  return find();
}

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

Then('{provider} reports the end of {string} with a JW307 ending between {date} and {date}, within {int} werkdagen of {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, from: string, to: string, n: number, trigger: string) {
  await expectOwnStop(this, alias, undefined, from, to, n, trigger);
});

Then('{provider} reports the end of {string} with a JW307 with reden {string} ending between {date} and {date}, within {int} werkdagen of {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, reden: string, from: string, to: string, n: number, trigger: string) {
  await expectOwnStop(this, alias, reden, from, to, n, trigger);
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

// ------------------------------------------------------------------ requests (JW315)

When('{provider} asks for a follow-up of {string} until {date} referred by {string} with AGB code {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, einddatum: string, type: string, agb: string) {
  this.beginStep();
  await this.act({ action: 'request-continuation', toewijzingNummer: this.toewijzingNummer(alias), einddatum, verwijzer: { type, zorgverlenerCode: agb } });
  await this.awaitReceived('JW315', this.mark, this.lastAction?.ok ? 1000 : 100);
});

Then('{provider} asks for it with a new JW315 for product {string} from {date} to {date}', function (this: ConformanceWorld, _who: Actor, product: string, from: string, to: string) {
  const got = fromSut<Jw315>(this, 'JW315', this.mark).flatMap((x) => x.m.Client.AangevraagdeProducten.AangevraagdProduct);
  const ok = got.find((p) => p.Product?.Code === product && p.ToewijzingIngangsdatum === from && p.ToewijzingEinddatum === to);
  if (!ok) {
    const other = this.received('JW317', this.mark).length ? `; a JW317 instead${this.received('JW317', this.mark)[0]!.exchange.httpStatus === 400 ? ' (refused: the region does not use it)' : ''}` : '';
    this.fail({ rule: rule(this), expected: `a JW315 for ${product} from ${from} to ${to}`, actual: `${got.map((p) => `${p.Product?.Code ?? '?'} ${p.ToewijzingIngangsdatum}–${p.ToewijzingEinddatum ?? 'open'}`).join(', ') || 'no JW315'}${other}${this.lastAction?.ok === false ? ` (the action was refused: ${this.lastAction.problem?.detail ?? ''})` : ''}`, text: 'The follow-up was not asked with a new JW315' });
  }
});

Then('the JW315 asks for product {string} in eenheid {string} with frequentie {string}', function (this: ConformanceWorld, product: string, eenheid: string, frequentie: string) {
  const got = fromSut<Jw315>(this, 'JW315', this.mark).flatMap((x) => x.m.Client.AangevraagdeProducten.AangevraagdProduct).find((p) => p.Product?.Code === product);
  if (!got || got.Omvang?.Eenheid !== eenheid || got.Omvang?.Frequentie !== frequentie) {
    this.fail({ rule: rule(this), expected: `a JW315 for ${product} with Omvang in eenheid ${eenheid}, frequentie ${frequentie}`, actual: got ? (got.Omvang ? `eenheid ${got.Omvang.Eenheid}, frequentie ${got.Omvang.Frequentie}` : 'no Omvang') : `no JW315 for ${product}`, text: `The provider asks for ${product} in another unit than the region's code table gives` });
  }
});

Then('{municipality} does not allocate request {string} in eenheid {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, eenheid: string) {
  const deadline = addWerkdagen(this.date, this.profile.deadlines.answerRequest?.value ?? 5);
  const ref = state(this).refs.get(alias) ?? alias;
  const in301 = () => this.received('JW301', this.mark).flatMap((x) => (x.read.code === 'JW301' ? x.read.model.Client.ToegewezenProducten.ToegewezenProduct : [])).filter((p) => p.ReferentieAanbieder === ref);
  const answered = () => in301().length > 0 || this.received('JW319', this.mark).length > 0;
  while (!answered() && this.date < deadline) await this.setDate(addWerkdagen(this.date, 1));
  await settle();
  const wrong = in301().filter((p) => p.Omvang?.Eenheid === eenheid);
  if (wrong.length) this.fail({ rule: rule(this), expected: `no toewijzing for request "${alias}" in eenheid ${eenheid} (a JW319, or a toewijzing in the unit of the code table)`, actual: `a JW301 allocating it in eenheid ${eenheid}, frequentie ${wrong[0]!.Omvang?.Frequentie}`, text: 'The municipality allocated an arrangement in another unit than the code table gives' });
});

Then('the JW315 carries the BSN of {string}, product {string}, the period {date} to {date} and verwijzer type {string}', function (this: ConformanceWorld, client: string, product: string, from: string, to: string, type: string) {
  const got = fromSut<Jw315>(this, 'JW315', this.mark).at(-1);
  const bsn = this.client(client).bsn;
  const p = got?.m.Client.AangevraagdeProducten.AangevraagdProduct[0];
  const problems: string[] = [];
  if (!got || !p) problems.push('no JW315');
  else {
    if (got.m.Client.Bsn !== bsn) problems.push(`Bsn ${got.m.Client.Bsn}`);
    if (p.Product?.Code !== product) problems.push(`ProductCode ${p.Product?.Code ?? 'empty'}`);
    if (p.ToewijzingIngangsdatum !== from) problems.push(`ToewijzingIngangsdatum ${p.ToewijzingIngangsdatum}`);
    if (p.ToewijzingEinddatum !== to) problems.push(`ToewijzingEinddatum ${p.ToewijzingEinddatum ?? 'empty'}`);
    if (p.Verwijzer?.Type !== type) problems.push(`Verwijzer Type ${p.Verwijzer?.Type ?? 'empty'}`);
  }
  if (problems.length) this.fail({ rule: rule(this), expected: `a JW315 with the client's BSN, ProductCode ${product}, ToewijzingIngangsdatum ${from}, ToewijzingEinddatum ${to}, Verwijzer Type ${type}`, actual: problems.join('; '), text: 'The JW315 lacks what the region requires in it' });
});

// ------------------------------------------------------------------ declarations

Then('the JW325 answer arrives within {int} calendar days', async function (this: ConformanceWorld, days: number) {
  const sent = this.transcript.slice(this.mark).find((e) => e.direction === 'sent' && e.code === 'JW323');
  if (!sent) throw new Error('No JW323 was sent by the harness in this step to count from');
  const from = messageDate(sent.xml) ?? sent.businessDate;
  const deadline = plusDays(from, days);
  const find = () => this.transcript.slice(this.mark).find((e) => e.code === 'JW325' && e.direction === 'received');
  while (!find() && this.date < deadline) await this.setDate(addWerkdagen(this.date, 1) > deadline ? deadline : addWerkdagen(this.date, 1));
  if (!find()) await this.awaitReceived('JW325', this.mark, 500);
  const e = find();
  if (!e) return this.fail({ rule: rule(this), expected: `a JW325 within ${days} days of the JW323 dated ${from}, by ${deadline}`, actual: `no JW325 by ${deadline}`, text: 'The declaration was not answered in time' });
  const d = messageDate(e.xml) ?? '';
  if (d > deadline) this.fail({ rule: rule(this), expected: `Dagtekening on or before ${deadline} (${days} days after ${from})`, actual: `Dagtekening ${d}`, text: 'The JW325 was late' });
});

Then('the line of {string} has a ProductPeriode within {date} to {date} that covers {date} to {date}', function (this: ConformanceWorld, alias: string, lo: string, hi: string, careFrom: string, careTo: string) {
  const d = lastDeclaration(this);
  const l = linesOf(d.model, this.toewijzingNummer(alias)).filter((p) => p.IngediendBedrag.DebetCredit === 'D').at(-1);
  const pp = l?.ProductPeriode;
  if (!l || !pp || pp.Begindatum < lo || pp.Einddatum > hi || pp.Begindatum > careFrom || pp.Einddatum < careTo) {
    this.fail({ rule: rule(this), expected: `a ProductPeriode on or after ${lo} and on or before ${hi} (start or month start, stop or month end) that holds the care delivered ${careFrom} – ${careTo}`, actual: l ? describeLine(l) : `no line for ${alias}`, text: 'The ProductPeriode does not lie between the start and the stop of care in the month' });
  }
});
