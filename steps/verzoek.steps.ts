/** Steps about requests (JW315–JW320) and the toewijzingen that answer them (JW301). */
import { Given, When, Then, type DataTable } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import { type ConformanceWorld, settle } from './support/world.ts';
import type { Jw317NieuwProduct, Jw317TeWijzigenProduct } from '../ijw/messages/jw317.ts';
import { all301Products, answerRequest, answers319, deadlineWeeks, deadlineWerkdagen, fromGemeente, honouring301, lastSutMessage, latestToegewezen, defaultVerwijzer, refOf, request, requestChange, requestDate, state, untilDeadline, type RequestInput, safeRead, registerLocation, DEFAULT_LOCATIE } from './support/verzoek.ts';
import { allocate, omvangOf, productOf } from './support/allocate.ts';
import { werkdagenBetween, addWerkdagen } from '../ijw/calendar/werkdagen.ts';
import { harness, endAfterYears, overlaps, plusDays, type OmvangFacts, type Toewijzing, omvangShapeProblem } from './support/harness.ts';
import type { Jw315 } from '../ijw/messages/jw315.ts';
import { header, fromSut, toewijzingen301 } from './support/sut-read.ts';
const rule = (w: ConformanceWorld) => w.rules.join(', ');

// ------------------------------------------------------------------ the municipality's identity

Given('the municipality is {string}', function (this: ConformanceWorld, code: string) {
  // The World configured the scenario with this municipality from the start (ALK-CODES): the
  // adapter protocol has one configure per run. This step only holds the scenario to it.
  if (this.gemeenteCode !== code) throw new Error(`The scenario names municipality ${code} but was set up with ${this.gemeenteCode}: name it in the first step`);
});

// ------------------------------------------------------------------ requests

/**
 * One step per request: the provider asks for a toewijzing of a product for a client and a
 * period; what else the scenario says of the request follows the period and is read here. The
 * fields of a fuller request go in the data table form below.
 */
const REQUEST_DETAILS: { re: RegExp; run(this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string, ...m: string[]): Promise<void> }[] = [
  { re: /^$/, run(alias, product, client, from, to) { return request(this, { alias, client, product, ingangsdatum: from, einddatum: to }); } },
  { re: /^ referred by "([^"]*)"$/, run(alias, product, client, from, to, type) { return request(this, { alias, client, product, ingangsdatum: from, einddatum: to, verwijzer: referrer(type!) }); } },
  { re: /^ in eenheid "([^"]*)" with frequentie "([^"]*)"$/, run: requestInEenheid },
  { re: /^ as a subcontractor$/, run: requestAsSubcontractor },
  { re: /^ without naming its unit$/, run: requestWithoutUnit },
  // Only the harness's provider sends one (a product code the region's list does not hold).
  { re: /^, which is not contracted$/, run: requestNotContracted },
];

When('{provider} requests toewijzing {string} of product {string} for client {string} from {date} to {date}{}', async function (this: ConformanceWorld, _who: Actor, alias: string, product: string, client: string, from: string, to: string, how: string) {
  const d = REQUEST_DETAILS.map((x) => ({ x, m: x.re.exec(how) })).find((x) => x.m);
  if (!d) throw new Error(`Unknown request '…${how}' (known: ${REQUEST_DETAILS.map((x) => x.re.source).join('; ')})`);
  await d.x.run.call(this, alias, product, client, from, to, ...d.m!.slice(1));
});

When('{provider} requests toewijzing {string} for client {string}:', async function (this: ConformanceWorld, _who: Actor, alias: string, client: string, table: DataTable) {
  const h = table.rowsHash();
  const r: RequestInput = { alias, client, ingangsdatum: h['ingangsdatum'] ?? this.date };
  if (h['product']) r.product = h['product'];
  if (h['productcode'] === 'none') r.noProductCode = true;
  if (h['einddatum']) r.einddatum = h['einddatum'];
  if (h['volume'] === 'none') r.noVolume = true;
  else if (h['volume']) r.volume = Number(h['volume']);
  if (h['verwijzer']) r.verwijzer = { type: h['verwijzer'], ...opt('naam', h['naam']), ...opt('organisatie', h['organisatie']), ...opt('zorgverlenerCode', h['zorgverlenerCode']) };
  if (h['locatiecode']) r.locatiecode = h['locatiecode'];
  if (h['problematiek']) r.problematiek = h['problematiek'] as 'enkelvoudig';
  if (h['intakedatum']) r.intakedatum = h['intakedatum'];
  await request(this, r);
});

Given('request {string} of product {string} for client {string} from {date} to {date} was honoured as toewijzing {string}', async function (this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string, toewijzing: string) {
  await request(this, { alias, client, product, ingangsdatum: from, einddatum: to });
  await expectHonoured(this, alias, this.profile.deadlines.answerRequest?.value ?? 5, 'IJW-VOT-1');
  const t = honouring301(this, refOf(this, alias))!.products[0]!;
  this.toewijzingen.set(toewijzing, t.ToewijzingNummer);
});

Given('care on {string} was never started', function (this: ConformanceWorld, _alias: string) {
  /* nothing to do: a reminder in the scenario text */
});

// ------------------------------------------------------------------ answers

async function expectHonoured(w: ConformanceWorld, alias: string, n: number, ruleOverride?: string) {
  const ref = refOf(w, alias);
  const from = requestDate(w, alias);
  const deadline = deadlineWerkdagen(from, n);
  const got = await untilDeadline(w, deadline, () => honouring301(w, ref) ?? (answers319(w, ref).length && answers319(w, ref).every((a) => a.m.Antwoord.VerzoekAntwoord === '1') ? null : undefined));
  const r = ruleOverride && !w.rules.length ? ruleOverride : rule(w);
  if (!got) {
    const rejected = answers319(w, ref)[0];
    // A JW301 came, but it does not name the request: say so, rather than "no JW301".
    const unnamed = !rejected && fromGemeente(w, 'JW301').filter((e) => e.httpStatus !== 400).at(-1);
    if (unnamed) {
      const refs = all301Products(w, w.transcript.indexOf(unnamed)).flat().map((p) => p.ReferentieAanbieder ?? 'empty');
      return w.fail({
        rule: 'TR379',
        message: w.judge.describe(unnamed),
        path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct/ReferentieAanbieder',
        expected: `ReferentieAanbieder ${ref} in the JW301 that honours request "${alias}"`,
        actual: `ReferentieAanbieder ${refs.join(', ') || 'empty'}`,
        text: `A JW301 was sent, but it does not name request "${alias}" in its ReferentieAanbieder`,
        affects: { rules: r.split(', '), text: `The municipality did not honour request "${alias}" in time` },
        ...(w.currentStep?.setup ? { setup: w.currentStep.text } : {}),
      });
    }
    return w.fail({ rule: r, expected: `a JW301 honouring request "${alias}" (ReferentieAanbieder ${ref}) within ${n} werkdagen of ${from}, by ${deadline}`, actual: rejected ? `a JW319 with VerzoekAntwoord ${rejected.m.Antwoord.VerzoekAntwoord}, reden ${rejected.m.Antwoord.RedenAfwijzingVerzoek ?? 'none'}` : `no JW301 by ${deadline}`, text: `The municipality did not honour request "${alias}" in time` });
  }
  const d = dagtekening(got.e.xml);
  if (d > deadline) w.fail({ rule: r, expected: `Dagtekening on or before ${deadline} (${n} werkdagen after ${from})`, actual: `Dagtekening ${d}: ${werkdagenBetween(from, d)} werkdagen`, text: 'The JW301 came late' });
  w.toewijzingen.set(alias, got.products[0]!.ToewijzingNummer);
  return got;
}

Then('{municipality} honours request {string} with a JW301 within {int} werkdagen', async function (this: ConformanceWorld, _who: Actor, alias: string, n: number) {
  await expectHonoured(this, alias, n);
});

/**
 * OP274 (RIJ-TERM-1, national): a first answer to the request, a JW301 or a JW319 (in onderzoek
 * or afgewezen), within `n` werkdagen; a region's longer limit for the toewijzing does not lift it.
 */
Then('{municipality} answered request {string} with a JW301 or a JW319 within {int} werkdagen', function (this: ConformanceWorld, _who: Actor, alias: string, n: number) {
  const ref = refOf(this, alias);
  const from = requestDate(this, alias);
  const deadline = deadlineWerkdagen(from, n);
  const firsts = [honouring301(this, ref)?.e, ...answers319(this, ref).map((a) => a.e)].filter((e) => e !== undefined).map((e) => ({ code: e.code, d: dagtekening(e.xml) }));
  const first = firsts.sort((x, y) => x.d.localeCompare(y.d))[0];
  if (!first || first.d > deadline) {
    this.fail({ rule: rule(this), expected: `a JW301 or a JW319 (e.g. VerzoekAntwoord 2, in onderzoek) for request "${alias}" within ${n} werkdagen of ${from}, by ${deadline} (OP274)`, actual: first ? `the first answer, a ${first.code}, dated ${first.d}: ${werkdagenBetween(from, first.d)} werkdagen` : 'no answer', text: 'The municipality let the request wait longer than the national limit without a JW319' });
  }
});

