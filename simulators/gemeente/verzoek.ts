/**
 * The municipality's side of requests: a JW315 (VOT) or JW317 (VOW) gets its JW316/JW318 with
 * the cross-message rules (TR347, TR374, TR349, TR350, TR351, TR357, TR361), and then an answer
 * decided by the region's profile: a JW301 honouring it (ReferentieAanbieder once, TR379) or a
 * JW319 (afgewezen with a reden; in onderzoek, then a final answer). Every region that takes a
 * JW315 answers it with a JW301 or a JW319 (OP274, OP344; Utrecht too, UTR-VOT-1).
 *
 * The reference decides on the werkdag after the request (its "eerste beoordeling"), so a
 * scenario can still take the request in onderzoek the same day (action `answer-request`).
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw315 } from '../../ijw/messages/jw315.ts';
import type { Jw317, Jw317TeWijzigenProduct } from '../../ijw/messages/jw317.ts';
import type { Jw319 } from '../../ijw/messages/jw319.ts';
import type { Finding } from '../../ijw/findings.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';
import { crossFinding, type Handlers, type Judgement } from '../party.ts';
import type { RequestRecord, Toewijzing } from '../ledger.ts';
import { ActionRefused, type Action, type OmvangFacts, type ProductFacts } from '../actions.ts';
import { clientFromMessage } from '../client-xml.ts';
import { gemeenteFlows, type GemeenteFlow } from './flows.ts';
import type { ReferenceGemeente } from './reference-gemeente.ts';
import { omvangShapeProblem, REQUEST_CHECK_ORDER, referenceVerzoekChecks, type Rejection, type RequestedProduct, type VerzoekChecks } from './verzoek-rules.ts';
import { isCurrentToewijzing, overlaps, plusDays, referenceToewijzingRules, sameProduct, type ToewijzingRules } from './toewijzing-rules.ts';

type Antwoord = '1' | '2';

/** What the municipality keeps of a request beyond the ledger's RequestRecord. */
interface RequestDetail {
  requested: RequestedProduct;
  /** The whole JW317, for a VOW. */
  vow?: Jw317;
}

const TEXT: Record<string, string> = {
  '9347': 'ReferentieAanbieder was already used by this provider (TR347)',
  '9374': 'a request for this client from this provider is still open (TR374)',
  '9349': 'the VOW does not hold every current toegewezen product of the client (TR349)',
  '9350': 'OngewijzigdProduct does not refer to a current toewijzing (TR350)',
  '9351': 'TeWijzigenProduct does not refer to a current toewijzing (TR351)',
  '9357': 'a GewensteIngangsdatum on or before the Dagtekening must equal the original Ingangsdatum (TR357)',
  '9361': 'the same product appears more than once for overlapping periods (TR361)',
  '9373': 'a change of the Budget or of the total over the toewijzing period applies to the whole toewijzing: GewensteIngangsdatum must equal its Ingangsdatum (TR373)',
  '9411': 'the toewijzing has a product code: the TeWijzigenProduct must give its Omvang (TR411)',
  '9412': 'the toewijzing has no product code (and ends after 2020 or not at all): the TeWijzigenProduct leaves Omvang empty (TR412)',
  '9375': 'the toewijzing has no product (and ends after 2020 or not at all): the TeWijzigenProduct leaves Omvang empty (TR375)',
};

const RULE: Record<string, string> = { '9347': 'TR347', '9374': 'TR374', '9349': 'TR349', '9350': 'TR350', '9351': 'TR351', '9357': 'TR357', '9361': 'TR361', '9373': 'TR373', '9411': 'TR411', '9412': 'TR412', '9375': 'TR375' };

/**
 * The technical checks of a TeWijzigenProduct against the toewijzing it changes (JW318 codes);
 * each named so a faulty variant replaces one. A code is a rejection.
 */
