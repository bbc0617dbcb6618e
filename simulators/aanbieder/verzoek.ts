/**
 * The provider's side of requests: on request it sends a JW315 (VOT) built from the facts by
 * the region's rules (referrer fields per CD066–CD068, Fryslân's location code in the product
 * commentary, einddatum and volume where the region demands them) and a JW317 (VOW) holding the
 * complete desired situation; it answers a JW319 with a JW320 (TR355, TR359, TR360, TR365).
 * Each rule is a named function so a faulty variant replaces exactly one.
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw301 } from '../../ijw/messages/jw301.ts';
import type { Jw315, Jw315AangevraagdProduct } from '../../ijw/messages/jw315.ts';
import type { Jw317, Jw317TeWijzigenProduct, Jw317NieuwProduct } from '../../ijw/messages/jw317.ts';
import type { Jw319 } from '../../ijw/messages/jw319.ts';
import type { Finding } from '../../ijw/findings.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { crossFinding, type Handlers, type Judgement } from '../party.ts';
import { ActionRefused, type Action, type ClientFacts, type OmvangFacts, type ProductFacts } from '../actions.ts';
import type { Toewijzing } from '../ledger.ts';
import { clientIdentity, verkorteNaam } from '../client-xml.ts';
import { aanbiederFlows, type AanbiederFlow } from './flows.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';
import { endAfterYears, isCurrentToewijzing, plusDays, plusMonths } from '../gemeente/toewijzing-rules.ts';
import { omvangShapeProblem } from '../gemeente/verzoek-rules.ts';

type RequestAction = Extract<Action, { action: 'request-allocation' }>;
type ChangeAction = Extract<Action, { action: 'request-change' }>;
export type VerwijzerFacts = RequestAction['verwijzer'];
export type RequestedFacts = RequestAction['products'][number];

interface SentRequest {
  kind: 'JW315' | 'JW317';
  bsn: string;
  verwijzerType?: string;
  /** The 316/318 rejected it: it counts as not sent. */
  refused: boolean;
  honoured: boolean;
  answers: ('1' | '2')[];
}

export interface AanbiederVerzoekRules {
  /** CD066–CD068 (IJW-VOT-4) and FRL-VOT-3 (04: name and organisation): the Verwijzer class. Throws ActionRefused when it cannot be filled. */
  verwijzer(profile: RegionProfile, v: VerwijzerFacts): Jw315AangevraagdProduct['Verwijzer'];
  /** Why the provider may not send this VOT in the region (ALK-V2, FRL-VOT-4, RIJ-VOT-1, UTR/AMS message sets), or undefined. */
  mayRequest(profile: RegionProfile, a: RequestAction, today: string): string | undefined;
  /** ALK-V1 / FRL-VOT-2: why a requested start is too far back, or undefined. */
  retroactive(profile: RegionProfile, ingangsdatum: string, today: string): string | undefined;
  /** RIJ-LFM-1: why a product that may only follow another (the profile's `onlyAfter`) may not be requested yet for this client, or undefined. */
  onlyAfter(profile: RegionProfile, toewijzingen: readonly Toewijzing[], bsn: string, p: RequestedFacts): string | undefined;
  /** The einddatum to request: the given one, or the region's fixed duration (FRL-TOEW-1). ALK-T2 requires one. */
  einddatum(profile: RegionProfile, p: RequestedFacts): string | undefined;
  /** The product commentary: Fryslân's location code (FRL-VOT-5), else what was given. */
  commentaar(profile: RegionProfile, p: RequestedFacts): string | undefined;
  /** ALK-T8: why this Omvang may not be requested in the region (eenheid with frequentie, no Budget), or undefined. */
  omvang(profile: RegionProfile, omvang: OmvangFacts | undefined): string | undefined;
  /** ALK-VOW-1: why a change or new product from this date may not go as a JW317 (a change in the past is agreed with the municipality instead), or undefined. */
  changeDate(profile: RegionProfile, gewensteIngangsdatum: string, today: string): string | undefined;
  /** FRL-VOW-1 and the message set: why this change may not go as a JW317, or undefined. */
  mayChange(profile: RegionProfile, t: Toewijzing, change: ChangeAction['changed'][number], today: string, externalReferrer: boolean): string | undefined;
}

