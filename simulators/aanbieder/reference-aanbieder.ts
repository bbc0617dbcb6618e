/**
 * The reference provider: takes in toewijzingen (JW301 → JW302), starts and stops care
 * (JW305/JW307) on request, and through its flow modules requests allocations and changes
 * (JW315/JW317) and declares (JW323).
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw301, Jw301ToegewezenProduct } from '../../ijw/messages/jw301.ts';
import type { Jw305 } from '../../ijw/messages/jw305.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import { crossFinding, ReferenceParty, type Handlers, type Judgement, type PartyConfig } from '../party.ts';
import { emptyLedger, isCurrent, liveStops, type Ledger, type StartRecord, type Toewijzing } from '../ledger.ts';
import type { Action } from '../actions.ts';
import { clientFromMessage, clientIdentity, verkorteNaam } from '../client-xml.ts';
import type { Fault } from '../faults/fault.ts';
import type { Finding } from '../../ijw/findings.ts';
import { aanbiederFlows, type AanbiederFlow } from './flows.ts';

/** A ToegewezenProduct of a received JW301, as the provider's checks see it. */
export interface ReceivedToewijzing {
  gemeente: string;
  bsn: string;
  p: Jw301ToegewezenProduct;
}

/** The provider's cross-message checks on a JW301 (each named, so a faulty variant replaces one); a text is a rejection. */
export interface ToewijzingChecks {
  /** TR332 → 9332: a ToewijzingNummer of this municipality belongs to one toegewezen product (client and product). */
  uniqueNummer(ledger: Ledger, r: ReceivedToewijzing): string | undefined;
  /** TR385 → 9385: no deletion (RedenWijziging 13) of a toewijzing with approved, not credited prestaties. */
  noDeletionWithApproved(ledger: Ledger, r: ReceivedToewijzing): string | undefined;
}

export const referenceToewijzingChecks: ToewijzingChecks = {
  uniqueNummer(ledger, { gemeente, bsn, p }) {
    const known = ledger.toewijzingen.get(p.ToewijzingNummer);
    if (!known || known.gemeente !== gemeente) return undefined;
    const product = { categorie: p.Product?.Categorie ?? '', ...(p.Product?.Code ? { code: p.Product.Code } : {}) };
    if (known.bsn === bsn && known.product.categorie === product.categorie && known.product.code === product.code) return undefined;
    return `ToewijzingNummer ${p.ToewijzingNummer} is already toewijzing ${known.product.code ?? known.product.categorie} of another ${known.bsn === bsn ? 'product' : 'client'} from municipality ${gemeente}`;
  },
  noDeletionWithApproved(ledger, { p }) {
    if (p.RedenWijziging !== '13') return undefined;
    const approved = [...ledger.prestaties.values()].filter((x) => x.toewijzingNummer === p.ToewijzingNummer && x.status === 'approved' && x.debetCredit === 'D' && !x.credited);
    return approved.length ? `toewijzing ${p.ToewijzingNummer} has approved prestaties that are not credited (${approved.map((x) => x.referentieNummer).join(', ')}): it cannot be deleted with RedenWijziging 13` : undefined;
  },
};

export class ReferenceAanbieder extends ReferenceParty {
  readonly role = 'aanbieder' as const;
  ledger: Ledger = emptyLedger();
  toewijzingChecks: ToewijzingChecks = { ...referenceToewijzingChecks };
  readonly flows: AanbiederFlow[];

  constructor(config: PartyConfig, faults: readonly Fault[] = []) {
    super(config, faults);
    this.flows = aanbiederFlows.map((f) => f(this));
    for (const f of faults) if (f.role === "aanbieder") f.apply(this);
  }

  protected reset(): void {
    this.ledger = emptyLedger();
    for (const f of this.flows) f.reset?.();
  }

  override async setDate(date: string): Promise<void> {
    await super.setDate(date);
    for (const f of this.flows) await f.onDate?.(date);
  }

  /** The start of care when the action gives none: what the flows know of the care delivered (ALK-START-2). */
  private startDateFromCare(nummer: number): string {
    for (const f of this.flows) {
      const d = f.startDate?.(nummer);
      if (d) return d;
    }
    this.refuse(`No care that starts care is recorded on toewijzing ${nummer}: the start of care is the first declarable care (an intake, orientation or absence does not count)`);
  }

  protected handlers(): Handlers {
    const own: Handlers = { JW301: (m) => this.onToewijzing(m) };
    for (const f of this.flows) Object.assign(own, f.handlers);
    return own;
  }

