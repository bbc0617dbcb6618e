/** Steps about toewijzingen (JW301/JW302). */
import { Given, When, Then } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import { type ConformanceWorld, settle, HARNESS_AANBIEDER } from './support/world.ts';
import { allocate, omvangOf, productOf } from './support/allocate.ts';
import { harness, declProduct } from './support/harness.ts';
import { latestToegewezen, untilDeadline } from './support/verzoek.ts';
import type { Jw307 } from '../ijw/messages/jw307.ts';
import type { Jw305 } from '../ijw/messages/jw305.ts';
import { gemeente301s, toewijzingen301 } from './support/sut-read.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');
// Without a product: the region's standard product (the first in its profile).
/**
 * One step for a toewijzing the scenario starts from: which product (the region's first, a code,
 * one declared per unit, one named as the protocol names it, or another than a toewijzing's),
 * for whom and when; optionally its volume, and (ALK-D1) the other municipality that allocates it.
 */
const TOEWIJZING_PRODUCT: { re: RegExp; code(w: ConformanceWorld, m: RegExpExecArray): string }[] = [
  { re: /^$/, code: (w) => w.profile.products[0]!.code },
  { re: /^ of product "([^"]*)"$/, code: (_w, m) => m[1]! },
  { re: /^ of a product declared per unit$/, code: (w) => perUnitProduct(w) },
  { re: /^ of the "([^"]*)" product$/, code: (w, m) => productNamed(w, m[1]!) },
  { re: /^ of another product than "([^"]*)"$/, code: (w, m) => anotherProduct(w, m[1]!) },
];

Given('toewijzing {string}{} for client {string} from {date} to {date}{}', async function (this: ConformanceWorld, alias: string, what: string, client: string, from: string, to: string, tail: string) {
  const p = TOEWIJZING_PRODUCT.map((x) => ({ x, m: x.re.exec(what) })).find((x) => x.m);
  const t = /^(?: with volume (\d+))?(?: from municipality "(\d{4})")?$/.exec(tail);
  if (!p || !t) throw new Error(`Unknown toewijzing 'toewijzing "${alias}"${what} … ${tail}' (say: of product "<code>", of a product declared per unit, of the "<name>" product, of another product than "<toewijzing>"; then: with volume <n>, from municipality "<code>")`);
  const volume = t[1] === undefined ? undefined : Number(t[1]);
  if (t[2]) {
    if (p.m![0] !== ' of a product declared per unit' || volume === undefined) throw new Error('A toewijzing from another municipality is of a product declared per unit, with a volume');
    return allocateFromMunicipality.call(this, alias, client, from, to, volume, t[2]);
  }
  await allocate(this, { alias, client, productCode: p.x.code(this, p.m!), ingangsdatum: from, einddatum: to, ...(volume === undefined ? {} : { volume }) });
});

function anotherProduct(w: ConformanceWorld, other: string): string {
  const code = w.toewijzing(other).product.code;
  const p = w.profile.products.find((x) => x.code !== code);
  if (!p) throw new Error(`The ${w.profile.id} profile has one product only`);
  return p.code;
}

/** The first product of the profile that is declared by volume (per unit, etmalen or euro), for national scenarios. */
function perUnitProduct(w: ConformanceWorld): string {
  const p = w.profile.products.find((x) => ['per-unit', 'euro'].includes(declProduct(w.profile, x.code)?.kind ?? ''));
  if (!p) throw new Error(`The ${w.profile.id} profile has no product declared per unit`);
  return p.code;
}


/** A profile product by its code or by a word of its name (as the protocol names it: "Intensief", "Dyslexie"). */
function productNamed(w: ConformanceWorld, name: string): string {
  const n = name.toLowerCase();
  const p = w.profile.products.find((x) => x.code === name)
    ?? w.profile.products.find((x) => Object.entries(x as unknown as Record<string, unknown>).some(([k, v]) => k !== 'code' && typeof v === 'string' && v.toLowerCase().includes(n)));
  if (!p) throw new Error(`No product "${name}" in the ${w.profile.id} profile (it has ${w.profile.products.map((x) => x.code).join(', ')})`);
  return p.code;
}


/** ALK-D1: the harness's municipality sends this toewijzing as the other municipality of the region. */
async function allocateFromMunicipality(this: ConformanceWorld, alias: string, client: string, from: string, to: string, volume: number, gemeente: string): Promise<void> {
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
}

When('{municipality} withdraws toewijzing {string}', async function (this: ConformanceWorld, _who: Actor, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  if (this.harnessRole === 'gemeente') await harness(this).municipality.party.changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, t.ingangsdatum, '13');
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum: t.ingangsdatum, redenWijziging: '13' });
});