const STATUTORY_WITH_CODE = ['02', '03', '04', '05'];

export const referenceAanbiederVerzoekRules: AanbiederVerzoekRules = {
  verwijzer(profile, v) {
    const named = profile.allocation.referrerNameAndOrganisation;
    if (named?.value.includes(v.type)) {
      // FRL-VOT-3: name and organisation; CD066 then forbids the ZorgverlenerCode.
      const naam = [v.naam, v.organisatie].filter(Boolean).join(', ');
      if (!v.naam || !v.organisatie) throw refused(`${named.rule ?? 'referrer'}: a referral of type ${v.type} needs the name and the organisation of the referrer`);
      return { Type: v.type as never, Naam: naam };
    }
    if (STATUTORY_WITH_CODE.includes(v.type)) {
      if (v.zorgverlenerCode) return { Type: v.type as never, ZorgverlenerCode: v.zorgverlenerCode }; // CD066
      if (!v.naam) throw refused(`CD067: referrer type ${v.type} without a ZorgverlenerCode needs the referrer's name`);
      return { Type: v.type as never, Naam: v.naam }; // CD067
    }
    return { Type: v.type as never, ...(v.naam ? { Naam: v.naam } : {}) }; // CD068: no ZorgverlenerCode
  },
  mayRequest(profile, a, today) {
    if (!profile.messages.value.includes('JW315')) return `${profile.name} does not use the JW315`;
    const allowed = profile.allocation.requestReferrers?.value ?? profile.allocation.referrersAllowed.value;
    if (!allowed.includes(a.verwijzer.type)) {
      const why = a.verwijzer.type === '01' ? 'a municipal referral is allocated by the municipality directly' : 'this referrer may not lead to a VOT';
      return `referrer type ${a.verwijzer.type}: ${why} in ${profile.name} (${profile.allocation.requestReferrers?.rule ?? profile.allocation.referrersAllowed.rule ?? 'profile'})`;
    }
    const single = profile.allocation.singleProblemOnly;
    if (single?.value && a.problematiek === 'meervoudig') return `${single.rule ?? 'profile'}: a multi-problem case goes to the municipality, not through a JW315`;
    const main = profile.allocation.mainContractorOnly;
    if (main?.value && a.hoofdaannemer === false) return `${main.rule ?? 'profile'}: only the main contractor sends the JW315`;
    for (const p of a.products) {
      const r = this.retroactive(profile, p.ingangsdatum, today);
      if (r) return r;
      if (profile.allocation.locationCodeInCommentary?.value && !p.locatiecode) return `${profile.allocation.locationCodeInCommentary.rule ?? 'locationCodeInCommentary'}: the location code is required in the product commentary`;
      const shape = this.omvang(profile, p.omvang);
      if (shape) return shape;
    }
    return undefined;
  },
  retroactive(profile, ingangsdatum, today) {
    const lim = profile.allocation.retroactiveLimit?.value;
    if (!lim) return undefined;
    const earliest = lim.months ? plusMonths(today, -lim.months) : plusDays(today, -7 * (lim.weeks ?? 0));
    if (ingangsdatum >= earliest) return undefined;
    return `${profile.allocation.retroactiveLimit!.rule ?? 'profile'}: the ingangsdatum ${ingangsdatum} lies before ${earliest}, further back than the region allows`;
  },
  onlyAfter(profile, toewijzingen, bsn, p) {
    const only = profile.products.find((x) => x.code === p.product?.code)?.onlyAfter;
    const spec = only?.value;
    if (!spec) return undefined;
    // Ended: an einddatum before the requested start (a toewijzing withdrawn on its ingangsdatum never ran).
    const ended = toewijzingen.some((t) => t.bsn === bsn && t.product.code !== undefined && spec.includes(t.product.code) && t.einddatum !== undefined && t.einddatum < p.ingangsdatum && t.einddatum > t.ingangsdatum);
    return ended ? undefined : `${only!.rule ?? 'onlyAfter'}: ${p.product!.code} may only be requested after an arrangement ${spec.join('/')} has ended, and this client has none that ended before ${p.ingangsdatum}`;
  },
  einddatum(profile, p) {
    if (p.einddatum) return p.einddatum;
    const d = profile.allocation.toewijzingDuration?.value;
    return d ? endAfterYears(p.ingangsdatum, d.years) : undefined;
  },
  commentaar(profile, p) {
    if (profile.allocation.locationCodeInCommentary?.value && p.locatiecode) return p.locatiecode;
    return p.commentaar;
  },
  omvang(profile, omvang) {
    const why = omvangShapeProblem(profile, omvang);
    return why ? `${profile.allocation.omvangShapes?.rule ?? 'omvangShapes'}: ${why}` : undefined;
  },
  changeDate(profile, gewensteIngangsdatum, today) {
    if (!profile.allocation.vowNotRetroactive?.value || gewensteIngangsdatum > today) return undefined;
    return `${profile.allocation.vowNotRetroactive.rule ?? 'vowNotRetroactive'}: a change from ${gewensteIngangsdatum}, not after today (${today}), is agreed with the municipality, not asked with a JW317`;
  },
  mayChange(profile, t, change, today, externalReferrer) {
    if (!profile.messages.value.includes('JW317')) return `${profile.name} does not use the JW317 (UTR-MSG-1 / message set)`;
    const spec = profile.allocation.vowExtension;
    if (!spec) return undefined;
    const rule = spec.rule ?? 'profile';
    if (spec.value.beforeEinddatum && t.einddatum && t.einddatum < today) return `${rule}: toewijzing ${t.nummer} ended on ${t.einddatum}; a new JW315 is needed`;
    if (spec.value.externalReferrerOnly && !externalReferrer) return `${rule}: toewijzing ${t.nummer} came through the gebiedsteam, which extends it with a JW301`;
    if (spec.value.sameOmvang && change.omvang && t.omvang && (change.omvang.volume !== t.omvang.volume || change.omvang.frequentie !== t.omvang.frequentie)) return `${rule}: an extension keeps volume and frequency`;
    return undefined;
  },
};

