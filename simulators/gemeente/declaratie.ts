/**
 * The municipality's judgement of a JW323 (declaratie), per prestatie, with the national rules
 * of the digest (§5) and the region's declaration rules; the JW325 goes out through the
 * pipeline's retour builder (8001 when fully approved). Each check is a named function in
 * `checks`, so a faulty variant replaces exactly one of them.
 *
 * A line is approved or rejected as a whole (IJW-DECL-1). Credits are judged on the national
 * credit rules only: the municipality cannot reject a credit for content (IV085), except that a
 * region whose policy is `creditsInFullOnly` rejects a credit that does not repeat its debit in
 * full (8017: no debit is known as credited). No line is
 * rejected because of the JW305/JW307 or its dates (OP364, IJW-DECL-8): the regions that tie the
 * ProductPeriode to them (AMS-PER-1, FRL-DECL-1, RIJ-DECL-1) bind the provider, and the
 * municipality checks that only afterwards. The one exception is Amsterdam's claim shares
 * (AMS-INT-4), which the contract ties to the 305/307.
 *
 * Retourcodes for regional rejections (WJ001 has no regional codes; the closest meaning wins):
 * - a claim the contract does not allow at that moment (Amsterdam 70%/30%/100% without the
 *   matching JW305/JW307, after a reden other than 31, a second claim, an amount that is not
 *   the contracted share): 0611 "het ingediende tarief komt niet overeen met het contractuele
 *   tarief": the contract says which part of the tariff is payable when, and this is not it;
 * - a declaration more than a year after the JW307 (FRL-DECL-4): 9319 "de ProductPeriode valt
 *   niet geheel binnen een DeclaratiePeriode": that ProductPeriode may no longer be declared
 *   in this DeclaratiePeriode.
 */
