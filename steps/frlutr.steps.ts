/**
 * Steps for the Fryslân (FRL-*) and Utrecht (UTR-*) rules that the shared step files do not
 * cover: the municipality code in every message, the referrer type of a VOT, extensions on the
 * gebiedsteam route, toewijzingen without a request (TR379), and a refused or unhonoured JW317.
 */
import { recordCare } from './support/declaratie.ts';
import { Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import type { ConformanceWorld } from './support/world.ts';
import { settle } from './support/world.ts';
import { readMessage } from '../ijw/messages/registry.ts';
import type { Jw323 } from '../ijw/messages/jw323.ts';
import type { Jw307 } from '../ijw/messages/jw307.ts';
import { lastAnswer, lastDeclaration, linesOf, rejectedIn } from './support/declaratie.ts';
import { answers319, deadlineWerkdagen, defaultVerwijzer, honouring301, lastSutMessage, latestToegewezen, refOf, registerLocation, requestChange, state, untilDeadline } from './support/verzoek.ts';
import { omvangOf } from './support/allocate.ts';
import { harness } from './support/harness.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');

function header(xml: string, el: 'Afzender' | 'Ontvanger' | 'Dagtekening'): string | undefined {
  return new RegExp(`<(?:[\\w-]+:)?${el}>([^<]+)<`).exec(xml)?.[1];
}

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

// ------------------------------------------------------------------ UTR-VOT-2: the referrer type of the VOT

Then('the JW315 Verwijzer is of type {string}', function (this: ConformanceWorld, type: string) {
  const m = lastSutMessage(this, 'JW315');
  const bad = m.Client.AangevraagdeProducten.AangevraagdProduct.filter((p) => p.Verwijzer.Type !== type);
  if (bad.length) this.fail({ rule: rule(this), expected: `Verwijzer Type ${type}`, actual: bad.map((p) => `Type ${p.Verwijzer.Type}`).join(', '), text: 'The VOT names another referrer than the one who referred the client' });
});

// ------------------------------------------------------------------ UTR-DECL-3: preferably within a month

Then('the JW323 is dated no later than {date}', function (this: ConformanceWorld, d: string) {
  const e = this.lastReceived('JW323');
  if (!e) return this.fail({ rule: rule(this), expected: 'a JW323', actual: this.lastAction && !this.lastAction.ok ? `the action was refused: ${this.lastAction.problem?.detail ?? ''}` : 'none', text: 'The provider sent no declaration' });
  const dt = header(e.exchange.xml, 'Dagtekening') ?? '';
  if (dt > d) this.fail({ rule: rule(this), expected: `Dagtekening on or before ${d}`, actual: `Dagtekening ${dt}`, text: 'The declaration was sent more than a month after the declared period' });
});

// ------------------------------------------------------------------ FRL-VOW-2: extension on the gebiedsteam route

When('{municipality} extends toewijzing {string} to {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, einddatum: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  // RedenWijziging 04: herbeoordeling verlenging toewijzing (JZ002).
  if (this.harnessRole === 'gemeente') {
    await harness(this).municipality.party.changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, einddatum, '04');
    await settle();
  } else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum, redenWijziging: '04' });
});

// ------------------------------------------------------------------ UTR-TOEW-1: a toewijzing without a request (TR379)

Then('the JW301 of toewijzing {string} refers to no request', async function (this: ConformanceWorld, alias: string) {
  const l = latestToegewezen(this, this.toewijzingNummer(alias));
  if (!l) return this.fail({ rule: rule(this), expected: `a JW301 with toewijzing ${alias}`, actual: 'none', text: 'No toewijzing' });
  if (l.p.ReferentieAanbieder) this.fail({ rule: rule(this), expected: 'no ReferentieAanbieder: the toewijzing follows no VOT (TR379, IV097)', actual: `ReferentieAanbieder ${l.p.ReferentieAanbieder}`, text: 'A direct toewijzing refers to a request the provider never sent' });
});

// ------------------------------------------------------------------ UTR-VOT-1: a request Utrecht cannot process

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

// ------------------------------------------------------------------ FRL-STAP-2 (optional): these products run alone