const refused = (msg: string) => new ActionRefused(msg);

/** The provider's checks of a JW319 against its request (a text is a rejection). */
export interface AntwoordChecks {
  /** TR359 → 9359: no JW319 once a JW301 honoured the request. */
  notHonoured(honoured: boolean, ref: string): string | undefined;
  /** TR365 → 9365: after a JW319 other than "in onderzoek" no further JW319 follows. */
  afterFinal(answers: readonly string[], ref: string): string | undefined;
}

export const referenceAntwoordChecks: AntwoordChecks = {
  notHonoured: (honoured, ref) => (honoured ? `a JW301 was already sent for ReferentieAanbieder '${ref}'` : undefined),
  afterFinal: (answers, ref) => (answers.some((x) => x !== '2') ? `request '${ref}' was already answered with VerzoekAntwoord ${answers.join(', ')}` : undefined),
};

export class AanbiederVerzoekFlow implements AanbiederFlow {
  rules: AanbiederVerzoekRules = { ...referenceAanbiederVerzoekRules };
  /** TR359 and TR365 on a received JW319, each named so a faulty variant replaces one. */
  antwoordChecks: AntwoordChecks = { ...referenceAntwoordChecks };
  readonly sent = new Map<string, SentRequest>();
  private seq = 0;

  readonly a: ReferenceAanbieder;

  constructor(a: ReferenceAanbieder) {
    this.a = a;
  }

  get handlers(): Handlers {
    return this.a.config.region.messages.value.includes('JW319') ? { JW319: (m: Jw319) => this.onAntwoord(m) } : {};
  }

  reset(): void {
    this.sent.clear();
  }

  private get profile(): RegionProfile {
    return this.a.config.region;
  }

  /** A ReferentieAanbieder never used before by this provider (TR347). */
  nextReferentie(): string {
    let ref: string;
    do ref = `VOT${this.a.date.replaceAll('-', '')}${String(++this.seq).padStart(3, '0')}`;
    while (this.sent.has(ref));
    return ref;
  }