/** A withdrawal with a given RedenWijziging: a toewijzing declared on is not deleted with 13 (TR385), so another reden says why. */
When('{municipality} withdraws toewijzing {string} with RedenWijziging {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, reden: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  if (this.harnessRole === 'gemeente') await harness(this).municipality.party.changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, t.ingangsdatum, reden);
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum: t.ingangsdatum, redenWijziging: reden });
});

When('{municipality} shortens toewijzing {string} to {date}', async function (this: ConformanceWorld, _who: Actor, alias: string, einddatum: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  // An ordinary shortening: the harness's municipality says why (05, herbeoordeling verkorting);
  // a municipality under test chooses the RedenWijziging itself (02 "cliënt overleden" would be wrong).
  if (this.harnessRole === 'gemeente') await harness(this).municipality.party.changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, einddatum, '05');
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum });
});

Then('toewijzing {string} ends on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  const got = await this.awaitReceived('JW301');
  const t = this.harness.ledger.toewijzingen.get(this.toewijzingNummer(alias));
  if (!got || t?.einddatum !== date) {
    this.fail({ rule: this.rules.join(', '), expected: `a JW301 with Einddatum ${date} for toewijzing ${alias}`, actual: got ? `Einddatum ${t?.einddatum ?? 'empty'}` : 'no JW301 received', text: `The municipality did not end toewijzing ${alias} on ${date}` });
  }
});

Then('toewijzing {string} is allocated in eenheid {string} with frequentie {string}', function (this: ConformanceWorld, alias: string, eenheid: string, frequentie: string) {
  const t = this.toewijzing(alias);
  if (t.omvang?.eenheid !== eenheid || t.omvang?.frequentie !== frequentie) {
    this.fail({ rule: this.rules.join(', '), expected: `Omvang in eenheid ${eenheid}, frequentie ${frequentie}`, actual: t.omvang ? `eenheid ${t.omvang.eenheid}, frequentie ${t.omvang.frequentie}` : 'no Omvang', text: `Toewijzing ${alias} is not allocated in the unit the protocol prescribes` });
  }
});

/** TR332: only the harness's own municipality sends what a scenario dictates, a number used twice included. */
When('{municipality} allocates a toewijzing for client {string} under the ToewijzingNummer of {string}', async function (this: ConformanceWorld, _who: Actor, client: string, alias: string) {
  if (this.harnessRole !== 'gemeente') throw new Error('This step needs the harness to play the municipality (a @role:aanbieder scenario)');
  const g = harness(this).municipality.party;
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  this.beginStep();
  g.mutate301 = (m) => {
    for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) p.ToewijzingNummer = nummer;
  };
  await g.allocate(this.client(client), [{ product: t.product, ingangsdatum: t.ingangsdatum, ...(t.einddatum ? { einddatum: t.einddatum } : {}), ...(t.omvang ? { omvang: t.omvang } : {}) }]);
  await settle();
});

/** TR381: the harness's own municipality sends a product code under a ProductCategorie the region's list does not give it. */
When('{municipality} allocates the product of {string} to client {string} under ProductCategorie {string}', async function (this: ConformanceWorld, _who: Actor, alias: string, client: string, categorie: string) {
  if (this.harnessRole !== 'gemeente') throw new Error('This step needs the harness to play the municipality (a @role:aanbieder scenario)');
  const g = harness(this).municipality.party;
  const t = this.toewijzing(alias);
  this.beginStep();
  g.mutate301 = (m) => {
    for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) if (p.Product) p.Product.Categorie = categorie as never;
  };
  await g.allocate(this.client(client), [{ product: t.product, ingangsdatum: t.ingangsdatum, ...(t.einddatum ? { einddatum: t.einddatum } : {}), ...(t.omvang ? { omvang: t.omvang } : {}) }]);
  await settle();
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

// ------------------------------------------------------------------ FRL-STAP-2 (optional): these products run alone

Then('toewijzing {string} ends before toewijzing {string} begins', async function (this: ConformanceWorld, other: string, alias: string) {
  const t = latestToegewezen(this, this.toewijzingNummer(alias))?.p;
  const o = latestToegewezen(this, this.toewijzingNummer(other))?.p;
  if (!t || !o) return this.fail({ rule: rule(this), expected: `JW301s with toewijzingen ${other} and ${alias}`, actual: 'missing', text: 'No toewijzing' });
  if (!o.Einddatum || o.Einddatum >= t.Ingangsdatum) {
    this.fail({ rule: rule(this), expected: `toewijzing ${other} ended before ${t.Ingangsdatum}, when ${alias} begins (a JW301 shortening it)`, actual: `toewijzing ${other} ends ${o.Einddatum ?? 'open'}`, text: 'The other care runs on next to a product that runs alone' });
  }
});

// ------------------------------------------------------------------ IJW-TOEW-1 and IJW-WIJZ-1: what the JW301 holds

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
