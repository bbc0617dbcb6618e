/**
 * Steps for the rules of Regio Alkmaar (seed 004) that the shared steps do not cover: the Omvang
 * shapes of Bijlage 6 (ALK-T8), the start of care as the first declarable care (ALK-START-2),
 * the temporary stop the provider reports by itself (ALK-R3), declarations per municipality
 * (ALK-D1), one summed line (ALK-D6), the product code on every line (ALK-D7), the VOW judged as
 * a whole and in the future (ALK-VOW-1) and the vervalperiode (ALK-T7).
 */
import { Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import type { ConformanceWorld } from './support/world.ts';
import { settle } from './support/world.ts';
import { allocate, omvangOf, productOf } from './support/allocate.ts';
import { declarations, declare, describeLine, lastDeclaration, linesOf } from './support/declaratie.ts';
import { all301Products, answers319, deadlineWerkdagen, honouring301, lastSutMessage, latestToegewezen, refOf, requestChange, requestDate, safeRead, state, untilDeadline } from './support/verzoek.ts';
import { defaultVerwijzer } from './support/verzoek.ts';
import { HARNESS_AANBIEDER } from './support/world.ts';
import type { Jw307 } from '../ijw/messages/jw307.ts';
import type { Jw305 } from '../ijw/messages/jw305.ts';
import { harness, declProduct, omvangShapeProblem, plusDays, type OmvangFacts } from './support/harness.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');

// ------------------------------------------------------------------ ALK-T8: the Omvang shapes of Bijlage 6

interface OmvangLike {
  Product?: { Categorie?: string; Code?: string } | undefined;
  Omvang?: { Volume: number; Eenheid: string; Frequentie: string } | undefined;
  Budget?: number | undefined;
}

/** What is wrong with a product's shape under Bijlage 6 (ALK-T8), or undefined. */
function shapeProblem(w: ConformanceWorld, p: OmvangLike): string | undefined {
  if (!p.Product?.Categorie || !p.Product.Code) return `ProductCategorie ${p.Product?.Categorie ?? 'empty'}, ProductCode ${p.Product?.Code ?? 'empty'} (both filled)`;
  if (p.Omvang?.Volume === undefined) return 'no Volume (filled)';
  return omvangShapeProblem(w.profile, { volume: p.Omvang.Volume, eenheid: p.Omvang.Eenheid, frequentie: p.Omvang.Frequentie }, p.Budget);
}

const SHAPES = 'ProductCategorie and ProductCode filled, Budget empty, Volume filled; minuut/uur per dag, week, maand or totaal; etmaal, dagdeel or stuks per week, maand or totaal (Bijlage 6)';

Then('every product of the JW315 has an Omvang Bijlage 6 allows', function (this: ConformanceWorld) {
  for (const p of lastSutMessage(this, 'JW315').Client.AangevraagdeProducten.AangevraagdProduct) {
    const why = shapeProblem(this, p);
    if (why) this.fail({ rule: rule(this), expected: SHAPES, actual: why, text: 'The VOT asks for an Omvang the region does not allow' });
  }
});

Then('{provider} sends no JW315 with an Omvang Bijlage 6 does not allow', function (this: ConformanceWorld, _who: Actor) {
  for (const { read } of this.received('JW315')) {
    if (read.code !== 'JW315') continue;
    for (const p of read.model.Client.AangevraagdeProducten.AangevraagdProduct) {
      const why = shapeProblem(this, p);
      if (why) this.fail({ rule: rule(this), expected: `no JW315, or one with ${SHAPES}`, actual: why, text: 'The provider asked for an Omvang the region does not allow' });
    }
  }
});