Then('{municipality} honours request {string} within the region\'s deadline', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  await expectHonoured(this, alias, this.profile.deadlines.answerRequest?.value ?? 5);
});

Then('the JW301 for request {string} carries its ReferentieAanbieder once', async function (this: ConformanceWorld, alias: string) {
  const ref = refOf(this, alias);
  const h = honouring301(this, ref);
  if (!h || h.products.length !== 1) this.fail({ rule: rule(this), expected: `one ToegewezenProduct with ReferentieAanbieder ${ref}`, actual: h ? `${h.products.length}` : 'no JW301', text: 'TR379: the honouring JW301 refers to the request once' });
});

Then('a later JW301 for toewijzing {string} carries no ReferentieAanbieder', async function (this: ConformanceWorld, alias: string) {
  await this.awaitReceived('JW301');
  const l = latestToegewezen(this, this.toewijzingNummer(alias));
  if (!l || this.transcript.indexOf(l.e) < this.mark) this.fail({ rule: rule(this), expected: `a new JW301 with toewijzing ${alias}`, actual: 'none', text: 'No later JW301' });
  if (l.p.ReferentieAanbieder) this.fail({ rule: rule(this), expected: 'no ReferentieAanbieder (TR379: only the first time)', actual: `ReferentieAanbieder ${l.p.ReferentieAanbieder}`, text: 'The ReferentieAanbieder was sent again' });
});

async function expectRejected(w: ConformanceWorld, alias: string, n: number, reden?: string) {
  const ref = refOf(w, alias);
  const from = requestDate(w, alias);
  const deadline = deadlineWerkdagen(from, n);
  const final = () => answers319(w, ref).find((a) => a.m.Antwoord.VerzoekAntwoord === '1') ?? (honouring301(w, ref) ? null : undefined);
  const got = await untilDeadline(w, deadline, final);
  if (!got) {
    return w.fail({ rule: rule(w), expected: `a JW319 rejecting request "${alias}"${reden ? ` with reden ${reden}` : ''} within ${n} werkdagen, by ${deadline}`, actual: got === null ? `a JW301 honouring it (toewijzing ${honouring301(w, ref)!.products[0]!.ToewijzingNummer})` : `no JW319 by ${deadline}`, text: `The municipality did not reject request "${alias}"` });
  }
  const d = dagtekening(got.e.xml);
  if (d > deadline) w.fail({ rule: rule(w), expected: `Dagtekening on or before ${deadline}`, actual: `Dagtekening ${d}: ${werkdagenBetween(from, d)} werkdagen`, text: 'The JW319 came late' });
  if (reden && got.m.Antwoord.RedenAfwijzingVerzoek !== reden) w.fail({ rule: rule(w), expected: `RedenAfwijzingVerzoek ${reden}`, actual: `RedenAfwijzingVerzoek ${got.m.Antwoord.RedenAfwijzingVerzoek ?? 'empty'}`, text: 'The JW319 gives the wrong reden' });
  return got;
}

Then('{municipality} rejects request {string} with a JW319{} within {int} werkdagen', async function (this: ConformanceWorld, _who: Actor, alias: string, how: string, n: number) {
  const reden = /^(?: with reden "([^"]*)")?$/.exec(how);
  if (!reden) throw new Error(`Unknown rejection '…with a JW319${how} within …' (say nothing more, or: with reden "<code>")`);
  await expectRejected(this, alias, n, reden[1]);
});

/**
 * Where the request also breaks a national in-message rule (e.g. CS343: etmalen per day; CD041:
 * no Omvang), a correct municipality rejects it on its JW316 (0001) and sends no JW319; either
 * rejection passes.
 */
Then('{municipality} rejects request {string}, on its JW316 or with a JW319, within {int} werkdagen', async function (this: ConformanceWorld, _who: Actor, alias: string, n: number) {
  const retour = this.transcript.slice(this.mark).find((e) => e.code === 'JW316' && e.direction === 'received' && e.retourcodes.some((c) => c !== '0200' && c !== '0233'));
  if (!retour) await expectRejected(this, alias, n);
});

Then('no JW319 is sent for request {string}', function (this: ConformanceWorld, alias: string) {
  const got = answers319(this, refOf(this, alias));
  if (got.length) this.fail({ rule: rule(this), expected: 'no JW319', actual: `${got.length} JW319`, text: 'The municipality sent a JW319 it should not send' });
});

When('{municipality} takes request {string} in onderzoek', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  await answerRequest(this, alias, '2');
});

When('{municipality} rejects request {string} with reden {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, reden: string) {
  await answerRequest(this, alias, '1', reden);
});

When('{municipality} rejects request {string} on the woonplaatsbeginsel naming gemeente {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, gemeente: string) {
  await answerRequest(this, alias, '1', '8', gemeente);
});

Then('the JW319 for request {string} says {string}', async function (this: ConformanceWorld, alias: string, what: string) {
  const ref = refOf(this, alias);
  const antwoord = what === 'in onderzoek' ? '2' : '1';
  const got = (await untilDeadline(this, this.date, () => answers319(this, ref).at(-1), this.expectMs()))!;
  if (!got) return this.fail({ rule: rule(this), expected: `a JW319 for request "${alias}"`, actual: 'none', text: 'No JW319' });
  const a = got.m.Antwoord;
  if (a.VerzoekAntwoord !== antwoord || (antwoord === '2' && a.RedenAfwijzingVerzoek)) {
    this.fail({ rule: rule(this), expected: `VerzoekAntwoord ${antwoord}${antwoord === '2' ? ' without a reden (CD086)' : ''}`, actual: `VerzoekAntwoord ${a.VerzoekAntwoord}, reden ${a.RedenAfwijzingVerzoek ?? 'none'}`, text: 'The JW319 says something else' });
  }
});

Then('the JW319 for request {string} names gemeente {string}', function (this: ConformanceWorld, alias: string, gemeente: string) {
  const got = answers319(this, refOf(this, alias)).at(-1);
  const a = got?.m.Antwoord;
  if (!a || a.RedenAfwijzingVerzoek !== '8' || a.Woonplaatsbeginsel?.Gemeente !== gemeente) {
    this.fail({ rule: rule(this), expected: `reden 8 with Woonplaatsbeginsel Gemeente ${gemeente}`, actual: a ? `reden ${a.RedenAfwijzingVerzoek ?? 'none'}, Gemeente ${a.Woonplaatsbeginsel?.Gemeente ?? 'none'}` : 'no JW319', text: 'The woonplaatsbeginsel rejection does not name the responsible gemeente' });
  }
});

Then('the final answer to request {string} arrives within {int} weeks of the request', async function (this: ConformanceWorld, alias: string, weeks: number) {
  const ref = refOf(this, alias);
  const from = requestDate(this, alias);
  const deadline = deadlineWeeks(from, weeks);
  const final = () => honouring301(this, ref)?.e ?? answers319(this, ref).find((a) => a.m.Antwoord.VerzoekAntwoord === '1')?.e;
  const got = await untilDeadline(this, deadline, final);
  if (!got || dagtekening(got.xml) > deadline) this.fail({ rule: rule(this), expected: `a JW301 or a JW319 (1) for request "${alias}" by ${deadline} (${weeks} weeks after ${from})`, actual: got ? `${got.code} dated ${dagtekening(got.xml)}` : 'no final answer', text: 'The final answer after "in onderzoek" is late' });
});

// ------------------------------------------------------------------ what the municipality allocated

function toegewezen(w: ConformanceWorld, alias: string) {
  const l = latestToegewezen(w, w.toewijzingNummer(alias));
  if (!l) return w.fail({ rule: rule(w), expected: `a JW301 with toewijzing "${alias}"`, actual: 'none', text: 'No toewijzing' });
  return l.p;
}

Then('toewijzing {string} has an einddatum and a volume', function (this: ConformanceWorld, alias: string) {
  const p = toegewezen(this, alias);
  if (!p.Einddatum || p.Omvang?.Volume === undefined) this.fail({ rule: rule(this), expected: 'Einddatum and Volume filled (T-2, T-4)', actual: `Einddatum ${p.Einddatum ?? 'empty'}, Volume ${p.Omvang?.Volume ?? 'empty'}`, text: `Toewijzing "${alias}" lacks its einddatum or volume` });
});