Then('toewijzing {string} ends before toewijzing {string} begins', async function (this: ConformanceWorld, other: string, alias: string) {
  const t = latestToegewezen(this, this.toewijzingNummer(alias))?.p;
  const o = latestToegewezen(this, this.toewijzingNummer(other))?.p;
  if (!t || !o) return this.fail({ rule: rule(this), expected: `JW301s with toewijzingen ${other} and ${alias}`, actual: 'missing', text: 'No toewijzing' });
  if (!o.Einddatum || o.Einddatum >= t.Ingangsdatum) {
    this.fail({ rule: rule(this), expected: `toewijzing ${other} ended before ${t.Ingangsdatum}, when ${alias} begins (a JW301 shortening it)`, actual: `toewijzing ${other} ends ${o.Einddatum ?? 'open'}`, text: 'The other care runs on next to a product that runs alone' });
  }
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

// ------------------------------------------------------------------ FRL-VOT-6: the woonplaatsbeginsel, a fact from the BRP

Given('according to the BRP client {string} lived in municipality {string}', async function (this: ConformanceWorld, alias: string, gemeente: string) {
  const bsn = this.client(alias).bsn;
  if (this.harnessRole === 'gemeente') harness(this).municipality.verzoek.residence.set(bsn, gemeente);
  else await this.actOrFail({ action: 'record-residence', bsn, gemeente });
});

// ------------------------------------------------------------------ FRL-VOW-1 (G): an extension that changes the volume

// ------------------------------------------------------------------ FRL-VOT-5: location codes per product

Given('the provider\'s location {string} is registered for product {string}', async function (this: ConformanceWorld, locatiecode: string, product: string) {
  await registerLocation(this, locatiecode, [product]);
});

// ------------------------------------------------------------------ UTR-DECL-1: per client per product, at the tariff of the year of care

/** The provider's latest JW323 (the SUT's when it is the provider, the harness's otherwise). */
function last323(w: ConformanceWorld): Jw323 {
  const e = w.transcript.filter((x) => x.code === 'JW323').at(-1);
  if (!e) return w.fail({ rule: rule(w), expected: 'a JW323', actual: w.lastAction && !w.lastAction.ok ? `the action was refused: ${w.lastAction.problem?.detail ?? ''}` : 'none', text: 'No declaration was sent' });
  return readMessage(e.xml).model as Jw323;
}

Then('the JW323 has one line per client and product, under the client of its toewijzing', function (this: ConformanceWorld) {
  const m = last323(this);
  const seen = new Set<string>();
  for (const c of m.Declaratie.Clienten.Client) {
    for (const p of c.Prestaties.Prestatie) {
      const t = this.harness.ledger.toewijzingen.get(p.ToewijzingNummer);
      if (t && t.bsn !== c.Bsn) this.fail({ rule: rule(this), expected: `the line of toewijzing ${p.ToewijzingNummer} under its client`, actual: 'under another client', text: 'A line is declared under the wrong client' });
      const key = `${c.Bsn}/${p.ProductCode}/${p.ToewijzingNummer}/${p.IngediendBedrag.DebetCredit}`;
      if (seen.has(key)) this.fail({ rule: rule(this), expected: 'one line per client per product for the month ("per declaratieregel alle geleverde jeugdhulp aan een kind, per zorgproduct")', actual: `two ${p.IngediendBedrag.DebetCredit} lines of product ${p.ProductCode} for one client`, text: 'The care of a month is split over several lines' });
      seen.add(key);
    }
  }
});

Then('the line of {string} has ProductTarief {int}', function (this: ConformanceWorld, alias: string, tarief: number) {
  const nummer = this.toewijzingNummer(alias);
  const p = last323(this).Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie).find((x) => x.ToewijzingNummer === nummer);
  if (!p) return this.fail({ rule: rule(this), expected: `a line of toewijzing ${alias}`, actual: 'none', text: 'No line for the toewijzing' });
  if (p.ProductTarief !== tarief) this.fail({ rule: rule(this), expected: `ProductTarief ${tarief}: the tariff of the year of care (${p.ProductPeriode.Begindatum.slice(0, 4)})`, actual: `ProductTarief ${p.ProductTarief ?? 'empty'}`, text: 'The line is not at the tariff of the year of care' });
});

// ------------------------------------------------------------------ UTR-START-1: an intake is not the start of care

Given('{provider} held an intake on {string} on {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, date: string) {
  if (this.judged !== 'aanbieder') throw new Error('An intake is recorded on the provider under test');
  await recordCare(this, alias, date, date, 1, 'units', { intake: true });
});

// ------------------------------------------------------------------ FRL-DECL-2: no payment without a valid toewijzing

/** Any rejecting retourcode will do: the seed names none ("Indien er géén geldige toewijzing is, volgt geen betaling"). */
Then('the JW325 rejects the line declared on ToewijzingNummer {int}', async function (this: ConformanceWorld, nummer: number) {
  const d = lastDeclaration(this);
  const a = await lastAnswer(this);
  const refs = new Set(linesOf(d.model, nummer).map((p) => p.ProductReferentie.ReferentieNummer));
  if (!refs.size) throw new Error(`No line on ToewijzingNummer ${nummer} was declared`);
  const whole = (a.model.DeclaratieAntwoord?.RetourCodes.RetourCode ?? []).filter((c) => !['0200', '8001'].includes(c));
  if (!rejectedIn(a.model).some((r) => refs.has(r.ref)) && !whole.length) {
    this.fail({ rule: rule(this), expected: `the line on ToewijzingNummer ${nummer} rejected (any rejecting retourcode)`, actual: 'approved', text: 'The municipality pays a line without a valid toewijzing' });
  }
});
