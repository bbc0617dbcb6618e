/**
 * The provider's declarations: it records delivered care (`record-care`), declares a month per
 * municipality by the region's declaration rules (`declare` → one JW323), corrects an approved
 * line with a credit and the corrected debit in one message (`correct-declaration`), and takes
 * in the JW325 (lines approved or rejected; rejected lines are never credited: IJW-DECL-5).
 *
 * What goes into a line is decided here, from the facts: the toewijzing (JW301), the accepted
 * starts and stops (JW306/JW308), the recorded care and the profile. How a line's content is
 * computed is one named function per step in `rules`, so a faulty variant replaces one.
 */
import type { Jw323, Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import type { Jw325 } from '../../ijw/messages/jw325.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Finding } from '../../ijw/findings.ts';
import { readMessage } from '../../ijw/messages/registry.ts';
import { ActionRefused, type Action } from '../actions.ts';
import { isDeleted, liveStops, type LineAmounts, type PrestatieRecord, type StartRecord, type Toewijzing } from '../ledger.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';
import { aanbiederFlows, type AanbiederFlow } from './flows.ts';
import {
  declProduct, declRegion, tariffFor, maxDate, minDate, monthEnd, monthOf, monthStart, monthlyOfYearly, plusMonths, roundHours, share, unitFits,
  type DeclProduct,
} from '../gemeente/declaratie-rules.ts';

/** Care delivered on a toewijzing, as recorded by the provider. */
export interface CareRecord {
  toewijzingNummer: number;
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  /** Planned care the client missed: kept for the record, never declared (ALK-D4, SAP §2.6.3/2.6.4). */
  absence?: 'planned' | 'no-show';
  /** An intake, kennismaking or orientation: not the start of care (UTR-START-1). */
  intake?: boolean;
}

/** One line the provider means to declare (before numbering). */
export interface PlannedLine extends LineAmounts {
  t: Toewijzing;
  vorigReferentieNummer?: string;
  /** The claim this line makes (percentage products), released again if the line is rejected. */
  claim?: string;
}

export interface DeclaratieRules {
  /** Per-unit products: the recorded care of the month as volume, unit and tariff (IJW-DECL-3, ALK-D2). */
  perUnit(a: ReferenceAanbieder, t: Toewijzing, product: DeclProduct, care: CareRecord[]): { volume: number; eenheid: string; tarief?: number; bedrag: number } | undefined;
  /** Share of the trajectory tariff after the JW305 (AMS-INT-1, AMS-BEH-1, AMS-DYS-1). */
  startShare(product: DeclProduct): number;
  /** Whether recorded care may be declared: absence is not (ALK-D4). */
  declarable(c: CareRecord): boolean;
  /** Whether recorded care is the start of care: an intake or orientation is not, nor absence (UTR-START-1). */
  startsCare(c: CareRecord): boolean;
  /** Share after a JW307 with this reden: the contracted share after reden 31, nothing otherwise (AMS-INT-2/3). */
  stopShare(product: DeclProduct, reden: string): number;
  /** The unit a percentage claim is declared in (AMS-INT-5: 83, euro). */
  claimUnit(product: DeclProduct): string;
  /** The lines of a correction in the order they are sent: the credit of the approved line, then the corrected debit (IJW-DECL-4, AMS-CRED-1). */
  correction(credit: PlannedLine, debit: PlannedLine): PlannedLine[];
  /**
   * Why `month` cannot be declared on `today`, or undefined: a month is declared after it has
   * ended (FRL-DECL-5 "maandelijks achteraf"; TR137: the DeclaratiePeriode ends no later than the Dagtekening).
   */
  notDeclarableYet(month: string, today: string): string | undefined;
  /**
   * Whether the care of a toewijzing and month was declared already (`care:<nr>:<month>`): a month is
   * declared once, in full, never in terms (TR389; ZLM-D5 "niet in meerdere termijnen"); more care
   * recorded later is a correction (credit and new debit), not a second debit.
   */
  alreadyDeclared(claimed: ReadonlySet<string>, claim: string): boolean;
  /** The JW323s the lines of one month and one municipality go in: one batch with the lines of every client (ALK-D1, ZLM-D4). */
  batches(lines: PlannedLine[]): PlannedLine[][];
  /**
   * Whether an approved debit lies outside its toewijzing as it stands now: the toewijzing was
   * withdrawn (einddatum = ingangsdatum, or deleted), or the line's ProductPeriode reaches past
   * its (shortened) dates. Such lines are credited where the region's policy
   * `creditOutsideToewijzing` says so (ZLM-CR-2, ZLM-CR-3).
   */
  outsideToewijzing(t: Toewijzing, line: PrestatieRecord): boolean;
}

export const referenceDeclaratieRules: DeclaratieRules = {
  perUnit(a, t, product, care) {
    const allocated = t.omvang?.eenheid ?? product.eenheid;
    // UTR-DECL-1: the tariff of the year of care (December care declared in January keeps December's),
    // or of the toewijzing's ingangsdatum where the region's tariff-year policy says so for this eenheid.
    const tariff = care[0] ? tariffFor(product, t, care[0].begindatum) : product.tariff;
    const minutes = care.filter((c) => c.eenheid === '01').reduce((s, c) => s + c.volume, 0);
    const same = care.filter((c) => c.eenheid !== '01').reduce((s, c) => s + c.volume, 0);
    if (allocated === '04' && minutes > 0) {
      const totalMinutes = minutes + same * 60;
      if (product.hoursRounding) {
        // ALK-D2: sum over the month, then round as the profile says (IV079: < 30 minutes down, ≥ 30 up, at least 1 hour).
        const hours = roundHours(totalMinutes, a.config.region.declaration.hoursRounding?.value);
        return tariff === undefined ? undefined : { volume: hours, eenheid: '04', tarief: tariff, bedrag: hours * tariff };
      }
      // IJW-DECL-3: hours allocated, minutes declared; IV081: hourly tariff × minutes / 60, rounded at the end.
      if (tariff === undefined) return undefined;
      return { volume: totalMinutes, eenheid: '01', tarief: Math.round(tariff / 60), bedrag: Math.round((tariff * totalMinutes) / 60) };
    }
    if (allocated === '83') return { volume: same, eenheid: '83', bedrag: same };
    if (tariff === undefined) return undefined;
    return { volume: same, eenheid: allocated, tarief: tariff, bedrag: same * tariff };
  },
  startShare: (p) => p.afterStart ?? 0,
  declarable: (c) => !c.absence,
  startsCare: (c) => !c.absence && !c.intake,
  stopShare: (p, reden) => (reden === '31' ? (p.afterStopPlan ?? 0) : 0),
  claimUnit: () => '83',
  correction: (credit, debit) => [credit, debit],
  notDeclarableYet: (month, today) => (today > monthEnd(month) ? undefined : `${month} has not ended on ${today}: a month is declared afterwards (FRL-DECL-5, TR137)`),
  alreadyDeclared: (claimed, claim) => claimed.has(claim),
  batches: (lines) => [lines],
  outsideToewijzing: (t, line) =>
    isDeleted(t) || t.einddatum === t.ingangsdatum || line.begindatum < t.ingangsdatum || (t.einddatum !== undefined && line.einddatum > t.einddatum),
};

/** Corrections of approved lines are due within this many months of the approval (ALK-D5). */
function correctionMonths(a: ReferenceAanbieder): number | undefined {
  const d = (a.config.region as unknown as { declaration?: { correctionMonths?: number | { value: number } } }).declaration?.correctionMonths;
  return typeof d === 'number' ? d : d?.value;
}

export class AanbiederDeclaratieFlow implements AanbiederFlow {
  readonly handlers = {};
  rules: DeclaratieRules = { ...referenceDeclaratieRules };
  readonly care: CareRecord[] = [];
  /** Claims made on percentage products (`start:<nr>:<begindatum>`, `stop:<nr>:<einddatum>`) and monthly lines sent. */
  readonly claimed = new Set<string>();
  answerChecks: AnswerChecks = { ...referenceAnswerChecks };
  /** Lines per sent declaration, by the JW323's Identificatie. */
  private readonly sent = new Map<string, { referenties: string[]; claims: Map<string, string> }>();
  private seq = 0;

  readonly a: ReferenceAanbieder;

  constructor(a: ReferenceAanbieder) {
    this.a = a;
  }

  reset(): void {
    this.care.length = 0;
    this.claimed.clear();
    this.sent.clear();
    this.seq = 0;
  }

  async perform(action: Action): Promise<boolean> {
    switch (action.action) {
      case 'record-care':
        this.recordCare(action.toewijzingNummer, action.begindatum, action.einddatum ?? action.begindatum, action.volume, action.eenheid, action.absence, action.intake);
        return true;
      case 'declare':
        await this.declare(action.month);
        return true;
      case 'correct-declaration':
        await this.correct(action.referentieNummer, action.volume);
        return true;
      default:
        return false;
    }
  }

  recordCare(nummer: number, begindatum: string, einddatum: string, volume: number, eenheid?: string, absence?: 'planned' | 'no-show', intake?: boolean): void {
    const t = this.a.toewijzing(nummer);
    const allocated = t.omvang?.eenheid ?? declProduct(this.a.config.region, t.product.code)?.eenheid ?? '';
    const unit = eenheid ?? allocated;
    if (allocated && !unitFits(allocated, unit)) {
      throw refusal(this.a, `Care on toewijzing ${nummer} is allocated in eenheid ${allocated}; it cannot be recorded in eenheid ${unit}`);
    }
    this.care.push({ toewijzingNummer: nummer, begindatum, einddatum, volume, eenheid: unit, ...(absence ? { absence } : {}), ...(intake ? { intake } : {}) });
  }

  /** The accepted starts of a toewijzing, oldest first. */
  private starts(t: Toewijzing): StartRecord[] {
    return this.a.ledger.starts.filter((s) => !s.deleted && s.toewijzingNummer === t.nummer).sort((x, y) => x.begindatum.localeCompare(y.begindatum));
  }

  /**
   * The ProductPeriode of a line in `month`: the month, clipped only to the toewijzing (TR387,
   * TR388; IV089: not to the start or stop of care, whatever a regional text says, AMS-PER-1).
   */
  private productPeriode(t: Toewijzing, month: string): { begindatum: string; einddatum: string } | undefined {
    const begindatum = maxDate(monthStart(month), t.ingangsdatum);
    const einddatum = minDate(monthEnd(month), t.einddatum);
    return begindatum <= einddatum ? { begindatum, einddatum } : undefined;
  }

  /** The start whose care window overlaps the month (the latest). */
  private startIn(t: Toewijzing, month: string): StartRecord | undefined {
    return this.starts(t).filter((s) => s.begindatum <= monthEnd(month) && !liveStops(s).some((x) => x.einddatum < monthStart(month) && x.reden !== '20')).at(-1)
      ?? this.starts(t).filter((s) => s.begindatum <= monthEnd(month)).at(-1);
  }

  /** The lines for one toewijzing in one month, by its product's declaration rule. */
  private linesFor(t: Toewijzing, month: string): PlannedLine[] {
    const product = declProduct(this.a.config.region, t.product.code);
    if (!product) return [];
    const lines: PlannedLine[] = [];
    if (product.kind === 'percentage') {
      if (product.tariff === undefined) return [];
      for (const s of this.starts(t)) {
        const startMonth = monthOf(s.begindatum);
        const startShare = this.rules.startShare(product);
        const startClaim = `start:${t.nummer}:${s.begindatum}`;
        if (startShare > 0 && startMonth <= month && !this.claimed.has(startClaim)) {
          const pp = this.productPeriode(t, startMonth);
          const amount = share(product.tariff, startShare);
          if (pp) lines.push({ t, ...pp, volume: amount, eenheid: this.rules.claimUnit(product), bedrag: amount, debetCredit: 'D', claim: startClaim });
        }
        for (const stop of liveStops(s).filter((x) => x.reden !== '20')) {
          const stopClaim = `stop:${t.nummer}:${stop.einddatum}`;
          const stopShare = this.rules.stopShare(product, stop.reden);
          if (stopShare <= 0 || monthOf(stop.einddatum) > month || this.claimed.has(stopClaim)) continue;
          const pp = this.productPeriode(t, monthOf(stop.einddatum));
          const amount = share(product.tariff, stopShare);
          if (pp) lines.push({ t, ...pp, volume: amount, eenheid: this.rules.claimUnit(product), bedrag: amount, debetCredit: 'D', claim: stopClaim });
        }
      }
      return lines;
    }
    if (product.kind === 'monthly-of-yearly') {
      const s = this.startIn(t, month);
      const claim = `month:${t.nummer}:${month}`;
      if (!s || product.tariff === undefined || this.claimed.has(claim)) return [];
      // The last month is declared whatever the reden (AMS-DUUR-1); nothing after it.
      const stop = liveStops(s).filter((x) => x.reden !== '20').at(-1);
      if (stop && stop.einddatum < monthStart(month)) return [];
      const pp = this.productPeriode(t, month);
      const tarief = monthlyOfYearly(product.tariff);
      return pp ? [{ t, ...pp, volume: 1, eenheid: '82', tarief, bedrag: tarief, debetCredit: 'D', claim }] : [];
    }
    // per-unit and euro: the recorded care of the month.
    const care = this.care.filter((c) => c.toewijzingNummer === t.nummer && monthOf(c.begindatum) === month && this.rules.declarable(c));
    const claim = `care:${t.nummer}:${month}`;
    if (!care.length || this.rules.alreadyDeclared(this.claimed, claim)) return [];
    const content = this.rules.perUnit(this.a, t, product, care);
    const pp = this.productPeriode(t, month);
    if (!content || !pp || content.volume <= 0) return [];
    return [{ t, ...pp, ...content, debetCredit: 'D', claim }];
  }

  /** Sends one JW323 per municipality for `month` (YYYY-MM) from what was recorded. */
  async declare(month: string): Promise<void> {
    const early = this.rules.notDeclarableYet(month, this.a.date);
    if (early) throw refusal(this.a, early);
    const byGemeente = new Map<string, PlannedLine[]>();
    const credits = declRegion(this.a.config.region).creditOutsideToewijzing;
    for (const t of this.a.ledger.toewijzingen.values()) {
      // Credits first: within one client a credit precedes the debit (AMS-CRED-1 reads the same way).
      const lines = [...(credits ? this.creditsOutside(t) : []), ...this.linesFor(t, month)];
      for (const l of lines) byGemeente.set(t.gemeente, [...(byGemeente.get(t.gemeente) ?? []), l]);
    }
    if (!byGemeente.size) throw refusal(this.a, `Nothing to declare for ${month}: no recorded care, start or stop gives a declarable line`);
    for (const [gemeente, lines] of byGemeente) for (const batch of this.rules.batches(lines)) await this.send(gemeente, month, batch);
  }

  /**
   * Credit lines for the approved debits on `t` that a shortened or withdrawn toewijzing no
   * longer covers (ZLM-CR-2, ZLM-CR-3): each repeats its debit in full, with VorigReferentieNummer.
   */
  private creditsOutside(t: Toewijzing): PlannedLine[] {
    return [...this.a.ledger.prestaties.values()]
      .filter((r) => r.toewijzingNummer === t.nummer && r.debetCredit === 'D' && r.status === 'approved' && !r.credited && !this.claimed.has(`credit:${r.referentieNummer}`) && this.rules.outsideToewijzing(t, r))
      .map((r) => ({
        t, begindatum: r.begindatum, einddatum: r.einddatum, volume: r.volume, eenheid: r.eenheid, ...(r.tarief !== undefined ? { tarief: r.tarief } : {}),
        bedrag: r.bedrag, debetCredit: 'C', vorigReferentieNummer: r.referentieNummer, claim: `credit:${r.referentieNummer}`,
      }));
  }

  /** Credits an approved line and declares the corrected one in the same message (credit first). */
  async correct(referentieNummer: string, volume: number): Promise<void> {
    const line = this.a.ledger.prestaties.get(referentieNummer);
    if (!line || line.status !== 'approved' || line.debetCredit !== 'D') throw refusal(this.a, `Line ${referentieNummer} is not an approved debit: only approved lines are corrected (rejected ones are declared again, not credited)`);
    if (line.credited) throw refusal(this.a, `Line ${referentieNummer} was already credited`);
    const months = correctionMonths(this.a);
    if (months !== undefined && line.approvedOn && this.a.date > plusMonths(line.approvedOn, months)) {
      throw refusal(this.a, `Line ${referentieNummer} was approved on ${line.approvedOn}; corrections are due within ${months} months of approval (by ${plusMonths(line.approvedOn, months)})`);
    }
    const t = this.a.toewijzing(line.toewijzingNummer);
    const base = { t, begindatum: line.begindatum, einddatum: line.einddatum, eenheid: line.eenheid, ...(line.tarief !== undefined ? { tarief: line.tarief } : {}) };
    const credit: PlannedLine = { ...base, volume: line.volume, bedrag: line.bedrag, debetCredit: 'C', vorigReferentieNummer: line.referentieNummer };
    const bedrag = line.eenheid === '83' || line.tarief === undefined ? volume : volume * line.tarief;
    const debit: PlannedLine = { ...base, volume, bedrag, debetCredit: 'D' };
    // The latest complete month is the DeclaratiePeriode (every date in a 323 lies before its Dagtekening).
    const current = monthOf(plusMonths(monthStart(monthOf(this.a.date)), -1));
    await this.send(t.gemeente, maxDate(`${current}-01`, `${monthOf(line.einddatum)}-01`).slice(0, 7), this.rules.correction(credit, debit));
  }

  private nextNumber(prefix: string, width: number): string {
    this.seq++;
    return `${prefix}${this.a.date.replaceAll('-', '').slice(2, 6)}${String(this.seq).padStart(width, '0')}`;
  }

  /**
   * The harness's own provider may send what a scenario dictates (deliberately wrong lines):
   * `mutate` changes the next JW323 just before it goes out. A system under test never gets one.
   */
  mutate: ((msg: Jw323) => void) | undefined;

  private async send(gemeente: string, month: string, planned: PlannedLine[]): Promise<void> {
    const byClient = new Map<string, PlannedLine[]>();
    for (const l of planned) byClient.set(l.t.bsn, [...(byClient.get(l.t.bsn) ?? []), l]);
    const claims = new Map<string, string>();
    const clients = [...byClient].map(([bsn, lines]) => ({
      Bsn: bsn,
      Prestaties: {
        Prestatie: lines.map((l): Jw323Prestatie => {
          const ref = this.nextNumber('P', 6);
          if (l.claim) claims.set(ref, l.claim);
          return {
            ProductReferentie: { ReferentieNummer: ref, ...(l.vorigReferentieNummer ? { VorigReferentieNummer: l.vorigReferentieNummer } : {}) },
            ToewijzingNummer: l.t.nummer,
            ProductCategorie: l.t.product.categorie as never,
            ProductCode: l.t.product.code ?? '',
            ProductPeriode: { Begindatum: l.begindatum, Einddatum: l.einddatum },
            GeleverdVolume: l.volume,
            Eenheid: l.eenheid as never,
            // CD087: ProductTarief only when the unit is not 83 (euro).
            ...(l.eenheid !== '83' && l.tarief !== undefined ? { ProductTarief: l.tarief } : {}),
            IngediendBedrag: { Bedrag: l.bedrag, DebetCredit: l.debetCredit as never },
          };
        }),
      },
    }));
    const header = { ...this.a['header']('JW323'), Ontvanger: gemeente } as unknown as Jw323['Header'];
    const msg: Jw323 = {
      Header: header,
      Declaratie: {
        DeclaratieNummer: this.nextNumber('D', 4),
        DeclaratiePeriode: { Begindatum: monthStart(month), Einddatum: monthEnd(month) },
        DeclaratieDagtekening: this.a.date,
        TotaalIngediendBedrag: totaal(clients.flatMap((c) => c.Prestaties.Prestatie)),
        Clienten: { Client: clients },
      },
    };
    if (this.mutate) {
      const m = this.mutate;
      this.mutate = undefined;
      m(msg);
      msg.Declaratie.TotaalIngediendBedrag = totaal(msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie));
    }
    const records: PrestatieRecord[] = msg.Declaratie.Clienten.Client.flatMap((c) =>
      c.Prestaties.Prestatie.map((p) => ({
        referentieNummer: p.ProductReferentie.ReferentieNummer,
        ...(p.ProductReferentie.VorigReferentieNummer ? { vorigReferentieNummer: p.ProductReferentie.VorigReferentieNummer } : {}),
        bsn: c.Bsn, toewijzingNummer: p.ToewijzingNummer, categorie: p.ProductCategorie, code: p.ProductCode,
        begindatum: p.ProductPeriode.Begindatum, einddatum: p.ProductPeriode.Einddatum, volume: p.GeleverdVolume, eenheid: p.Eenheid,
        ...(p.ProductTarief !== undefined ? { tarief: p.ProductTarief } : {}),
        bedrag: p.IngediendBedrag.Bedrag, debetCredit: p.IngediendBedrag.DebetCredit as 'D' | 'C', status: 'submitted' as const,
      })),
    );
    // A number used twice (a dictated mistake) must not overwrite the approved line in the books.
    for (const r of records) if (!this.a.ledger.prestaties.has(r.referentieNummer)) this.a.ledger.prestaties.set(r.referentieNummer, r);
    for (const c of claims.values()) this.claimed.add(c);
    this.sent.set(header.BerichtIdentificatie.Identificatie, { referenties: records.map((r) => r.referentieNummer), claims });
    await this.a.send('JW323', msg);
  }

  /** Judges a JW325 against the JW323 it names, as this provider sent it (the transcript). */
  judgeAnswer(code: MessageCode, model: unknown): Finding[] {
    if (code !== 'JW325') return [];
    const answer = model as Jw325;
    const id = answer.Header.DeclaratieIdentificatie.Identificatie;
    const sent323 = this.a.transcript.filter((e) => e.direction === 'sent' && e.code === 'JW323');
    let declaratie: Jw323 | undefined;
    const sentIds: string[] = [];
    for (const e of sent323.toReversed()) {
      try {
        const r = readMessage(e.xml);
        if (r.code !== 'JW323') continue;
        const m = r.model as Jw323;
        sentIds.push(m.Header.BerichtIdentificatie.Identificatie);
        if (m.Header.BerichtIdentificatie.Identificatie === id) {
          declaratie = m;
          break;
        }
      } catch {
        /* a JW323 sent broken on purpose is answered by no JW325 */
      }
    }
    const c = { answer, declaratie, sentIds };
    const first = this.answerChecks.refersToDeclaratie(c);
    if (!declaratie) return first;
    const d = { ...c, declaratie };
    const ch = this.answerChecks;
    return [...first, ...ch.xsdVersie(d), ...ch.declaratieNummer(d), ...ch.clientBsn(d), ...ch.prestatieRelated(d), ...ch.prestatieValues(d)];
  }

  /** Takes in a JW325: approved lines become approved (a credit marks its debit credited); rejected lines stay rejected. */
  async onRetour(code: MessageCode, model: unknown): Promise<void> {
    if (code !== 'JW325') return;
    const m = model as Jw325;
    const sent = this.sent.get(m.Header.DeclaratieIdentificatie.Identificatie);
    if (!sent) return;
    const header = m.Header.RetourCodes.RetourCode;
    const answer = m.DeclaratieAntwoord;
    const wholeRejected = header.some((c) => c !== '0200') || (answer && !answer.RetourCodes.RetourCode.some((c) => c === '8001' || c === '0200'));
    const rejected = new Set((answer?.Clienten?.Client ?? []).flatMap((c) => c.Prestaties.Prestatie.map((p) => p.ProductReferentie.ReferentieNummer)));
    for (const ref of sent.referenties) {
      const r = this.a.ledger.prestaties.get(ref);
      if (!r) continue;
      const claim = sent.claims.get(ref);
      if (wholeRejected) {
        // Not processed: as if never sent (the numbers stay used).
        this.a.ledger.prestaties.delete(ref);
        if (claim) this.claimed.delete(claim);
        continue;
      }
      if (rejected.has(ref)) {
        r.status = 'rejected';
        // IJW-DECL-5: not credited; the claim is free to be declared again, corrected.
        if (claim) this.claimed.delete(claim);
        continue;
      }
      r.status = 'approved';
      r.approvedOn = this.a.date;
      if (r.debetCredit === 'C' && r.vorigReferentieNummer) {
        const debit = this.a.ledger.prestaties.get(r.vorigReferentieNummer);
        if (debit) debit.credited = true;
      }
    }
  }
}

