/** Steps about declarations (JW323 → JW325), for both roles. */
import { defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import type { Actor } from './support/actors.ts';
import { type ConformanceWorld, settle } from './support/world.ts';
import { checkTotals, correct, declarations, declare, describeLine, harnessMunicipality, harnessProvider, lastAnswer, lastDeclaration, linesOf, productOfToewijzing, rc, recordCare, rejectedIn } from './support/declaratie.ts';
import { allocate } from './support/allocate.ts';
import type { Jw323 } from '../ijw/messages/jw323.ts';
import { CLIENT_LEVEL_CODES } from './support/placement.ts';
import { UNIT_NAMES, declProduct, euro, maxDate, maxVolumeFor, monthEnd, monthStart, monthlyOfYearly, share, plusDays, tariffFor } from './support/harness.ts';
import { readMessage } from '../ijw/messages/registry.ts';
import { addWerkdagen } from '../ijw/calendar/werkdagen.ts';
import { messageDate } from './deadlines.steps.ts';
import { header } from './support/sut-read.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');
defineParameterType({ name: 'month', regexp: /\d{4}-\d{2}/, transformer: (s) => s });
defineParameterType({ name: 'unit', regexp: /minutes|hours|etmalen|stuks|eurocents|units/, transformer: (s) => s });

// ------------------------------------------------------------------ care

Given('the provider delivered {int} {unit} of care on {string} on {date}', async function (this: ConformanceWorld, volume: number, unit: string, alias: string, date: string) {
  await recordCare(this, alias, date, date, volume, unit);
});

Given('the provider delivered {int} {unit} of care on {string} from {date} to {date}', async function (this: ConformanceWorld, volume: number, unit: string, alias: string, from: string, to: string) {
  await recordCare(this, alias, from, to, volume, unit);
});

Given('the provider delivered the allocated volume of care on {string} on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  const t = this.toewijzing(alias);
  if (!t.omvang) throw new Error(`Toewijzing ${alias} has no omvang`);
  await recordCare(this, alias, date, date, t.omvang.volume, 'units');
});

Given('the client missed {int} {unit} of planned care on {string} on {date} without cancelling', async function (this: ConformanceWorld, volume: number, unit: string, alias: string, date: string) {
  await recordCare(this, alias, date, date, volume, unit, { absence: 'no-show' });
});

Given('the client cancelled {int} {unit} of planned care on {string} on {date} in time', async function (this: ConformanceWorld, volume: number, unit: string, alias: string, date: string) {
  await recordCare(this, alias, date, date, volume, unit, { absence: 'planned' });
});

// ------------------------------------------------------------------ declaring

When('{provider} declares {month}', async function (this: ConformanceWorld, _who: Actor, month: string) {
  await declare(this, month);
});

Given('{provider} declared {month}', async function (this: ConformanceWorld, _who: Actor, month: string) {
  await declare(this, month);
  await expectFullyApproved(this, 'setting up an approved declaration');
});

