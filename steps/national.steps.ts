/**
 * Steps for the national rules (IJW-*) that the other step files do not cover: starts and stops
 * that link to no toewijzing (IJW-START-3), what the SUT does or does not send by itself after a
 * stop or a change (IJW-START-4/5, IJW-STOP-4/5), what a JW301 holds (IJW-TOEW-1, IJW-WIJZ-1),
 * and the declaration exchange without a technical retour (IJW-RET-3).
 */
import { Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import type { ConformanceWorld } from './support/world.ts';
import { settle } from './support/world.ts';
import type { Jw301ToegewezenProduct } from '../ijw/messages/jw301.ts';
import { allocate, omvangOf, productOf } from './support/allocate.ts';
import { answers319, deadlineWerkdagen, DEFAULT_LOCATIE, defaultVerwijzer, honouring301, refOf, requestChange, requestDate, safeRead, state, untilDeadline } from './support/verzoek.ts';
import { harness, type Exchange, type ReferenceAanbieder, type Toewijzing } from './support/harness.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');

/** ToewijzingNummers of the StartProducten or StopProducten of a JW305/JW307. */
function numbersIn(e: Exchange): number[] {
  const r = safeRead(e.xml);
  if (r?.code === 'JW305') return r.model.Client.StartProducten.StartProduct.map((p) => p.ToewijzingNummer!).filter((n) => n !== undefined);
  if (r?.code === 'JW307') return r.model.Client.StopProducten.StopProduct.map((p) => p.ToewijzingNummer!).filter((n) => n !== undefined);
  return [];
}

/** The 301s the municipality sent, with their ToegewezenProducten, from a transcript index on. */
function gemeente301s(w: ConformanceWorld, from = 0): { e: Exchange; products: Jw301ToegewezenProduct[] }[] {
  const dir = w.judged === 'gemeente' ? 'received' : 'sent';
  return w.transcript.slice(from).filter((e) => e.code === 'JW301' && e.direction === dir).flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW301' ? [{ e, products: r.model.Client.ToegewezenProducten.ToegewezenProduct }] : [];
  });
}

/** The retour that answered a message: the next exchange of the retour's code after it. */
function retourAfter(w: ConformanceWorld, e: Exchange, code: 'JW306' | 'JW308'): Exchange | undefined {
  const all = w.transcript;
  return all.slice(all.indexOf(e) + 1).find((x) => x.code === code && x.direction !== e.direction);
}

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

When('{provider} sends a start on {date} under ToewijzingNummer {int} for client {string}', async function (this: ConformanceWorld, _who: Actor, date: string, nummer: number, client: string) {
  if (date > this.date) await this.setDate(date);
  await underNumber(this, client, nummer, (a, n) => a.startCare(n, date));
});