Then('toewijzing {string} has product code {string}', function (this: ConformanceWorld, alias: string, code: string) {
  const p = toegewezen(this, alias);
  if (p.Product?.Code !== code) this.fail({ rule: rule(this), expected: `a specific toewijzing with product code ${code} (T-1)`, actual: `product code ${p.Product?.Code ?? 'empty'}`, text: `Toewijzing "${alias}" is not specific` });
});

/** The duration the region gives a toewijzing (allocation.toewijzingDuration), with its citation. */
Then('toewijzing {string} lasts as long as the region allows', function (this: ConformanceWorld, alias: string) {
  const d = this.profile.allocation.toewijzingDuration;
  if (!d) throw new Error(`The ${this.profile.id} profile gives no toewijzingDuration`);
  const years = d.value.years;
  const p = toegewezen(this, alias);
  const inclusive = endAfterYears(p.Ingangsdatum, years);
  const ok = [inclusive, plusDays(inclusive, 1)];
  if (!p.Einddatum || !ok.includes(p.Einddatum)) this.fail({ rule: rule(this), expected: `Einddatum = Ingangsdatum ${p.Ingangsdatum} + ${years} years (${ok.join(' or ')}; ${d.source})`, actual: `Einddatum ${p.Einddatum ?? 'empty'}`, text: `Toewijzing "${alias}" does not run ${years} years` });
});

Then('toewijzing {string} has commentaar {string}', function (this: ConformanceWorld, alias: string, commentaar: string) {
  const p = toegewezen(this, alias);
  if (!p.Commentaar?.includes(commentaar)) this.fail({ rule: rule(this), expected: `the location code ${commentaar} in the Commentaar`, actual: `Commentaar ${p.Commentaar ?? 'empty'}`, text: 'The location code did not come back in the JW301' });
});

Then('toewijzing {string} has ingangsdatum {date}', function (this: ConformanceWorld, alias: string, d: string) {
  const p = toegewezen(this, alias);
  if (p.Ingangsdatum !== d) this.fail({ rule: rule(this), expected: `Ingangsdatum ${d}`, actual: `Ingangsdatum ${p.Ingangsdatum}`, text: 'Wrong ingangsdatum' });
});

Then('toewijzing {string} still ends on {date} and toewijzing {string} with a new number runs from {date} to {date}', function (this: ConformanceWorld, alias: string, end: string, alias2: string, from: string, to: string) {
  const nr = this.toewijzingNummer(alias);
  const old = latestToegewezen(this, nr)?.p;
  const all = all301Products(this).flat();
  const added = all.find((p) => p.ToewijzingNummer !== nr && p.Ingangsdatum === from && p.Einddatum === to);
  if (old?.Einddatum !== end || !added) {
    this.fail({ rule: rule(this), expected: `toewijzing ${alias} ending on ${end} and a new toewijzing from ${from} to ${to}`, actual: `toewijzing ${alias} ends ${old?.Einddatum ?? 'empty'}; ${added ? '' : 'no new toewijzing for the extension'}`, text: 'An extension must be a new toewijzing (ALK-VOW-2)' });
  }
  this.toewijzingen.set(alias2, added.ToewijzingNummer);
});

Then('toewijzing {string} itself now ends on {date}', function (this: ConformanceWorld, alias: string, end: string) {
  const nr = this.toewijzingNummer(alias);
  const l = latestToegewezen(this, nr);
  const before = new Set(all301Products(this).flat().filter((_p, i, a) => i < a.length).map((p) => p.ToewijzingNummer));
  const known = new Set([...this.toewijzingen.values()]);
  const fresh = [...before].filter((n) => !known.has(n));
  if (l?.p.Einddatum !== end || fresh.length) {
    this.fail({ rule: rule(this), expected: `toewijzing ${alias} (number ${nr}) changed to Einddatum ${end}, no new toewijzingsnummer`, actual: `Einddatum ${l?.p.Einddatum ?? 'empty'}${fresh.length ? `; new toewijzing(en) ${fresh.join(', ')}` : ''}`, text: 'The extension did not change the toewijzing itself (FRL-VOW-1)' });
  }
});

Then('no JW301 holds overlapping toewijzingen of product {string}', function (this: ConformanceWorld, code: string) {
  for (const products of all301Products(this, this.mark)) {
    const live = products.filter((p) => p.Product?.Code === code && !(p.Einddatum === p.Ingangsdatum && p.RedenWijziging));
    for (let i = 0; i < live.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = live[i]!, b = live[j]!;
        if (overlaps({ from: a.Ingangsdatum, to: a.Einddatum }, { from: b.Ingangsdatum, to: b.Einddatum })) {
          this.fail({ rule: rule(this), expected: `no two toewijzingen of ${code} for overlapping periods`, actual: `toewijzing ${b.ToewijzingNummer} (${b.Ingangsdatum}–${b.Einddatum ?? 'open'}) and ${a.ToewijzingNummer} (${a.Ingangsdatum}–${a.Einddatum ?? 'open'})`, text: 'The municipality stacked the same product' });
        }
      }
    }
  }
});

Then('toewijzingen {string} and {string} have different numbers', function (this: ConformanceWorld, a: string, b: string) {
  if (this.toewijzingNummer(a) === this.toewijzingNummer(b)) this.fail({ rule: rule(this), expected: 'a unique ToewijzingNummer per toewijzing', actual: `both ${this.toewijzingNummer(a)}`, text: 'Two toewijzingen share a number' });
});

When('{municipality} allocates the product of {string} for client {string} from {date} to {date} again', async function (this: ConformanceWorld, _who: Actor, alias: string, client: string, from: string, to: string) {
  this.beginStep();
  const t = this.harness.ledger.toewijzingen.get(this.toewijzingNummer(alias)) ?? latestToegewezenFacts(this, alias);
  const code = t.product.code!;
  const product = { product: t.product, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, code) };
  if (this.harnessRole === 'gemeente') {
    try {
      await harness(this).municipality.party.allocate(this.client(client), [product]);
    } catch {
      /* refused: nothing sent */
    }
  } else await this.act({ action: 'allocate', client: this.brpClient(client), products: [product] });
  await settle();
});

Then('no JW301 holds overlapping toewijzingen of one product', function (this: ConformanceWorld) {
  for (const products of all301Products(this, this.mark)) {
    const live = products.filter((p) => !(p.Einddatum === p.Ingangsdatum && p.RedenWijziging));
    for (let i = 0; i < live.length; i++) {
      for (let j = 0; j < i; j++) {
        const a = live[i]!, b = live[j]!;
        if ((a.Product?.Code ?? a.Product?.Categorie) === (b.Product?.Code ?? b.Product?.Categorie) && overlaps({ from: a.Ingangsdatum, to: a.Einddatum }, { from: b.Ingangsdatum, to: b.Einddatum })) {
          this.fail({ rule: rule(this), expected: 'no two toewijzingen of one product for overlapping periods', actual: `toewijzing ${b.ToewijzingNummer} (${b.Ingangsdatum}–${b.Einddatum ?? 'open'}) and ${a.ToewijzingNummer} (${a.Ingangsdatum}–${a.Einddatum ?? 'open'}) of ${a.Product?.Code}`, text: 'The municipality stacked the same product' });
        }
      }
    }
  }
});

function latestToegewezenFacts(w: ConformanceWorld, alias: string) {
  const p = toegewezen(w, alias);
  return { product: { categorie: p.Product?.Categorie ?? '', ...(p.Product?.Code ? { code: p.Product.Code } : {}) } };
}

When('{municipality} allocates product {string} for client {string} from {date} to {date} again', async function (this: ConformanceWorld, _who: Actor, code: string, client: string, from: string, to: string) {
  this.beginStep();
  const p = productOf(this, code);
  const product = { product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, code) };
  if (this.harnessRole === 'gemeente') {
    try {
      await harness(this).municipality.party.allocate(this.client(client), [product]);
    } catch {
      /* refused: nothing sent */
    }
  } else await this.act({ action: 'allocate', client: this.brpClient(client), products: [product] });
  await settle();
});

When('{municipality} allocates toewijzing {string} of product {string} for client {string} from {date} without an einddatum', async function (this: ConformanceWorld, _who: Actor, alias: string, code: string, client: string, from: string) {
  await allocate(this, { alias, client, productCode: code, ingangsdatum: from });
});

Then('toewijzing {string} is withdrawn', async function (this: ConformanceWorld, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  const withdrawn = () => {
    const x = latestToegewezen(this, nummer);
    return x && this.transcript.indexOf(x.e) >= this.mark && x.p.Einddatum === x.p.Ingangsdatum ? x : undefined;
  };
  await this.until(withdrawn);
  const l = latestToegewezen(this, nummer);
  const p = l?.p;
  if (!p || p.Einddatum !== p.Ingangsdatum || !p.RedenWijziging) {
    this.fail({ rule: rule(this), expected: `a JW301 withdrawing toewijzing ${alias}: Einddatum = Ingangsdatum with a RedenWijziging`, actual: p ? `Ingangsdatum ${p.Ingangsdatum}, Einddatum ${p.Einddatum ?? 'empty'}, RedenWijziging ${p.RedenWijziging ?? 'empty'}` : 'no JW301', text: `Toewijzing "${alias}" was not withdrawn` });
  }
});