/** Deliberately wrong lines: only the harness's own provider sends what a scenario dictates. */
const MUTATIONS: { re: RegExp; apply: (w: ConformanceWorld, msg: Jw323, m: RegExpMatchArray) => void }[] = [
  { re: /^a ProductPeriode from (\S+) to (\S+)$/, apply: (_w, msg, m) => void Object.assign(first(msg).ProductPeriode, { Begindatum: m[1], Einddatum: m[2] }) },
  { re: /^ProductCode "(.+)"$/, apply: (_w, msg, m) => void (first(msg).ProductCode = m[1]!) },
  { re: /^ProductCategorie "(.+)"$/, apply: (_w, msg, m) => void (first(msg).ProductCategorie = m[1] as never) },
  { re: /^Eenheid "(.+)"$/, apply: (_w, msg, m) => void (first(msg).Eenheid = m[1] as never) },
  { re: /^ProductTarief (\d+)$/, apply: (_w, msg, m) => setAmounts(msg, first(msg).GeleverdVolume, Number(m[1])) },
  { re: /^IngediendBedrag (\d+)$/, apply: (_w, msg, m) => void (first(msg).IngediendBedrag.Bedrag = Number(m[1])) },
  { re: /^the volume (\d+)$/, apply: (_w, msg, m) => setAmounts(msg, Number(m[1]), first(msg).ProductTarief) },
  {
    re: /^a unit other than the allocated one$/,
    apply(_w, msg) {
      const p = first(msg);
      const other = p.Eenheid === '16' ? '14' : '16';
      if (p.Eenheid === '83') setAmountsIn(p, other, p.GeleverdVolume, 1);
      else p.Eenheid = other as never;
    },
  },
  {
    re: /^the same care in minutes$/,
    apply(_w, msg) {
      const p = first(msg);
      if (p.Eenheid !== '04' || p.ProductTarief === undefined) throw new Error('The line is not in hours');
      const hourly = p.ProductTarief;
      const minutes = p.GeleverdVolume * 60;
      // IV081: an hourly tariff per minute, the amount rounded once at the end.
      setAmountsIn(p, '01', minutes, Math.round(hourly / 60));
      p.IngediendBedrag.Bedrag = Math.round((hourly * minutes) / 60);
    },
  },
  {
    // TR304: a test BSN (elfproef) of nobody the scenario allocated to.
    re: /^the Bsn of a client the municipality does not know$/,
    apply(w, msg) {
      const known = new Set([...w.harness.ledger.toewijzingen.values()].map((t) => t.bsn));
      msg.Declaratie.Clienten.Client[0]!.Bsn = ['999990111', '999990123', '999990135'].find((b) => !known.has(b))!;
    },
  },
  { re: /^ToewijzingNummer (\d+)$/, apply: (_w, msg, m) => void (first(msg).ToewijzingNummer = Number(m[1])) },
  {
    re: /^a volume above the allocation$/,
    apply(w, msg) {
      const p = first(msg);
      const t = w.harness.ledger.toewijzingen.get(p.ToewijzingNummer)!;
      const max = maxVolumeFor(t, p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum);
      if (max === undefined) throw new Error('The toewijzing has no omvang to exceed');
      setAmounts(msg, (p.Eenheid === '01' && t.omvang?.eenheid === '04' ? max * 60 : max) + 1, p.ProductTarief);
    },
  },
  {
    re: /^(\d+)% of the contracted tariff$/,
    apply(w, msg, m) {
      const p = first(msg);
      const product = declProduct(w.profile, p.ProductCode);
      if (product?.tariff === undefined) throw new Error(`No contracted tariff for ${p.ProductCode}`);
      setAmounts(msg, share(product.tariff, Number(m[1]) / 100), undefined);
    },
  },
  {
    re: /^the yearly tariff as ProductTarief$/,
    apply(w, msg) {
      const p = first(msg);
      const product = declProduct(w.profile, p.ProductCode);
      if (product?.tariff === undefined) throw new Error(`No contracted tariff for ${p.ProductCode}`);
      setAmounts(msg, p.GeleverdVolume, product.tariff);
    },
  },
  {
    re: /^the DeclaratieNummer of the previous declaration$/,
    apply(w, msg) {
      const prev = declarations(w, 0).at(-1);
      if (!prev) throw new Error('No earlier declaration in this scenario');
      msg.Declaratie.DeclaratieNummer = prev.model.Declaratie.DeclaratieNummer;
    },
  },
  {
    re: /^the ReferentieNummer of the previous line$/,
    apply(w, msg) {
      const prev = declarations(w, 0).at(-1);
      if (!prev) throw new Error('No earlier declaration in this scenario');
      first(msg).ProductReferentie.ReferentieNummer = prev.model.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!.ProductReferentie.ReferentieNummer;
    },
  },
];

function first(msg: Jw323) {
  return msg.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!;
}

function setAmountsIn(p: ReturnType<typeof first>, eenheid: string, volume: number, tarief: number): void {
  p.Eenheid = eenheid as never;
  p.GeleverdVolume = volume;
  p.ProductTarief = tarief;
  p.IngediendBedrag.Bedrag = volume * tarief;
}

/** Sets volume and tariff and recomputes the amount, so that only the dictated fault is in the line. */
function setAmounts(msg: Jw323, volume: number, tarief: number | undefined): void {
  const p = first(msg);
  p.GeleverdVolume = volume;
  if (p.Eenheid === '83' || tarief === undefined) {
    delete p.ProductTarief;
    p.IngediendBedrag.Bedrag = volume;
  } else {
    p.ProductTarief = tarief;
    p.IngediendBedrag.Bedrag = volume * tarief;
  }
}

When('{provider} declares {month} with {}', async function (this: ConformanceWorld, _who: Actor, month: string, change: string) {
  for (const m of MUTATIONS) {
    const match = m.re.exec(change);
    if (match) return declare(this, month, (msg) => m.apply(this, msg, match));
  }
  throw new Error(`Unknown change '${change}' (known: ${MUTATIONS.map((m) => m.re.source).join('; ')})`);
});

When('{provider} declares {month} claiming the share after the stop whatever the reden', async function (this: ConformanceWorld, _who: Actor, month: string) {
  const flow = harnessProvider(this);
  const stopShare = flow.rules.stopShare;
  flow.rules.stopShare = (p) => p.afterStopPlan ?? 0;
  try {
    await declare(this, month);
  } finally {
    flow.rules.stopShare = stopShare;
  }
});

/**
 * The start share claimed again, for the declared month: a new ProductPeriode, so no national rule
 * (TR389: a second debit for the same period) rejects it, only the region's "once" (AMS-INT-1, AMS-DYS-1).
 */