export interface VowTechnicalChecks {
  /** TR350 → 9350: an OngewijzigdProduct refers to a current toewijzing (`t` undefined: none). */
  unchangedIsCurrent(t: Toewijzing | undefined): string | undefined;
  /** TR357 → 9357: a GewensteIngangsdatum on or before the Dagtekening equals the toewijzing's Ingangsdatum. */
  pastDateIsIngangsdatum(t: Toewijzing, p: Jw317TeWijzigenProduct, dagtekening: string): string | undefined;
  /** TR361 → 9361: a product of the desired situation does not overlap an earlier one of the same product. */
  noOverlap(earlier: readonly { product: ProductFacts; from: string; to?: string | undefined }[], d: { product: ProductFacts; from: string; to?: string | undefined }): string | undefined;
  /** TR373 → 9373: a changed Budget or total (Frequentie 6) keeps GewensteIngangsdatum = the toewijzing's Ingangsdatum. */
  wholePeriodChange(t: Toewijzing, p: Jw317TeWijzigenProduct): string | undefined;
  /** TR411 → 9411: Omvang given when the toewijzing has a product code. */
  omvangWithCode(t: Toewijzing, p: Jw317TeWijzigenProduct): string | undefined;
  /** TR412 / TR375 → 9412 / 9375: Omvang empty when the toewijzing has no code / no product and ends after 2020 or not at all. */
  noOmvangWithoutCode(t: Toewijzing, p: Jw317TeWijzigenProduct): string | undefined;
}

export const referenceVowTechnicalChecks: VowTechnicalChecks = {
  unchangedIsCurrent: (t) => (t ? undefined : '9350'),
  pastDateIsIngangsdatum: (t, p, dagtekening) => (p.GewensteIngangsdatum <= dagtekening && p.GewensteIngangsdatum !== t.ingangsdatum ? '9357' : undefined),
  noOverlap: (earlier, d) => (earlier.some((e) => sameProduct(e.product, d.product) && overlaps(e, d)) ? '9361' : undefined),
  wholePeriodChange(t, p) {
    const budget = p.Budget !== undefined && p.Budget !== t.budget;
    const total = p.Omvang?.Frequentie === '6' && (t.omvang?.frequentie !== '6' || t.omvang.volume !== p.Omvang.Volume || t.omvang.eenheid !== p.Omvang.Eenheid);
    return (budget || total) && p.GewensteIngangsdatum !== t.ingangsdatum ? '9373' : undefined;
  },
  omvangWithCode: (t, p) => (t.product.code && !p.Omvang ? '9411' : undefined),
  noOmvangWithoutCode(t, p) {
    if (t.product.code || !p.Omvang || (t.einddatum !== undefined && t.einddatum <= '2020-12-31')) return undefined;
    return t.product.categorie ? '9412' : '9375';
  },
};

export class GemeenteVerzoekFlow implements GemeenteFlow {
  checks: VerzoekChecks = { ...referenceVerzoekChecks };
  /** TR373, TR411, TR412, TR375 on a received JW317 (JW318 codes). */
  technical: VowTechnicalChecks = { ...referenceVowTechnicalChecks };
  rules: ToewijzingRules = { ...referenceToewijzingRules };
  /** Werkdagen after the request by which the municipality answers it (ALK-TERM-1, FRL-VOT-1, RIJ-TERM-1, UTR-VOT-1). */
  decideAfterWerkdagen = 1;
  /** Werkdagen after a 319 "in onderzoek" by which the final answer follows (IJW-VOT-3, FRL-VOT-1). */
  investigateWerkdagen = 5;
  /** JW319s sent per ReferentieAanbieder (TR359, TR360, TR365). */
  readonly answers = new Map<string, Antwoord[]>();
  /** BRP residence per BSN (action `record-residence`), for the woonplaatsbeginsel (FRL-VOT-6). */
  readonly residence = new Map<string, string>();
  /** Registered location codes and their products (action `register-location`, FRL-VOT-5). */
  readonly locations = new Map<string, Set<string>>();
  private readonly details = new Map<string, RequestDetail>();
  /** The municipality's own allocate, without the guards of a direct allocation (a VOT is judged by `checks`). */
  private readonly allocateHonoured: ReferenceGemeente['allocate'];

  readonly g: ReferenceGemeente;