Then('toewijzing {string} is not withdrawn', async function (this: ConformanceWorld, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  await this.quiet(() => {
    const x = latestToegewezen(this, nummer)?.p;
    return x && x.Einddatum === x.Ingangsdatum ? x : undefined;
  });
  const p = latestToegewezen(this, nummer)?.p;
  if (p && p.Einddatum === p.Ingangsdatum) this.fail({ rule: rule(this), expected: `toewijzing ${alias} kept`, actual: `withdrawn (RedenWijziging ${p.RedenWijziging ?? 'empty'})`, text: 'A started toewijzing was withdrawn' });
});

Then('toewijzing {string} is shortened to {date} with a RedenWijziging', async function (this: ConformanceWorld, alias: string, d: string) {
  const nummer = this.toewijzingNummer(alias);
  await this.until(() => (latestToegewezen(this, nummer)?.p.Einddatum === d ? true : undefined));
  const p = latestToegewezen(this, nummer)?.p;
  if (!p || p.Einddatum !== d || !p.RedenWijziging) this.fail({ rule: rule(this), expected: `Einddatum ${d} with a RedenWijziging`, actual: p ? `Einddatum ${p.Einddatum ?? 'empty'}, RedenWijziging ${p.RedenWijziging ?? 'empty'}` : 'no JW301', text: `Toewijzing "${alias}" was not shortened` });
});

// ------------------------------------------------------------------ changes (JW317)

type ChangeInput = Parameters<typeof requestChange>[3];
const D = '(\\d{4}-\\d{2}-\\d{2})';
const Q = '"([^"]*)"';

/** What may follow "extending toewijzing … to <date>" or "setting the volume of toewijzing … to <n>". */
const CHANGE_CLAUSES: { re: RegExp; apply(c: ChangeInput, m: RegExpExecArray): void }[] = [
  { re: new RegExp(`^ from ${D}`), apply: (c, m) => void (c.changed![0]!.ingangsdatum = m[1]!) },
  { re: /^ with volume (\d+)/, apply: (c, m) => void (c.changed![0]!.volume = Number(m[1])) },
  { re: new RegExp(`^ leaving out toewijzing ${Q}`), apply: (c, m) => void (c.leaveOut = [...(c.leaveOut ?? []), m[1]!]) },
  { re: new RegExp(`^ and adding product ${Q} from ${D} to ${D}`), apply: (c, m) => void (c.added = [...(c.added ?? []), { product: m[1]!, ingangsdatum: m[2]!, einddatum: m[3]! }]) },
  { re: new RegExp(`^ and adding product ${Q} from ${D} without an einddatum`), apply: (c, m) => void (c.added = [...(c.added ?? []), { product: m[1]!, ingangsdatum: m[2]! }]) },
];

/** The change a text asks for, as facts for requestChange; undefined when the text is no such change. */
function changeOf(how: string): { client: string; change: ChangeInput } | undefined {
  const head = new RegExp(`^extending toewijzing ${Q} of client ${Q} to ${D}`).exec(how) ?? new RegExp(`^setting the volume of toewijzing ${Q} of client ${Q} to (\\d+)`).exec(how);
  if (!head) return undefined;
  const extending = how.startsWith('extending');
  const change: ChangeInput = { changed: [{ toewijzing: head[1]!, ...(extending ? { einddatum: head[3]! } : { volume: Number(head[3]) }) }] };
  let rest = how.slice(head[0].length);
  while (rest) {
    const c = CHANGE_CLAUSES.map((x) => ({ x, m: x.re.exec(rest) })).find((x) => x.m);
    if (!c) return undefined;
    c.x.apply(change, c.m!);
    rest = rest.slice(c.m![0].length);
  }
  return { client: head[2]!, change };
}

/** Adding a product: plain, in a unit and frequency the scenario names, or (harness only) without a product code. */
const ADDING: { re: RegExp; run(this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string, ...m: string[]): Promise<void> }[] = [
  { re: /^$/, run(alias, product, client, from, to) { return requestChange(this, alias, client, { added: [{ product, ingangsdatum: from, einddatum: to }] }); } },
  { re: /^ in eenheid "([^"]*)" with frequentie "([^"]*)"$/, run: changeAddingInEenheid },
];

/**
 * One step per change request (VOW, JW317): "extending toewijzing "T1" of client "C" to <date>",
 * "setting the volume of toewijzing "T1" of client "C" to <n>", each with the clauses of
 * CHANGE_CLAUSES, or "adding product "P" for client "C" from <date> to <date>".
 */
When('{provider} requests change {string} {}', async function (this: ConformanceWorld, _who: Actor, alias: string, how: string) {
  const c = changeOf(how);
  if (c) return requestChange(this, alias, c.client, c.change);
  const noCode = new RegExp(`^adding product ${Q} without a product code for client ${Q} from ${D} to ${D}$`).exec(how);
  if (noCode) return changeAddingWithoutProductCode.call(this, alias, noCode[1]!, noCode[2]!, noCode[3]!, noCode[4]!);
  const adding = new RegExp(`^adding product ${Q} for client ${Q} from ${D} to ${D}(.*)$`).exec(how);
  const d = adding && ADDING.map((x) => ({ x, m: x.re.exec(adding[5]!) })).find((x) => x.m);
  if (!adding || !d) throw new Error(`Unknown change '${how}': say "extending toewijzing … to <date>" (${CHANGE_CLAUSES.map((x) => x.re.source.slice(1)).join('; ')}), "setting the volume of toewijzing … to <n>", or "adding product … for client … from <date> to <date>"`);
  await d.x.run.call(this, alias, adding[1]!, adding[2]!, adding[3]!, adding[4]!, ...d.m!.slice(1));
});

Then('the JW317 holds every current toewijzing of client {string}', function (this: ConformanceWorld, client: string) {
  const m = lastSutMessage(this, 'JW317');
  const bsn = this.client(client).bsn;
  const listed = new Set([...(m.Client.Verzoek.OngewijzigdeProducten?.OngewijzigdProduct ?? []), ...(m.Client.Verzoek.TeWijzigenProducten?.TeWijzigenProduct ?? [])].map((p) => p.ToewijzingNummer));
  const current = [...this.harness.ledger.toewijzingen.values()].filter((t) => t.bsn === bsn && !(t.einddatum === t.ingangsdatum && t.redenWijziging) && (!t.einddatum || t.einddatum >= this.date));
  const missing = current.filter((t) => !listed.has(t.nummer));
  if (missing.length) this.fail({ rule: rule(this), expected: `every current toewijzing (${current.map((t) => t.nummer).join(', ')}) as OngewijzigdProduct or TeWijzigenProduct`, actual: `missing ${missing.map((t) => t.nummer).join(', ')}`, text: 'The VOW does not hold the complete desired situation' });
  for (const p of m.Client.Verzoek.TeWijzigenProducten?.TeWijzigenProduct ?? []) {
    if (this.profile.allocation.vowNotRetroactive?.value && p.GewensteIngangsdatum <= this.date) this.fail({ rule: rule(this), expected: 'a GewensteIngangsdatum in the future', actual: `GewensteIngangsdatum ${p.GewensteIngangsdatum} (today ${this.date})`, text: 'A change in the VOW does not lie in the future' });
    if (this.profile.allocation.einddatumRequired?.value && (!p.Einddatum || p.Omvang?.Volume === undefined)) this.fail({ rule: this.profile.allocation.einddatumRequired.rule ?? 'einddatumRequired', expected: 'Einddatum and Volume in every TeWijzigenProduct', actual: `Einddatum ${p.Einddatum ?? 'empty'}, Volume ${p.Omvang?.Volume ?? 'empty'}`, text: 'The VOW lacks einddatum or volume' });
  }
});

// ------------------------------------------------------------------ the provider's JW315

Then('the JW315 Verwijzer has {word} Naam and {word} ZorgverlenerCode', function (this: ConformanceWorld, naam: string, code: string) {
  const m = lastSutMessage(this, 'JW315');
  for (const p of m.Client.AangevraagdeProducten.AangevraagdProduct) {
    const v = p.Verwijzer;
    const hasNaam = !!v.Naam, hasCode = !!v.ZorgverlenerCode;
    if (hasNaam !== (naam === 'a') || hasCode !== (code === 'a')) {
      this.fail({ rule: rule(this), expected: `Verwijzer type ${v.Type} with ${naam} Naam and ${code} ZorgverlenerCode (CD066–CD068)`, actual: `Naam ${v.Naam ?? 'empty'}, ZorgverlenerCode ${v.ZorgverlenerCode ?? 'empty'}`, text: 'The referrer fields break CD066–CD068' });
    }
  }
});