When('{provider} declares {month} claiming the start share on {string} again', async function (this: ConformanceWorld, _who: Actor, month: string, alias: string) {
  const flow = harnessProvider(this);
  const t = this.toewijzing(alias);
  for (const c of [...flow.claimed]) if (c.startsWith(`start:${t.nummer}:`)) flow.claimed.delete(c);
  const periode = { Begindatum: maxDate(monthStart(month), t.ingangsdatum), Einddatum: t.einddatum && t.einddatum < monthEnd(month) ? t.einddatum : monthEnd(month) };
  await declare(this, month, (msg) => {
    for (const p of msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie)) if (p.ToewijzingNummer === t.nummer && p.IngediendBedrag.DebetCredit === 'D') p.ProductPeriode = { ...periode };
  });
});

/**
 * The harness's provider claims as if a JW305 (start share) or a JW307 with reden 31 (stop
 * share) had been accepted, without having sent it: what AMS-INT-4 says a municipality rejects.
 */
When('{provider} declares {month} claiming the {word} share on {string} without a {msg}', async function (this: ConformanceWorld, _who: Actor, month: string, which: string, alias: string, _code: string) {
  const flow = harnessProvider(this);
  const a = this.harness;
  const t = this.toewijzing(alias);
  const added: string[] = [];
  let start = a.ledger.starts.find((s) => s.toewijzingNummer === t.nummer && !s.deleted);
  const fake = !start;
  if (!start) {
    start = { bsn: t.bsn, toewijzingNummer: t.nummer, begindatum: maxDate(t.ingangsdatum, monthStart(month)), deleted: false, stops: [] };
    a.ledger.starts.push(start);
  }
  const stop = which === 'stop' ? { einddatum: t.einddatum && t.einddatum < monthEnd(month) ? t.einddatum : monthEnd(month), reden: '31', deleted: false } : undefined;
  if (stop) {
    start.stops.push(stop);
    // Only the stop share goes out: the start share counts as claimed already.
    const key = `start:${t.nummer}:${start.begindatum}`;
    if (!flow.claimed.has(key)) added.push(key);
    flow.claimed.add(key);
  }
  try {
    await declare(this, month);
  } finally {
    if (fake) a.ledger.starts.splice(a.ledger.starts.indexOf(start), 1);
    else if (stop) start.stops.splice(start.stops.indexOf(stop), 1);
    for (const k of added) flow.claimed.delete(k);
  }
});

When('{provider} declares {month} again without crediting the approved line', async function (this: ConformanceWorld, _who: Actor, month: string) {
  const flow = harnessProvider(this);
  for (const c of [...flow.claimed]) if (c.endsWith(`:${month}`)) flow.claimed.delete(c);
  await declare(this, month);
});

When('{provider} corrects the line of {string} for {month} to volume {int}{}', async function (this: ConformanceWorld, _who: Actor, alias: string, month: string, volume: number, how: string) {
  if (how === '') return correct(this, alias, month, volume);
  if (how !== ', sending the corrected debit before the credit') throw new Error(`Unknown correction '…to volume ${volume}${how}' (say nothing more, or: , sending the corrected debit before the credit)`);
  // Only the harness's provider sends the pair in the wrong order (IJW-DECL-4, retourcode 9389).
  const flow = harnessProvider(this);
  const correction = flow.rules.correction;
  flow.rules.correction = (credit, debit) => [debit, credit];
  try {
    await correct(this, alias, month, volume);
  } finally {
    flow.rules.correction = correction;
  }
});

When('{provider} credits the line of {string} for {month} again', async function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const nummer = this.toewijzingNummer(alias);
  const original = [...this.harness.ledger.prestaties.values()].find((p) => p.toewijzingNummer === nummer && p.debetCredit === 'D' && p.credited && p.begindatum.startsWith(month));
  if (!original) throw new Error(`No credited line of ${alias} for ${month}`);
  const flow = harnessProvider(this);
  // Credit it once more: mark it uncredited in the provider's own books so it does not refuse.
  original.credited = false;
  const volume = original.volume;
  flow.mutate = (msg) => {
    const ps = msg.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie;
    msg.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie = ps.filter((p) => p.IngediendBedrag.DebetCredit === 'C');
  };
  this.beginStep();
  await flow.correct(original.referentieNummer, volume);
  await settle();
});

When('{provider} credits a line that was never approved on {string} for {month}', async function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const flow = harnessProvider(this);
  flow.mutate = (msg) => {
    const p = first(msg);
    p.ProductReferentie.VorigReferentieNummer = 'NEVER-SENT-1';
    p.IngediendBedrag.DebetCredit = 'C' as never;
  };
  await declare(this, month);
  void alias;
});

Given('{municipality} rejects the next line of {string} with retourcode {string}', function (this: ConformanceWorld, _who: Actor, alias: string, code: string) {
  harnessMunicipality(this).scripted.push({ toewijzingNummer: this.toewijzingNummer(alias), retourcode: code });
});

// ------------------------------------------------------------------ the answer (JW325)