  constructor(g: ReferenceGemeente) {
    this.g = g;
    // A 301 carrying a ReferentieAanbieder honours that request, whichever path sent it (TR374: no longer open).
    g.onExchange((e) => {
      if (e.direction !== 'sent' || e.code !== 'JW301') return;
      for (const m of e.xml.matchAll(/<(?:[\w-]+:)?ReferentieAanbieder>([^<]+)</g)) {
        const r = g.ledger.requests.get(m[1]!);
        if (r) r.status = 'honoured';
      }
    });
    // Direct allocations follow the same allocation rules (FRL-TOEW-1 einddatum, IJW-STAP-1 stacking).
    const allocate = g.allocate.bind(g);
    this.allocateHonoured = allocate;
    g.allocate = async (client, products) => {
      const filled = products.map((p) => ({ ...p, ...(p.einddatum ? {} : optional('einddatum', this.rules.einddatum(g.config.region, p.ingangsdatum, undefined))) }));
      for (const p of filled) {
        if (g.config.region.allocation.einddatumRequired?.value && !p.einddatum) throwRefused(`${g.config.region.allocation.einddatumRequired.rule ?? 'einddatumRequired'}: a toewijzing in ${g.config.region.name} always has an einddatum`);
        const shape = omvangShapeProblem(g.config.region, p.omvang, p.budget);
        if (shape) throwRefused(`${g.config.region.allocation.omvangShapes?.rule ?? 'omvangShapes'}: ${shape}`);
        // FRL-STAP-2: a running toewijzing for other care is ended (in consultation) so these products run alone.
        for (const t of this.rules.endedBy(g.ledger, g.config.region, { bsn: client.bsn, aanbieder: g.config.counterparty, product: p.product, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum })) {
          Object.assign(t, { einddatum: plusDays(p.ingangsdatum, -1), redenWijziging: '05', changed: true });
        }
        const on = this.rules.stacksOn(g.ledger, g.config.region, { bsn: client.bsn, aanbieder: g.config.counterparty, product: p.product, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum });
        if (on) throwRefused(`Stacking (IJW-STAP-1): toewijzing ${on.nummer} of ${on.product.code ?? on.product.categorie} already covers ${on.ingangsdatum}–${on.einddatum ?? 'open'}`);
      }
      return allocate(client, filled);
    };
  }

  /** Only the messages the region uses (FRL-MSG-1, UTR-MSG-1): others are refused like any message a gemeente does not take. */
  get handlers(): Handlers {
    const used = this.g.config.region.messages.value;
    return {
      ...(used.includes('JW315') ? { JW315: (m: Jw315) => this.onVot(m) } : {}),
      ...(used.includes('JW317') ? { JW317: (m: Jw317) => this.onVow(m) } : {}),
    };
  }

  reset(): void {
    this.answers.clear();
    this.details.clear();
    this.residence.clear();
    this.locations.clear();
  }

  private get profile() {
    return this.g.config.region;
  }

  private uses(code: MessageCode): boolean {
    return this.profile.messages.value.includes(code);
  }

  private isOpen(r: RequestRecord): boolean {
    return r.status === 'open' || r.status === 'in-onderzoek';
  }

  // ------------------------------------------------------------------ JW315

  private onVot(m: Jw315): Judgement {
    const findings: Finding[] = [];
    const bsn = m.Client.Bsn;
    const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
    if ([...this.g.ledger.requests.values()].some((r) => r.bsn === bsn && this.isOpen(r))) findings.push(f('JW315', '/Bericht/Client', '9374'));
    const products = m.Client.AangevraagdeProducten.AangevraagdProduct;
    products.forEach((p, i) => {
      if (this.g.ledger.requests.has(p.ReferentieAanbieder)) findings.push(f('JW315', `/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`, '9347'));
    });
    const refs = products.map((p) => p.ReferentieAanbieder);
    return {
      findings,
      commit: () => {
        const client = clientFromMessage(m.Client);
        if (!this.g.ledger.clients.has(bsn)) this.g.ledger.clients.set(bsn, client);
        for (const p of products) {
          const requested: RequestedProduct = {
            bsn,
            aanbieder: m.Header.Afzender,
            dagtekening,
            product: p.Product ? { categorie: p.Product.Categorie, ...(p.Product.Code ? { code: p.Product.Code } : {}) } : undefined,
            ingangsdatum: p.ToewijzingIngangsdatum,
            einddatum: p.ToewijzingEinddatum,
            omvang: p.Omvang ? { volume: p.Omvang.Volume, eenheid: p.Omvang.Eenheid, frequentie: p.Omvang.Frequentie } : undefined,
            budget: p.Budget,
            commentaar: p.Commentaar,
            verwijzer: { type: p.Verwijzer.Type, naam: p.Verwijzer.Naam, zorgverlenerCode: p.Verwijzer.ZorgverlenerCode },
          };
          this.g.ledger.requests.set(p.ReferentieAanbieder, {
            referentieAanbieder: p.ReferentieAanbieder,
            kind: 'JW315',
            bsn,
            dagtekening,
            status: 'open',
            products: [{ product: requested.product ?? { categorie: '' }, ingangsdatum: requested.ingangsdatum, ...optional('einddatum', requested.einddatum), ...optional('omvang', requested.omvang), ...optional('commentaar', requested.commentaar) }],
            verwijzerType: p.Verwijzer.Type,
          });
          this.details.set(p.ReferentieAanbieder, { requested });
        }
      },
      after: async () => this.scheduleDecision(refs, this.decideAfterWerkdagen),
    };
  }