Then('every product of the JW317 has a product code, an einddatum and an Omvang Bijlage 6 allows', function (this: ConformanceWorld) {
  const v = lastSutMessage(this, 'JW317').Client.Verzoek;
  const products = [...(v.NieuweProducten?.NieuwProduct ?? []), ...(v.TeWijzigenProducten?.TeWijzigenProduct ?? []).map((p) => ({ ...p, Product: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)?.product ? { Categorie: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)!.product.categorie, Code: this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)!.product.code } : undefined }))];
  if (!products.length) this.fail({ rule: rule(this), expected: 'a changed or new product in the JW317', actual: 'none', text: 'The VOW changes nothing' });
  for (const p of products) {
    const why = (p.Einddatum ? undefined : 'no Einddatum') ?? shapeProblem(this, p as OmvangLike);
    if (why) this.fail({ rule: rule(this), expected: `Einddatum filled (T-2) and ${SHAPES}`, actual: why, text: 'A product of the VOW is not specific, complete and of an allowed shape' });
  }
});

Then('toewijzing {string} has an Omvang Bijlage 6 allows and no Budget', function (this: ConformanceWorld, alias: string) {
  const l = latestToegewezen(this, this.toewijzingNummer(alias));
  if (!l) return this.fail({ rule: rule(this), expected: `a JW301 with toewijzing "${alias}"`, actual: 'none', text: 'No toewijzing' });
  const why = shapeProblem(this, l.p);
  if (why) this.fail({ rule: rule(this), expected: SHAPES, actual: why, text: `Toewijzing "${alias}" has an Omvang the region does not allow` });
});

When('{municipality} allocates product {string} for client {string} from {date} to {date} with a budget of {int}', async function (this: ConformanceWorld, _who: Actor, code: string, client: string, from: string, to: string, budget: number) {
  this.beginStep();
  const p = productOf(this, code);
  await this.act({ action: 'allocate', client: this.client(client), products: [{ product: { categorie: p.category, code: p.code }, ingangsdatum: from, einddatum: to, omvang: omvangOf(this, code), budget }] });
  await this.awaitReceived('JW301', this.mark, this.lastAction?.ok ? this.parameters.answerTimeoutMs : 100);
});

Then('no JW301 carries a Budget', function (this: ConformanceWorld) {
  const withBudget = all301Products(this, this.mark).flat().filter((p) => p.Budget !== undefined);
  if (withBudget.length) this.fail({ rule: rule(this), expected: 'no Budget in a specific toewijzing (Bijlage 6: Budget "leeg"); the action refused or a JW301 without Budget', actual: withBudget.map((p) => `toewijzing ${p.ToewijzingNummer} with Budget ${p.Budget}`).join('; '), text: 'The municipality allocated a budget' });
});

// ------------------------------------------------------------------ ALK-T1, ALK-VOW-1: the VOW