async function expectFullyApproved(w: ConformanceWorld, what = 'the declaration'): Promise<void> {
  const d = lastDeclaration(w);
  const a = await lastAnswer(w);
  const ant = a.model.DeclaratieAntwoord;
  const codes = ant?.RetourCodes.RetourCode ?? [];
  const rejected = rejectedIn(a.model);
  if (!codes.includes('8001') || rejected.length) {
    const lines = rejected.map((r) => `line ${r.ref} on toewijzing ${r.nummer}: ${rc(r.codes)}`).join('; ');
    const who = w.judged === 'aanbieder' ? 'The municipality rejected (part of) the provider\'s declaration' : 'The municipality did not approve a correct declaration in full';
    w.fail({
      rule: w.rules.join(', '),
      expected: `${what}: fully approved, DeclaratieAntwoord 8001 (${rc(['8001'])})`,
      actual: `Header ${rc(a.model.Header.RetourCodes.RetourCode)}; DeclaratieAntwoord ${rc(codes)}${lines ? `; ${lines}` : ''}; declared: ${d.model.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie).map(describeLine).join(' | ')}`,
      text: who,
    });
  }
  checkTotals(w, d.model, a.model);
}

Then('the declaration is fully approved', async function (this: ConformanceWorld) {
  await expectFullyApproved(this);
});

Then('the JW325 rejects the line of {string} with retourcode {string}', async function (this: ConformanceWorld, alias: string, code: string) {
  const d = lastDeclaration(this);
  const a = await lastAnswer(this);
  const nummer = this.toewijzingNummer(alias);
  const listed = rejectedIn(a.model);
  // A line dictated with another ToewijzingNummer (the 9338 case) no longer carries the alias's number.
  const dictatedAway = linesOf(d.model, nummer).length === 0;
  const line = listed.find((r) => r.codes.includes(code) && (r.nummer === nummer || dictatedAway || linesOf(d.model, nummer).some((p) => p.ProductReferentie.ReferentieNummer === r.ref)));
  if (!line) {
    this.fail({
      rule: this.rules.join(', '),
      expected: `the line of ${alias} rejected with ${rc([code])}`,
      actual: listed.length ? listed.map((r) => `line ${r.ref}: ${rc(r.codes)}${r.placement === 'client' ? ' (on its Client, 0233 on the line)' : ''}`).join('; ') : `no rejected line (DeclaratieAntwoord ${rc(a.model.DeclaratieAntwoord?.RetourCodes.RetourCode ?? [])}, Header ${rc(a.model.Header.RetourCodes.RetourCode)})`,
      text: `The municipality did not reject the line as the rule says${code in CLIENT_LEVEL_CODES ? ` (${rc([code])} is accepted on the line or on its Client with 0233 on the line)` : ''}`,
    });
  }
  checkTotals(this, d.model, a.model);
});

/** Where a rule names no retourcode, any code that rejects the line will do (RULES.md intro). */
Then('the JW325 rejects the line of {string}', async function (this: ConformanceWorld, alias: string) {
  const d = lastDeclaration(this);
  const a = await lastAnswer(this);
  const refs = new Set(linesOf(d.model, this.toewijzingNummer(alias)).map((p) => p.ProductReferentie.ReferentieNummer));
  const listed = rejectedIn(a.model);
  const whole = (a.model.DeclaratieAntwoord?.RetourCodes.RetourCode ?? []).filter((c) => !['0200', '8001'].includes(c));
  if (!listed.some((r) => refs.has(r.ref)) && !whole.length) {
    this.fail({
      rule: this.rules.join(', '),
      expected: `the line of ${alias} rejected (any rejecting retourcode)`,
      actual: listed.length ? listed.map((r) => `line ${r.ref}: ${rc(r.codes)}`).join('; ') : `no rejected line (DeclaratieAntwoord ${rc(a.model.DeclaratieAntwoord?.RetourCodes.RetourCode ?? [])})`,
      text: 'The municipality approved a line the rule says it rejects',
    });
  }
  checkTotals(this, d.model, a.model);
});

Then('the JW325 approves the line of {string}', async function (this: ConformanceWorld, alias: string) {
  const d = lastDeclaration(this);
  const a = await lastAnswer(this);
  const refs = new Set(linesOf(d.model, this.toewijzingNummer(alias)).map((p) => p.ProductReferentie.ReferentieNummer));
  const listed = rejectedIn(a.model).filter((r) => refs.has(r.ref));
  const whole = (a.model.DeclaratieAntwoord?.RetourCodes.RetourCode ?? a.model.Header.RetourCodes.RetourCode).filter((c) => !['0200', '8001'].includes(c));
  if (listed.length || whole.length) {
    this.fail({ rule: this.rules.join(', '), expected: `the line of ${alias} approved`, actual: listed.length ? listed.map((r) => `line ${r.ref}: ${rc(r.codes)}`).join('; ') : `the declaration rejected: ${rc(whole)}`, text: 'The municipality rejected a correct line' });
  }
  checkTotals(this, d.model, a.model);
});