  /** Decides the still-open requests on the business date `werkdagen` from now (0: at once). */
  scheduleDecision(refs: string[], werkdagen: number): void {
    const run = () => this.decide(refs);
    if (werkdagen <= 0) {
      this.g.afterwards.push(run);
      return;
    }
    this.g.schedule(addWerkdagen(this.g.date, werkdagen), `answer to ${refs.join(', ')}`, run);
  }

  private context() {
    return { profile: this.profile, ledger: this.g.ledger, rules: this.rules, gemeente: this.g.config.party, residence: this.residence, locations: this.locations };
  }

  /** The first rejection by the region's checks, in order. */
  judgeProduct(p: RequestedProduct): Rejection | undefined {
    const ctx = this.context();
    for (const name of REQUEST_CHECK_ORDER) {
      const r = this.checks[name](ctx, p);
      if (r) return r;
    }
    return undefined;
  }

  private async decide(refs: string[]): Promise<void> {
    const vows = refs.filter((r) => this.details.get(r)?.vow);
    for (const ref of vows) await this.decideVow(ref);
    const honour: { ref: string; p: RequestedProduct }[] = [];
    for (const ref of refs.filter((r) => !vows.includes(r))) {
      const r = this.g.ledger.requests.get(ref);
      const d = this.details.get(ref);
      // Only a request still waiting for its first (or, after onderzoek, final) answer.
      if (!r || !d || r.status !== 'open') continue;
      const rejection = this.judgeProduct(d.requested);
      if (rejection) await this.reject(ref, rejection);
      else honour.push({ ref, p: d.requested });
    }
    if (!honour.length) return;
    const client = this.g.ledger.clients.get(honour[0]!.p.bsn)!;
    await this.allocateHonoured(client, honour.map(({ ref, p }) => this.toewijzingFor(ref, p)));
  }

  /** The toewijzing honouring a requested product: as requested, with the region's einddatum and the location code back in the commentary (FRL-VOT-5). */
  toewijzingFor(ref: string, p: RequestedProduct) {
    const product = p.product!;
    const omvang = p.omvang ?? this.defaultOmvang(product);
    const einddatum = this.rules.einddatum(this.profile, p.ingangsdatum, p.einddatum);
    const commentaar = this.profile.allocation.locationCodeInCommentary?.value ? p.commentaar : undefined;
    return { product, ingangsdatum: p.ingangsdatum, ...optional('einddatum', einddatum), ...optional('omvang', omvang), referentieAanbieder: ref, ...optional('commentaar', commentaar) };
  }

  private defaultOmvang(product: ProductFacts): OmvangFacts | undefined {
    const p = this.profile.products.find((x) => x.code === product.code);
    return p ? { volume: p.defaultVolume ?? 1, eenheid: p.eenheid, frequentie: p.frequentie } : undefined;
  }

  /** Rejects with a JW319 (1, reden): contact outside the messages never replaces it (OP274, OP344, UTR-VOT-1). */
  private async reject(ref: string, r: Rejection): Promise<void> {
    const rec = this.g.ledger.requests.get(ref)!;
    rec.status = 'rejected';
    await this.send319(ref, '1', r.reden, r.reden === '8' ? r.gemeente : undefined);
  }

  /** Sends a JW319 as given (the harness uses it to send what a scenario dictates). */
  async send319(ref: string, antwoord: Antwoord, reden?: string, woonplaatsGemeente?: string): Promise<void> {
    const model: Jw319 = {
      Header: this.g['header']('JW319') as unknown as Jw319['Header'],
      Antwoord: {
        ReferentieAanbieder: ref,
        VerzoekAntwoord: antwoord,
        ...(reden ? { RedenAfwijzingVerzoek: reden as never } : {}),
        ...(woonplaatsGemeente ? { Woonplaatsbeginsel: { Gemeente: woonplaatsGemeente } } : {}),
      },
    };
    this.answers.set(ref, [...(this.answers.get(ref) ?? []), antwoord]);
    await this.g.send('JW319', model);
  }