Then('the JW315 Verwijzer Naam names {string} and {string}', function (this: ConformanceWorld, naam: string, organisatie: string) {
  const v = lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct[0]!.Verwijzer;
  if (!v.Naam?.includes(naam) || !v.Naam.includes(organisatie)) this.fail({ rule: rule(this), expected: `NaamVerwijzer with ${naam} and ${organisatie}`, actual: `NaamVerwijzer ${v.Naam ?? 'empty'}`, text: 'The GI referrer lacks name or organisation' });
});

Then('every product of the JW315 has a product code, an einddatum and a volume', function (this: ConformanceWorld) {
  for (const p of lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct) {
    if (!p.Product?.Code || !p.ToewijzingEinddatum || p.Omvang?.Volume === undefined) {
      this.fail({ rule: rule(this), expected: 'Product code, ToewijzingEinddatum and Volume filled (T-1, T-2, T-4)', actual: `code ${p.Product?.Code ?? 'empty'}, einddatum ${p.ToewijzingEinddatum ?? 'empty'}, volume ${p.Omvang?.Volume ?? 'empty'}`, text: 'The VOT is incomplete for the region' });
    }
  }
});

Then('the JW315 product commentaar holds location code {string}', function (this: ConformanceWorld, code: string) {
  const p = lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct[0]!;
  if (!p.Commentaar?.includes(code)) this.fail({ rule: rule(this), expected: `the location code ${code} in the product Commentaar`, actual: `Commentaar ${p.Commentaar ?? 'empty'}`, text: 'The location code is missing from the VOT' });
});

Then('the JW315 ToewijzingIngangsdatum is {date}', function (this: ConformanceWorld, d: string) {
  const p = lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct[0]!;
  if (p.ToewijzingIngangsdatum !== d) this.fail({ rule: rule(this), expected: `ToewijzingIngangsdatum ${d}`, actual: p.ToewijzingIngangsdatum, text: 'The VOT asks for another start' });
});

// ------------------------------------------------------------------ JW319 sent by the harness municipality (provider judged)

When('{municipality} sends a JW319 for request {string} with VerzoekAntwoord {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, antwoord: string) {
  this.beginStep();
  const ref = state(this).refs.get(alias) ?? alias;
  await harness(this).municipality.verzoek.send319(ref, antwoord as '1', antwoord === '1' ? '7' : undefined);
  await settle();
});

// ------------------------------------------------------------------ message sets

When('{provider} sends a JW317 for toewijzing {string} of client {string}', async function (this: ConformanceWorld, _who: Actor, t: string, client: string) {
  this.beginStep();
  const nr = this.toewijzingNummer(t);
  const tw = this.harness.ledger.toewijzingen.get(nr)!;
  await harness(this).provider.verzoek.send317(this.client(client).bsn, {
    referentieAanbieder: 'VOW-UNUSED', redenVerzoek: '2', ongewijzigd: [],
    teWijzigen: [{ ToewijzingNummer: nr, GewensteIngangsdatum: tw.ingangsdatum, ...(tw.einddatum ? { Einddatum: plusDays(tw.einddatum, 30) } : {}), ...omvangElement(tw) }], nieuw: [],
  });
  await settle();
});

/** The toewijzing's Omvang as a TeWijzigenProduct carries it (TR411: always with a product code). */
function omvangElement(t: Toewijzing) {
  return t.omvang ? { Omvang: { Volume: t.omvang.volume, Eenheid: t.omvang.eenheid as never, Frequentie: t.omvang.frequentie as never } } : {};
}

type DictatedVow = { ongewijzigd: { ToewijzingNummer: number }[]; teWijzigen: Jw317TeWijzigenProduct[]; nieuw: Jw317NieuwProduct[] };

/**
 * A JW317 the scenario dictates (only the harness's own provider sends one), each breaking one
 * technical rule of the JW318: TR411 (no Omvang with a code), TR350 (an OngewijzigdProduct of no
 * current toewijzing), TR357 (a past GewensteIngangsdatum other than the Ingangsdatum), TR361 (the
 * same product twice for overlapping periods).
 */
const VOW_DICTATES: { re: RegExp; apply(v: DictatedVow, t: Toewijzing, m: RegExpMatchArray): void }[] = [
  { re: /^without its Omvang$/, apply: (v) => void delete v.teWijzigen[0]!.Omvang },
  { re: /^listing ToewijzingNummer (\d+) as unchanged$/, apply: (v, _t, m) => void v.ongewijzigd.push({ ToewijzingNummer: Number(m[1]) }) },
  { re: /^from (\d{4}-\d{2}-\d{2})$/, apply: (v, _t, m) => void (v.teWijzigen[0]!.GewensteIngangsdatum = m[1]!) },
  {
    re: /^adding its own product again from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/,
    apply: (v, t, m) =>
      void v.nieuw.push({ Product: { Categorie: t.product.categorie as never, ...(t.product.code ? { Code: t.product.code } : {}) }, GewensteIngangsdatum: m[1]!, Einddatum: m[2]!, ...omvangElement(t) }),
  },
];

When('{provider} sends change {string} extending toewijzing {string} of client {string} to {date} {}', async function (this: ConformanceWorld, _who: Actor, alias: string, t: string, client: string, to: string, how: string) {
  const d = VOW_DICTATES.map((x) => ({ x, m: x.re.exec(how) })).find((x) => x.m);
  if (!d) throw new Error(`Unknown change '${how}' (known: ${VOW_DICTATES.map((x) => x.re.source).join('; ')})`);
  this.beginStep();
  const nr = this.toewijzingNummer(t);
  const tw = this.harness.ledger.toewijzingen.get(nr)!;
  const v: DictatedVow = { ongewijzigd: [], teWijzigen: [{ ToewijzingNummer: nr, GewensteIngangsdatum: tw.ingangsdatum, Einddatum: to, ...omvangElement(tw) }], nieuw: [] };
  d.x.apply(v, tw, d.m!);
  await harness(this).provider.verzoek.send317(this.client(client).bsn, { referentieAanbieder: alias, redenVerzoek: '2', ...v });
  await settle();
});

function referrer(type: string) {
  if (type === '04') return { type, naam: 'J. de Vries', organisatie: 'Jeugdbescherming Noord' };
  return ['02', '03', '05'].includes(type) ? { type, zorgverlenerCode: '01234567' } : { type };
}

function opt<K extends string>(k: K, v: string | undefined): { [P in K]?: string } {
  return (v ? { [k]: v } : {}) as { [P in K]?: string };
}

function dagtekening(xml: string): string {
  return /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(xml)?.[1] ?? '';
}

// ------------------------------------------------------------------ request forms moved from the region files

async function requestInEenheid(this: ConformanceWorld, alias: string, code: string, client: string, from: string, to: string, eenheid: string, frequentie: string): Promise<void> {
  this.beginStep();
  const p = productOf(this, code);
  const omvang: OmvangFacts = { volume: omvangOf(this, code).volume, eenheid, frequentie };
  const c = this.client(client);
  const v = defaultVerwijzer(this);
  if (this.judged === 'gemeente') {
    // The harness's provider sends exactly this request.
    await harness(this).provider.verzoek.send315(c, [{
      referentieAanbieder: alias, product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang,
      verwijzer: { Type: v.type as never, ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : { Naam: v.naam ?? 'Verwijzer' }) },
    }]);
    state(this).refs.set(alias, alias);
    await settle();
    return;
  }
  await this.act({ action: 'request-allocation', client: c, products: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang }], verwijzer: v });
  const got = await this.awaitReceived('JW315', this.mark, this.lastAction?.ok ? this.parameters.answerTimeoutMs : 100);
  if (got?.read.code === 'JW315') state(this).refs.set(alias, got.read.model.Client.AangevraagdeProducten.AangevraagdProduct[0]!.ReferentieAanbieder);
}

async function requestAsSubcontractor(this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string): Promise<void> {
  this.beginStep();
  const p = productOf(this, product);
  await this.act({ action: 'request-allocation', client: this.client(client), products: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, product) }], verwijzer: { type: '02', zorgverlenerCode: '01234567' }, intakedatum: from, problematiek: 'enkelvoudig', hoofdaannemer: false });
  await this.awaitReceived('JW315', this.mark, this.lastAction?.ok ? 1000 : 100);
  void alias;
}

