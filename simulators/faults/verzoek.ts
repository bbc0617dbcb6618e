/** Faulty variants around requests (JW315–JW320) and allocation (JW301); each replaces one named rule or check. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { endAfterYears } from '../gemeente/toewijzing-rules.ts';
import type { Judgement } from '../party.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';
import { plusDays } from '../gemeente/toewijzing-rules.ts';
import { careReportingFlowOf } from '../aanbieder/care-reporting.ts';
import { requestsOnMunicipalReferral } from './support.ts';
import type { VerzoekChecks } from '../gemeente/verzoek-rules.ts';

/** The woonplaatsbeginsel refusal with the refusing municipality's own code instead of the one the client lived in. */
const namingItself = (honest: VerzoekChecks['woonplaats']): VerzoekChecks['woonplaats'] => (c, p) => {
  const r = honest(c, p);
  return r && c.gemeente ? { ...r, gemeente: c.gemeente } : r;
};

export const verzoekFaults: Fault[] = [
  gemeenteOverride({
    id: 'gemeente-stacks-same-product',
    rule: 'IJW-STAP-1',
    region: 'alkmaar',
    description: 'Allocates the same product at the same provider again for an overlapping period (no stacking check)',
    table: 'toewijzing.rules',
    name: 'stacksOn',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-retroactive-limit',
    rule: 'FRL-VOT-2',
    region: 'fryslan',
    description: 'Honours a VOT whose requested start lies more than 4 weeks before the request date',
    table: 'verzoek.checks',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-answers-request-late',
    role: 'gemeente',
    rule: 'FRL-VOT-1',
    region: 'fryslan',
    description: 'Answers a VOT with its JW301 or JW319 6 werkdagen after the request (the deadline is 5)',
    apply(g) {
      verzoekFlowOf(g).decideAfterWerkdagen = 6;
    },
  },
  {
    id: 'gemeente-allocates-without-einddatum',
    role: 'gemeente',
    rule: 'ALK-T2',
    region: 'alkmaar',
    description: 'Honours a VOT with a toewijzing that has no einddatum (where no national rule needs one)',
    apply(g) {
      // A faulty variant breaks one rule: the einddatum stays where CD076 (per week) needs it too,
      // else the provider would refuse the JW301 on the national rule (0001) before ALK-T2 is judged.
      const flow = verzoekFlowOf(g);
      const honest = flow.toewijzingFor.bind(flow);
      flow.toewijzingFor = (ref, p) => {
        const t = honest(ref, p);
        if (t.omvang?.frequentie === '2') return t;
        const { einddatum: _dropped, ...rest } = t;
        return rest;
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-allocates-one-year',
    rule: 'FRL-TOEW-1',
    region: 'fryslan',
    description: 'Gives a toewijzing an einddatum of ingangsdatum + 1 year instead of + 2 years',
    table: 'toewijzing.rules',
    name: 'einddatum',
    with: () => (_profile, ingangsdatum) => endAfterYears(ingangsdatum, 1),
  }),
  aanbiederOverride({
    id: 'aanbieder-sends-referrer-name-with-code',
    rule: 'IJW-VOT-4',
    region: 'alkmaar',
    description: 'Fills NaamVerwijzer next to the ZorgverlenerCode of a type 02–05 referrer (CD066)',
    table: 'verzoek.rules',
    name: 'verwijzer',
    with: () => (_profile, v) => ({ Type: v.type as never, ...(v.naam ? { Naam: v.naam } : {}), ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : {}) }),
  }),
  gemeenteOverride({
    id: 'gemeente-keeps-unstarted-toewijzing',
    rule: 'ALK-T7',
    region: 'alkmaar',
    description: 'Does not withdraw a toewijzing that has not started 12 months after its ingangsdatum',
    table: 'toewijzing.rules',
    name: 'lapses',
    with: () => () => false,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-one-month-limit',
    rule: 'ALK-V1',
    region: 'alkmaar',
    description: 'Honours a VOT whose requested ingangsdatum lies more than one month before its Dagtekening',
    table: 'verzoek.checks',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-requests-too-far-back',
    rule: 'ALK-V1',
    region: 'alkmaar',
    description: 'Sends a VOT with an ingangsdatum more than one month back',
    table: 'verzoek.rules',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-honours-any-referrer',
    rule: 'ALK-V2',
    region: 'alkmaar',
    description: 'Honours a VOT on a municipal referral (01) or a self-referral (06)',
    table: 'verzoek.checks',
    name: 'referrer',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-requests-on-any-referral',
    role: 'aanbieder',
    rule: 'ALK-V2',
    region: 'alkmaar',
    description: 'Sends a VOT on a municipal referral (01) or a self-referral (06)',
    apply(a) {
      const rules = aanbiederVerzoekFlowOf(a).rules;
      const mayRequest = rules.mayRequest;
      rules.mayRequest = function (profile, action, today) {
        return mayRequest.call(this, profile, { ...action, verwijzer: { ...action.verwijzer, type: '02' } }, today);
      };
    },
  },
  {
    id: 'aanbieder-holds-vot',
    role: 'aanbieder',
    rule: 'ALK-V3',
    region: 'alkmaar',
    description: 'Queues the VOT and sends it 7 werkdagen after the intake was assessed',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const requestAllocation = flow.requestAllocation.bind(flow);
      flow.requestAllocation = async (r) => {
        a.schedule(addWerkdagen(a.date, 7), 'batched JW315', async () => void (await requestAllocation(r)));
        return [];
      };
    },
  },
  {
    id: 'gemeente-takes-incomplete-vow',
    role: 'gemeente',
    rule: 'ALK-VOW-1',
    region: 'alkmaar',
    description: 'Takes in a VOW that leaves out a current toewijzing instead of judging the desired situation as a whole (no 9349, TR349)',
    // A VOW changing or adding from a date in the past is refused by the national rules already
    // (TR380 in the message, TR357 against the toewijzing), so what ALK-VOW-1 adds is the whole.
    apply(g) {
      const flow = verzoekFlowOf(g) as unknown as { onVow(m: unknown): Judgement };
      const onVow = flow.onVow.bind(flow);
      flow.onVow = (m) => {
        const j = onVow(m);
        return { ...j, findings: j.findings.filter((f) => f.retourcode !== '9349') };
      };
    },
  },
  {
    id: 'aanbieder-vow-leaves-out-unchanged',
    role: 'aanbieder',
    rule: 'ALK-VOW-1',
    region: 'alkmaar',
    description: 'Sends a VOW with only the changed products, leaving out the unchanged current toewijzingen',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send317 = flow.send317.bind(flow);
      flow.send317 = (bsn, v) => send317(bsn, { ...v, ongewijzigd: [] });
    },
  },
  {
    id: 'aanbieder-sends-vow-from-the-past',
    role: 'aanbieder',
    rule: 'ALK-VOW-1',
    region: 'alkmaar',
    description: 'Asks a change or a new product from a date on or before today with a JW317 instead of agreeing it with the municipality',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      flow.rules = { ...flow.rules, changeDate: () => undefined };
    },
  },
  gemeenteOverride({
    id: 'gemeente-names-itself-on-woonplaats-alkmaar',
    rule: 'IJW-VOT-7',
    region: 'alkmaar',
    description: 'Rejects a VOT on the woonplaatsbeginsel (reden 8) naming its own municipality instead of the one the client lived in',
    table: 'verzoek.checks',
    name: 'woonplaats',
    with: namingItself,
  }),
  {
    id: 'aanbieder-requests-as-subcontractor',
    role: 'aanbieder',
    rule: 'RIJ-VOT-1',
    region: 'rijnmond',
    description: 'Sends a JW315 also as a subcontractor (only the main contractor does)',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const may = flow.rules.mayRequest;
      flow.rules = {
        ...flow.rules,
        mayRequest(profile, action, today) {
          return may.call(this, profile, { ...action, hoofdaannemer: true }, today);
        },
      };
    },
  },
  {
    id: 'aanbieder-asks-follow-up-with-317',
    role: 'aanbieder',
    rule: 'RIJ-VOT-2',
    region: 'rijnmond',
    description: 'Asks a follow-up arrangement with a JW317 extending the toewijzing instead of a new JW315',
    apply(a) {
      const flow = careReportingFlowOf(a);
      const perform = flow.perform.bind(flow);
      flow.perform = async (action) => {
        if (action.action !== 'request-continuation') return perform(action);
        const t = a.toewijzing(action.toewijzingNummer);
        const v = aanbiederVerzoekFlowOf(a);
        await v.send317(t.bsn, {
          referentieAanbieder: v.nextReferentie(), redenVerzoek: '2', ongewijzigd: [], nieuw: [],
          teWijzigen: [{ ToewijzingNummer: t.nummer, GewensteIngangsdatum: t.ingangsdatum, Einddatum: action.einddatum, ...(t.omvang ? { Omvang: { Volume: t.omvang.volume, Eenheid: t.omvang.eenheid as never, Frequentie: t.omvang.frequentie as never } } : {}) }],
        });
        return true;
      };
    },
  },
  {
    id: 'aanbieder-requests-without-einddatum',
    role: 'aanbieder',
    rule: 'RIJ-VOT-3',
    region: 'rijnmond',
    description: 'Leaves the ToewijzingEinddatum out of the JW315',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send315 = flow.send315.bind(flow);
      flow.send315 = (client, products) => send315(client, products.map((p) => ({ ...p, einddatum: undefined })));
    },
  },
  {
    id: 'aanbieder-omits-einddatum-where-cd076-allows-rijnmond',
    role: 'aanbieder',
    rule: 'RIJ-VOT-3',
    region: 'rijnmond',
    description: 'Leaves the ToewijzingEinddatum out of a JW315 where national CD076 does not demand it (a frequentie other than 2 per week, e.g. 45A48)',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send315 = flow.send315.bind(flow);
      flow.send315 = (client, products) => send315(client, products.map((p) => (p.omvang && p.omvang.frequentie !== '2' ? { ...p, einddatum: undefined } : p)));
    },
  },
  aanbiederOverride({
    id: 'aanbieder-requests-start-far-back',
    rule: 'FRL-VOT-2',
    region: 'fryslan',
    description: 'Requests a toewijzing starting more than 4 weeks before the request date',
    table: 'verzoek.rules',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-gi-referrer-name',
    rule: 'FRL-VOT-3',
    region: 'fryslan',
    description: 'Honours a VOT on a GI referral (04) that does not give the referrer\'s name and organisation',
    table: 'verzoek.checks',
    name: 'referrerName',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-gi-referrer-without-organisation',
    rule: 'FRL-VOT-3',
    region: 'fryslan',
    description: 'Names only the GI referrer, not its organisation, in the JW315',
    table: 'verzoek.rules',
    name: 'verwijzer',
    with: (verwijzer) => (profile, v) => (v.type === '04' && v.naam ? { Type: '04' as never, Naam: v.naam } : verwijzer(profile, v)),
  }),
  aanbiederOverride({
    id: 'aanbieder-gi-referrer-by-code',
    rule: 'FRL-VOT-3',
    region: 'fryslan',
    description: 'Names a GI referrer (04) by its ZorgverlenerCode when it has one, without the name and organisation (valid nationally under CD066, not in Fryslân)',
    table: 'verzoek.rules',
    name: 'verwijzer',
    with: (verwijzer) => (profile, v) => (v.type === '04' && v.zorgverlenerCode ? { Type: '04' as never, ZorgverlenerCode: v.zorgverlenerCode } : verwijzer(profile, v)),
  }),
  {
    id: 'aanbieder-requests-on-gebiedsteam-referral',
    role: 'aanbieder',
    rule: 'FRL-VOT-4',
    region: 'fryslan',
    description: 'Sends a JW315 on a gebiedsteam referral (01), which the municipality allocates directly',
    apply(a) {
      requestsOnMunicipalReferral(a);
    },
  },
  gemeenteOverride({
    id: 'gemeente-allocates-without-location-code',
    rule: 'FRL-VOT-5',
    region: 'fryslan',
    description: 'Honours a VOT that has no location code in the product commentary',
    table: 'verzoek.checks',
    name: 'locationCode',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-location-product',
    rule: 'FRL-VOT-5',
    region: 'fryslan',
    description: 'Honours a VOT whose location code is registered for another product (checks only that a code is given)',
    table: 'verzoek.checks',
    name: 'locationCode',
    with: (locationCode) => ({ locations: _ignored, ...c }, p) => locationCode(c, p),
  }),
  aanbiederOverride({
    id: 'aanbieder-leaves-out-location-code',
    rule: 'FRL-VOT-5',
    region: 'fryslan',
    description: 'Does not put the location code in the JW315 product commentary',
    table: 'verzoek.rules',
    name: 'commentaar',
    with: () => (_profile, p) => p.commentaar,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-woonplaatsbeginsel',
    rule: 'FRL-VOT-6',
    region: 'fryslan',
    description: 'Honours a VOT for a young person who, by the BRP, lived in another municipality',
    table: 'verzoek.checks',
    name: 'woonplaats',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-woonplaats-names-itself',
    rule: 'FRL-VOT-6',
    region: 'fryslan',
    description: 'Rejects a VOT on the woonplaatsbeginsel (JW319 reden 8) naming itself instead of the municipality the client lived in',
    table: 'verzoek.checks',
    name: 'woonplaats',
    with: namingItself,
  }),
  gemeenteOverride({
    id: 'gemeente-extends-with-other-volume',
    rule: 'FRL-VOW-1',
    region: 'fryslan',
    description: 'Honours a JW317 extension that changes the volume',
    table: 'verzoek.checks',
    name: 'extension',
    with: (extension) => (c, t, change, dagtekening, external) => extension(c, t, { einddatum: change.einddatum }, dagtekening, external),
  }),
  {
    id: 'gemeente-extends-without-location',
    role: 'gemeente',
    rule: 'FRL-VOW-1',
    region: 'fryslan',
    description: 'Honours a JW317 extension with a JW301 that drops the location code from the Commentaar',
    apply(g) {
      const flow = verzoekFlowOf(g) as unknown as { applyChange: (t: { commentaar?: string }, ...rest: unknown[]) => unknown };
      const applyChange = flow.applyChange.bind(flow);
      flow.applyChange = (t, ...rest) => {
        delete t.commentaar;
        return applyChange(t, ...rest);
      };
    },
  },
  {
    id: 'aanbieder-extends-with-other-volume',
    role: 'aanbieder',
    rule: 'FRL-VOW-1',
    region: 'fryslan',
    description: 'Asks one etmaal more per week in the JW317 that extends a toewijzing',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send317 = flow.send317.bind(flow);
      flow.send317 = (bsn, v) => send317(bsn, { ...v, teWijzigen: v.teWijzigen.map((p) => (p.Omvang ? { ...p, Omvang: { ...p.Omvang, Volume: p.Omvang.Volume + 1 } } : p)) });
    },
  },
  {
    id: 'gemeente-extends-with-new-toewijzing',
    role: 'gemeente',
    rule: 'FRL-VOW-2',
    region: 'fryslan',
    description: 'Extends a gebiedsteam toewijzing with a new toewijzing (new number) for the extra period instead of a new einddatum on the same one',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = async (t, einddatum, reden) => {
        if (!t.einddatum || einddatum <= t.einddatum) return change(t, einddatum, reden);
        await g.allocate(g.ledger.clients.get(t.bsn)!, [{ product: t.product, ingangsdatum: plusDays(t.einddatum, 1), einddatum, ...(t.omvang ? { omvang: t.omvang } : {}) }]);
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-asks-317-on-gebiedsteam-route',
    rule: 'FRL-VOW-2',
    region: 'fryslan',
    description: 'Asks an extension of a gebiedsteam toewijzing with a JW317 (the gebiedsteam extends it with a JW301)',
    table: 'verzoek.rules',
    name: 'mayChange',
    with: (mayChange) => (profile, t, change, today) => mayChange(profile, t, change, today, true),
  }),
  {
    id: 'gemeente-handles-request-outside-messages',
    role: 'gemeente',
    rule: 'UTR-VOT-1',
    region: 'utrecht',
    description: 'Answers a request it cannot process only outside the messages: no JW319, so the request stays open (OP274, OP344)',
    apply(g) {
      const flow = verzoekFlowOf(g) as unknown as { reject: (ref: string, r: unknown) => Promise<void> };
      flow.reject = async () => undefined;
    },
  },
  aanbiederOverride({
    id: 'aanbieder-requests-only-on-huisarts-referral',
    rule: 'UTR-VOT-2',
    region: 'utrecht',
    description: 'Sends a JW315 only on a huisarts referral (02), not for a jeugdarts, medisch specialist, judge or GI',
    table: 'verzoek.rules',
    name: 'mayRequest',
    with: (mayRequest) => (profile, act, today) => (act.verwijzer.type === '02' ? mayRequest(profile, act, today) : `referrer ${act.verwijzer.type}: no JW315`),
  }),
];