  async perform(action: Action): Promise<boolean> {
    if (action.action === 'request-allocation') {
      const why = this.rules.mayRequest(this.profile, action, this.a.date)
        ?? action.products.map((p) => this.rules.onlyAfter(this.profile, [...this.a.ledger.toewijzingen.values()], action.client.bsn, p)).find(Boolean);
      if (why) throw new ActionRefused(why);
      await this.requestAllocation(action);
      return true;
    }
    if (action.action === 'request-change') {
      await this.requestChange(action);
      return true;
    }
    return false;
  }

  /** Builds and sends a JW315 by the region's rules. Returns the ReferentieAanbieder per product. */
  async requestAllocation(a: Omit<RequestAction, 'action'>): Promise<string[]> {
    const verwijzer = this.rules.verwijzer(this.profile, a.verwijzer);
    const products = a.products.map((p, i) => {
      const einddatum = this.rules.einddatum(this.profile, p);
      if (this.profile.allocation.einddatumRequired?.value && !einddatum) throw new ActionRefused(`${this.profile.allocation.einddatumRequired.rule ?? 'einddatumRequired'}: a VOT in this region always has a Toewijzingseinddatum`);
      const ref = a.referentieAanbieder ? (i === 0 ? a.referentieAanbieder : `${a.referentieAanbieder}-${i + 1}`) : this.nextReferentie();
      return { ref, p: { ...p, ...(einddatum ? { einddatum } : {}) }, commentaar: this.rules.commentaar(this.profile, p) };
    });
    return this.send315(a.client, products.map(({ ref, p, commentaar }) => ({ referentieAanbieder: ref, product: p.product, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum, omvang: p.omvang ?? this.defaultOmvang(p.product), commentaar, verwijzer })));
  }

  /** Sends a JW315 exactly as given (the harness uses it for the requests a scenario dictates, wrong ones included). */
  async send315(client: ClientFacts, products: { referentieAanbieder: string; product?: ProductFacts | undefined; ingangsdatum: string; einddatum?: string | undefined; omvang?: OmvangFacts | undefined; commentaar?: string | undefined; verwijzer: Jw315AangevraagdProduct['Verwijzer'] }[]): Promise<string[]> {
    this.a.ledger.clients.set(client.bsn, client);
    const msg: Jw315 = {
      Header: this.a['header']('JW315') as unknown as Jw315['Header'],
      Client: {
        ...clientIdentity(client),
        Naam: verkorteNaam(client),
        AangevraagdeProducten: {
          AangevraagdProduct: products.map((p) => ({
            ReferentieAanbieder: p.referentieAanbieder,
            ...(p.product ? { Product: { Categorie: p.product.categorie as never, ...(p.product.code ? { Code: p.product.code } : {}) } } : {}),
            ToewijzingIngangsdatum: p.ingangsdatum,
            ...(p.einddatum ? { ToewijzingEinddatum: p.einddatum } : {}),
            ...(p.omvang ? { Omvang: { Volume: p.omvang.volume, Eenheid: p.omvang.eenheid as never, Frequentie: p.omvang.frequentie as never } } : {}),
            Verwijzer: p.verwijzer,
            ...(p.commentaar ? { Commentaar: p.commentaar } : {}),
          })),
        },
      } as Jw315['Client'],
    };
    for (const p of products) this.sent.set(p.referentieAanbieder, { kind: 'JW315', bsn: client.bsn, verwijzerType: p.verwijzer.Type, refused: false, honoured: false, answers: [] });
    const r = await this.a.send('JW315', msg);
    if (r.answer?.code === 'JW316' && r.answer.model.Header.RetourCodes?.RetourCode.length) for (const p of products) this.sent.get(p.referentieAanbieder)!.refused = true;
    return products.map((p) => p.referentieAanbieder);
  }

  private defaultOmvang(product: ProductFacts): OmvangFacts | undefined {
    // A product without code has no Omvang (CD095/CD096 from 2021).
    if (!product.code) return undefined;
    const p = this.profile.products.find((x) => x.code === product.code);
    return p ? { volume: p.defaultVolume ?? 1, eenheid: p.eenheid, frequentie: p.frequentie } : undefined;
  }