Then('the JW325 rejects the declaration with retourcode {string}', async function (this: ConformanceWorld, code: string) {
  const a = await lastAnswer(this);
  const ant = a.model.DeclaratieAntwoord;
  const codes = ant?.RetourCodes.RetourCode ?? [];
  if (!(codes as string[]).includes(code) || (ant && ant.TotaalToegekendBedrag.TotaalBedrag !== 0)) {
    this.fail({ rule: this.rules.join(', '), expected: `DeclaratieAntwoord ${rc([code])} and TotaalToegekendBedrag 0`, actual: `DeclaratieAntwoord ${rc(codes)}, toegekend ${ant ? euro(ant.TotaalToegekendBedrag.TotaalBedrag) : 'none'}`, text: 'The municipality did not reject the declaration as a whole' });
  }
});

// ------------------------------------------------------------------ what the provider declared (JW323)

function linesOfAlias(w: ConformanceWorld, alias: string) {
  const d = lastDeclaration(w);
  return { d, lines: linesOf(d.model, w.toewijzingNummer(alias)).filter((p) => p.IngediendBedrag.DebetCredit === 'D') };
}

Then('{provider} declares {int} {unit} on {string}', function (this: ConformanceWorld, _who: Actor, volume: number, unit: string, alias: string) {
  const { lines } = linesOfAlias(this, alias);
  const product = productOfToewijzing(this, alias);
  const eenheid = unit === 'units' ? (this.toewijzing(alias).omvang?.eenheid ?? product.eenheid) : unit === 'minutes' ? '01' : unit === 'hours' ? '04' : unit === 'etmalen' ? '14' : unit === 'stuks' ? '82' : '83';
  const l = lines.at(-1);
  // The tariff of the year the profile's tariff-year policy names (delivery, or the toewijzing's start).
  const base = l ? tariffFor(product, this.toewijzing(alias), l.ProductPeriode.Begindatum) : product.tariff;
  const tarief = eenheid === '83' ? undefined : eenheid === '01' && base !== undefined ? Math.round(base / 60) : base;
  const bedrag = eenheid === '83' ? volume : eenheid === '01' && base !== undefined ? Math.round((base * volume) / 60) : volume * (tarief ?? 0);
  const expected = `GeleverdVolume ${volume} in eenheid ${eenheid} (${UNIT_NAMES[eenheid]})${tarief !== undefined ? ` at ProductTarief ${euro(tarief)}` : ''}, IngediendBedrag ${euro(bedrag)}`;
  if (!l || l.GeleverdVolume !== volume || l.Eenheid !== eenheid || (tarief !== undefined && l.ProductTarief !== tarief && eenheid !== '01') || l.IngediendBedrag.Bedrag !== bedrag) {
    this.fail({ rule: this.rules.join(', '), expected, actual: l ? describeLine(l) : `no debit line for ${alias}`, text: `The provider's declaration of ${alias} is not what the care and the profile give` });
  }
});

Then('{provider} declares the allocated volume in the unit of {string}', function (this: ConformanceWorld, _who: Actor, alias: string) {
  const { lines } = linesOfAlias(this, alias);
  const t = this.toewijzing(alias);
  const l = lines.at(-1);
  const eenheid = t.omvang?.eenheid;
  const volume = t.omvang?.volume;
  const inUnit = l && eenheid && (l.Eenheid === eenheid ? l.GeleverdVolume === volume : eenheid === '04' && l.Eenheid === '01' && l.GeleverdVolume === (volume ?? 0) * 60);
  if (!inUnit) {
    this.fail({ rule: this.rules.join(', '), expected: `GeleverdVolume ${volume} in eenheid ${eenheid} (${UNIT_NAMES[eenheid ?? ''] ?? '?'}), the unit of the toewijzing${eenheid === '04' ? ' (or the same in minutes)' : ''}`, actual: l ? describeLine(l) : `no line for ${alias}`, text: 'The provider did not declare in the unit of the toewijzing' });
  }
});

Then('{provider} claims {int}% of the contracted tariff on {string}', function (this: ConformanceWorld, _who: Actor, pct: number, alias: string) {
  const { lines } = linesOfAlias(this, alias);
  const product = productOfToewijzing(this, alias);
  if (product.tariff === undefined) throw new Error(`No contracted tariff for ${product.code}`);
  const amount = share(product.tariff, pct / 100);
  const l = lines.at(-1);
  // CD087: a line in eenheid 83 carries no ProductTarief (AMS-INT-5: the tariff is only the basis of the share).
  if (!l || l.Eenheid !== '83' || l.GeleverdVolume !== amount || l.IngediendBedrag.Bedrag !== amount || l.ProductTarief !== undefined) {
    const actualPct = l ? ` (${Math.round((l.IngediendBedrag.Bedrag / product.tariff) * 1000) / 10}% of the tariff)` : '';
    this.fail({
      rule: this.rules.join(', '),
      expected: `${pct}% of the contracted tariff ${euro(product.tariff)} = ${euro(amount)}, in eenheid 83 (euro) with GeleverdVolume = IngediendBedrag in cents and no ProductTarief (CD087)`,
      actual: l ? `${describeLine(l)}${actualPct}` : `no claim on ${alias}`,
      text: `The provider's claim on ${alias} is not ${pct}% of the contracted tariff`,
    });
  }
});

