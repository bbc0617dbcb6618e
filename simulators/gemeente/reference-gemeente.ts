/**
 * The reference municipality: answers JW305/JW307 (and, through the flow modules, JW315,
 * JW317, JW323) as the region's protocol says, and acts on request (allocate, answer a
 * request, change a toewijzing).
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw305 } from '../../ijw/messages/jw305.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import { ReferenceParty, type Handlers, type Judgement, type PartyConfig } from '../party.ts';
import { emptyLedger, type Ledger, type Toewijzing } from '../ledger.ts';
import type { Action, ClientFacts } from '../actions.ts';
import { judgeStart, judgeStop, nationalStartStopChecks, type StartStopChecks } from './start-stop.ts';
import { build301, toewijzingenFor301 } from './allocation.ts';
import type { Jw301 } from '../../ijw/messages/jw301.ts';
import type { Fault } from '../faults/fault.ts';
import { gemeenteFlows, type GemeenteFlow } from './flows.ts';

function dayBefore(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10);
}

export class ReferenceGemeente extends ReferenceParty {
  readonly role = 'gemeente' as const;
  ledger: Ledger = emptyLedger();
  checks: StartStopChecks = { ...nationalStartStopChecks };
  private nextNummer = 1000;
  /** Toewijzingen whose ReferentieAanbieder has not been sent yet (TR379). */
  readonly unsentReferentie = new Set<number>();
  readonly flows: GemeenteFlow[];

  constructor(config: PartyConfig, faults: readonly Fault[] = []) {
    super(config, faults);
    this.flows = gemeenteFlows.map((f) => f(this));
    for (const f of faults) if (f.role === "gemeente") f.apply(this);
  }

  protected reset(): void {
    this.ledger = emptyLedger();
    this.unsentReferentie.clear();
    for (const f of this.flows) f.reset?.();
  }

  override async setDate(date: string): Promise<void> {
    await super.setDate(date);
    for (const f of this.flows) await f.onDate?.(date);
  }

  protected handlers(): Handlers {
    const own: Handlers = {
      JW305: (m) => this.onStart(m),
      JW307: (m) => this.onStop(m),
    };
    for (const f of this.flows) Object.assign(own, f.handlers);
    return own;
  }

  protected retoursAccepted(): MessageCode[] {
    return ['JW302', 'JW320'];
  }

  protected async onRetour(code: MessageCode, model: unknown): Promise<void> {
    for (const f of this.flows) await f.onRetour?.(code, model);
  }

  private onStart(m: Jw305): Judgement {
    this.rememberClient(m.Client);
    const { findings, next } = judgeStart(this.ledger, m, this.checks);
    return { findings, commit: () => void (this.ledger = next) };
  }

  private onStop(m: Jw307): Judgement {
    this.rememberClient(m.Client);
    const { findings, next } = judgeStop(this.ledger, m, this.checks);
    return {
      findings,
      commit: () => void (this.ledger = next),
      after: async () => {
        // After a definitive stop the municipality ends the toewijzing with a new 301 where the protocol says so.
        for (const p of m.Client.StopProducten.StopProduct) {
          const t = p.ToewijzingNummer !== undefined ? this.ledger.toewijzingen.get(p.ToewijzingNummer) : undefined;
          if (!t || p.StatusAanlevering !== '1' || !this.endsToewijzingAfterStop(p.RedenBeeindiging)) continue;
          if (!t.einddatum || t.einddatum > p.Einddatum) await this.changeToewijzing(t, p.Einddatum, redenAfterStop(p.RedenBeeindiging));
        }
      },
    };
  }

  /**
   * Whether a stop with this reden makes the municipality end the toewijzing with a new 301:
   * a definitive stop where the region says so (ALK-STOP-2, FRL-STOP-1); never a temporary one
   * (reden 20: "De gemeente stuurt geen nieuw Toewijzingsbericht", IJW-STOP-4).
   */
  endsToewijzingAfterStop(reden: string): boolean {
    return !!this.config.region.startStop?.endToewijzingAfterStop && reden !== '20';
  }

  /** The toewijzingen the client's next 301 carries (OP087, IJW-TOEW-1). */
  selectFor301 = toewijzingenFor301;

  private rememberClient(c: { Bsn: string; Geboortedatum: { Datum: string }; Geslacht: string; Naam: { Geslachtsnaam: { Achternaam: string } } }): void {
    if (!this.ledger.clients.has(c.Bsn)) {
      this.ledger.clients.set(c.Bsn, { bsn: c.Bsn, geboortedatum: c.Geboortedatum.Datum, geslacht: c.Geslacht as ClientFacts['geslacht'], achternaam: c.Naam.Geslachtsnaam.Achternaam });
    }
  }

  /** Creates toewijzingen for a client and sends the 301. Returns their numbers. */
  async allocate(client: ClientFacts, products: Extract<Action, { action: 'allocate' }>['products']): Promise<number[]> {
    this.ledger.clients.set(client.bsn, client);
    const nummers: number[] = [];
    for (const p of products) {
      const t: Toewijzing = {
        nummer: ++this.nextNummer,
        bsn: client.bsn,
        aanbieder: this.config.counterparty,
        gemeente: this.config.party,
        product: p.product,
        toewijzingsdatum: this.date,
        toewijzingstijd: '12:00:00',
        ingangsdatum: p.ingangsdatum,
        ...(p.einddatum ? { einddatum: p.einddatum } : {}),
        ...(p.omvang ? { omvang: p.omvang } : {}),
        ...(p.budget !== undefined ? { budget: p.budget } : {}),
        ...(p.referentieAanbieder ? { referentieAanbieder: p.referentieAanbieder } : {}),
        ...(p.commentaar ? { commentaar: p.commentaar } : {}),
        changed: true,
      };
      this.ledger.toewijzingen.set(t.nummer, t);
      if (t.referentieAanbieder) this.unsentReferentie.add(t.nummer);
      nummers.push(t.nummer);
    }
    await this.send301(client.bsn);
    return nummers;
  }

  /** Withdraws (einddatum = ingangsdatum), shortens or extends a toewijzing and resends the client's 301. */
  async changeToewijzing(t: Toewijzing, einddatum: string, redenWijziging: string): Promise<void> {
    t.einddatum = einddatum;
    t.redenWijziging = redenWijziging;
    t.changed = true;
    await this.send301(t.bsn);
  }

  /**
   * A change of product (or of eenheid or frequentie) from a date: the running toewijzing is
   * shortened to the day before and a new one allocated, in one JW301 (004 §3.2.5, IJW-WIJZ-1).
   */
  async changeProduct(c: Omit<Extract<Action, { action: 'change-product' }>, 'action' | 'date'>): Promise<number> {
    const t = this.ledger.toewijzingen.get(c.toewijzingNummer);
    if (!t) this.refuse(`Toewijzing ${c.toewijzingNummer} is unknown`);
    if (c.ingangsdatum <= t.ingangsdatum) this.refuse(`The change must start after toewijzing ${t.nummer} began (${t.ingangsdatum})`);
    t.einddatum = dayBefore(c.ingangsdatum);
    t.redenWijziging = '05';
    t.changed = true;
    const nummer = ++this.nextNummer;
    this.ledger.toewijzingen.set(nummer, {
      nummer, bsn: t.bsn, aanbieder: t.aanbieder, gemeente: t.gemeente, product: c.product, toewijzingsdatum: this.date, toewijzingstijd: '12:00:00',
      ingangsdatum: c.ingangsdatum, ...(c.einddatum ? { einddatum: c.einddatum } : {}), omvang: c.omvang, changed: true,
    });
    await this.send301(t.bsn);
    return nummer;
  }

  /**
   * The harness's own municipality may send what a scenario dictates (a ToewijzingNummer used
   * twice, TR332): `mutate301` changes the next JW301 just before it goes out. A system under test never gets one.
   */
  mutate301: ((m: Jw301) => void) | undefined;

  async send301(bsn: string): Promise<void> {
    const client = this.ledger.clients.get(bsn);
    if (!client) this.refuse(`No client with BSN ${bsn} is known to this municipality`);
    const products = this.selectFor301(this.ledger, bsn, this.config.counterparty, this.date, this.unsentReferentie);
    if (!products.length) this.refuse('No toewijzingen to send');
    const msg = build301(this.header('JW301'), client, products);
    const mutate = this.mutate301;
    this.mutate301 = undefined;
    mutate?.(msg);
    await this.send('JW301', msg);
    for (const t of this.ledger.toewijzingen.values()) if (t.bsn === bsn) t.changed = false;
    for (const p of products) this.unsentReferentie.delete(p.ToewijzingNummer);
  }

  protected async perform(action: Action): Promise<void> {
    switch (action.action) {
      case 'allocate':
        await this.allocate(action.client, action.products);
        return;
      case 'change-allocation': {
        const t = this.ledger.toewijzingen.get(action.toewijzingNummer);
        if (!t) this.refuse(`Toewijzing ${action.toewijzingNummer} is unknown`);
        await this.changeToewijzing(t, action.einddatum, action.redenWijziging ?? redenFor(t, action.einddatum));
        return;
      }
      case 'change-product':
        await this.changeProduct(action);
        return;
      default:
        for (const f of this.flows) if (await f.perform?.(action)) return;
        this.refuse(`Action '${action.action}' is not one a gemeente performs`);
    }
  }
}

/**
 * The RedenWijziging (JZ002) of the 301 that ends a toewijzing after a definitive stop: 02
 * "cliënt overleden" only when the stop says the client died (JZ588 02); otherwise 14, which
 * JZ002 names for this case ("Ook indien een aanbieder een definitief stopbericht stuurt en de
 * gemeente beslist om de toewijzing in te trekken, wordt deze code gebruikt").
 */
export function redenAfterStop(redenBeeindiging: string): string {
  return redenBeeindiging === '02' ? '02' : '14';
}

/**
 * The RedenWijziging (JZ002) a municipality gives when the action leaves it to it: 13 for a
 * withdrawal (einddatum = ingangsdatum), 05 (herbeoordeling verkorting) for a shortening, 04
 * (herbeoordeling verlenging) for a later einddatum.
 */
export function redenFor(t: Toewijzing, einddatum: string): string {
  if (einddatum === t.ingangsdatum) return '13';
  return t.einddatum !== undefined && einddatum > t.einddatum ? '04' : '05';
}