  // ------------------------------------------------------------------ JW317

  private onVow(m: Jw317): Judgement {
    const findings: Finding[] = [];
    const bsn = m.Client.Bsn;
    const v = m.Client.Verzoek;
    const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
    const base = '/Bericht/Client/Verzoek';
    if (this.g.ledger.requests.has(v.ReferentieAanbieder)) findings.push(f('JW317', base, '9347'));
    if ([...this.g.ledger.requests.values()].some((r) => r.bsn === bsn && this.isOpen(r))) findings.push(f('JW317', '/Bericht/Client', '9374'));
    const current = [...this.g.ledger.toewijzingen.values()].filter((t) => t.bsn === bsn && t.aanbieder === m.Header.Afzender && isCurrentToewijzing(t, dagtekening));
    const ongewijzigd = v.OngewijzigdeProducten?.OngewijzigdProduct ?? [];
    const teWijzigen = v.TeWijzigenProducten?.TeWijzigenProduct ?? [];
    const nieuw = v.NieuweProducten?.NieuwProduct ?? [];
    ongewijzigd.forEach((p, i) => {
      const rc = this.technical.unchangedIsCurrent(current.find((t) => t.nummer === p.ToewijzingNummer));
      if (rc) findings.push(f('JW317', `${base}/OngewijzigdeProducten/OngewijzigdProduct[${i + 1}]`, rc));
    });
    teWijzigen.forEach((p, i) => {
      const path = `${base}/TeWijzigenProducten/TeWijzigenProduct[${i + 1}]`;
      const t = current.find((x) => x.nummer === p.ToewijzingNummer);
      if (!t) return void findings.push(f('JW317', path, '9351'));
      const past = this.technical.pastDateIsIngangsdatum(t, p, dagtekening);
      if (past) findings.push(f('JW317', path, past));
      const whole = this.technical.wholePeriodChange(t, p);
      if (whole) findings.push(f('JW317', `${path}/GewensteIngangsdatum`, whole));
      const omvang = this.technical.omvangWithCode(t, p) ?? this.technical.noOmvangWithoutCode(t, p);
      if (omvang) findings.push(f('JW317', p.Omvang ? `${path}/Omvang` : path, omvang));
    });
    const listed = new Set([...ongewijzigd.map((p) => p.ToewijzingNummer), ...teWijzigen.map((p) => p.ToewijzingNummer)]);
    if (current.some((t) => !listed.has(t.nummer))) findings.push(f('JW317', base, '9349'));
    // TR361: the desired situation may not hold the same product twice for overlapping periods.
    const desired: { product: ProductFacts; from: string; to?: string | undefined; path: string }[] = [
      ...ongewijzigd.flatMap((p, i) => {
        const t = current.find((x) => x.nummer === p.ToewijzingNummer);
        return t ? [{ product: t.product, from: t.ingangsdatum, to: t.einddatum, path: `${base}/OngewijzigdeProducten/OngewijzigdProduct[${i + 1}]` }] : [];
      }),
      ...teWijzigen.flatMap((p, i) => {
        const t = current.find((x) => x.nummer === p.ToewijzingNummer);
        return t ? [{ product: t.product, from: t.ingangsdatum, to: p.Einddatum ?? t.einddatum, path: `${base}/TeWijzigenProducten/TeWijzigenProduct[${i + 1}]` }] : [];
      }),
      ...nieuw.flatMap((p, i) => (p.Product ? [{ product: { categorie: p.Product.Categorie, ...optional('code', p.Product.Code) }, from: p.GewensteIngangsdatum, to: p.Einddatum, path: `${base}/NieuweProducten/NieuwProduct[${i + 1}]` }] : [])),
    ];
    desired.forEach((d, i) => {
      const rc = this.technical.noOverlap(desired.slice(0, i), d);
      if (rc) findings.push(f('JW317', d.path, rc));
    });
    return {
      findings,
      commit: () => {
        this.g.ledger.requests.set(v.ReferentieAanbieder, {
          referentieAanbieder: v.ReferentieAanbieder,
          kind: 'JW317',
          bsn,
          dagtekening,
          status: 'open',
          products: nieuw.map((p) => ({ product: { categorie: p.Product?.Categorie ?? '', ...optional('code', p.Product?.Code) }, ingangsdatum: p.GewensteIngangsdatum, ...optional('einddatum', p.Einddatum), ...optional('omvang', omvangOf(p.Omvang)) })),
        });
        this.details.set(v.ReferentieAanbieder, { requested: { bsn, aanbieder: m.Header.Afzender, dagtekening, ingangsdatum: dagtekening }, vow: m });
      },
      after: async () => this.scheduleDecision([v.ReferentieAanbieder], this.decideAfterWerkdagen),
    };
  }