async function requestWithoutUnit(this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string): Promise<void> {
  this.beginStep();
  const p = productOf(this, product);
  await this.actOrFail({ action: 'request-allocation', client: this.client(client), products: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to }], verwijzer: { type: '02', zorgverlenerCode: '01234567' } });
  const got = await this.awaitReceived('JW315', this.mark, 1000);
  if (got?.read.code === 'JW315') state(this).refs.set(alias, got.read.model.Client.AangevraagdeProducten.AangevraagdProduct[0]!.ReferentieAanbieder);
}

async function requestNotContracted(this: ConformanceWorld, alias: string, code: string, client: string, from: string, to: string): Promise<void> {
  if (this.judged !== 'gemeente') throw new Error('Only the harness provider sends a request for a product that is not contracted');
  this.beginStep();
  const p = this.profile.products[0]!;
  const v = defaultVerwijzer(this);
  const naam = [v.naam, v.organisatie].filter(Boolean).join(', ');
  await harness(this).provider.verzoek.send315(this.client(client), [{
    referentieAanbieder: alias, product: { categorie: p.category, code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, p.code),
    verwijzer: { Type: v.type as never, ...(naam ? { Naam: naam } : {}), ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : {}) },
  }]);
  state(this).refs.set(alias, alias);
  await settle();
}

async function changeAddingWithoutProductCode(this: ConformanceWorld, alias: string, code: string, client: string, from: string, to: string): Promise<void> {
  if (this.judged !== 'gemeente') throw new Error('Only the harness\'s own provider sends a VOW the scenario dictates (a @role:gemeente scenario)');
  this.beginStep();
  const p = productOf(this, code);
  const bsn = this.client(client).bsn;
  const o = omvangOf(this, code);
  const current = [...this.harness.ledger.toewijzingen.values()].filter((t) => t.bsn === bsn && !(t.einddatum === t.ingangsdatum && t.redenWijziging) && (!t.einddatum || t.einddatum >= this.date));
  await harness(this).provider.verzoek.send317(bsn, {
    referentieAanbieder: alias, redenVerzoek: '2', ongewijzigd: current.map((t) => ({ ToewijzingNummer: t.nummer })), teWijzigen: [],
    nieuw: [{ Product: { Categorie: p.category as never }, GewensteIngangsdatum: from, Einddatum: to, Omvang: { Volume: o.volume, Eenheid: o.eenheid as never, Frequentie: o.frequentie as never } }],
  });
  state(this).refs.set(alias, alias);
  await settle();
}

async function changeAddingInEenheid(this: ConformanceWorld, alias: string, code: string, client: string, from: string, to: string, eenheid: string, frequentie: string): Promise<void> {
  if (this.judged !== 'aanbieder') throw new Error('This step asks the provider SUT (a @role:aanbieder scenario)');
  this.beginStep();
  const p = productOf(this, code);
  await this.act({ action: 'request-change', client: this.client(client), changed: [], added: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: { volume: omvangOf(this, code).volume, eenheid, frequentie } }] });
  await this.awaitReceived('JW317', this.mark, this.lastAction?.ok ? this.parameters.answerTimeoutMs : 100);
}

// ------------------------------------------------------------------ the Omvang shapes a region allows (ALK-T8)

interface OmvangLike {
  Product?: { Categorie?: string; Code?: string } | undefined;
  Omvang?: { Volume: number; Eenheid: string; Frequentie: string } | undefined;
  Budget?: number | undefined;
}

/** What is wrong with a product's shape under the region's omvangShapes (ALK-T8), or undefined. */
function shapeProblem(w: ConformanceWorld, p: OmvangLike): string | undefined {
  if (!p.Product?.Categorie || !p.Product.Code) return `ProductCategorie ${p.Product?.Categorie ?? 'empty'}, ProductCode ${p.Product?.Code ?? 'empty'} (both filled)`;
  if (p.Omvang?.Volume === undefined) return 'no Volume (filled)';
  return omvangShapeProblem(w.profile, { volume: p.Omvang.Volume, eenheid: p.Omvang.Eenheid, frequentie: p.Omvang.Frequentie }, p.Budget);
}

/** The shapes the region's profile allows (allocation.omvangShapes), cited: what a failure names as expected. */
function shapes(w: ConformanceWorld): string {
  const s = w.profile.allocation.omvangShapes;
  const per = s ? Object.entries(s.value).map(([eenheid, f]) => `eenheid ${eenheid} per frequentie ${f.join(', ')}`).join('; ') : 'any eenheid and frequentie';
  return `ProductCategorie and ProductCode filled, Budget empty, Volume filled; ${per}${s ? ` (${s.source})` : ''}`;
}

Then('every product of the JW315 has an Omvang of a shape the region allows', function (this: ConformanceWorld) {
  for (const p of lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct) {
    const why = shapeProblem(this, p);
    if (why) this.fail({ rule: rule(this), expected: shapes(this), actual: why, text: 'The VOT asks for an Omvang the region does not allow' });
  }
});

Then('{provider} sends no JW315 with an Omvang of a shape the region does not allow', function (this: ConformanceWorld, _who: Actor) {
  for (const { read } of this.received('JW315')) {
    if (read.code !== 'JW315') continue;
    for (const p of read.model.Client.AangevraagdeProducten.AangevraagdProduct) {
      const why = shapeProblem(this, p);
      if (why) this.fail({ rule: rule(this), expected: `no JW315, or one with ${shapes(this)}`, actual: why, text: 'The provider asked for an Omvang the region does not allow' });
    }
  }
});

Then('every product of the JW317 has a product code, an einddatum and an Omvang of a shape the region allows', function (this: ConformanceWorld) {
  const v = lastSutMessage(this, 'JW317').Client.Verzoek;
  const products = [...(v.NieuweProducten?.NieuwProduct ?? []), ...(v.TeWijzigenProducten?.TeWijzigenProduct ?? []).map((p) => ({ ...p, Product: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)?.product ? { Categorie: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)!.product.categorie, Code: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)!.product.code } : undefined }))];
  if (!products.length) this.fail({ rule: rule(this), expected: 'a changed or new product in the JW317', actual: 'none', text: 'The VOW changes nothing' });
  for (const p of products) {
    const why = (p.Einddatum ? undefined : 'no Einddatum') ?? shapeProblem(this, p as OmvangLike);
    if (why) this.fail({ rule: rule(this), expected: `Einddatum filled (T-2) and ${shapes(this)}`, actual: why, text: 'A product of the VOW is not specific, complete and of an allowed shape' });
  }
});

Then('toewijzing {string} has an Omvang of a shape the region allows and no Budget', function (this: ConformanceWorld, alias: string) {
  const l = latestToegewezen(this, this.toewijzingNummer(alias));
  if (!l) return this.fail({ rule: rule(this), expected: `a JW301 with toewijzing "${alias}"`, actual: 'none', text: 'No toewijzing' });
  const why = shapeProblem(this, l.p);
  if (why) this.fail({ rule: rule(this), expected: shapes(this), actual: why, text: `Toewijzing "${alias}" has an Omvang the region does not allow` });
});

When('{municipality} allocates product {string} for client {string} from {date} to {date} with a budget of {int}', async function (this: ConformanceWorld, _who: Actor, code: string, client: string, from: string, to: string, budget: number) {
  this.beginStep();
  const p = productOf(this, code);
  await this.act({ action: 'allocate', client: this.brpClient(client), products: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, code), budget }] });
  await this.awaitReceived('JW301', this.mark, this.lastAction?.ok ? this.parameters.answerTimeoutMs : 100);
});

Then('no JW301 carries a Budget', function (this: ConformanceWorld) {
  const withBudget = all301Products(this, this.mark).flat().filter((p) => p.Budget !== undefined);
  if (withBudget.length) this.fail({ rule: rule(this), expected: `no Budget in a specific toewijzing (${this.profile.allocation.omvangShapes?.source ?? 'the region\'s protocol'}: Budget empty); the action refused or a JW301 without Budget`, actual: withBudget.map((p) => `toewijzing ${p.ToewijzingNummer} with Budget ${p.Budget}`).join('; '), text: 'The municipality allocated a budget' });
});

// ------------------------------------------------------------------ ALK-T1, ALK-VOW-1: the VOW

Then('{provider} sends no JW317 with an Omvang of a shape the region does not allow', function (this: ConformanceWorld, _who: Actor) {
  for (const { read } of this.received('JW317')) {
    if (read.code !== 'JW317') continue;
    for (const p of read.model.Client.Verzoek.NieuweProducten?.NieuwProduct ?? []) {
      const why = shapeProblem(this, p);
      if (why) this.fail({ rule: rule(this), expected: `no JW317, or one with ${shapes(this)}`, actual: why, text: 'The provider asked for an Omvang the region does not allow' });
    }
  }
});

/**
 * A VOW is judged as a whole (ALK-VOW-1): rejected either technically (a JW318 with a retourcode)
 * or by a JW319 with VerzoekAntwoord 1 within the region's answer deadline; any rejecting code
 * will do, and no JW301 may honour any part of it.
 */