Then('{provider} sends no JW317 with an Omvang Bijlage 6 does not allow', function (this: ConformanceWorld, _who: Actor) {
  for (const { read } of this.received('JW317')) {
    if (read.code !== 'JW317') continue;
    for (const p of read.model.Client.Verzoek.NieuweProducten?.NieuwProduct ?? []) {
      const why = shapeProblem(this, p);
      if (why) this.fail({ rule: rule(this), expected: `no JW317, or one with ${SHAPES}`, actual: why, text: 'The provider asked for an Omvang the region does not allow' });
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
  await new Promise((r) => setTimeout(r, 50));
  if (honouring301(this, ref)) this.fail({ rule: rule(this), expected: `no JW301 for change "${alias}" once it is rejected (${rejected})`, actual: 'a JW301 honouring part of it', text: 'The VOW was not judged as a whole' });
});

// ------------------------------------------------------------------ ALK-T7: the vervalperiode

Then('toewijzing {string} is withdrawn by {date}', async function (this: ConformanceWorld, alias: string, by: string) {
  const nummer = this.toewijzingNummer(alias);
  const withdrawn = () => {
    const p = latestToegewezen(this, nummer)?.p;
    return p && p.Einddatum === p.Ingangsdatum && p.RedenWijziging ? p : undefined;
  };
  const got = await untilDeadline(this, by, withdrawn);
  if (!got) {
    const p = latestToegewezen(this, nummer)?.p;
    this.fail({ rule: rule(this), expected: `a JW301 withdrawing toewijzing ${alias} (Einddatum = Ingangsdatum with a RedenWijziging) by ${by}`, actual: p ? `Ingangsdatum ${p.Ingangsdatum}, Einddatum ${p.Einddatum ?? 'empty'}, RedenWijziging ${p.RedenWijziging ?? 'empty'}` : 'no JW301', text: `Toewijzing "${alias}" was not withdrawn` });
  }
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

// ------------------------------------------------------------------ ALK-D1: per municipality

Given('toewijzing {string} of a product declared per unit for client {string} from {date} to {date} with volume {int} from municipality {string}', async function (this: ConformanceWorld, alias: string, client: string, from: string, to: string, volume: number, gemeente: string) {
  if (this.harnessRole !== 'gemeente') throw new Error('A second municipality is played by the harness (a @role:aanbieder scenario)');
  if (!this.profile.municipalities.some((m) => m.code === gemeente)) throw new Error(`${gemeente} is not a municipality of ${this.profile.name}`);
  const code = this.profile.products.find((x) => declProduct(this.profile, x.code)?.kind === 'per-unit')!.code;
  // The harness's municipality sends this toewijzing as the other municipality of the region.
  const own = this.harness.config.party;
  this.harness.config = { ...this.harness.config, party: gemeente };
  try {
    await allocate(this, { alias, client, productCode: code, ingangsdatum: from, einddatum: to, volume });
  } finally {
    this.harness.config = { ...this.harness.config, party: own };
  }
});

Then('{provider} declares {month} in one JW323 per municipality by {date}: {string} to {string} and {string} to {string}', function (this: ConformanceWorld, _who: Actor, month: string, by: string, a1: string, g1: string, a2: string, g2: string) {
  const all = declarations(this).filter((d) => d.exchange.direction === 'received');
  const seen = all.map((d) => `${d.model.Header.Ontvanger}: ${d.model.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie).map((p) => p.ToewijzingNummer).join(', ')} (dated ${d.model.Header.BerichtIdentificatie.Dagtekening})`).join('; ') || 'no JW323';
  const problems: string[] = [];
  for (const [alias, gemeente] of [[a1, g1], [a2, g2]] as const) {
    const nummer = this.toewijzingNummer(alias);
    const to = all.filter((d) => d.model.Header.Ontvanger === gemeente);
    if (to.length !== 1) problems.push(`${to.length} JW323s to ${gemeente}`);
    else if (!linesOf(to[0]!.model, nummer).length) problems.push(`the JW323 to ${gemeente} lacks the line of ${alias}`);
    else if (to[0]!.model.Header.BerichtIdentificatie.Dagtekening > by) problems.push(`the JW323 to ${gemeente} is dated after ${by}`);
    for (const d of all.filter((x) => x.model.Header.Ontvanger !== gemeente)) if (linesOf(d.model, nummer).length) problems.push(`the line of ${alias} is sent to ${d.model.Header.Ontvanger}`);
  }
  for (const d of all) if (d.model.Declaratie.DeclaratiePeriode.Begindatum !== `${month}-01`) problems.push(`a JW323 for DeclaratiePeriode ${d.model.Declaratie.DeclaratiePeriode.Begindatum}`);
  if (problems.length) this.fail({ rule: rule(this), expected: `for ${month}: one JW323 to ${g1} with ${a1} and one to ${g2} with ${a2}, each dated no later than ${by}`, actual: `${problems.join('; ')}; sent: ${seen}`, text: 'The month is not declared in one batch per municipality' });
});

// ------------------------------------------------------------------ ALK-D6, ALK-D7: the lines

Then('the JW323 holds one line for {string}', function (this: ConformanceWorld, alias: string) {
  const lines = linesOf(lastDeclaration(this).model, this.toewijzingNummer(alias)).filter((p) => p.IngediendBedrag.DebetCredit === 'D');
  if (lines.length !== 1) this.fail({ rule: rule(this), expected: `one line for ${alias}: all care of the month on one toewijzing and product summed (Som over Declaratieperiode)`, actual: `${lines.length} lines: ${lines.map(describeLine).join(' | ')}`, text: 'The care of the month is not summed into one line' });
});

Then('every line of the JW323 carries the product code of its toewijzing', function (this: ConformanceWorld) {
  const d = lastDeclaration(this).model;
  for (const p of d.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie)) {
    const t = this.harness.ledger.toewijzingen.get(p.ToewijzingNummer);
    if (!p.ProductCode || (t?.product.code && p.ProductCode !== t.product.code)) {
      this.fail({ rule: rule(this), expected: `ProductCode ${t?.product.code ?? '(the toewijzing\'s)'}: a specific product on every line`, actual: describeLine(p), text: 'A declaration line lacks its specific product code' });
    }
  }
});

When('{provider} declares {month} leaving out the product code of {string}', async function (this: ConformanceWorld, _who: Actor, month: string, alias: string) {
  // The message layer refuses to build a JW323 without ProductCode (XSD: minOccurs 1), so the
  // harness's provider builds the correct one and drops the element of that line on the way out.
  const nummer = this.toewijzingNummer(alias);
  const party = this.harness;
  const original = party.sendXml.bind(party);
  party.sendXml = async (code, xml) => {
    if (code !== 'JW323') return original(code, xml);
    const cut = xml.replace(/(<(\w+:)?Prestatie>(?:(?!<\/(?:\w+:)?Prestatie>)[\s\S])*?<(?:\w+:)?ToewijzingNummer>\s*(\d+)\s*<\/(?:\w+:)?ToewijzingNummer>(?:(?!<\/(?:\w+:)?Prestatie>)[\s\S])*?)<(\w+:)?ProductCode>[^<]*<\/(?:\w+:)?ProductCode>/g, (m, head: string, _p: string, nr: string) => (Number(nr) === nummer ? head : m));
    return original(code, cut);
  };
  try {
    await declare(this, month);
  } finally {
    party.sendXml = original;
  }
});

// ------------------------------------------------------------------ ALK-CODES

Then('the JW315 is addressed to municipality {string}', function (this: ConformanceWorld, code: string) {
  const m = lastSutMessage(this, 'JW315');
  if (m.Header.Ontvanger !== code) this.fail({ rule: rule(this), expected: `Ontvanger ${code}, the municipality the request is for`, actual: `Ontvanger ${m.Header.Ontvanger}`, text: 'The VOT is addressed to another municipality' });
});

// ------------------------------------------------------------------ ALK-AGB-1: a change of the provider's AGB code

When('the provider\'s AGB code changes to {string} on {date}', async function (this: ConformanceWorld, nieuweAgb: string, ingangsdatum: string) {
  this.beginStep();
  const oudeAgb = HARNESS_AANBIEDER;
  // The change is agreed in writing: both sides are told (the SUT through the action `change-agb`).
  await this.actOrFail({ action: 'change-agb', oudeAgb, nieuweAgb, ingangsdatum });
  if (this.harnessRole === 'gemeente') await harness(this).municipality.agb.changeAgb(oudeAgb, nieuweAgb, ingangsdatum);
  else harness(this).provider.careRegie.agbChanges.push({ oudeAgb, nieuweAgb, ingangsdatum });
  await settle();
});

/** The 301s of the municipality with their addressee, in the direction the municipality sends. */
function toewijzingen301(w: ConformanceWorld) {
  const dir = w.judged === 'gemeente' ? 'received' : 'sent';
  return w.transcript.filter((e) => e.code === 'JW301' && e.direction === dir).flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW301' ? r.model.Client.ToegewezenProducten.ToegewezenProduct.map((p) => ({ ontvanger: r.model.Header.Ontvanger, p })) : [];
  });
}

Then('{municipality} ends toewijzing {string} on {date} on AGB {string} and allocates {string} from {date} on AGB {string} by {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, end: string, oud: string, alias2: string, from: string, nieuw: string, by: string) {
  const t = this.toewijzing(alias);
  const ended = () => toewijzingen301(this).find((x) => x.ontvanger === oud && x.p.ToewijzingNummer === t.nummer && x.p.Einddatum === end && !!x.p.RedenWijziging);
  const fresh = () => toewijzingen301(this).find((x) => x.ontvanger === nieuw && x.p.ToewijzingNummer !== t.nummer && x.p.Product?.Code === t.product.code && x.p.Ingangsdatum === from);
  await untilDeadline(this, by, () => (ended() && fresh() ? true : undefined));
  const e = ended();
  const f = fresh();
  if (!e || !f) {
    const seen = toewijzingen301(this).map((x) => `to ${x.ontvanger}: ${x.p.ToewijzingNummer} ${x.p.Product?.Code ?? ''} ${x.p.Ingangsdatum}–${x.p.Einddatum ?? 'open'}${x.p.RedenWijziging ? ` (reden ${x.p.RedenWijziging})` : ''}`).join('; ');
    return this.fail({ rule: rule(this), expected: `by ${by}: a JW301 to AGB ${oud} ending toewijzing ${alias} on ${end} with a RedenWijziging, and a JW301 to AGB ${nieuw} with a new toewijzing of ${t.product.code} from ${from}`, actual: seen || 'no JW301', text: 'The municipality did not move the toewijzing to the new AGB code' });
  }
  this.toewijzingen.set(alias2, f.p.ToewijzingNummer);
});