/** A JW325 and the JW323 it answers (as this provider sent it), for the checks of the answer. */
export interface AnswerContext {
  answer: Jw325;
  /** The JW323 whose Identificatie the JW325 names; undefined when this provider sent none with it. */
  declaratie: Jw323 | undefined;
  /** Identificaties of the JW323s this provider sent (for the text of a TR337 finding). */
  sentIds: readonly string[];
}

type AnswerCheck = (c: AnswerContext & { declaratie: Jw323 }) => Finding[];

/**
 * What the provider holds a JW325 to. A JW325 has no retour, so a mismatch is not answered: the
 * reference provider reports it as a finding on the municipality (ReferenceParty.judgeAnswer).
 * Each check is named so a faulty variant replaces exactly one.
 */
export interface AnswerChecks {
  /** TR337: DeclaratieIdentificatie is the BerichtIdentificatie (Identificatie and Dagtekening) of a JW323 this provider sent. */
  refersToDeclaratie(c: AnswerContext): Finding[];
  /** TR371: XsdVersieDeclaratie equals the XsdVersie of that JW323. */
  xsdVersie: AnswerCheck;
  /** TR376: DeclaratieNummer equals that of the JW323. */
  declaratieNummer: AnswerCheck;
  /** TR304 → 8187: each Client's Bsn is that of a client of the JW323. */
  clientBsn: AnswerCheck;
  /** TR366 → 9366: each Prestatie relates to a prestatie of the JW323 by ProductReferentie. */
  prestatieRelated: AnswerCheck;
  /** TR367 → 9367: every value of such a Prestatie equals the JW323's. */
  prestatieValues: AnswerCheck;
}