Then('{municipality} rejects change {string} as a whole', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  const ref = refOf(this, alias);
  const retour = this.transcript.filter((e) => e.code === 'JW318').at(-1);
  const technical = retour && retour.retourcodes.filter((c) => c !== '0200' && c !== '0233').length > 0;
  let rejected = technical ? 'JW318' : undefined;
  if (!rejected) {
    const from = requestDate(this, alias);
    const deadline = deadlineWerkdagen(from, this.profile.deadlines.answerRequest?.value ?? 5);
    const got = await untilDeadline(this, deadline, () => (honouring301(this, ref) ? 'JW301' : answers319(this, ref).find((a) => a.m.Antwoord.VerzoekAntwoord === '1') ? 'JW319' : undefined));
    if (got === 'JW319') rejected = 'JW319';
    else {
      return this.fail({ rule: rule(this), expected: `change "${alias}" rejected as a whole: a JW318 with a retourcode, or a JW319 with VerzoekAntwoord 1 by ${deadline}`, actual: got === 'JW301' ? `a JW301 honouring (part of) it` : `JW318 ${retour ? retour.retourcodes.join(', ') || 'accepted' : 'missing'}, no JW319 by ${deadline}`, text: `The municipality did not reject change "${alias}"` });
    }
  }
  // Rejected: no JW301 may honour part of it, also not one sent a moment later.
  await settle();
  if (await this.quiet(() => honouring301(this, ref))) this.fail({ rule: rule(this), expected: `no JW301 for change "${alias}" once it is rejected (${rejected})`, actual: 'a JW301 honouring part of it', text: 'The VOW was not judged as a whole' });
});

// ------------------------------------------------------------------ ALK-VOW-3: a VOW honoured after its desired ingangsdatum

Then('change {string} is honoured with the change starting the day after honouring and toewijzing {string} ending on the honour date', async function (this: ConformanceWorld, alias: string, old: string) {
  const ref = refOf(this, alias);
  const n = this.profile.deadlines.inOnderzoekWeeks?.value ?? 8;
  const deadline = plusDays(requestDate(this, alias), n * 7);
  const got = await untilDeadline(this, deadline, () => honouring301(this, ref));
  if (!got) return this.fail({ rule: rule(this), expected: `a JW301 honouring change "${alias}" by ${deadline}`, actual: 'none', text: 'The change was not honoured' });
  const honour = got.m.Header.BerichtIdentificatie.Dagtekening;
  const oldNr = this.toewijzingNummer(old);
  const ended = got.m.Client.ToegewezenProducten.ToegewezenProduct.find((p) => p.ToewijzingNummer === oldNr);
  const changed = got.products.find((p) => p.ToewijzingNummer !== oldNr);
  const next = plusDays(honour, 1);
  if (!changed || changed.Ingangsdatum !== next || ended?.Einddatum !== honour) {
    this.fail({ rule: rule(this), expected: `honoured on ${honour}: toewijzing ${old} ending on ${honour}, the changed toewijzing from ${next} (not retroactively)`, actual: `toewijzing ${old} ends ${ended?.Einddatum ?? '(not in the JW301)'}; changed toewijzing ${changed ? `${changed.ToewijzingNummer} from ${changed.Ingangsdatum}` : 'none'}`, text: 'The VOW honoured after its desired date changes the toewijzing retroactively' });
  }
});

/**
 * ALK-VOW-1 / §3 lid 3–5: a VOW is granted or rejected as a whole; the municipality may move only
 * the desired ingangsdatum (after contact) and does not allocate retroactively. Either a rejection
 * (JW318 with a retourcode, or JW319 with VerzoekAntwoord 1) or one JW301 honouring every product
 * of the VOW, none of them starting before the JW301's Dagtekening.
 */
Then('{municipality} answers change {string} as a whole, allocating nothing before the day it honours it', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  const ref = refOf(this, alias);
  const retour = this.transcript.filter((e) => e.code === 'JW318').at(-1);
  if (retour && retour.retourcodes.filter((c) => c !== '0200' && c !== '0233').length) return;
  const vow = safeRead(this.transcript.find((e) => e.code === 'JW317' && e.xml.includes(`>${ref}<`))?.xml ?? '');
  const asked = vow?.code === 'JW317' ? (vow.model.Client.Verzoek.TeWijzigenProducten?.TeWijzigenProduct.length ?? 0) + (vow.model.Client.Verzoek.NieuweProducten?.NieuwProduct.length ?? 0) : 0;
  const from = requestDate(this, alias);
  const deadline = plusDays(from, (this.profile.deadlines.inOnderzoekWeeks?.value ?? 8) * 7);
  const got = await untilDeadline(this, deadline, () => honouring301(this, ref) ?? (answers319(this, ref).find((a) => a.m.Antwoord.VerzoekAntwoord === '1') ? null : undefined));
  if (got === null) return;
  if (!got) return this.fail({ rule: rule(this), expected: `change "${alias}" rejected, or honoured as a whole, by ${deadline}`, actual: 'no answer', text: 'The VOW was not answered' });
  const honour = got.m.Header.BerichtIdentificatie.Dagtekening;
  const early = got.products.filter((p) => p.Ingangsdatum < honour);
  // Honoured as a whole: every changed or new product of the VOW has its toewijzing (the changed one may keep its number).
  const covered = got.products.length + got.m.Client.ToegewezenProducten.ToegewezenProduct.filter((p) => !p.ReferentieAanbieder && p.RedenWijziging && p.Einddatum !== p.Ingangsdatum).length;
  if (early.length || covered < asked) {
    this.fail({ rule: rule(this), expected: `honoured as a whole (${asked} changed or new products) with no toewijzing starting before the honour date ${honour}, or rejected`, actual: `${early.map((p) => `toewijzing ${p.ToewijzingNummer} from ${p.Ingangsdatum}`).join('; ') || 'none early'}; ${got.products.length} toewijzing(en) for the request`, text: 'The VOW was honoured in part or retroactively' });
  }
});

Then('toewijzing {string} still runs to {date} on AGB {string} on {date}', async function (this: ConformanceWorld, alias: string, end: string, agb: string, date: string) {
  const t = this.toewijzing(alias);
  await untilDeadline(this, date, () => undefined, 50);
  const changed = toewijzingen301(this).filter((x) => x.p.ToewijzingNummer === t.nummer && x.p.Einddatum !== end);
  const moved = toewijzingen301(this).filter((x) => x.ontvanger !== agb && x.p.Product?.Code === t.product.code && x.p.ToewijzingNummer !== t.nummer);
  if (changed.length || moved.length) {
    this.fail({ rule: rule(this), expected: `toewijzing ${alias} (frequentie totaal binnen geldigheidsduur) left on AGB ${agb} until ${end} on ${date}: it moves only once the declarations over the periods before the change are handled`, actual: [...changed.map((x) => `toewijzing ${alias} resent with Einddatum ${x.p.Einddatum ?? 'empty'}`), ...moved.map((x) => `toewijzing ${x.p.ToewijzingNummer} of ${x.p.Product?.Code} sent to AGB ${x.ontvanger}`)].join('; '), text: 'A "totaal" toewijzing was moved to the new AGB before its declarations were handled' });
  }
});

// ------------------------------------------------------------------ UTR-VOT-2: the referrer type of the VOT

Then('the JW315 Verwijzer is of type {string}', function (this: ConformanceWorld, type: string) {
  const m = lastSutMessage(this, 'JW315');
  const bad = m.Client.AangevraagdeProducten.AangevraagdProduct.filter((p) => p.Verwijzer.Type !== type);
  if (bad.length) this.fail({ rule: rule(this), expected: `Verwijzer Type ${type}`, actual: bad.map((p) => `Type ${p.Verwijzer.Type}`).join(', '), text: 'The VOT names another referrer than the one who referred the client' });
});

// ------------------------------------------------------------------ UTR-MSG-1 (G, optional): an unused JW317

/**
 * Utrecht does not use the JW317, and the seed does not say how one is refused: an HTTP 4xx, a
 * JW318 with a retourcode, a JW319, or simply no JW301 carrying the change all pass. Only
 * honouring it (a JW301 with the asked einddatum) fails.
 */