  /** Whether a toewijzing came from a VOT of this provider with an external referrer (FRL-VOW-1). */
  externalReferrer(t: Toewijzing): boolean {
    const origin = t.referentieAanbieder ? this.sent.get(t.referentieAanbieder) : undefined;
    return !!origin?.verwijzerType && origin.verwijzerType !== '01';
  }

  /** Builds and sends a JW317 with the complete desired situation (ALK-VOW-1, TR349). */
  async requestChange(a: Omit<ChangeAction, 'action'>): Promise<string> {
    const today = this.a.date;
    const current = [...this.a.ledger.toewijzingen.values()].filter((t) => t.bsn === a.client.bsn && isCurrentToewijzing(t, today)).sort((x, y) => x.nummer - y.nummer);
    const teWijzigen: Jw317TeWijzigenProduct[] = [];
    for (const c of a.changed) {
      const t = current.find((x) => x.nummer === c.toewijzingNummer);
      if (!t) throw new ActionRefused(`Toewijzing ${c.toewijzingNummer} is not a current toewijzing of this client`);
      const why = this.rules.mayChange(this.profile, t, c, today, this.externalReferrer(t)) ?? (c.ingangsdatum ? this.rules.changeDate(this.profile, c.ingangsdatum, today) : undefined);
      if (why) throw new ActionRefused(why);
      const einddatum = c.einddatum ?? t.einddatum;
      const omvang = c.omvang ?? t.omvang;
      const shape = this.rules.omvang(this.profile, omvang);
      if (shape) throw new ActionRefused(shape);
      // TR373: a changed total over the toewijzing period (Frequentie 6) holds for the whole toewijzing.
      const total = !!c.omvang && c.omvang.frequentie === '6' && (t.omvang?.frequentie !== '6' || t.omvang.volume !== c.omvang.volume || t.omvang.eenheid !== c.omvang.eenheid);
      teWijzigen.push({
        ToewijzingNummer: t.nummer,
        GewensteIngangsdatum: c.ingangsdatum ?? (total ? t.ingangsdatum : this.gewensteIngangsdatum(t, einddatum, today)),
        ...(einddatum ? { Einddatum: einddatum } : {}),
        ...(omvang ? { Omvang: { Volume: omvang.volume, Eenheid: omvang.eenheid as never, Frequentie: omvang.frequentie as never } } : {}),
      });
    }
    if (!this.profile.messages.value.includes('JW317')) throw new ActionRefused(`${this.profile.name} does not use the JW317`);
    const nieuw: Jw317NieuwProduct[] = a.added.map((p) => {
      const past = this.rules.changeDate(this.profile, p.ingangsdatum, today);
      if (past) throw new ActionRefused(past);
      const einddatum = this.rules.einddatum(this.profile, p);
      const omvang = p.omvang ?? this.defaultOmvang(p.product);
      const shape = this.rules.omvang(this.profile, omvang);
      if (shape) throw new ActionRefused(shape);
      return {
        Product: { Categorie: p.product.categorie as never, ...(p.product.code ? { Code: p.product.code } : {}) },
        GewensteIngangsdatum: p.ingangsdatum,
        ...(einddatum ? { Einddatum: einddatum } : {}),
        ...(omvang ? { Omvang: { Volume: omvang.volume, Eenheid: omvang.eenheid as never, Frequentie: omvang.frequentie as never } } : {}),
      };
    });
    if (!teWijzigen.length && !nieuw.length) throw new ActionRefused('A VOW changes or adds at least one product (TR353)');
    const changedNrs = new Set(teWijzigen.map((p) => p.ToewijzingNummer));
    const ongewijzigd = current.filter((t) => !changedNrs.has(t.nummer)).map((t) => ({ ToewijzingNummer: t.nummer }));
    return this.send317(a.client.bsn, { referentieAanbieder: a.referentieAanbieder ?? this.nextReferentie(), redenVerzoek: a.redenVerzoek ?? '2', ongewijzigd, teWijzigen, nieuw });
  }

