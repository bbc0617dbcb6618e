/**
 * How the reference municipality judges the content of a request (JW315 per product, JW317 as a
 * whole) by the region's profile, after the technical checks of the 316/318. Each check is a
 * named function returning a rejection (the RedenAfwijzingVerzoek, WJ759) or undefined, so a
 * faulty variant replaces exactly one.
 *
 * The protocols name the checks, not the reden to use for each: '4' (past niet binnen contract)
 * stands for a regional agreement that is not met, '6' for stacking (WJ759 names it), '1' for a
 * change that needs a new request (WJ759: "geen wijziging, maar nieuwe aanvraag").
 */
import type { RegionProfile } from '../../regions/types.ts';
import type { Ledger, Toewijzing } from '../ledger.ts';
import type { OmvangFacts, ProductFacts } from '../actions.ts';
import { plusDays, plusMonths, type ToewijzingRules } from './toewijzing-rules.ts';

export interface Rejection {
  reden: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
  rule: string;
  text: string;
  /** With reden 8 (woonplaatsbeginsel): the municipality held responsible (TR377/TR409). */
  gemeente?: string;
}

/** One requested product, as the checks see it (from a 315 AangevraagdProduct or a 317 NieuwProduct). */
export interface RequestedProduct {
  bsn: string;
  aanbieder: string;
  dagtekening: string;
  product?: ProductFacts | undefined;
  ingangsdatum: string;
  einddatum?: string | undefined;
  omvang?: OmvangFacts | undefined;
  budget?: number | undefined;
  commentaar?: string | undefined;
  verwijzer?: { type: string; naam?: string | undefined; zorgverlenerCode?: string | undefined } | undefined;
}