Then('{provider} declares one twelfth of the yearly tariff on {string}', function (this: ConformanceWorld, _who: Actor, alias: string) {
  const { lines } = linesOfAlias(this, alias);
  const product = productOfToewijzing(this, alias);
  const tarief = monthlyOfYearly(product.tariff ?? 0);
  const l = lines.at(-1);
  if (!l || l.Eenheid !== '82' || l.GeleverdVolume !== 1 || l.ProductTarief !== tarief || l.IngediendBedrag.Bedrag !== tarief) {
    this.fail({ rule: this.rules.join(', '), expected: `eenheid 82 (stuks), volume 1, ProductTarief = IngediendBedrag = ${euro(product.tariff ?? 0)} / 12 = ${euro(tarief)}`, actual: l ? describeLine(l) : `no line for ${alias}`, text: 'The monthly line is not 1/12 of the yearly tariff' });
  }
});

Then('{provider} declares nothing on {string}', function (this: ConformanceWorld, _who: Actor, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  const lines = declarations(this).flatMap((d) => linesOf(d.model, nummer)).filter((p) => p.IngediendBedrag.DebetCredit === 'D');
  if (lines.length) this.fail({ rule: this.rules.join(', '), expected: `no claim on ${alias} (the action refused, or a declaration without it)`, actual: lines.map(describeLine).join(' | '), text: `The provider claimed on ${alias} what may not be claimed` });
});

Then('the line of {string} has the ProductPeriode {date} to {date}', function (this: ConformanceWorld, alias: string, from: string, to: string) {
  const { lines } = linesOfAlias(this, alias);
  const l = lines.at(-1);
  if (!l || l.ProductPeriode.Begindatum !== from || l.ProductPeriode.Einddatum !== to) {
    this.fail({ rule: this.rules.join(', '), expected: `ProductPeriode ${from} – ${to}`, actual: l ? `ProductPeriode ${l.ProductPeriode.Begindatum} – ${l.ProductPeriode.Einddatum}` : `no line for ${alias}`, text: 'The ProductPeriode does not follow the start, stop and month' });
  }
});

Then('the DeclaratiePeriode is the whole month {month}', function (this: ConformanceWorld, month: string) {
  const d = lastDeclaration(this).model.Declaratie.DeclaratiePeriode;
  if (d.Begindatum !== monthStart(month) || d.Einddatum !== monthEnd(month)) {
    this.fail({ rule: this.rules.join(', '), expected: `DeclaratiePeriode ${monthStart(month)} – ${monthEnd(month)}`, actual: `${d.Begindatum} – ${d.Einddatum}`, text: 'The DeclaratiePeriode is not the calendar month' });
  }
});

Then('every declaration has its own DeclaratieNummer and every line its own ReferentieNummer', function (this: ConformanceWorld) {
  const all = declarations(this, 0).filter((d) => d.exchange.direction === (this.judged === 'aanbieder' ? 'received' : 'sent'));
  const nummers = all.map((d) => d.model.Declaratie.DeclaratieNummer);
  const refs = all.flatMap((d) => d.model.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie.map((p) => p.ProductReferentie.ReferentieNummer)));
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  if (all.length < 2 || dup(nummers).length || dup(refs).length) {
    this.fail({ rule: this.rules.join(', '), expected: 'two or more declarations, all DeclaratieNummers and ReferentieNummers distinct', actual: `${all.length} declarations; DeclaratieNummers ${nummers.join(', ')}; repeated: ${[...dup(nummers), ...dup(refs)].join(', ') || 'none'}`, text: 'Declaration numbers are not unique' });
  }
});