import type { Jw323, Jw323Client, Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import type { Finding } from '../../ijw/findings.ts';
import { crossFinding, type Judgement } from '../party.ts';
import { isDeleted, liveStops, type PrestatieRecord, type StartRecord, type Toewijzing } from '../ledger.ts';
import type { ReferenceGemeente } from './reference-gemeente.ts';
import { gemeenteFlows, type GemeenteFlow } from './flows.ts';
import {
  declProduct, declRegion, euro, inAllocatedUnit, maxDate, maxVolumeFor, minDate, monthEnd, monthOf, monthStart, monthlyOfYearly, plusMonths, tariffFor, share, totalVolumeFor, unitFits, UNIT_NAMES,
  type DeclProduct, type DeclRegion,
} from './declaratie-rules.ts';

/** A rejection of one prestatie: the retourcode, the rule that gives it, what is wrong. */
export interface LineRejection {
  retourcode: string;
  rule: string;
  text: string;
  /** 4 for an external-source rule (TR381); cross-message (3) otherwise. */
  level?: 4;
}

/** Everything a check may look at for one prestatie. */
export interface LineContext {
  msg: Jw323;
  client: Jw323Client;
  p: Jw323Prestatie;
  aanbieder: string;
  /** The toewijzing the prestatie refers to (set once TR338 passed). */
  t: Toewijzing;
  product: DeclProduct | undefined;
  region: DeclRegion;
  /** Live starts (not deleted) on the toewijzing, oldest first. */
  starts: StartRecord[];
  /** Approved prestaties so far: earlier messages and earlier lines of this one. */
  approved: ApprovedPrestaties;
  /** ReferentieNummers already delivered (any status) and earlier in this message. */
  delivered: Pick<ReadonlySet<string>, 'has'>;
  /** Dagtekening of the JW307 that carried a stop, by `bsn/toewijzing/einddatum`. */
  stopDagtekening: ReadonlyMap<string, string>;
  /** Whether the municipality knows the client's Bsn (a toewijzing or a request of it). */
  clientKnown: boolean;
  /** TR381: why a ProductCode does not fit a ProductCategorie by the region's product list (the party's check). */
  productCodeFits(categorie: string, code: string): string | undefined;
}

type Check = (c: LineContext) => LineRejection | undefined;

/**
 * The approved prestaties, indexed by toewijzing and ReferentieNummer: a declaration of
 * 100,000 lines is judged against everything approved before it, line by line.
 */
export class ApprovedPrestaties {
  /** A toewijzing's one record, or its list from the second on: most have one per declaration. */
  private readonly byToewijzing = new Map<number, PrestatieRecord | PrestatieRecord[]>();
  private readonly byReferentie = new Map<string, PrestatieRecord>();

  constructor(records: Iterable<PrestatieRecord> = []) {
    for (const r of records) this.add(r);
  }

  add(r: PrestatieRecord): void {
    const had = this.byToewijzing.get(r.toewijzingNummer);
    if (had === undefined) this.byToewijzing.set(r.toewijzingNummer, r);
    else if (Array.isArray(had)) had.push(r);
    else this.byToewijzing.set(r.toewijzingNummer, [had, r]);
    if (!this.byReferentie.has(r.referentieNummer)) this.byReferentie.set(r.referentieNummer, r);
  }

  /** Approved prestaties on one toewijzing, oldest first. */
  on(toewijzingNummer: number): readonly PrestatieRecord[] {
    const had = this.byToewijzing.get(toewijzingNummer);
    return had === undefined ? [] : Array.isArray(had) ? had : [had];
  }

  /** Whether an approved prestatie has this ReferentieNummer. */
  has(nummer: string): boolean {
    return this.byReferentie.has(nummer);
  }

  /** The approved prestatie with this ReferentieNummer (unique per provider, TR314). */
  referentie(nummer: string | undefined): PrestatieRecord | undefined {
    return nummer === undefined ? undefined : this.byReferentie.get(nummer);
  }

  /** The approved debit a credit refers to. */
  debit(vorig: string | undefined): PrestatieRecord | undefined {
    const r = this.referentie(vorig);
    return r?.debetCredit === 'D' ? r : undefined;
  }
}

export interface DeclaratieChecks {
  /** TR381 → S329 (external source): the ProductCode fits the ProductCategorie by the region's product list. */
  productCodeList: Check;
  /** TR304 → 8187: the Bsn is that of a client the municipality knows (judged before TR338). */
  knownClient: Check;
  /** TR314 → 8021: ReferentieNummer unique per provider, within and across messages. */
  uniqueReferentie: Check;
  /** TR323 → 8017: a credit refers to an earlier approved debit. */
  creditRefersToApprovedDebit: Check;
  /** TR390 → 9390: a debit is credited at most once. */
  creditOnce: Check;
  /** Region policy `creditsInFullOnly` → 8017: a credit repeats its approved debit in full (product, period, volume, amount). */
  creditInFull: Check;
  /** TR384 → 9384: no declaring on a deleted toewijzing. */
  notDeleted: Check;
  /** TR307/TR308 → 9307/9308: ProductPeriode within the toewijzing (IJW-DECL-2). */
  withinToewijzing: Check;
  /** TR319 → 9319: ProductPeriode within the current or an earlier DeclaratiePeriode. */
  withinDeclaratiePeriode: Check;
  /** TR387 → 9387: ProductPeriode begins on the 1st of its month, unless the toewijzing begins later in it. */
  periodBeginsOnFirst: Check;
  /** TR388 → 9388: ProductPeriode ends on the last day of its month, unless the toewijzing ends earlier in it. */
  periodEndsOnLast: Check;
  /** TR369 → 9369: with a Budget, all GeleverdVolume on the toewijzing together fit within it. */
  withinBudget: Check;
  /** TR339/TR340 → 9339/9340: the allocated category and code. */
  sameProduct: Check;
  /** TR341 → 9341: the allocated unit (minutes on hours allowed). */
  unit: Check;
  /** TR321 → 9321: the volume fits the allocated omvang for the ProductPeriode. */
  volume: Check;
  /** TR322 → 9322: all volumes on the toewijzing together fit the allocated omvang. */
  volumeTotal: Check;
  /** TR418 → 0611: the contracted tariff of the profile. */
  tariff: Check;
  /** TR346 → 9346: IngediendBedrag = GeleverdVolume × ProductTarief (not for eenheid 83). */
  amount: Check;
  /** TR389 → 9389: no new debit for the same period while the earlier one is not credited. */
  debitAfterCredit: Check;
  /** AMS-INT-1/2, AMS-BEH-1, AMS-DYS-1: the amount is a contracted share (0611). */
  claimIsContractedShare: Check;
  /** AMS-INT-4: a claim after the start needs a JW305 (0611). */
  startClaimNeedsStart: Check;
  /** AMS-INT-2/3/4: the claim after the stop needs a JW307 with reden 31 (0611). */
  stopClaimNeedsPlannedStop: Check;
  /** FRL-DECL-4: not more than the region's term after the JW307 (9319). */
  declarationTerm: Check;
}

const reject = (retourcode: string, rule: string, text: string): LineRejection => ({ retourcode, rule, text });
const period = (p: Jw323Prestatie) => `${p.ProductPeriode.Begindatum} – ${p.ProductPeriode.Einddatum}`;

/** The share claimed by a percentage line: 'start', 'stop' or undefined (not a contracted share). */
function claimKind(c: LineContext): 'start' | 'stop' | undefined {
  const pr = c.product;
  if (!pr || pr.kind !== 'percentage' || pr.tariff === undefined) return undefined;
  const amount = c.p.IngediendBedrag.Bedrag;
  if (pr.afterStart && amount === share(pr.tariff, pr.afterStart)) return 'start';
  if (pr.afterStopPlan && amount === share(pr.tariff, pr.afterStopPlan)) return 'stop';
  return undefined;
}

const claimsOf = (c: LineContext, amount: number) =>
  c.approved.on(c.t.nummer).filter((x) => x.debetCredit === 'D' && !x.credited && x.bedrag === amount).length;

/** Starts on or before the end of the ProductPeriode (a current or previous JW305). */
const startsBefore = (c: LineContext) => c.starts.filter((s) => s.begindatum <= c.p.ProductPeriode.Einddatum);

export const nationalDeclaratieChecks: DeclaratieChecks = {
  productCodeList(c) {
    const why = c.productCodeFits(c.p.ProductCategorie, c.p.ProductCode);
    return why ? { retourcode: 'S329', rule: 'TR381', text: why, level: 4 } : undefined;
  },
  knownClient: (c) => (c.clientKnown ? undefined : reject('8187', 'TR304', `Bsn ${c.client.Bsn} is not that of a client of this municipality (no toewijzing or request for it)`)),
  uniqueReferentie: (c) =>
    c.delivered.has(c.p.ProductReferentie.ReferentieNummer)
      ? reject('8021', 'TR314', `ReferentieNummer ${c.p.ProductReferentie.ReferentieNummer} was already delivered`)
      : undefined,
  creditRefersToApprovedDebit(c) {
    const vorig = c.p.ProductReferentie.VorigReferentieNummer;
    const debit = c.approved.debit(vorig);
    return debit ? undefined : reject('8017', 'TR323', `the credit refers to ${vorig ? `ReferentieNummer ${vorig}` : 'no VorigReferentieNummer'}, which is not an approved debit`);
  },
  creditOnce(c) {
    const vorig = c.p.ProductReferentie.VorigReferentieNummer;
    const debit = c.approved.debit(vorig);
    return debit?.credited ? reject('9390', 'TR390', `debit ${vorig} was already credited`) : undefined;
  },
  creditInFull(c) {
    if (!c.region.creditsInFullOnly) return undefined;
    const debit = c.approved.debit(c.p.ProductReferentie.VorigReferentieNummer);
    if (!debit) return undefined;
    const p = c.p;
    const diff = [
      p.ProductCategorie !== debit.categorie || p.ProductCode !== debit.code ? `product ${p.ProductCategorie}/${p.ProductCode}, debit ${debit.categorie}/${debit.code}` : '',
      p.ProductPeriode.Begindatum !== debit.begindatum || p.ProductPeriode.Einddatum !== debit.einddatum ? `ProductPeriode ${period(p)}, debit ${debit.begindatum} – ${debit.einddatum}` : '',
      p.GeleverdVolume !== debit.volume ? `GeleverdVolume ${p.GeleverdVolume}, debit ${debit.volume}` : '',
      p.IngediendBedrag.Bedrag !== debit.bedrag ? `IngediendBedrag ${euro(p.IngediendBedrag.Bedrag)}, debit ${euro(debit.bedrag)}` : '',
    ].filter(Boolean);
    // No credit line matches the approved debit as declared: the closest national meaning is 8017.
    return diff.length ? reject('8017', 'TR323', `only full credits are accepted in this region: the credit of ${debit.referentieNummer} differs from it (${diff.join('; ')})`) : undefined;
  },
  notDeleted: (c) => (isDeleted(c.t) ? reject('9384', 'TR384', `toewijzing ${c.t.nummer} was deleted (RedenWijziging ${c.t.redenWijziging})`) : undefined),
  withinToewijzing(c) {
    const pp = c.p.ProductPeriode;
    if (pp.Begindatum < c.t.ingangsdatum) return reject('9307', 'TR307', `ProductPeriode begins ${pp.Begindatum}, before the toewijzing's Ingangsdatum ${c.t.ingangsdatum}`);
    if (c.t.einddatum && pp.Einddatum > c.t.einddatum) return reject('9308', 'TR308', `ProductPeriode ends ${pp.Einddatum}, after the toewijzing's Einddatum ${c.t.einddatum}`);
    return undefined;
  },
  withinDeclaratiePeriode(c) {
    const dp = c.msg.Declaratie.DeclaratiePeriode;
    return c.p.ProductPeriode.Einddatum > dp.Einddatum
      ? reject('9319', 'TR319', `ProductPeriode ${period(c.p)} ends after the DeclaratiePeriode ${dp.Begindatum} – ${dp.Einddatum}`)
      : undefined;
  },
  periodBeginsOnFirst(c) {
    const begin = c.p.ProductPeriode.Begindatum;
    // Before the toewijzing is TR307's (9307), not this rule's.
    if (begin < c.t.ingangsdatum) return undefined;
    const month = monthOf(begin);
    const expected = maxDate(monthStart(month), c.t.ingangsdatum);
    if (begin === expected) return undefined;
    return reject('9387', 'TR387', `ProductPeriode begins ${begin}; it begins on ${expected} (${expected === monthStart(month) ? 'the first day of the month' : "the toewijzing's Ingangsdatum"})`);
  },
  periodEndsOnLast(c) {
    const end = c.p.ProductPeriode.Einddatum;
    // After the toewijzing is TR308's (9308), not this rule's.
    if (c.t.einddatum && end > c.t.einddatum) return undefined;
    const month = monthOf(end);
    const expected = minDate(monthEnd(month), c.t.einddatum);
    if (end === expected) return undefined;
    return reject('9388', 'TR388', `ProductPeriode ends ${end}; it ends on ${expected} (${expected === monthEnd(month) ? 'the last day of the month' : "the toewijzing's Einddatum"})`);
  },
  withinBudget(c) {
    if (c.t.budget === undefined) return undefined;
    const sum = c.approved
      .on(c.t.nummer)
      .filter((x) => x.debetCredit === 'D' && !x.credited)
      .reduce((s, x) => s + x.volume, 0);
    return sum + c.p.GeleverdVolume > c.t.budget
      ? reject('9369', 'TR369', `the volumes on toewijzing ${c.t.nummer} add up to ${sum + c.p.GeleverdVolume}, more than its Budget ${c.t.budget}`)
      : undefined;
  },
  sameProduct(c) {
    if (c.p.ProductCategorie !== c.t.product.categorie) return reject('9339', 'TR339', `ProductCategorie ${c.p.ProductCategorie}, allocated ${c.t.product.categorie}`);
    if (c.t.product.code && c.p.ProductCode !== c.t.product.code) return reject('9340', 'TR340', `ProductCode ${c.p.ProductCode}, allocated ${c.t.product.code}`);
    return undefined;
  },
  unit(c) {
    const allocated = c.t.omvang?.eenheid ?? c.product?.eenheid;
    if (!allocated || unitFits(allocated, c.p.Eenheid)) return undefined;
    return reject('9341', 'TR341', `Eenheid ${c.p.Eenheid} (${UNIT_NAMES[c.p.Eenheid] ?? '?'}), allocated ${allocated} (${UNIT_NAMES[allocated] ?? '?'})`);
  },
  volume(c) {
    if (!c.t.omvang || !unitFits(c.t.omvang.eenheid, c.p.Eenheid)) return undefined;
    const max = maxVolumeFor(c.t, c.p.ProductPeriode.Begindatum, c.p.ProductPeriode.Einddatum);
    const v = inAllocatedUnit(c.t.omvang.eenheid, c.p.Eenheid, c.p.GeleverdVolume);
    return max !== undefined && v > max
      ? reject('9321', 'TR321', `GeleverdVolume ${c.p.GeleverdVolume} ${UNIT_NAMES[c.p.Eenheid] ?? ''} exceeds ${max} allocated for ${period(c.p)} (${c.t.omvang.volume} per frequentie ${c.t.omvang.frequentie})`)
      : undefined;
  },
  volumeTotal(c) {
    if (!c.t.omvang || !unitFits(c.t.omvang.eenheid, c.p.Eenheid)) return undefined;
    const total = totalVolumeFor(c.t);
    if (total === undefined) return undefined;
    const unit = c.t.omvang.eenheid;
    const sum = c.approved
      .on(c.t.nummer)
      .filter((x) => x.debetCredit === 'D' && !x.credited)
      .reduce((s, x) => s + inAllocatedUnit(unit, x.eenheid, x.volume), 0);
    const v = inAllocatedUnit(unit, c.p.Eenheid, c.p.GeleverdVolume);
    return sum + v > total ? reject('9322', 'TR322', `the volumes on toewijzing ${c.t.nummer} add up to ${sum + v}, more than the ${total} allocated in total`) : undefined;
  },
  tariff(c) {
    const pr = c.product;
    if (!pr || pr.tariff === undefined || c.p.Eenheid === '83' || c.p.ProductTarief === undefined) return undefined;
    // UTR-DECL-1: the tariff of the year of care (the ProductPeriode), not of the declaration date;
    // or, by the region's tariff-year policy for this eenheid, of the toewijzing's ingangsdatum.
    const base = tariffFor(pr, c.t, c.p.ProductPeriode.Begindatum)!;
    let expected = base;
    if (pr.kind === 'monthly-of-yearly') expected = monthlyOfYearly(base);
    const perMinute = c.t.omvang?.eenheid === '04' && c.p.Eenheid === '01';
    // IV081: a minute tariff from an hourly one is not whole cents; accept it rounded either way.
    const ok = perMinute ? Math.abs(c.p.ProductTarief - base / 60) < 1 : c.p.ProductTarief === expected;
    return ok ? undefined : reject('0611', 'TR418', `ProductTarief ${euro(c.p.ProductTarief)}, contracted ${euro(perMinute ? Math.round(base / 60) : expected)}${perMinute ? ' per minute' : ''}`);
  },
  amount(c) {
    const p = c.p;
    if (p.Eenheid === '83' || p.ProductTarief === undefined) return undefined;
    const perMinute = c.t.omvang?.eenheid === '04' && p.Eenheid === '01';
    const candidates = [p.GeleverdVolume * p.ProductTarief];
    if (perMinute && c.product?.tariff !== undefined) candidates.push(Math.round((c.product.tariff * p.GeleverdVolume) / 60));
    return candidates.includes(p.IngediendBedrag.Bedrag)
      ? undefined
      : reject('9346', 'TR346', `IngediendBedrag ${euro(p.IngediendBedrag.Bedrag)} is not GeleverdVolume ${p.GeleverdVolume} × ProductTarief ${euro(p.ProductTarief)} = ${euro(candidates[0]!)}`);
  },
  debitAfterCredit(c) {
    const pp = c.p.ProductPeriode;
    const earlier = c.approved.on(c.p.ToewijzingNummer).find(
      (x) => x.debetCredit === 'D' && !x.credited && x.categorie === c.p.ProductCategorie && x.code === c.p.ProductCode && x.begindatum === pp.Begindatum && x.einddatum === pp.Einddatum,
    );
    return earlier ? reject('9389', 'TR389', `debit ${earlier.referentieNummer} for ${period(c.p)} was approved and has not been credited`) : undefined;
  },
  claimIsContractedShare(c) {
    const pr = c.product;
    if (!pr || pr.kind !== 'percentage' || pr.tariff === undefined) return undefined;
    if (claimKind(c)) return undefined;
    const shares = [pr.afterStart ? `${pr.afterStart * 100}% = ${euro(share(pr.tariff, pr.afterStart))}` : '', pr.afterStopPlan ? `${pr.afterStopPlan * 100}% = ${euro(share(pr.tariff, pr.afterStopPlan))}` : ''].filter(Boolean);
    return reject('0611', pr.rules?.share ?? 'share', `IngediendBedrag ${euro(c.p.IngediendBedrag.Bedrag)} is not a contracted share of ${euro(pr.tariff)} (${shares.join(' or ')})`);
  },
  startClaimNeedsStart(c) {
    if (claimKind(c) !== 'start') return undefined;
    const starts = startsBefore(c);
    if (!starts.length) return reject('0611', c.product!.rules?.needsStartStop ?? 'needsStartStop', `a claim of ${c.product!.afterStart! * 100}% needs a JW305 for toewijzing ${c.t.nummer}; none was received`);
    if (claimsOf(c, c.p.IngediendBedrag.Bedrag) >= starts.length) return reject('0611', c.product!.rules?.needsStartStop ?? 'needsStartStop', `the ${c.product!.afterStart! * 100}% after the JW305 was already claimed`);
    return undefined;
  },
  stopClaimNeedsPlannedStop(c) {
    if (claimKind(c) !== 'stop') return undefined;
    const stops = startsBefore(c).flatMap((s) => liveStops(s)).filter((s) => s.reden !== '20' && s.einddatum <= c.p.ProductPeriode.Einddatum);
    const pct = `${c.product!.afterStopPlan! * 100}%`;
    if (!stops.length) return reject('0611', c.product!.rules?.needsStartStop ?? 'needsStartStop', `a claim of ${pct} needs a JW307 with reden 31; no definitive stop was received`);
    const last = stops.at(-1)!;
    if (last.reden !== '31') return reject('0611', c.product!.rules?.afterOtherStop ?? 'afterOtherStop', `after a JW307 with reden ${last.reden} nothing more may be claimed (the ${pct} needs reden 31)`);
    if (claimsOf(c, c.p.IngediendBedrag.Bedrag) >= stops.length) return reject('0611', c.product!.rules?.afterPlannedStop ?? 'afterPlannedStop', `the ${pct} after the JW307 was already claimed`);
    return undefined;
  },
  declarationTerm(c) {
    const months = c.region.maxMonthsAfterStop;
    if (months === undefined) return undefined;
    const dagtekening = c.msg.Header.BerichtIdentificatie.Dagtekening;
    for (const s of c.starts) {
      for (const stop of liveStops(s).filter((x) => x.reden !== '20')) {
        const sent = c.stopDagtekening.get(`${c.client.Bsn}/${c.t.nummer}/${stop.einddatum}`) ?? stop.einddatum;
        const limit = plusMonths(sent, months);
        if (dagtekening > limit) return reject('9319', c.region.maxMonthsAfterStopRule ?? 'maxMonthsAfterStop', `declared on ${dagtekening}, more than ${months} months after the JW307 of ${sent} (limit ${limit})`);
      }
    }
    return undefined;
  },
};

/** The order in which a debit line is judged; judging stops at nothing: every rejection is reported. */
const DEBIT_ORDER: (keyof DeclaratieChecks)[] = [
  'notDeleted', 'productCodeList', 'withinToewijzing', 'withinDeclaratiePeriode', 'periodBeginsOnFirst', 'periodEndsOnLast', 'sameProduct', 'unit', 'volume', 'volumeTotal', 'withinBudget', 'tariff', 'amount',
  'claimIsContractedShare', 'startClaimNeedsStart', 'stopClaimNeedsPlannedStop', 'declarationTerm', 'debitAfterCredit',
];

export class GemeenteDeclaratieFlow implements GemeenteFlow {
  readonly handlers;
  checks: DeclaratieChecks = { ...nationalDeclaratieChecks };
  /**
   * The one place that decides when the JW325 goes out: 0 = at once (200 with the 325);
   * n > 0 = 202 now and the 325 n werkdagen later through the party's schedule().
   */
  answerDelayWerkdagen = 0;
  /**
   * Rejections a scenario scripts on the harness's own municipality (to see what a provider does
   * with a rejected line, IJW-DECL-5): the next debit on the toewijzing gets this retourcode.
   */
  readonly scripted: { toewijzingNummer: number; retourcode: string }[] = [];
  private readonly stopDagtekening = new Map<string, string>();
  private restoreDelay: (() => void) | undefined;

  readonly g: ReferenceGemeente;

  constructor(g: ReferenceGemeente) {
    this.g = g;
    this.handlers = { JW323: (m: Jw323) => this.judge(m) };
    // Remember when each JW307 was sent (FRL-DECL-4 counts from it); the ledger keeps only the dates in it.
    g.onExchange((e) => {
      if (e.direction !== 'received' || e.code !== 'JW307' || e.httpStatus === 400) return;
      const dag = /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(e.xml)?.[1];
      const bsn = /<(?:[\w-]+:)?Bsn>([^<]+)</.exec(e.xml)?.[1];
      if (!dag || !bsn) return;
      for (const m of e.xml.matchAll(/<(?:[\w-]+:)?StopProduct>([\s\S]*?)<\/(?:[\w-]+:)?StopProduct>/g)) {
        const tnr = /<(?:[\w-]+:)?ToewijzingNummer>([^<]+)</.exec(m[1]!)?.[1];
        const eind = /<(?:[\w-]+:)?Einddatum>([^<]+)</.exec(m[1]!)?.[1];
        const key = `${bsn}/${tnr}/${eind}`;
        if (tnr && eind && !this.stopDagtekening.has(key)) this.stopDagtekening.set(key, dag);
      }
    });
    // Deferring one answer borrows the party's retour delay for that message only.
    const receive = g.receive.bind(g);
    g.receive = async (xml: string) => {
      try {
        return await receive(xml);
      } finally {
        this.restoreDelay?.();
        this.restoreDelay = undefined;
      }
    };
  }

  reset(): void {
    this.stopDagtekening.clear();
    this.scripted.length = 0;
  }

  /** Judges a declaration; the ledger takes in the approved lines at once, since a JW325 always follows. */
  judge(msg: Jw323): Judgement {
    this.deferIfLate();
    this.knownBsns = undefined;
    const g = this.g;
    const ledger = g.ledger;
    const aanbieder = msg.Header.Afzender;
    const nummer = msg.Declaratie.DeclaratieNummer;
    const numberKey = `${aanbieder}/${nummer}`;
    if (ledger.declaratieNummers.has(numberKey)) {
      // An error on class Declaratie: toegekend 0, and the declaration counts as not sent.
      return { findings: [crossFinding('JW323', '/Bericht/Declaratie/DeclaratieNummer', 'TR333', '9333', `DeclaratieNummer ${nummer} was already used by provider ${aanbieder}`)] };
    }
    const region = declRegion(g.config.region);
    const findings: Finding[] = [];
    const approved = new ApprovedPrestaties(approvedOf(ledger.prestaties.values()));
    // Live starts by toewijzing, oldest first, made once for all lines.
    const starts = new Map<number, StartRecord[]>();
    for (const s of ledger.starts) {
      if (s.deleted) continue;
      const list = starts.get(s.toewijzingNummer);
      if (list) list.push(s);
      else starts.set(s.toewijzingNummer, [s]);
    }
    for (const list of starts.values()) list.sort((a, b) => a.begindatum.localeCompare(b.begindatum));
    // ReferentieNummers delivered before or earlier in this message, without a copy of the
    // ledger's or a set of all 100,000: the approved ones are in `approved` already.
    const rejectedRefs = new Set<string>();
    const delivered = { has: (nummer: string) => ledger.prestaties.has(nummer) || approved.has(nummer) || rejectedRefs.has(nummer) };
    const records: PrestatieRecord[] = [];

    msg.Declaratie.Clienten.Client.forEach((client, ci) => {
      client.Prestaties.Prestatie.forEach((p, pi) => {
        const rejections = this.judgeLine(msg, client, p, aanbieder, region, approved, delivered, starts);
        const rec = toRecord(client.Bsn, p, rejections.length ? 'rejected' : 'approved', g.date);
        records.push(rec);
        if (rejections.length) {
          rejectedRefs.add(rec.referentieNummer);
          // The path only for a rejected line: most of 100,000 lines need none.
          const path = `/Bericht/Declaratie/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`;
          for (const r of rejections) findings.push({ ...crossFinding('JW323', path, r.rule, r.retourcode, r.text), ...(r.level ? { level: r.level } : {}) });
          return;
        }
        if (rec.debetCredit === 'C') {
          const debit = approved.referentie(rec.vorigReferentieNummer);
          if (debit) debit.credited = true;
        }
        approved.add(rec);
      });
    });

    ledger.declaratieNummers.add(numberKey);
    for (const r of records) {
      ledger.prestaties.set(r.referentieNummer, r);
      if (r.status === 'approved' && r.debetCredit === 'C' && r.vorigReferentieNummer) {
        const debit = ledger.prestaties.get(r.vorigReferentieNummer);
        if (debit) debit.credited = true;
      }
    }
    return { findings };
  }

  private judgeLine(msg: Jw323, client: Jw323Client, p: Jw323Prestatie, aanbieder: string, region: DeclRegion, approved: ApprovedPrestaties, delivered: LineContext['delivered'], starts: ReadonlyMap<number, StartRecord[]>): LineRejection[] {
    const t = this.g.ledger.toewijzingen.get(p.ToewijzingNummer);
    const clientKnown = this.g.ledger.clients.has(client.Bsn) || this.bsnsOfToewijzingen().has(client.Bsn);
    // One context per line, written as a literal (no spreads: 100,000 lines make four objects
    // each otherwise); the toewijzing's product and starts are filled in once TR338 passed.
    const c: LineContext = {
      msg, client, p, aanbieder, t: t!, product: undefined, region, starts: [], approved, delivered,
      stopDagtekening: this.stopDagtekening, clientKnown, productCodeFits: this.productCodeFits,
    };
    const own = this.checks.uniqueReferentie(c);
    if (own) return [own];
    const unknown = this.checks.knownClient(c);
    if (unknown) return [unknown];
    if (!t || t.bsn !== client.Bsn || t.aanbieder !== aanbieder) {
      return [reject('9338', 'TR338', `ToewijzingNummer ${p.ToewijzingNummer} is not a toewijzing of this client at provider ${aanbieder}`)];
    }
    c.product = declProduct(this.g.config.region, t.product.code ?? p.ProductCode);
    const live = starts.get(t.nummer);
    if (live) c.starts = live.filter((s) => s.bsn === client.Bsn);
    const i = this.scripted.findIndex((x) => x.toewijzingNummer === t.nummer);
    if (i >= 0 && p.IngediendBedrag.DebetCredit === 'D') {
      const [s] = this.scripted.splice(i, 1);
      return [reject(s!.retourcode, 'SCRIPTED', `rejected as the scenario dictates`)];
    }
    if (p.IngediendBedrag.DebetCredit === 'C') {
      return [this.checks.creditRefersToApprovedDebit(c) ?? this.checks.creditOnce(c) ?? this.checks.creditInFull(c)].filter((x): x is LineRejection => !!x);
    }
    const out: LineRejection[] = [];
    for (const name of DEBIT_ORDER) {
      const r = this.checks[name](c);
      if (r && !out.some((x) => x.retourcode === r.retourcode)) out.push(r);
      // Without the toewijzing's own product or period nothing else can be judged meaningfully.
      if (r && (name === 'notDeleted' || name === 'sameProduct')) break;
    }
    return out;
  }

  /** TR381 by the party's check (a faulty variant may replace that) for the region. */
  private readonly productCodeFits = (categorie: string, code: string) => this.g.productCodeFits(this.g.config.region, categorie, code);

  private knownBsns: Set<string> | undefined;
  /** The Bsns of all toewijzingen, made once per declaration (cleared in judge). */
  private bsnsOfToewijzingen(): Set<string> {
    if (this.knownBsns === undefined) {
      // Read in place: two copies of 100,000 toewijzingen first would be garbage of a few MB.
      this.knownBsns = new Set();
      for (const t of this.g.ledger.toewijzingen.values()) this.knownBsns.add(t.bsn);
    }
    return this.knownBsns;
  }

  /** Applies answerDelayWerkdagen to the JW325 of the message being judged only. */
  private deferIfLate(): void {
    if (this.answerDelayWerkdagen <= 0) return;
    const previous = this.g.retourDelayWerkdagen;
    this.g.retourDelayWerkdagen = this.answerDelayWerkdagen;
    this.restoreDelay = () => void (this.g.retourDelayWerkdagen = previous);
  }
}

/** The approved records, read in place (a ledger's, without copying it twice first). */
function* approvedOf(records: Iterable<PrestatieRecord>): Iterable<PrestatieRecord> {
  for (const r of records) if (r.status === 'approved') yield r;
}

function toRecord(bsn: string, p: Jw323Prestatie, status: PrestatieRecord['status'], today: string): PrestatieRecord {
  const vorig = p.ProductReferentie.VorigReferentieNummer;
  const tarief = p.ProductTarief;
  // The usual line (a tariff, no VorigReferentieNummer) as one literal with every field: a field
  // assigned afterwards goes to a separate array of the object, some 40 bytes more for each of
  // 100,000 records the ledger keeps. Other lines get their optional fields assigned.
  if (!vorig && tarief !== undefined) {
    return status === 'approved'
      ? {
          referentieNummer: p.ProductReferentie.ReferentieNummer, bsn, toewijzingNummer: p.ToewijzingNummer, categorie: p.ProductCategorie, code: p.ProductCode,
          begindatum: p.ProductPeriode.Begindatum, einddatum: p.ProductPeriode.Einddatum, volume: p.GeleverdVolume, eenheid: p.Eenheid, bedrag: p.IngediendBedrag.Bedrag,
          debetCredit: p.IngediendBedrag.DebetCredit as 'D' | 'C', status, tarief, approvedOn: today,
        }
      : {
          referentieNummer: p.ProductReferentie.ReferentieNummer, bsn, toewijzingNummer: p.ToewijzingNummer, categorie: p.ProductCategorie, code: p.ProductCode,
          begindatum: p.ProductPeriode.Begindatum, einddatum: p.ProductPeriode.Einddatum, volume: p.GeleverdVolume, eenheid: p.Eenheid, bedrag: p.IngediendBedrag.Bedrag,
          debetCredit: p.IngediendBedrag.DebetCredit as 'D' | 'C', status, tarief,
        };
  }
  const rec: PrestatieRecord = {
    referentieNummer: p.ProductReferentie.ReferentieNummer,
    bsn,
    toewijzingNummer: p.ToewijzingNummer,
    categorie: p.ProductCategorie,
    code: p.ProductCode,
    begindatum: p.ProductPeriode.Begindatum,
    einddatum: p.ProductPeriode.Einddatum,
    volume: p.GeleverdVolume,
    eenheid: p.Eenheid,
    bedrag: p.IngediendBedrag.Bedrag,
    debetCredit: p.IngediendBedrag.DebetCredit as 'D' | 'C',
    status,
  };
  if (vorig) rec.vorigReferentieNummer = vorig;
  if (tarief !== undefined) rec.tarief = tarief;
  if (status === 'approved') rec.approvedOn = today;
  return rec;
}

/** The declaration flow of a reference municipality (for faulty variants and steps). */
export function declaratieFlowOf(g: ReferenceGemeente): GemeenteDeclaratieFlow {
  const f = g.flows.find((x): x is GemeenteDeclaratieFlow => x instanceof GemeenteDeclaratieFlow);
  if (!f) throw new Error('The declaration flow is not registered (import simulators/flows.ts)');
  return f;
}

gemeenteFlows.push((g) => new GemeenteDeclaratieFlow(g));