  /** A VOW is judged and answered as a whole (ALK-VOW-1): one JW301 or one JW319. */
  private async decideVow(ref: string): Promise<void> {
    const r = this.g.ledger.requests.get(ref);
    const m = this.details.get(ref)?.vow;
    if (!r || !m || r.status !== 'open') return;
    const rejection = this.judgeVow(m);
    if (rejection) return this.reject(ref, rejection);
    await this.honourVow(ref, m);
  }

  judgeVow(m: Jw317): Rejection | undefined {
    const ctx = this.context();
    const v = m.Client.Verzoek;
    const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
    const changed = new Set<number>();
    for (const p of v.TeWijzigenProducten?.TeWijzigenProduct ?? []) {
      const t = this.g.ledger.toewijzingen.get(p.ToewijzingNummer)!;
      changed.add(t.nummer);
      const change = { einddatum: p.Einddatum, omvang: omvangOf(p.Omvang) };
      // No date check of the region's own (ALK-VOW-1): TR357 and TR380 judge the dates on receipt.
      const rej =
        this.checks.einddatumAndVolume(ctx, { bsn: t.bsn, aanbieder: t.aanbieder, dagtekening, product: t.product, ingangsdatum: p.GewensteIngangsdatum, einddatum: p.Einddatum, omvang: change.omvang ?? t.omvang }) ??
        this.checks.omvang(ctx, { bsn: t.bsn, aanbieder: t.aanbieder, dagtekening, product: t.product, ingangsdatum: p.GewensteIngangsdatum, omvang: change.omvang ?? t.omvang, budget: p.Budget }) ??
        this.checks.extension(ctx, t, change, dagtekening, this.externalReferrer(t));
      if (rej) return rej;
    }
    for (const p of v.NieuweProducten?.NieuwProduct ?? []) {
      const requested: RequestedProduct = {
        bsn: m.Client.Bsn,
        aanbieder: m.Header.Afzender,
        dagtekening,
        product: p.Product ? { categorie: p.Product.Categorie, ...optional('code', p.Product.Code) } : undefined,
        ingangsdatum: p.GewensteIngangsdatum,
        einddatum: p.Einddatum,
        omvang: omvangOf(p.Omvang),
        budget: p.Budget,
      };
      const rej =
        this.checks.contracted(ctx, requested) ??
        this.checks.productCode(ctx, requested) ??
        this.checks.einddatumAndVolume(ctx, requested) ??
        this.checks.omvang(ctx, requested) ??
        this.checks.onlyAfter(ctx, requested) ??
        this.checks.stacking(ctx, requested, changed);
      if (rej) return rej;
    }
    return undefined;
  }

  /** Whether a toewijzing came from a VOT of an external (non-municipal) referrer (FRL-VOW-1). */
  private externalReferrer(t: Toewijzing): boolean {
    const origin = t.referentieAanbieder ? this.g.ledger.requests.get(t.referentieAanbieder) : undefined;
    return !!origin?.verwijzerType && origin.verwijzerType !== '01';
  }