const answerFinding = (path: string, rule: string, retourcode: string | undefined, text: string): Finding => ({ message: 'JW325', path, rule, level: 3, ...(retourcode ? { retourcode } : {}), text });
const ANTWOORD = '/Bericht/DeclaratieAntwoord';

/** Each Prestatie of the JW325 with its path and the JW323 line of the same ReferentieNummer (if any). */
function answerLines(c: AnswerContext & { declaratie: Jw323 }) {
  const sent = new Map<string, { bsn: string; p: Jw323Prestatie }>();
  for (const cl of c.declaratie.Declaratie.Clienten.Client) for (const p of cl.Prestaties.Prestatie) sent.set(p.ProductReferentie.ReferentieNummer, { bsn: cl.Bsn, p });
  return (c.answer.DeclaratieAntwoord?.Clienten?.Client ?? []).flatMap((cl, ci) =>
    cl.Prestaties.Prestatie.map((p, pi) => ({ bsn: cl.Bsn, p, clientPath: `${ANTWOORD}/Clienten/Client[${ci + 1}]`, path: `${ANTWOORD}/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${pi + 1}]`, sent: sent.get(p.ProductReferentie.ReferentieNummer) })),
  );
}

/** The elements TR367 compares, as path → value. */
function values(p: { ProductReferentie: { VorigReferentieNummer?: string | undefined }; ToewijzingNummer: number; ProductCategorie: string; ProductCode: string; ProductPeriode: { Begindatum: string; Einddatum: string }; GeleverdVolume: number; Eenheid: string; ProductTarief?: number | undefined; IngediendBedrag: { Bedrag: number; DebetCredit: string } }): Record<string, unknown> {
  return {
    'ProductReferentie/VorigReferentieNummer': p.ProductReferentie.VorigReferentieNummer,
    ToewijzingNummer: p.ToewijzingNummer,
    ProductCategorie: p.ProductCategorie,
    ProductCode: p.ProductCode,
    'ProductPeriode/Begindatum': p.ProductPeriode.Begindatum,
    'ProductPeriode/Einddatum': p.ProductPeriode.Einddatum,
    GeleverdVolume: p.GeleverdVolume,
    Eenheid: p.Eenheid,
    ProductTarief: p.ProductTarief,
    'IngediendBedrag/Bedrag': p.IngediendBedrag.Bedrag,
    'IngediendBedrag/DebetCredit': p.IngediendBedrag.DebetCredit,
  };
}