Then('the correction credits the approved line of {string} before the corrected debit with volume {int}', function (this: ConformanceWorld, alias: string, volume: number) {
  const d = lastDeclaration(this).model;
  const nummer = this.toewijzingNummer(alias);
  const all = d.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie);
  const ci = all.findIndex((p) => p.ToewijzingNummer === nummer && p.IngediendBedrag.DebetCredit === 'C');
  const di = all.findIndex((p) => p.ToewijzingNummer === nummer && p.IngediendBedrag.DebetCredit === 'D');
  const credit = all[ci];
  const debit = all[di];
  const original = credit?.ProductReferentie.VorigReferentieNummer ? this.harness.ledger.prestaties.get(credit.ProductReferentie.VorigReferentieNummer) : undefined;
  const problems: string[] = [];
  if (!credit) problems.push('no credit line');
  if (!debit) problems.push('no corrected debit line in the same message');
  if (credit && debit && ci > di) problems.push('the debit comes before the credit');
  if (credit && !original) problems.push(`the credit's VorigReferentieNummer ${credit.ProductReferentie.VorigReferentieNummer ?? '(empty)'} is not an approved line`);
  if (credit && original && (credit.ProductReferentie.ReferentieNummer === original.referentieNummer || credit.GeleverdVolume !== original.volume || credit.IngediendBedrag.Bedrag !== original.bedrag || credit.ProductPeriode.Begindatum !== original.begindatum || credit.ProductPeriode.Einddatum !== original.einddatum)) {
    problems.push('the credit does not repeat the approved line with a new ReferentieNummer');
  }
  if (debit && debit.GeleverdVolume !== volume) problems.push(`the corrected debit has volume ${debit.GeleverdVolume}`);
  if (problems.length) {
    this.fail({
      rule: this.rules.join(', '),
      expected: `credit of the approved line (same content, new ReferentieNummer, VorigReferentieNummer = its ReferentieNummer), then the corrected debit with volume ${volume}`,
      actual: `${problems.join('; ')}: ${all.map(describeLine).join(' | ')}`,
      text: 'The correction is not a credit before the corrected debit',
    });
  }
});

Then('the rejected line of {string} is declared again without a credit', function (this: ConformanceWorld, alias: string) {
  const nummer = this.toewijzingNummer(alias);
  const rejected = [...this.harness.ledger.prestaties.values()].filter((p) => p.toewijzingNummer === nummer && p.status === 'rejected').map((p) => p.referentieNummer);
  const d = lastDeclaration(this).model;
  const lines = linesOf(d, nummer);
  const credits = lines.filter((p) => p.IngediendBedrag.DebetCredit === 'C' && rejected.includes(p.ProductReferentie.VorigReferentieNummer ?? ''));
  const debits = lines.filter((p) => p.IngediendBedrag.DebetCredit === 'D' && !rejected.includes(p.ProductReferentie.ReferentieNummer));
  if (credits.length || !debits.length) {
    this.fail({ rule: this.rules.join(', '), expected: `a new debit line for ${alias} with a new ReferentieNummer, and no credit of rejected line(s) ${rejected.join(', ')}`, actual: lines.map(describeLine).join(' | ') || 'no line', text: 'A rejected line was credited, or not declared again' });
  }
});

Then('the JW323 holds the lines of {string} and {string} in one declaration dated no later than {date}', function (this: ConformanceWorld, a1: string, a2: string, date: string) {
  const all = declarations(this);
  const d = all.at(-1)?.model;
  const ok = d && all.length === 1 && linesOf(d, this.toewijzingNummer(a1)).length > 0 && linesOf(d, this.toewijzingNummer(a2)).length > 0 && d.Header.BerichtIdentificatie.Dagtekening <= date;
  if (!ok) {
    this.fail({ rule: this.rules.join(', '), expected: `one JW323 for the month and municipality with the lines of ${a1} and ${a2}, dated no later than ${date}`, actual: d ? `${all.length} JW323(s); the last dated ${d.Header.BerichtIdentificatie.Dagtekening} with ${d.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie).length} line(s)` : 'no JW323', text: 'The month is not declared in one batch in time' });
  }
});

/**
 * TR337, TR371, TR376, TR366, TR367, TR304 on the JW325: the harness's provider judges every
 * JW325 against the JW323 it names (ReferenceParty.judgeAnswer), and the judge fails the step on a
 * mismatch; this step waits for the answer, so the scenario says what it holds the JW325 to.
 */
Then('the JW325 refers to that JW323 and lists each rejected line as it was declared', async function (this: ConformanceWorld) {
  const a = await lastAnswer(this);
  if (!rejectedIn(a.model).length) {
    this.fail({ rule: this.rules.join(', '), expected: 'a JW325 listing the rejected line', actual: 'no rejected line', text: 'The JW325 lists no line to compare with the JW323' });
  }
  this.failOnContractFindings();
});

// ------------------------------------------------------------------ ALK-D1: per municipality

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

// ------------------------------------------------------------------ UTR-DECL-3: preferably within a month