  /**
   * Honours a VOW: in a region that extends with a new toewijzing (ALK-VOW-2) a change ends the
   * running toewijzing and starts a new one; elsewhere the toewijzing itself changes (FRL-VOW-1:
   * no new number). New products become new toewijzingen. One JW301 carries it all.
   */
  private async honourVow(ref: string, m: Jw317): Promise<void> {
    const v = m.Client.Verzoek;
    const newOnes: Toewijzing[] = [];
    for (const p of v.TeWijzigenProducten?.TeWijzigenProduct ?? []) {
      const t = this.g.ledger.toewijzingen.get(p.ToewijzingNummer)!;
      newOnes.push(...this.applyChange(t, p, ref));
    }
    for (const p of v.NieuweProducten?.NieuwProduct ?? []) {
      // ALK-VOW-3: a new product honoured after its desired date starts on the honour date.
      const ingangsdatum = this.rules.vowIngangsdatum(this.profile, p.GewensteIngangsdatum, this.g.date, false);
      newOnes.push(this.newToewijzing(m.Client.Bsn, {
        product: { categorie: p.Product?.Categorie ?? '', ...optional('code', p.Product?.Code) },
        ingangsdatum,
        einddatum: this.rules.einddatum(this.profile, ingangsdatum, p.Einddatum),
        omvang: omvangOf(p.Omvang),
        referentieAanbieder: ref,
      }));
    }
    void newOnes;
    await this.g.send301(m.Client.Bsn);
  }

  private applyChange(t: Toewijzing, p: Jw317TeWijzigenProduct, ref: string): Toewijzing[] {
    const omvang = omvangOf(p.Omvang);
    const volumeChange = !!omvang && (!t.omvang || omvang.volume !== t.omvang.volume || omvang.frequentie !== t.omvang.frequentie);
    const einde = p.Einddatum ?? t.einddatum;
    const newToewijzing = this.profile.allocation.extension?.value === 'new-toewijzing';
    const longer = !!einde && !!t.einddatum && einde > t.einddatum;
    if (newToewijzing && (longer || volumeChange)) {
      // ALK-VOW-2: the running toewijzing keeps its einddatum (or ends the day before the change); the rest is a new toewijzing.
      const desired = p.GewensteIngangsdatum > (t.einddatum ?? '9999-12-31') ? p.GewensteIngangsdatum : volumeChange ? p.GewensteIngangsdatum : plusDays(t.einddatum!, 1);
      // ALK-VOW-3: honoured after the desired date, the change starts the day after honouring (never retroactively).
      const from = this.rules.vowIngangsdatum(this.profile, desired, this.g.date, true);
      if (t.einddatum === undefined || from <= t.einddatum) this.mark(t, plusDays(from, -1), '05');
      return [this.newToewijzing(t.bsn, { product: t.product, ingangsdatum: from, einddatum: einde, omvang: omvang ?? t.omvang, referentieAanbieder: ref, commentaar: t.commentaar })];
    }
    if (volumeChange && p.GewensteIngangsdatum > t.ingangsdatum) {
      this.mark(t, plusDays(p.GewensteIngangsdatum, -1), '05');
      return [this.newToewijzing(t.bsn, { product: t.product, ingangsdatum: p.GewensteIngangsdatum, einddatum: einde, omvang, referentieAanbieder: ref, commentaar: t.commentaar })];
    }
    // The toewijzing itself changes (same number): einddatum and, from its start, the omvang.
    if (omvang) t.omvang = omvang;
    if (einde && einde !== t.einddatum) this.mark(t, einde, t.einddatum && einde < t.einddatum ? '05' : '04');
    else t.changed = true;
    t.referentieAanbieder = ref;
    this.g.unsentReferentie.add(t.nummer);
    return [];
  }

  private mark(t: Toewijzing, einddatum: string, reden: string): void {
    t.einddatum = einddatum;
    t.redenWijziging = reden;
    t.changed = true;
  }

  private newToewijzing(bsn: string, p: { product: ProductFacts; ingangsdatum: string; einddatum?: string | undefined; omvang?: OmvangFacts | undefined; referentieAanbieder: string; commentaar?: string | undefined }): Toewijzing {
    const g = this.g as unknown as { nextNummer: number };
    const t: Toewijzing = {
      nummer: ++g.nextNummer,
      bsn,
      aanbieder: this.g.config.counterparty,
      gemeente: this.g.config.party,
      product: p.product,
      toewijzingsdatum: this.g.date,
      toewijzingstijd: '12:00:00',
      ingangsdatum: p.ingangsdatum,
      ...optional('einddatum', p.einddatum),
      ...optional('omvang', p.omvang),
      referentieAanbieder: p.referentieAanbieder,
      ...optional('commentaar', p.commentaar),
      changed: true,
    };
    this.g.ledger.toewijzingen.set(t.nummer, t);
    this.g.unsentReferentie.add(t.nummer);
    return t;
  }