export interface CheckContext {
  profile: RegionProfile;
  ledger: Ledger;
  rules: ToewijzingRules;
  /** The municipality's own code and what the BRP says of clients' residence (action `record-residence`). */
  gemeente?: string;
  residence?: ReadonlyMap<string, string>;
  /** Registered location codes of the provider and the products each is for (action `register-location`). */
  locations?: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface VerzoekChecks {
  /** FRL-VOT-6 (§3.2 lid 2), IJW-VOT-7: the client's woonplaats (BRP) lies in this municipality; else reden 8 naming the responsible one. */
  woonplaats(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** ALK-V2, FRL-VOT-3/4, UTR, RIJ: the referrer type may lead to a VOT in this region. */
  referrer(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** FRL-VOT-3: with a GI (04) the referrer's name and organisation are given. */
  referrerName(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** ALK-V1 (1 month), FRL-VOT-2 (4 weeks): how far the requested start may lie before the Dagtekening. */
  retroactive(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** ALK-T1: specific allocation only, a product code always. */
  productCode(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** ALK-T2: Toewijzingseinddatum and Volume always filled. */
  einddatumAndVolume(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** ALK-T8: the Omvang has a shape the region allows (eenheid with frequentie, Volume filled, Budget empty). */
  omvang(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** FRL-VOT-5: the location code is in the product's commentary and, where locations are registered, is one for the requested product (§3.2 lid 8). */
  locationCode(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** The product is one the region contracts (profile). */
  contracted(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** RIJ-LFM-1: a product that may only follow another (45A48 after B, D or E ended). */
  onlyAfter(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** RIJ-PROD-1: where the region's code table fixes each product's eenheid and frequentie, a request in another is not allocated. */
  unit(c: CheckContext, p: RequestedProduct): Rejection | undefined;
  /** IJW-STAP-1 / FRL-STAP-1: no stacking on a current toewijzing. */
  stacking(c: CheckContext, p: RequestedProduct, ignore?: ReadonlySet<number>): Rejection | undefined;
  /**
   * FRL-VOW-1: a 317 may extend a toewijzing only for an external referrer, with the same volume,
   * location and frequency, and not once its einddatum has passed.
   */
  extension(c: CheckContext, t: Toewijzing, change: { einddatum?: string | undefined; omvang?: OmvangFacts | undefined }, dagtekening: string, externalReferrer: boolean): Rejection | undefined;
}

const reject = (reden: Rejection['reden'], rule: string, text: string): Rejection => ({ reden, rule, text });

export const referenceVerzoekChecks: VerzoekChecks = {
  woonplaats({ profile, gemeente, residence }, p) {
    const woont = residence?.get(p.bsn);
    if (!woont || !gemeente || woont === gemeente) return undefined;
    return { ...reject('8', profile.allocation.woonplaatsbeginsel?.rule ?? 'IJW-VOT-7', `woonplaatsbeginsel: the client lived in ${woont}, not in ${gemeente}`), gemeente: woont };
  },
  referrer({ profile }, p) {
    const allowed = profile.allocation.requestReferrers?.value ?? profile.allocation.referrersAllowed.value;
    const type = p.verwijzer?.type;
    if (!type || allowed.includes(type)) return undefined;
    const rule = profile.allocation.referrersAllowed.rule ?? 'referrer';
    return reject('4', rule, `a VOT with referrer type ${type} is not accepted in ${profile.name} (allowed: ${allowed.join(', ')})`);
  },
  referrerName({ profile }, p) {
    const spec = profile.allocation.referrerNameAndOrganisation;
    const type = p.verwijzer?.type;
    if (!spec || !type || !spec.value.includes(type)) return undefined;
    return p.verwijzer!.naam?.trim() ? undefined : reject('4', spec.rule ?? 'referrer', `with referrer ${type} the name and organisation of the referrer are required`);
  },
  retroactive({ profile }, p) {
    const lim = profile.allocation.retroactiveLimit?.value;
    if (!lim) return undefined;
    const earliest = lim.months ? plusMonths(p.dagtekening, -lim.months) : plusDays(p.dagtekening, -7 * (lim.weeks ?? 0));
    if (p.ingangsdatum >= earliest) return undefined;
    return reject('4', profile.allocation.retroactiveLimit!.rule ?? 'retroactive', `the requested ingangsdatum ${p.ingangsdatum} lies more than ${lim.months ? `${lim.months} month(s)` : `${lim.weeks} weeks`} before the Dagtekening ${p.dagtekening} (earliest ${earliest})`);
  },
  productCode({ profile }, p) {
    const spec = profile.allocation.specificOnly;
    if (!spec?.value || p.product?.code) return undefined;
    return reject('4', spec.rule ?? 'specificOnly', 'only specific toewijzingen: the request has no product code');
  },
  einddatumAndVolume({ profile }, p) {
    const spec = profile.allocation.einddatumRequired;
    if (!spec?.value) return undefined;
    if (p.einddatum && p.omvang?.volume !== undefined) return undefined;
    return reject('4', spec.rule ?? 'einddatumRequired', `Toewijzingseinddatum and Volume are required (einddatum ${p.einddatum ?? 'empty'}, volume ${p.omvang?.volume ?? 'empty'})`);
  },
  omvang({ profile }, p) {
    const why = omvangShapeProblem(profile, p.omvang, p.budget);
    return why ? reject('4', profile.allocation.omvangShapes?.rule ?? 'omvangShapes', why) : undefined;
  },
  locationCode({ profile, locations }, p) {
    if (!profile.allocation.locationCodeInCommentary?.value) return undefined;
    const rule = profile.allocation.locationCodeInCommentary.rule ?? 'locationCodeInCommentary';
    const code = p.commentaar?.trim();
    if (!code) return reject('4', rule, 'the location code is missing from the product commentary');
    if (!locations?.size || !p.product?.code) return undefined;
    const products = locations.get(code);
    if (products?.has(p.product.code)) return undefined;
    return reject('4', rule, products ? `location code ${code} is registered for ${[...products].join(', ')}, not for ${p.product.code}` : `location code ${code} is not a registered location of the provider`);
  },

  contracted({ profile }, p) {
    if (!p.product?.code) return undefined;
    return profile.products.some((x) => x.code === p.product!.code) ? undefined : reject('3', 'contract', `product ${p.product.code} is not contracted in ${profile.name}`);
  },
  onlyAfter({ profile, ledger }, p) {
    const only = profile.products.find((x) => x.code === p.product?.code)?.onlyAfter;
    const spec = only?.value;
    if (!spec) return undefined;
    const ended = [...ledger.toewijzingen.values()].some((t) => t.bsn === p.bsn && t.product.code && spec.includes(t.product.code) && t.einddatum !== undefined && t.einddatum < p.ingangsdatum && t.einddatum > t.ingangsdatum);
    return ended ? undefined : reject('4', only!.rule ?? 'onlyAfter', `${p.product!.code} may only follow an ended arrangement ${spec.join('/')}, and the client has none that ended before ${p.ingangsdatum}`);
  },
  unit({ profile }, p) {
    if (!profile.allocation.unitFromCodeTable?.value || !p.omvang) return undefined;
    const pr = profile.products.find((x) => x.code === p.product?.code);
    if (!pr || (p.omvang.eenheid === pr.eenheid && p.omvang.frequentie === pr.frequentie)) return undefined;
    return reject('4', profile.allocation.unitFromCodeTable.rule ?? 'unitFromCodeTable', `${pr.code} is allocated in eenheid ${pr.eenheid}, frequentie ${pr.frequentie}; the request asks eenheid ${p.omvang.eenheid}, frequentie ${p.omvang.frequentie}`);
  },
  stacking({ profile, ledger, rules }, p, ignore) {
    if (!p.product) return undefined;
    const on = rules.stacksOn(ledger, profile, { bsn: p.bsn, aanbieder: p.aanbieder, product: p.product, ingangsdatum: p.ingangsdatum, einddatum: p.einddatum }, ignore);
    if (!on) return undefined;
    const alone = profile.allocation.combinableWithOtherCare;
    const rule = alone?.value === false ? alone.rule ?? 'IJW-STAP-1' : 'IJW-STAP-1';
    return reject('6', rule, `stacking: toewijzing ${on.nummer} (${on.product.code ?? on.product.categorie}, ${on.ingangsdatum}–${on.einddatum ?? 'open'}) overlaps the requested period`);
  },
  extension({ profile }, t, change, dagtekening, externalReferrer) {
    const spec = profile.allocation.vowExtension;
    if (profile.allocation.extension?.value !== 'change-einddatum' || !spec) return undefined;
    const rule = spec.rule ?? 'extension';
    if (spec.value.beforeEinddatum && t.einddatum && t.einddatum < dagtekening) return reject('1', rule, `toewijzing ${t.nummer} ended on ${t.einddatum}: a new JW315 is needed, not a JW317`);
    if (spec.value.externalReferrerOnly && !externalReferrer) return reject('4', rule, `toewijzing ${t.nummer} came from the municipal access: the gebiedsteam extends it, not a JW317`);
    if (spec.value.sameOmvang && change.omvang && t.omvang && (change.omvang.volume !== t.omvang.volume || change.omvang.frequentie !== t.omvang.frequentie || change.omvang.eenheid !== t.omvang.eenheid)) {
      return reject('4', rule, `an extension keeps volume and frequency (${t.omvang.volume}/${t.omvang.frequentie}, asked ${change.omvang.volume}/${change.omvang.frequentie})`);
    }
    return undefined;
  },
};

/** The checks of a JW315 product, in order; the first rejection decides. */
export const REQUEST_CHECK_ORDER = ['woonplaats', 'referrer', 'referrerName', 'contracted', 'productCode', 'einddatumAndVolume', 'omvang', 'locationCode', 'retroactive', 'unit', 'onlyAfter', 'stacking'] as const;

/**
 * ALK-T8: why an Omvang (and Budget) does not fit the shapes the region allows for a specific
 * toewijzing, or undefined (also when the region sets none). Shared by both reference parties.
 */
export function omvangShapeProblem(profile: RegionProfile, omvang: OmvangFacts | undefined, budget?: number): string | undefined {
  const shapes = profile.allocation.omvangShapes?.value;
  if (!shapes) return undefined;
  if (budget !== undefined) return `a specific toewijzing has no Budget (Bijlage 6: Budget "leeg"), given ${budget}`;
  if (!omvang) return undefined; // a missing Volume is ALK-T2's
  const allowed = shapes[omvang.eenheid];
  if (!allowed) return `eenheid ${omvang.eenheid} is not one of ${Object.keys(shapes).join(', ')} (Bijlage 6)`;
  return allowed.includes(omvang.frequentie) ? undefined : `eenheid ${omvang.eenheid} goes with frequentie ${allowed.join(', ')}, not ${omvang.frequentie} (Bijlage 6)`;
}