export const referenceAnswerChecks: AnswerChecks = {
  refersToDeclaratie({ answer, declaratie, sentIds }) {
    const ref = answer.Header.DeclaratieIdentificatie;
    if (!declaratie) return [answerFinding('/Bericht/Header/DeclaratieIdentificatie/Identificatie', 'TR337', undefined, `DeclaratieIdentificatie ${ref.Identificatie} is not the Identificatie of a JW323 this provider sent (${sentIds.join(', ') || 'none sent'})`)];
    const d = declaratie.Header.BerichtIdentificatie.Dagtekening;
    return ref.Dagtekening === d ? [] : [answerFinding('/Bericht/Header/DeclaratieIdentificatie/Dagtekening', 'TR337', undefined, `DeclaratieIdentificatie has Dagtekening ${ref.Dagtekening}; JW323 ${ref.Identificatie} was dated ${d}`)];
  },
  xsdVersie({ answer, declaratie }) {
    const got = answer.Header.XsdVersieDeclaratie;
    const want = declaratie.Header.XsdVersie;
    return got.BasisschemaXsdVersie === want.BasisschemaXsdVersie && got.BerichtXsdVersie === want.BerichtXsdVersie
      ? []
      : [answerFinding('/Bericht/Header/XsdVersieDeclaratie', 'TR371', undefined, `XsdVersieDeclaratie ${got.BasisschemaXsdVersie}/${got.BerichtXsdVersie}; the JW323 has XsdVersie ${want.BasisschemaXsdVersie}/${want.BerichtXsdVersie}`)];
  },
  declaratieNummer({ answer, declaratie }) {
    const got = answer.DeclaratieAntwoord?.DeclaratieNummer;
    const want = declaratie.Declaratie.DeclaratieNummer;
    return got === undefined || got === want ? [] : [answerFinding(`${ANTWOORD}/DeclaratieNummer`, 'TR376', undefined, `DeclaratieNummer ${got}; the JW323 has ${want}`)];
  },
  clientBsn({ answer, declaratie }) {
    const bsns = new Set(declaratie.Declaratie.Clienten.Client.map((c) => c.Bsn));
    return (answer.DeclaratieAntwoord?.Clienten?.Client ?? []).flatMap((c, i) =>
      bsns.has(c.Bsn) ? [] : [answerFinding(`${ANTWOORD}/Clienten/Client[${i + 1}]/Bsn`, 'TR304', '8187', `Bsn ${c.Bsn} is not that of a client of the JW323`)],
    );
  },
  prestatieRelated: (c) =>
    answerLines(c).flatMap((l) => (l.sent ? [] : [answerFinding(`${l.path}/ProductReferentie/ReferentieNummer`, 'TR366', '9366', `ReferentieNummer ${l.p.ProductReferentie.ReferentieNummer} is not a prestatie of the JW323`)])),
  prestatieValues: (c) =>
    answerLines(c).flatMap((l) => {
      if (!l.sent) return [];
      const want = values(l.sent.p);
      const got = values(l.p);
      const diff = Object.keys(want).filter((k) => want[k] !== got[k]);
      if (l.sent.bsn !== l.bsn) diff.unshift('Bsn');
      return diff.length
        ? [answerFinding(diff[0] === 'Bsn' ? `${l.clientPath}/Bsn` : `${l.path}/${diff[0]}`, 'TR367', '9367', `prestatie ${l.p.ProductReferentie.ReferentieNummer}: ${diff.map((k) => (k === 'Bsn' ? `Bsn ${l.bsn}, declared under ${l.sent!.bsn}` : `${k} ${String(got[k] ?? 'empty')}, declared ${String(want[k] ?? 'empty')}`)).join('; ')}`)]
        : [];
    }),
};

/** TR358: the total of the lines, debit positive and credit negative; CS325: 0 is debet. */
function totaal(ps: Jw323Prestatie[]): Jw323['Declaratie']['TotaalIngediendBedrag'] {
  const t = ps.reduce((s, p) => s + (p.IngediendBedrag.DebetCredit === 'C' ? -p.IngediendBedrag.Bedrag : p.IngediendBedrag.Bedrag), 0);
  return { TotaalBedrag: Math.abs(t), DebetCredit: (t < 0 ? 'C' : 'D') as never };
}

/** A refusal of the action (HTTP 422 on the adapter protocol). */
function refusal(_a: ReferenceAanbieder, message: string): Error {
  return new ActionRefused(message);
}

/** The declaration flow of a reference provider (for faulty variants and steps). */
export function aanbiederDeclaratieFlowOf(a: ReferenceAanbieder): AanbiederDeclaratieFlow {
  const f = a.flows.find((x): x is AanbiederDeclaratieFlow => x instanceof AanbiederDeclaratieFlow);
  if (!f) throw new Error('The declaration flow is not registered (import simulators/flows.ts)');
  return f;
}

aanbiederFlows.push((a) => new AanbiederDeclaratieFlow(a));