Then('{provider} stops {string} on {date} and starts {string} on {date} as AGB {string}, by {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, end: string, alias2: string, begin: string, nieuw: string, by: string) {
  const oud = this.toewijzingNummer(alias);
  const from = this.mark;
  const successor = () => [...this.harness.ledger.toewijzingen.values()].find((n) => n.aanbieder === nieuw && n.ingangsdatum === begin && n.bsn === this.toewijzing(alias).bsn);
  const stop = () => this.received('JW307', from).map((r) => r.read.model as Jw307).flatMap((m) => m.Client.StopProducten.StopProduct).find((p) => p.ToewijzingNummer === oud && p.StatusAanlevering === '1');
  const start = () => {
    const n = successor();
    return n ? this.received('JW305', from).map((r) => r.read.model as Jw305).find((m) => m.Client.StartProducten.StartProduct.some((p) => p.ToewijzingNummer === n.nummer)) : undefined;
  };
  await untilDeadline(this, by, () => (stop() && start() ? true : undefined));
  const s = stop();
  const m = start();
  const n = successor();
  if (n) this.toewijzingen.set(alias2, n.nummer);
  const problems: string[] = [];
  if (!s) problems.push(`no JW307 for ${alias}`);
  else if (s.Einddatum !== end || s.RedenBeeindiging === '20') problems.push(`the JW307 for ${alias} has Einddatum ${s.Einddatum}, reden ${s.RedenBeeindiging} (a definitive stop on ${end} expected)`);
  if (!n) problems.push(`no toewijzing on AGB ${nieuw} from ${begin} in the harness's books`);
  else if (!m) problems.push(`no JW305 for ${alias2}`);
  else {
    const p = m.Client.StartProducten.StartProduct.find((x) => x.ToewijzingNummer === n.nummer)!;
    if (p.Begindatum !== begin) problems.push(`the JW305 for ${alias2} has Begindatum ${p.Begindatum}`);
    if (m.Header.Afzender !== nieuw) problems.push(`the JW305 for ${alias2} comes from AGB ${m.Header.Afzender}, not ${nieuw}`);
  }
  for (const code of ['JW308', 'JW306'] as const) {
    const r = this.transcript.slice(from).filter((e) => e.code === code).at(-1);
    if (r?.retourcodes.length) problems.push(`the ${code} carries ${r.retourcodes.join(', ')}`);
  }
  if (problems.length) this.fail({ rule: rule(this), expected: `by ${by}: a JW307 ending ${alias} on ${end} (from the old AGB) and a JW305 from AGB ${nieuw} starting its new toewijzing on ${begin}, both accepted`, actual: problems.join('; '), text: 'The provider did not move its care to the new AGB code' });
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