  protected retoursAccepted(): MessageCode[] {
    return ['JW306', 'JW308', 'JW316', 'JW318', 'JW325'];
  }

  protected override judgeAnswer(code: MessageCode, model: unknown): Finding[] {
    return this.flows.flatMap((f) => f.judgeAnswer?.(code, model) ?? []);
  }

  protected async onRetour(code: MessageCode, model: unknown): Promise<void> {
    for (const f of this.flows) await f.onRetour?.(code, model);
  }

  /** Takes in the client's toewijzingen: a 301 carries all of them, so each replaces what was known. */
  private onToewijzing(m: Jw301): Judgement {
    const findings: Finding[] = [];
    m.Client.ToegewezenProducten.ToegewezenProduct.forEach((p, i) => {
      const path = `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
      const r = { gemeente: m.Header.Afzender, bsn: m.Client.Bsn, p };
      const duplicate = this.toewijzingChecks.uniqueNummer(this.ledger, r);
      if (duplicate) findings.push(crossFinding('JW301', `${path}/ToewijzingNummer`, 'TR332', '9332', duplicate));
      const deletion = this.toewijzingChecks.noDeletionWithApproved(this.ledger, r);
      if (deletion) findings.push(crossFinding('JW301', `${path}/RedenWijziging`, 'TR385', '9385', deletion));
    });
    return {
      findings,
      commit: () => {
        const client = clientFromMessage(m.Client);
        this.ledger.clients.set(client.bsn, client);
        for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) {
          const t: Toewijzing = {
            nummer: p.ToewijzingNummer,
            bsn: client.bsn,
            aanbieder: m.Header.Ontvanger,
            gemeente: m.Header.Afzender,
            product: { categorie: p.Product?.Categorie ?? '', ...(p.Product?.Code ? { code: p.Product.Code } : {}) },
            toewijzingsdatum: p.Toewijzingsdatum,
            toewijzingstijd: p.Toewijzingstijd,
            ingangsdatum: p.Ingangsdatum,
            ...(p.Einddatum ? { einddatum: p.Einddatum } : {}),
            ...(p.RedenWijziging ? { redenWijziging: p.RedenWijziging } : {}),
            ...(p.Omvang ? { omvang: { volume: p.Omvang.Volume, eenheid: p.Omvang.Eenheid, frequentie: p.Omvang.Frequentie } } : {}),
            ...(p.Budget !== undefined ? { budget: p.Budget } : {}),
            ...(p.ReferentieAanbieder ? { referentieAanbieder: p.ReferentieAanbieder } : {}),
            ...(p.Commentaar ? { commentaar: p.Commentaar } : {}),
          };
          this.ledger.toewijzingen.set(t.nummer, t);
        }
        for (const f of this.flows) f.onToewijzing?.(m);
      },
    };
  }

  toewijzing(nummer: number): Toewijzing {
    const t = this.ledger.toewijzingen.get(nummer);
    if (!t) this.refuse(`Toewijzing ${nummer} is unknown to this provider (no JW301 received for it)`);
    return t;
  }

  private startProduct(t: Toewijzing, begindatum: string, status: '1' | '3') {
    return {
      ToewijzingNummer: t.nummer,
      Product: { Categorie: t.product.categorie as never, ...(t.product.code ? { Code: t.product.code } : {}) },
      ToewijzingIngangsdatum: t.ingangsdatum,
      Begindatum: begindatum,
      StatusAanlevering: status,
    } as const;
  }

  private clientPart(bsn: string) {
    const c = this.ledger.clients.get(bsn);
    if (!c) this.refuse(`Client ${bsn} is unknown`);
    return { ...clientIdentity(c), Naam: verkorteNaam(c) };
  }

  async startCare(nummer: number, begindatum: string, status: '1' | '3' = '1'): Promise<void> {
    const t = this.toewijzing(nummer);
    const msg: Jw305 = {
      // From the AGB the toewijzing was given to (ALK-AGB-1), to the municipality that gave it (ALK-D1).
      Header: { ...this.header('JW305'), Afzender: t.aanbieder, Ontvanger: t.gemeente } as unknown as Jw305['Header'],
      Client: { ...this.clientPart(t.bsn), StartProducten: { StartProduct: [this.startProduct(t, begindatum, status)] } } as Jw305['Client'],
    };
    const r = await this.send('JW305', msg);
    if (r.answer?.code !== 'JW306') return;
    if (!(r.answer.model.Header.RetourCodes?.RetourCode.length)) {
      // Accepted: keep the start in the provider's own books.
      if (status === '1') this.ledger.starts.push({ bsn: t.bsn, toewijzingNummer: nummer, begindatum, deleted: false, stops: [] });
      else {
        const s = this.ledger.starts.find((x) => x.toewijzingNummer === nummer && x.begindatum === begindatum && !x.deleted);
        if (s) s.deleted = true;
      }
    }
  }

  /** The start a stop refers to: the current one, or the latest one with only a temporary stop. */
  latestStart(nummer: number): StartRecord | undefined {
    const all = this.ledger.starts.filter((s) => s.toewijzingNummer === nummer && !s.deleted);
    return all.find(isCurrent) ?? all.filter((s) => liveStops(s).every((x) => x.reden === '20')).at(-1);
  }

  async stopCare(nummer: number, einddatum: string, reden: string, begindatum?: string, status: '1' | '3' = '1'): Promise<void> {
    const t = this.toewijzing(nummer);
    const start = begindatum ? undefined : this.latestStart(nummer);
    const begin = begindatum ?? start?.begindatum;
    if (!begin) this.refuse(`No start known for toewijzing ${nummer}: a stop needs a start (TR382)`);
    const msg: Jw307 = {
      // From the AGB the toewijzing was given to (ALK-AGB-1), to the municipality that gave it (ALK-D1).
      Header: { ...this.header('JW307'), Afzender: t.aanbieder, Ontvanger: t.gemeente } as unknown as Jw307['Header'],
      Client: {
        ...this.clientPart(t.bsn),
        StopProducten: { StopProduct: [{ ...this.startProduct(t, begin, status), RedenBeeindiging: reden as never, Einddatum: einddatum, StatusAanlevering: status }] },
      } as Jw307['Client'],
    };
    const r = await this.send('JW307', msg);
    if (r.answer?.code === 'JW308' && !r.answer.model.Header.RetourCodes?.RetourCode.length) {
      const s = this.ledger.starts.find((x) => x.toewijzingNummer === nummer && x.begindatum === begin && !x.deleted);
      if (s && status === '1') s.stops.push({ einddatum, reden, deleted: false });
      if (s && status === '3') {
        const stop = liveStops(s).find((x) => x.einddatum === einddatum);
        if (stop) stop.deleted = true;
      }
    }
  }

  /** As the system under test, the provider also acts by itself on what it knows (flows' `onAct`), before and after each action. */
  override async act(action: Action): Promise<void> {
    const own = action.action !== 'configure' && action.action !== 'end-run';
    if (own && action.date) await this.setDate(action.date);
    if (own) for (const f of this.flows) await f.onAct?.(action, 'before');
    await super.act(action);
    if (own) {
      for (const f of this.flows) await f.onAct?.(action, 'after');
      await this.runAfterwards();
    }
  }

  protected async perform(action: Action): Promise<void> {
    switch (action.action) {
      case 'start-care':
        return this.startCare(action.toewijzingNummer, action.begindatum ?? this.startDateFromCare(action.toewijzingNummer));
      case 'stop-care':
        return this.stopCare(action.toewijzingNummer, action.einddatum, action.redenBeeindiging, action.begindatum);
      case 'withdraw-start': {
        const s = action.begindatum ?? this.ledger.starts.filter((x) => x.toewijzingNummer === action.toewijzingNummer && !x.deleted).at(-1)?.begindatum;
        if (!s) this.refuse(`No start to withdraw for toewijzing ${action.toewijzingNummer}`);
        return this.startCare(action.toewijzingNummer, s, '3');
      }
      case 'withdraw-stop': {
        const start = this.ledger.starts.filter((x) => x.toewijzingNummer === action.toewijzingNummer && !x.deleted && liveStops(x).length).at(-1);
        const stop = start && liveStops(start).at(-1);
        if (!start || !stop) this.refuse(`No stop to withdraw for toewijzing ${action.toewijzingNummer}`);
        // 004 §3.1.2: "Zolang de einddatum van de Toewijzing niet is verstreken kan de aanbieder het verzonden Stopzorg bericht 'verwijderen'".
        const einde = this.toewijzing(action.toewijzingNummer).einddatum;
        if (einde && einde < this.date) this.refuse(`Toewijzing ${action.toewijzingNummer} ended on ${einde}: its stop can no longer be withdrawn (IJW-STOP-3)`);
        return this.stopCare(action.toewijzingNummer, stop.einddatum, stop.reden, start.begindatum, '3');
      }
      default:
        for (const f of this.flows) if (await f.perform?.(action)) return;
        this.refuse(`Action '${action.action}' is not one an aanbieder performs`);
    }
  }
}