Then('the JW323 is dated no later than {date}', function (this: ConformanceWorld, d: string) {
  const e = this.lastReceived('JW323');
  if (!e) return this.fail({ rule: rule(this), expected: 'a JW323', actual: this.lastAction && !this.lastAction.ok ? `the action was refused: ${this.lastAction.problem?.detail ?? ''}` : 'none', text: 'The provider sent no declaration' });
  const dt = header(e.exchange.xml, 'Dagtekening') ?? '';
  if (dt > d) this.fail({ rule: rule(this), expected: `Dagtekening on or before ${d}`, actual: `Dagtekening ${dt}`, text: 'The declaration was sent more than a month after the declared period' });
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

// ------------------------------------------------------------------ credits: in full only, and of what a toewijzing no longer covers

/** The harness's provider credits part of an approved line (a third of its volume): what a region with only full credits rejects. */
When('{provider} credits part of the line of {string} for {month}', async function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const flow = harnessProvider(this);
  const original = approvedLineOf(this, alias, month);
  const part = Math.max(1, Math.floor(original.volume / 3));
  flow.mutate = (msg) => {
    const client = msg.Declaratie.Clienten.Client[0]!;
    client.Prestaties.Prestatie = client.Prestaties.Prestatie.filter((p) => p.IngediendBedrag.DebetCredit === 'C');
    const credit = client.Prestaties.Prestatie[0]!;
    credit.GeleverdVolume = part;
    credit.IngediendBedrag.Bedrag = credit.ProductTarief !== undefined ? part * credit.ProductTarief : part;
  };
  this.beginStep();
  await flow.correct(original.referentieNummer, original.volume - part);
  await settle();
});

/** The approved debit of a toewijzing for a month in the harness's books (credited or not). */
function approvedLineOf(w: ConformanceWorld, alias: string, month: string) {
  const nummer = w.toewijzingNummer(alias);
  const line = [...w.harness.ledger.prestaties.values()].find((p) => p.toewijzingNummer === nummer && p.debetCredit === 'D' && p.status === 'approved' && p.begindatum.startsWith(month));
  if (!line) throw new Error(`No approved line of ${alias} for ${month} in the harness's books`);
  return line;
}

/** Every line the provider sent in the scenario, in order, credits of a message before its debits. */
function providerLines(w: ConformanceWorld) {
  return declarations(w, 0)
    .filter((d) => d.exchange.direction === (w.judged === 'aanbieder' ? 'received' : 'sent'))
    .flatMap((d) => {
      const all = d.model.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie);
      return [...all.filter((p) => p.IngediendBedrag.DebetCredit === 'C'), ...all.filter((p) => p.IngediendBedrag.DebetCredit === 'D')];
    });
}

/**
 * The provider credited the approved line in full, by itself, in a JW323 after the JW301 that
 * shortened or withdrew the toewijzing and at the latest in the declaration just asked for.
 */
Then('{provider} credits the approved line of {string} for {month} in full', function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const original = approvedLineOf(this, alias, month);
  const credits = providerLines(this).filter((p) => p.IngediendBedrag.DebetCredit === 'C' && p.ProductReferentie.VorigReferentieNummer === original.referentieNummer);
  const full = credits.find((p) => p.GeleverdVolume === original.volume && p.IngediendBedrag.Bedrag === original.bedrag && p.ProductPeriode.Begindatum === original.begindatum && p.ProductPeriode.Einddatum === original.einddatum);
  if (!full) {
    this.fail({
      rule: this.rules.join(', '),
      expected: `a credit line with VorigReferentieNummer ${original.referentieNummer} repeating the approved line of ${alias} for ${month} (${original.begindatum} – ${original.einddatum}, volume ${original.volume}, ${euro(original.bedrag)}) by this declaration`,
      actual: credits.length ? credits.map(describeLine).join(' | ') : `no credit of it${this.lastAction && !this.lastAction.ok ? ` (the declaration was refused: ${this.lastAction.problem?.detail ?? ''})` : ''}`,
      text: 'The provider did not credit a line its toewijzing no longer covers',
    });
  }
});

Then('{provider} does not credit the line of {string} for {month}', function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const original = approvedLineOf(this, alias, month);
  const credits = providerLines(this).filter((p) => p.IngediendBedrag.DebetCredit === 'C' && p.ProductReferentie.VorigReferentieNummer === original.referentieNummer);
  if (credits.length) this.fail({ rule: this.rules.join(', '), expected: `the line of ${alias} for ${month}, still within the toewijzing, not credited`, actual: credits.map(describeLine).join(' | '), text: 'The provider credited a line its toewijzing still covers' });
});

/** Per toewijzing, product and month one debit at a time: a new debit only after the earlier one was credited (TR389). */
Then('{provider} declares {string} for {month} once, or again only after crediting it', function (this: ConformanceWorld, _who: Actor, alias: string, month: string) {
  const nummer = this.toewijzingNummer(alias);
  const open = new Set<string>();
  const problems: string[] = [];
  for (const p of providerLines(this).filter((x) => x.ToewijzingNummer === nummer && x.ProductPeriode.Begindatum.startsWith(month))) {
    if (p.IngediendBedrag.DebetCredit === 'C') {
      open.delete(p.ProductReferentie.VorigReferentieNummer ?? '');
      continue;
    }
    if (open.size) problems.push(`debit ${p.ProductReferentie.ReferentieNummer} (${describeLine(p)}) while ${[...open].join(', ')} was not credited`);
    open.add(p.ProductReferentie.ReferentieNummer);
  }
  if (problems.length) this.fail({ rule: this.rules.join(', '), expected: `one debit of ${alias} for ${month}, or a new one only after a credit of the earlier`, actual: problems.join('; '), text: 'The provider declared a month in more than one term' });
});