  /**
   * When a change takes effect: a region that wants changes in the future (ALK-VOW-1) gets the
   * day after the current end for an extension, else tomorrow; elsewhere the whole period (TR357).
   */
  private gewensteIngangsdatum(t: Toewijzing, einddatum: string | undefined, today: string): string {
    if (!this.profile.allocation.vowNotRetroactive?.value) return t.ingangsdatum;
    const tomorrow = plusDays(today, 1);
    if (t.einddatum && einddatum && einddatum > t.einddatum) {
      const next = plusDays(t.einddatum, 1);
      return next > tomorrow ? next : tomorrow;
    }
    return t.ingangsdatum > tomorrow ? t.ingangsdatum : tomorrow;
  }

  /** Sends a JW317 exactly as given. */
  async send317(bsn: string, v: { referentieAanbieder: string; redenVerzoek: string; ongewijzigd: { ToewijzingNummer: number }[]; teWijzigen: Jw317TeWijzigenProduct[]; nieuw: Jw317NieuwProduct[] }): Promise<string> {
    const msg: Jw317 = {
      Header: this.a['header']('JW317') as unknown as Jw317['Header'],
      Client: {
        Bsn: bsn,
        Verzoek: {
          ReferentieAanbieder: v.referentieAanbieder,
          RedenVerzoek: v.redenVerzoek as never,
          ...(v.ongewijzigd.length ? { OngewijzigdeProducten: { OngewijzigdProduct: v.ongewijzigd } } : {}),
          ...(v.teWijzigen.length ? { TeWijzigenProducten: { TeWijzigenProduct: v.teWijzigen } } : {}),
          ...(v.nieuw.length ? { NieuweProducten: { NieuwProduct: v.nieuw } } : {}),
        },
      },
    };
    this.sent.set(v.referentieAanbieder, { kind: 'JW317', bsn, refused: false, honoured: false, answers: [] });
    const r = await this.a.send('JW317', msg);
    if (r.answer?.code === 'JW318' && r.answer.model.Header.RetourCodes?.RetourCode.length) this.sent.get(v.referentieAanbieder)!.refused = true;
    return v.referentieAanbieder;
  }

  /** The JW319 is judged against the requests this provider sent (TR355, TR359, TR360, TR365). */
  private onAntwoord(m: Jw319): Judgement {
    const ref = m.Antwoord.ReferentieAanbieder;
    const rec = this.sent.get(ref);
    const path = '/Bericht/Antwoord';
    const findings: Finding[] = [];
    const honoured = rec && !rec.refused ? this.antwoordChecks.notHonoured(rec.honoured, ref) : undefined;
    const final = rec && !rec.refused ? this.antwoordChecks.afterFinal(rec.answers, ref) : undefined;
    if (!rec || rec.refused) findings.push(crossFinding('JW319', path, 'TR355', '9355', `ReferentieAanbieder '${ref}' is not one of a request this provider sent`));
    else if (honoured) findings.push(crossFinding('JW319', path, 'TR359', '9359', honoured));
    else if (rec.answers.length && m.Antwoord.VerzoekAntwoord === '2') findings.push(crossFinding('JW319', path, 'TR360', '9360', `request '${ref}' already had a JW319; "in onderzoek" only once`));
    else if (final) findings.push(crossFinding('JW319', path, 'TR365', '9365', final));
    return { findings, commit: () => void rec?.answers.push(m.Antwoord.VerzoekAntwoord) };
  }

  onToewijzing(m: Jw301): void {
    for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) {
      const rec = p.ReferentieAanbieder ? this.sent.get(p.ReferentieAanbieder) : undefined;
      if (rec) rec.honoured = true;
    }
  }

  async onRetour(_code: MessageCode, _model: unknown): Promise<void> {
    /* 316/318 are handled where the request is sent (a 200 answer) */
  }
}

/** The request flow of a reference provider (for faulty variants and steps). */
export function aanbiederVerzoekFlowOf(a: ReferenceAanbieder): AanbiederVerzoekFlow {
  const flow = a.flows.find((x): x is AanbiederVerzoekFlow => x instanceof AanbiederVerzoekFlow);
  if (!flow) throw new Error('The request flow is not registered (import simulators/flows.ts)');
  return flow;
}

aanbiederFlows.push((a) => new AanbiederVerzoekFlow(a));