Then('{municipality} refuses or does not honour that JW317 for toewijzing {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  const sent = this.transcript.slice(this.mark).find((e) => e.direction === 'sent' && e.code === 'JW317');
  if (!sent) throw new Error('No JW317 was sent in this step');
  const asked = [...sent.xml.matchAll(/<(?:[\w-]+:)?Einddatum>([^<]+)</g)].map((m) => m[1]).at(-1);
  if ((sent.httpStatus ?? 0) >= 400) return;
  const refused = () => this.transcript.slice(this.mark).some((e) => (e.code === 'JW318' && e.retourcodes.some((c) => c !== '0200')) || e.code === 'JW319') || undefined;
  const honoured = () => {
    const l = latestToegewezen(this, nummer);
    return l && this.transcript.indexOf(l.e) >= this.mark && l.p.Einddatum === asked ? l : undefined;
  };
  const got = await untilDeadline(this, deadlineWerkdagen(this.date, this.profile.deadlines.answerRequest?.value ?? 5), () => refused() ?? honoured());
  if (got && got !== true) this.fail({ rule: rule(this), expected: 'the JW317, a message Utrecht does not use, refused or left unanswered', actual: `a JW301 with toewijzing ${nummer} extended to ${asked}`, text: 'The municipality honoured a JW317 in a region that does not use it' });
});

// ------------------------------------------------------------------ FRL-VOT-3: a referral that leads to consultation

Then('{municipality} does not honour request {string} with a JW301 within {int} werkdagen', async function (this: ConformanceWorld, _who: Actor, alias: string, n: number) {
  const ref = refOf(this, alias);
  const e = this.transcript.find((x) => x.code === 'JW315' && x.xml.includes(`>${ref}<`));
  const from = e ? header(e.xml, 'Dagtekening')! : this.date;
  const got = await untilDeadline(this, deadlineWerkdagen(from, n), () => honouring301(this, ref) ?? (answers319(this, ref).some((a) => a.m.Antwoord.VerzoekAntwoord === '1') ? null : undefined));
  if (got) this.fail({ rule: rule(this), expected: `no JW301 honouring request "${alias}" before the consultation the protocol prescribes`, actual: `a JW301 with toewijzing ${got.products[0]!.ToewijzingNummer}`, text: 'The municipality honoured a request from a referrer it only takes after consultation' });
});

// ------------------------------------------------------------------ FRL-VOW-1 (A): the extension keeps volume and frequency

Then('the JW317 keeps the volume and frequentie of toewijzing {string}', function (this: ConformanceWorld, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  const t = this.harness.ledger.toewijzingen.get(nummer);
  const m = lastSutMessage(this, 'JW317');
  const p = (m.Client.Verzoek.TeWijzigenProducten?.TeWijzigenProduct ?? []).find((x) => x.ToewijzingNummer === nummer);
  if (!p) return this.fail({ rule: rule(this), expected: `toewijzing ${nummer} as TeWijzigenProduct`, actual: 'not in the JW317', text: 'The VOW does not change the toewijzing it extends' });
  const o = p.Omvang;
  if (o && t?.omvang && (o.Volume !== t.omvang.volume || o.Frequentie !== t.omvang.frequentie || o.Eenheid !== t.omvang.eenheid)) {
    this.fail({ rule: rule(this), expected: `volume ${t.omvang.volume}, eenheid ${t.omvang.eenheid}, frequentie ${t.omvang.frequentie} as in the toewijzing`, actual: `volume ${o.Volume}, eenheid ${o.Eenheid}, frequentie ${o.Frequentie}`, text: 'An extension by JW317 changes the volume or frequency (FRL-VOW-1)' });
  }
  if (p.GewensteIngangsdatum < (t?.ingangsdatum ?? p.GewensteIngangsdatum)) this.fail({ rule: rule(this), expected: `a GewensteIngangsdatum not before ${t?.ingangsdatum}`, actual: p.GewensteIngangsdatum, text: 'The extension is retroactive' });
});

// ------------------------------------------------------------------ FRL-VOT-6: the woonplaatsbeginsel, a fact from the BRP

Given('according to the BRP client {string} lived in municipality {string}', async function (this: ConformanceWorld, alias: string, gemeente: string) {
  const bsn = this.client(alias).bsn;
  if (this.harnessRole === 'gemeente') harness(this).municipality.verzoek.residence.set(bsn, gemeente);
  else await this.actOrFail({ action: 'record-residence', bsn, gemeente });
});

// ------------------------------------------------------------------ FRL-VOT-5: location codes per product

Given('the provider\'s location {string} is registered for product {string}', async function (this: ConformanceWorld, locatiecode: string, product: string) {
  await registerLocation(this, locatiecode, [product]);
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

// ------------------------------------------------------------------ IJW-VOT-5, -6, -8: how a request is answered

/** The harness's provider asks two products in one JW315, each with its own ReferentieAanbieder. */
When('{provider} requests toewijzingen {string} of product {string} and {string} of product {string} for client {string} from {date} to {date} in one JW315', async function (this: ConformanceWorld, _who: Actor, a1: string, p1: string, a2: string, p2: string, client: string, from: string, to: string) {
  if (this.judged !== 'gemeente') throw new Error('Only the harness provider sends a JW315 as dictated');
  this.beginStep();
  const c = this.client(client);
  const v = defaultVerwijzer(this);
  const naam = [v.naam, v.organisatie].filter(Boolean).join(', ');
  const locatie = this.profile.allocation.locationCodeInCommentary?.value ? DEFAULT_LOCATIE : undefined;
  const product = (alias: string, code: string) => {
    const p = productOf(this, code);
    return { referentieAanbieder: alias, product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, code), commentaar: locatie, verwijzer: { Type: v.type as never, ...(naam ? { Naam: naam } : {}), ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : {}) } };
  };
  await harness(this).provider.verzoek.send315(c, [product(a1, p1), product(a2, p2)]);
  state(this).refs.set(a1, a1);
  state(this).refs.set(a2, a2);
  await settle();
});

Then('no JW301 honours request {string}', async function (this: ConformanceWorld, alias: string) {
  await settle();
  const h = honouring301(this, refOf(this, alias));
  if (h) this.fail({ rule: rule(this), expected: `no toewijzing for request "${alias}"`, actual: `a JW301 with toewijzing ${h.products.map((p) => p.ToewijzingNummer).join(', ')} for it`, text: 'The municipality honoured (part of) a request it rejected' });
});

Then('the toewijzing honouring request {string} has the requested product, volume, eenheid, frequentie and period', function (this: ConformanceWorld, alias: string) {
  const ref = refOf(this, alias);
  const asked = this.transcript.filter((e) => e.code === 'JW315' && e.direction === 'sent').flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW315' ? r.model.Client.AangevraagdeProducten.AangevraagdProduct.filter((p) => p.ReferentieAanbieder === ref) : [];
  })[0];
  if (!asked) throw new Error(`No JW315 with ReferentieAanbieder ${ref}`);
  const h = honouring301(this, ref);
  if (!h) return this.fail({ rule: rule(this), expected: `a JW301 honouring request "${alias}"`, actual: 'none', text: 'The request was not honoured' });
  const got = h.products[0]!;
  const show = (x: { code?: string | undefined; from: string; to?: string | undefined; v?: number | undefined; e?: string | undefined; f?: string | undefined }) => `${x.code} ${x.from}..${x.to ?? ''}, ${x.v} × eenheid ${x.e} per frequentie ${x.f}`;
  const want = { code: asked.Product?.Code, from: asked.ToewijzingIngangsdatum, to: asked.ToewijzingEinddatum, v: asked.Omvang?.Volume, e: asked.Omvang?.Eenheid, f: asked.Omvang?.Frequentie };
  const have = { code: got.Product?.Code, from: got.Ingangsdatum, to: got.Einddatum, v: got.Omvang?.Volume, e: got.Omvang?.Eenheid, f: got.Omvang?.Frequentie };
  if (show(want) !== show(have)) this.fail({ rule: rule(this), expected: `the toewijzing as requested: ${show(want)} (004 §2.3.2.2 "De Toewijzing is in principe conform het Verzoek om Toewijzing, of wordt afgewezen")`, actual: show(have), text: 'The municipality honoured the request with a different toewijzing instead of rejecting it' });
});

Then('the first answer to request {string} is a JW319 with VerzoekAntwoord 1 within {int} werkdagen', async function (this: ConformanceWorld, alias: string, n: number) {
  const ref = refOf(this, alias);
  const deadline = deadlineWerkdagen(requestDate(this, alias), n);
  const first = await untilDeadline(this, deadline, () => answers319(this, ref)[0] ?? (honouring301(this, ref) ? null : undefined));
  if (!first) return this.fail({ rule: rule(this), expected: `a JW319 with VerzoekAntwoord 1 for request "${alias}" by ${deadline}`, actual: first === null ? 'a JW301 honouring it' : 'no answer', text: 'The municipality did not reject the request in its first answer' });
  if (first.m.Antwoord.VerzoekAntwoord !== '1') this.fail({ rule: rule(this), expected: 'the first JW319 rejects (VerzoekAntwoord 1): a check that can be automated belongs to the first assessment (004 §3.1.8)', actual: `VerzoekAntwoord ${first.m.Antwoord.VerzoekAntwoord} (in onderzoek)`, text: 'The municipality took in onderzoek a request that fails an automated check' });
});