  // ------------------------------------------------------------------ time and actions

  /** ALK-T7: a toewijzing not started within the vervalperiode is withdrawn (einddatum = ingangsdatum, reden 13). */
  async onDate(date: string): Promise<void> {
    for (const t of [...this.g.ledger.toewijzingen.values()]) {
      const started = this.g.ledger.starts.some((s) => s.toewijzingNummer === t.nummer && !s.deleted);
      if (this.rules.lapses(this.profile, t, started, date)) await this.g.changeToewijzing(t, t.ingangsdatum, '13');
    }
  }

  async perform(action: Action): Promise<boolean> {
    if (action.action === 'register-location') {
      this.locations.set(action.locatiecode, new Set([...(this.locations.get(action.locatiecode) ?? []), ...action.productCodes]));
      return true;
    }
    if (action.action === 'record-residence') {
      this.residence.set(action.bsn, action.gemeente);
      return true;
    }
    if (action.action !== 'answer-request') return false;
    await this.answerRequest(action.referentieAanbieder, action.verzoekAntwoord, action.redenAfwijzing, action.woonplaatsGemeente);
    return true;
  }

  /** The action `answer-request`: a JW319 by hand, within the national sequence rules. */
  async answerRequest(ref: string, antwoord: Antwoord, reden?: string, woonplaatsGemeente?: string): Promise<void> {
    const refuse = (why: string): never => {
      throw new ActionRefused(why);
    };
    const r = this.g.ledger.requests.get(ref);
    if (!r) throw new ActionRefused(`No request with ReferentieAanbieder '${ref}' was received`);
    if (!this.uses('JW319')) refuse(`${this.profile.name} does not use the JW319`);
    if (r.status === 'honoured') refuse(`Request '${ref}' was already honoured with a JW301: no JW319 may follow (TR359)`);
    const earlier = this.answers.get(ref) ?? [];
    if (earlier.includes('1') || r.status === 'rejected') refuse(`Request '${ref}' was already rejected`);
    if (antwoord === '2' && earlier.length) refuse(`Request '${ref}' is already in onderzoek: only one JW319 with VerzoekAntwoord 2 (TR360)`);
    if (antwoord === '1' && !reden) refuse('A rejection (VerzoekAntwoord 1) needs a RedenAfwijzingVerzoek (CD085)');
    if (antwoord === '2' && reden) refuse('In onderzoek (VerzoekAntwoord 2) takes no RedenAfwijzingVerzoek (CD086)');
    if ((reden === '8') !== !!woonplaatsGemeente) refuse('A woonplaatsbeginsel rejection (reden 8), and only that, names the responsible gemeente (TR377/TR409)');
    r.status = antwoord === '2' ? 'in-onderzoek' : 'rejected';
    await this.send319(ref, antwoord, reden, woonplaatsGemeente);
    // After "in onderzoek" the municipality finishes its investigation and answers for good.
    if (antwoord === '2') {
      const again = () => {
        const rec = this.g.ledger.requests.get(ref);
        if (rec?.status === 'in-onderzoek') rec.status = 'open';
        return this.decide([ref]);
      };
      this.g.schedule(addWerkdagen(this.g.date, this.investigateWerkdagen), `final answer to ${ref}`, again);
    }
  }
}

function throwRefused(why: string): never {
  throw new ActionRefused(why);
}

function f(code: MessageCode, path: string, rc: string): Finding {
  return crossFinding(code, path, RULE[rc] ?? rc, rc, TEXT[rc] ?? rc);
}

function omvangOf(o: { Volume: number; Eenheid: string; Frequentie: string } | undefined): OmvangFacts | undefined {
  return o ? { volume: o.Volume, eenheid: o.Eenheid, frequentie: o.Frequentie } : undefined;
}

/** `{ [key]: value }` when the value is defined (exactOptionalPropertyTypes-friendly). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The request flow of a reference municipality (for faulty variants and steps). */
export function verzoekFlowOf(g: ReferenceGemeente): GemeenteVerzoekFlow {
  const flow = g.flows.find((x): x is GemeenteVerzoekFlow => x instanceof GemeenteVerzoekFlow);
  if (!flow) throw new Error('The request flow is not registered (import simulators/flows.ts)');
  return flow;
}

gemeenteFlows.push((g) => new GemeenteVerzoekFlow(g));