When('{provider} sends a start on {date} under the ToewijzingNummer of {string} for client {string}', async function (this: ConformanceWorld, _who: Actor, date: string, alias: string, client: string) {
  if (date > this.date) await this.setDate(date);
  await underNumber(this, client, this.toewijzingNummer(alias), (a, n) => a.startCare(n, date));
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

// ------------------------------------------------------------------ IJW-TOEW-1 and IJW-WIJZ-1: what the JW301 holds

Given('toewijzing {string} of another product than {string} for client {string} from {date} to {date}', async function (this: ConformanceWorld, alias: string, other: string, client: string, from: string, to: string) {
  const code = this.toewijzing(other).product.code;
  const p = this.profile.products.find((x) => x.code !== code);
  if (!p) throw new Error(`The ${this.profile.id} profile has one product only`);
  await allocate(this, { alias, client, productCode: p.code, ingangsdatum: from, einddatum: to });
});

function latest301With(w: ConformanceWorld, nummer: number, from: number) {
  return gemeente301s(w, from).filter((x) => x.products.some((p) => p.ToewijzingNummer === nummer)).at(-1);
}

Then('the JW301 that shortens {string} to {date} also holds toewijzing {string} unchanged', async function (this: ConformanceWorld, alias: string, end: string, other: string) {
  const t1 = this.toewijzingNummer(alias);
  await this.awaitReceived('JW301');
  const m = latest301With(this, t1, this.mark);
  if (!m) return this.fail({ rule: rule(this), expected: `a JW301 with toewijzing "${alias}" shortened to ${end}`, actual: 'no JW301 since the change', text: 'The municipality sent no toewijzing for the change' });
  const p1 = m.products.find((p) => p.ToewijzingNummer === t1)!;
  if (p1.Einddatum !== end || !p1.RedenWijziging) this.fail({ rule: rule(this), expected: `toewijzing "${alias}" with Einddatum ${end} and a RedenWijziging`, actual: `Einddatum ${p1.Einddatum ?? 'empty'}, RedenWijziging ${p1.RedenWijziging ?? 'empty'}`, text: 'The JW301 does not shorten the toewijzing' });
  const before = this.toewijzing(other);
  const p2 = m.products.find((p) => p.ToewijzingNummer === before.nummer);
  if (!p2) return this.fail({ rule: rule(this), expected: `the JW301 also holds toewijzing "${other}" (${before.nummer}), valid on or after its date (OP087)`, actual: `ToewijzingNummers ${m.products.map((p) => p.ToewijzingNummer).join(', ')}`, text: 'The JW301 leaves out a toewijzing of the client that is still valid' });
  const same = p2.Ingangsdatum === before.ingangsdatum && (p2.Einddatum ?? '') === (before.einddatum ?? '') && p2.Product?.Code === before.product.code && !p2.RedenWijziging;
  if (!same) this.fail({ rule: rule(this), expected: `toewijzing "${other}" unchanged: ${before.product.code} ${before.ingangsdatum}..${before.einddatum ?? ''}, no RedenWijziging`, actual: `${p2.Product?.Code} ${p2.Ingangsdatum}..${p2.Einddatum ?? ''}, RedenWijziging ${p2.RedenWijziging ?? 'empty'}`, text: 'The JW301 changed a toewijzing that was not changed' });
});

/** The new product for a product change: another product of the region, or the same one in another frequentie. */
function replacement(w: ConformanceWorld, alias: string) {
  const t = w.toewijzing(alias);
  const other = w.profile.products.find((p) => p.code !== t.product.code && p.eenheid === t.omvang?.eenheid) ?? w.profile.products.find((p) => p.code !== t.product.code);
  if (other) return { product: { categorie: other.category, code: other.code }, omvang: omvangOf(w, other.code) };
  const p = productOf(w, t.product.code!);
  const o = omvangOf(w, p.code);
  return { product: { categorie: p.category, code: p.code }, omvang: { ...o, frequentie: o.frequentie === '2' ? '4' : '2' } };
}

When('{municipality} changes the care on {string} to another product from {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, from: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  const r = replacement(this, alias);
  const fact = { toewijzingNummer: nummer, ingangsdatum: from, ...(t.einddatum ? { einddatum: t.einddatum } : {}), product: r.product, omvang: r.omvang };
  if (this.harnessRole === 'gemeente') {
    const g = harness(this).municipality.party;
    await g.changeProduct(fact);
    await settle();
  } else {
    await this.actOrFail({ action: 'change-product', ...fact });
    await this.awaitReceived('JW301');
  }
  // The new toewijzing: the one in the 301 with the new product from that date.
  const m = gemeente301s(this, this.mark).at(-1);
  const added = m?.products.find((p) => p.ToewijzingNummer !== nummer && p.Ingangsdatum === from && !this.harness.ledger.toewijzingen.get(p.ToewijzingNummer)?.redenWijziging && [...this.toewijzingen.values()].every((n) => n !== p.ToewijzingNummer));
  if (added) this.toewijzingen.set(`${alias}'`, added.ToewijzingNummer);
});

Then('one JW301 ends {string} on {date} with a RedenWijziging and allocates the new product from {date}', function (this: ConformanceWorld, alias: string, end: string, from: string) {
  const nummer = this.toewijzingNummer(alias);
  const m = latest301With(this, nummer, this.mark);
  if (!m) return this.fail({ rule: rule(this), expected: `a JW301 with toewijzing "${alias}"`, actual: 'no JW301 since the change', text: 'The municipality sent no toewijzing for the product change' });
  const old = m.products.find((p) => p.ToewijzingNummer === nummer)!;
  const r = replacement(this, alias);
  const added = m.products.find((p) => p.ToewijzingNummer !== nummer && p.Ingangsdatum === from && p.Product?.Code === r.product.code);
  const problems = [
    old.Einddatum !== end ? `toewijzing "${alias}" ends ${old.Einddatum ?? 'never'}` : '',
    !old.RedenWijziging ? `toewijzing "${alias}" has no RedenWijziging` : '',
    !added ? `no new ToegewezenProduct ${r.product.code} from ${from} in the same JW301 (it holds ${m.products.map((p) => `${p.ToewijzingNummer} ${p.Product?.Code} ${p.Ingangsdatum}`).join('; ')})` : '',
  ].filter(Boolean);
  if (problems.length) this.fail({ rule: rule(this), expected: `one JW301 with toewijzing "${alias}" shortened to ${end} with a RedenWijziging and a new toewijzing of ${r.product.code} from ${from}`, actual: problems.join('; '), text: 'The product change is not a shortening plus a new toewijzing in one JW301' });
});

// ------------------------------------------------------------------ IJW-RET-3: no technical retour on 323/325

Then('{municipality} answers the JW323 with a JW325 and nothing else', async function (this: ConformanceWorld, _who: Actor) {
  await this.awaitReceived('JW325', 0);
  await new Promise((r) => setTimeout(r, 100));
  await settle();
  const sent = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW323' && e.direction === 'sent').at(-1);
  if (!sent) throw new Error('No JW323 in this scenario');
  const back = this.transcript.slice(sent[1] + 1).filter((e) => e.direction === 'received');
  const codes = back.map((e) => e.code);
  if (codes.length !== 1 || codes[0] !== 'JW325') {
    this.fail({ rule: rule(this), expected: 'one JW325 and no technical retour (004 §2.2: "Jw323 <geen retour>")', actual: codes.length ? codes.join(', ') : 'nothing', text: 'The municipality did not answer the declaration with exactly one JW325' });
  }
});

Then('{provider} sends nothing back on the JW325', async function (this: ConformanceWorld, _who: Actor) {
  await new Promise((r) => setTimeout(r, 100));
  await settle();
  const answer = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW325' && e.direction === 'sent').at(-1);
  if (!answer) throw new Error('No JW325 in this scenario');
  const back = this.transcript.slice(answer[1] + 1).filter((e) => e.direction === 'received');
  if (back.length) this.fail({ rule: rule(this), expected: 'nothing sent back on the JW325 (004 §2.2: the declaration exchange has no technical retour)', actual: back.map((e) => e.code).join(', '), text: 'The provider answered the declaration answer' });
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

// ------------------------------------------------------------------ IJW-STAP-1: a deleted toewijzing does not count

Then('{municipality} allocates the product of {string} anew from {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, from: string) {
  const old = this.toewijzing(alias);
  if (this.judged === 'gemeente') await this.awaitReceived('JW301');
  const fresh = gemeente301s(this, this.mark).flatMap((m) => m.products).find((p) => p.ToewijzingNummer !== old.nummer && p.Product?.Code === old.product.code && p.Ingangsdatum === from && !(p.Einddatum === p.Ingangsdatum && p.RedenWijziging));
  if (!fresh) {
    const why = this.lastAction && !this.lastAction.ok ? `the allocation was refused: ${this.lastAction.problem?.detail ?? this.lastAction.status}` : 'no JW301 with a new toewijzing of it';
    this.fail({ rule: rule(this), expected: `a new toewijzing of ${old.product.code} from ${from} (the withdrawn toewijzing "${alias}" does not count for stacking, TR302)`, actual: why, text: 'The municipality did not allocate next to a withdrawn toewijzing' });
  }
});

// ------------------------------------------------------------------ IJW-STOP-3: withdrawing a stop

