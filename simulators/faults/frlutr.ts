/**
 * Faulty variants for the Fryslân (FRL-*) and Utrecht (UTR-*) rules: each overrides one check or
 * behaviour of the reference municipality or provider, in the region whose scenarios catch it.
 */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride, refusesMessage } from './override.ts';
import { sendsStartLate, sendsStopLate } from './late.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import type { Handlers, Judgement } from '../party.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { plusDays } from '../gemeente/toewijzing-rules.ts';
import { crossFinding } from '../party.ts';
import { liveStops, type StartRecord } from '../ledger.ts';

/** Every message this party originates carries `field` = `code` in its header. */
function headerSays(party: ReferenceGemeente | ReferenceAanbieder, field: 'Afzender' | 'Ontvanger', code: string): void {
  const p = party as unknown as { header: (c: string) => Record<string, unknown> };
  const header = p.header.bind(party);
  p.header = (c) => ({ ...header(c), [field]: code });
}



/** The provider also sends a JW315 on a referral that gets a JW301 directly (01: gebiedsteam, buurtteam). */
function requestsOnMunicipalReferral(a: ReferenceAanbieder): void {
  const rules = aanbiederVerzoekFlowOf(a).rules;
  const mayRequest = rules.mayRequest.bind(rules);
  rules.mayRequest = (profile, act, today) => (act.verwijzer.type === '01' ? undefined : mayRequest(profile, act, today));
}

export const frlutrFaults: Fault[] = [
  // ================================================================ Fryslân
  refusesMessage({
    id: 'gemeente-frl-refuses-317',
    role: 'gemeente',
    rule: 'FRL-MSG-1',
    region: 'fryslan',
    description: 'Does not take the JW317 (answers HTTP 400), although every Frisian municipality uses the full message set',
    message: 'JW317',
  }),
  refusesMessage({
    id: 'aanbieder-frl-refuses-319',
    role: 'aanbieder',
    rule: 'FRL-MSG-1',
    region: 'fryslan',
    description: 'Does not take the municipality\'s JW319 (answers HTTP 400 instead of a JW320)',
    message: 'JW319',
  }),
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
  {
    id: 'aanbieder-gi-referrer-without-organisation',
    role: 'aanbieder',
    rule: 'FRL-VOT-3',
    region: 'fryslan',
    description: 'Names only the GI referrer, not its organisation, in the JW315',
    apply(a) {
      const rules = aanbiederVerzoekFlowOf(a).rules;
      const verwijzer = rules.verwijzer.bind(rules);
      rules.verwijzer = (profile, v) => (v.type === '04' && v.naam ? { Type: '04' as never, Naam: v.naam } : verwijzer(profile, v));
    },
  },
  {
    id: 'aanbieder-gi-referrer-by-code',
    role: 'aanbieder',
    rule: 'FRL-VOT-3',
    region: 'fryslan',
    description: 'Names a GI referrer (04) by its ZorgverlenerCode when it has one, without the name and organisation (valid nationally under CD066, not in Fryslân)',
    apply(a) {
      const rules = aanbiederVerzoekFlowOf(a).rules;
      const verwijzer = rules.verwijzer.bind(rules);
      rules.verwijzer = (profile, v) => (v.type === '04' && v.zorgverlenerCode ? { Type: '04' as never, ZorgverlenerCode: v.zorgverlenerCode } : verwijzer(profile, v));
    },
  },
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
  {
    id: 'gemeente-ignores-location-product',
    role: 'gemeente',
    rule: 'FRL-VOT-5',
    region: 'fryslan',
    description: 'Honours a VOT whose location code is registered for another product (checks only that a code is given)',
    apply(g) {
      const checks = verzoekFlowOf(g).checks;
      const locationCode = checks.locationCode.bind(checks);
      checks.locationCode = ({ locations: _ignored, ...c }, p) => locationCode(c, p);
    },
  },
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
  {
    id: 'gemeente-woonplaats-names-itself',
    role: 'gemeente',
    rule: 'FRL-VOT-6',
    region: 'fryslan',
    description: 'Rejects a VOT on the woonplaatsbeginsel (JW319 reden 8) naming itself instead of the municipality the client lived in',
    apply(g) {
      const checks = verzoekFlowOf(g).checks;
      const woonplaats = checks.woonplaats.bind(checks);
      checks.woonplaats = (c, p) => {
        const r = woonplaats(c, p);
        return r && c.gemeente ? { ...r, gemeente: c.gemeente } : r;
      };
    },
  },
  {
    id: 'gemeente-extends-with-other-volume',
    role: 'gemeente',
    rule: 'FRL-VOW-1',
    region: 'fryslan',
    description: 'Honours a JW317 extension that changes the volume',
    apply(g) {
      const checks = verzoekFlowOf(g).checks;
      const extension = checks.extension.bind(checks);
      checks.extension = (c, t, change, dagtekening, external) => extension(c, t, { einddatum: change.einddatum }, dagtekening, external);
    },
  },
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
  {
    id: 'aanbieder-asks-317-on-gebiedsteam-route',
    role: 'aanbieder',
    rule: 'FRL-VOW-2',
    region: 'fryslan',
    description: 'Asks an extension of a gebiedsteam toewijzing with a JW317 (the gebiedsteam extends it with a JW301)',
    apply(a) {
      const rules = aanbiederVerzoekFlowOf(a).rules;
      const mayChange = rules.mayChange.bind(rules);
      rules.mayChange = (profile, t, change, today) => mayChange(profile, t, change, today, true);
    },
  },
  {
    id: 'gemeente-stacks-other-care',
    role: 'gemeente',
    rule: 'FRL-STAP-1',
    region: 'fryslan',
    description: 'Honours a VOT for a Frisian product while a toewijzing for other youth care runs (checks only the same product)',
    apply(g) {
      const rules = verzoekFlowOf(g).rules;
      const stacksOn = rules.stacksOn.bind(rules);
      rules.stacksOn = (ledger, profile, c, ignore) => stacksOn(ledger, { ...profile, allocation: { ...profile.allocation, combinableWithOtherCare: { value: true, source: 'fault' } } }, c, ignore);
    },
  },
  {
    id: 'gemeente-allocates-etmalen-per-month',
    role: 'gemeente',
    rule: 'FRL-PROD-1',
    region: 'fryslan',
    description: 'Allocates the etmaal products per month (frequentie 4) instead of per week (2)',
    apply(g) {
      const allocate = g.allocate.bind(g);
      g.allocate = (client, products) => allocate(client, products.map((p) => (p.omvang?.eenheid === '14' ? { ...p, omvang: { ...p.omvang, frequentie: '4' } } : p)));
    },
  },
  {
    id: 'aanbieder-refuses-etmalen-per-week',
    role: 'aanbieder',
    rule: 'FRL-PROD-1',
    region: 'fryslan',
    description: 'Rejects a toewijzing in etmalen (14) per week (2) with a JW302 retourcode',
    affectsEveryFlow: 'every Frisian product is allocated in etmalen per week, so every scenario begins with a toewijzing this variant rejects',
    apply(a) {
      const handlers = (a as unknown as { handlers: () => Handlers }).handlers.bind(a);
      (a as unknown as { handlers: () => Handlers }).handlers = () => {
        const h = handlers();
        const on301 = h.JW301!;
        return {
          ...h,
          JW301: async (m, xml): Promise<Judgement> => {
            const etmaal = m.Client.ToegewezenProducten.ToegewezenProduct.findIndex((p) => p.Omvang?.Eenheid === '14' && p.Omvang.Frequentie === '2');
            if (etmaal < 0) return on301(m, xml);
            return { findings: [crossFinding('JW301', `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${etmaal + 1}]/Omvang`, 'FRL-PROD-1', '0001', 'etmalen per week not supported')] };
          },
        };
      };
    },
  },
  {
    id: 'aanbieder-frl-sends-start-late',
    role: 'aanbieder',
    rule: 'FRL-START-1',
    region: 'fryslan',
    description: 'Sends the JW305 in a batch 7 werkdagen after the care started (the limit is 5)',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  {
    id: 'gemeente-answers-start-late',
    role: 'gemeente',
    rule: 'FRL-START-1',
    region: 'fryslan',
    description: 'Answers a JW305 with 202 and sends the JW306 4 werkdagen later (the limit is 3)',
    affectsEveryFlow: 'every scenario that starts care waits for a JW306 that comes 4 werkdagen late',
    apply(g) {
      const o = g as unknown as { onStart: (m: unknown) => Judgement };
      const onStart = o.onStart.bind(g);
      o.onStart = (m) => {
        const previous = g.retourDelayWerkdagen;
        g.retourDelayWerkdagen = 4;
        setTimeout(() => void (g.retourDelayWerkdagen = previous), 0);
        return onStart(m);
      };
    },
  },
  {
    id: 'aanbieder-frl-sends-stop-late',
    role: 'aanbieder',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Sends the JW307 in a batch 7 werkdagen after the care stopped (the limit is 5)',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'gemeente-keeps-toewijzing-after-stop',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Does not end the toewijzing with a JW301 after a definitive stop',
    apply(g) {
      const o = g as unknown as { onStop: (m: Jw307) => Judgement };
      const onStop = o.onStop.bind(g);
      o.onStop = (m) => {
        const { after: _after, ...rest } = onStop(m);
        return rest;
      };
    },
  },
  {
    id: 'gemeente-ends-toewijzing-after-temporary-stop',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Ends the toewijzing with a JW301 after every stop, also a temporary one (reden 20)',
    apply(g) {
      g.endsToewijzingAfterStop = () => true;
    },
  },
  {
    id: 'gemeente-ends-toewijzing-as-client-died',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Ends the toewijzing after a definitive stop with RedenWijziging 02 "cliënt overleden", whatever the stop\'s reden',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = (t, einddatum, reden) => change(t, einddatum, reden === '14' ? '02' : reden);
    },
  },
  {
    id: 'gemeente-answers-stop-in-4-werkdagen',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Answers a JW307 with 202 and sends the JW308 4 werkdagen later: within the seed\'s 5, beyond the national 3 (OP090)',
    affectsEveryFlow: 'every scenario that stops care waits for a JW308 that comes 4 werkdagen late',
    apply(g) {
      const o = g as unknown as { onStop: (m: unknown) => Judgement };
      const onStop = o.onStop.bind(g);
      o.onStop = (m) => {
        const previous = g.retourDelayWerkdagen;
        g.retourDelayWerkdagen = 4;
        setTimeout(() => void (g.retourDelayWerkdagen = previous), 0);
        return onStop(m);
      };
    },
  },
  {
    id: 'aanbieder-declares-from-start-of-care',
    role: 'aanbieder',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Bounds the ProductPeriode by the start and stop of care, as the seed\'s §8.1 says, instead of by the toewijzing only (TR387/TR388)',
    apply(a) {
      type Period = { begindatum: string; einddatum: string } | undefined;
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { productPeriode: (t: unknown, month: string, start?: StartRecord) => Period };
      const productPeriode = flow.productPeriode.bind(flow);
      flow.productPeriode = (t, month, start) => {
        const pp = productPeriode(t, month, start);
        if (!pp || !start) return pp;
        const stop = liveStops(start).at(-1)?.einddatum;
        const begindatum = start.begindatum > pp.begindatum ? start.begindatum : pp.begindatum;
        const einddatum = stop && stop < pp.einddatum ? stop : pp.einddatum;
        return begindatum <= einddatum ? { begindatum, einddatum } : undefined;
      };
    },
  },
  {
    id: 'gemeente-accepts-period-from-start-of-care',
    role: 'gemeente',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Approves a ProductPeriode bounded by the start or stop of care (the seed\'s §8.1) instead of rejecting it with 9387/9388 (TR387/TR388)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const begins = checks.periodBeginsOnFirst.bind(checks);
      const ends = checks.periodEndsOnLast.bind(checks);
      checks.periodBeginsOnFirst = (c) => (c.starts.some((s) => s.begindatum === c.p.ProductPeriode.Begindatum) ? undefined : begins(c));
      checks.periodEndsOnLast = (c) => (c.starts.some((s) => liveStops(s).some((x) => x.einddatum === c.p.ProductPeriode.Einddatum)) ? undefined : ends(c));
    },
  },
  gemeenteOverride({
    id: 'gemeente-frl-accepts-any-tariff',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Approves a line whose ProductTarief is not the etmaalprijs',
    table: 'declaratie.checks',
    name: 'tariff',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-pays-without-toewijzing',
    role: 'gemeente',
    rule: 'FRL-DECL-2',
    region: 'fryslan',
    description: 'Approves a line whose ToewijzingNummer is no toewijzing of the client',
    apply(g) {
      const flow = declaratieFlowOf(g) as unknown as { judgeLine: (...args: unknown[]) => unknown[] };
      const judgeLine = flow.judgeLine.bind(flow);
      flow.judgeLine = (...args) => {
        const p = args[2] as { ToewijzingNummer: number };
        return g.ledger.toewijzingen.has(p.ToewijzingNummer) ? judgeLine(...args) : [];
      };
    },
  },
  {
    id: 'gemeente-counts-year-from-declared-month',
    role: 'gemeente',
    rule: 'FRL-DECL-4',
    region: 'fryslan',
    description: 'Rejects a declaration more than a year after the month it declares, counting from the ProductPeriode instead of from the JW307',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const declarationTerm = checks.declarationTerm.bind(checks);
      checks.declarationTerm = (c) => {
        const limit = c.p.ProductPeriode.Einddatum.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
        return c.msg.Header.BerichtIdentificatie.Dagtekening > limit
          ? { retourcode: '9319', rule: 'FRL-DECL-4', text: `declared more than a year after ${c.p.ProductPeriode.Einddatum}` }
          : declarationTerm(c);
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-declares-running-month',
    rule: 'FRL-DECL-5',
    region: 'fryslan',
    description: 'Declares a month before it has ended',
    table: 'declaratie.rules',
    name: 'notDeclarableYet',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-signs-as-leeuwarden',
    role: 'gemeente',
    rule: 'FRL-CODES',
    region: 'fryslan',
    description: 'Sends every message as Leeuwarden (0080), also for the other 17 municipalities',
    apply(g) {
      headerSays(g, 'Afzender', '0080');
    },
  },
  {
    id: 'aanbieder-addresses-leeuwarden',
    role: 'aanbieder',
    rule: 'FRL-CODES',
    region: 'fryslan',
    description: 'Addresses every message to Leeuwarden (0080), whichever municipality allocated',
    apply(a) {
      headerSays(a, 'Ontvanger', '0080');
    },
  },
  // ================================================================ Utrecht
  refusesMessage({
    id: 'aanbieder-utr-refuses-319',
    role: 'aanbieder',
    rule: 'UTR-MSG-1',
    region: 'utrecht',
    description: 'Does not take the municipality\'s JW319 (answers HTTP 400), as if Utrecht\'s pre-iJw-3.0 message table were the whole set',
    message: 'JW319',
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
  {
    id: 'aanbieder-requests-only-on-huisarts-referral',
    role: 'aanbieder',
    rule: 'UTR-VOT-2',
    region: 'utrecht',
    description: 'Sends a JW315 only on a huisarts referral (02), not for a jeugdarts, medisch specialist, judge or GI',
    apply(a) {
      const rules = aanbiederVerzoekFlowOf(a).rules;
      const mayRequest = rules.mayRequest.bind(rules);
      rules.mayRequest = (profile, act, today) => (act.verwijzer.type === '02' ? mayRequest(profile, act, today) : `referrer ${act.verwijzer.type}: no JW315`);
    },
  },
  {
    id: 'aanbieder-requests-on-buurtteam-referral',
    role: 'aanbieder',
    rule: 'UTR-TOEW-1',
    region: 'utrecht',
    description: 'Sends a JW315 on a buurtteam referral (01), which reaches it as a JW301 directly',
    apply(a) {
      requestsOnMunicipalReferral(a);
    },
  },
  {
    id: 'gemeente-refers-direct-toewijzing-to-request',
    role: 'gemeente',
    rule: 'UTR-TOEW-1',
    region: 'utrecht',
    description: 'Fills a ReferentieAanbieder in a buurtteam toewijzing that follows no request (TR379)',
    apply(g) {
      const allocate = g.allocate.bind(g);
      g.allocate = (client, products) => allocate(client, products.map((p, i) => ({ referentieAanbieder: `BUURTTEAM-${client.bsn}-${i}`, ...p })));
    },
  },
  {
    id: 'gemeente-numbers-toewijzingen-per-client',
    role: 'gemeente',
    rule: 'UTR-TOEW-2',
    region: 'utrecht',
    description: 'Numbers the toewijzingen per client, so two clients\' buurtteam toewijzingen share a number',
    apply(g) {
      const allocate = g.allocate.bind(g);
      g.allocate = (client, products) => {
        (g as unknown as { nextNummer: number }).nextNummer = 1000;
        return allocate(client, products);
      };
    },
  },
  {
    id: 'gemeente-renumbers-changed-toewijzing',
    role: 'gemeente',
    rule: 'UTR-TOEW-2',
    region: 'utrecht',
    description: 'Gives a toewijzing a new ToewijzingNummer when it changes it (IV066: a change keeps the number)',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      const counter = g as unknown as { nextNummer: number };
      g.changeToewijzing = (t, einddatum, reden) => {
        g.ledger.toewijzingen.delete(t.nummer);
        t.nummer = ++counter.nextNummer;
        g.ledger.toewijzingen.set(t.nummer, t);
        return change(t, einddatum, reden);
      };
    },
  },
  {
    id: 'aanbieder-utr-sends-start-late',
    role: 'aanbieder',
    rule: 'UTR-START-1',
    region: 'utrecht',
    description: 'Sends the JW305 in a batch 7 werkdagen after the care started (the limit is 5)',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-starts-at-intake',
    rule: 'UTR-START-1',
    region: 'utrecht',
    description: 'Takes the intake (kennismaking) as the begindatum of the JW305',
    table: 'declaratie.rules',
    name: 'startsCare',
    with: () => (c) => !c.absence,
  }),
  {
    id: 'aanbieder-utr-sends-stop-late',
    role: 'aanbieder',
    rule: 'UTR-STOP-1',
    region: 'utrecht',
    description: 'Sends the JW307 in a batch 7 werkdagen after the care ended (the limit is 5)',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'aanbieder-stops-on-report-date',
    role: 'aanbieder',
    rule: 'UTR-STOP-1',
    region: 'utrecht',
    description: 'Puts the date it reports the stop in the JW307\'s Einddatum instead of the actual end of care',
    apply(a) {
      const stopCare = a.stopCare.bind(a);
      a.stopCare = (nummer, einddatum, reden, begindatum, status) => stopCare(nummer, status === '3' ? einddatum : a.date, reden, begindatum, status);
    },
  },
  {
    id: 'aanbieder-reuses-declaratienummer',
    role: 'aanbieder',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Gives every declaration the same DeclaratieNummer (the seed demands a unique factuurnummer)',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { nextNumber: (prefix: string, width: number) => string };
      const nextNumber = flow.nextNumber.bind(flow);
      flow.nextNumber = (prefix, width) => (prefix === 'D' ? 'D0001' : nextNumber(prefix, width));
    },
  },
  {
    id: 'aanbieder-declares-at-this-years-tariff',
    role: 'aanbieder',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Declares care at the tariff of the year it declares in, not of the year of care (December care in January at the new tariff)',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const perUnit = rules.perUnit.bind(rules);
      rules.perUnit = (party, t, product, care) => perUnit(party, t, product, care.map((c) => ({ ...c, begindatum: party.date })));
    },
  },
  gemeenteOverride({
    id: 'gemeente-utr-accepts-any-tariff',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Approves a line at a tariff that is not the tariff of the year of care',
    table: 'declaratie.checks',
    name: 'tariff',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-wants-rejected-line-credited',
    role: 'gemeente',
    rule: 'UTR-DECL-2',
    region: 'utrecht',
    description: 'Rejects a line declared again after a rejection unless the rejected line is credited first (9389)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const debitAfterCredit = checks.debitAfterCredit.bind(checks);
      checks.debitAfterCredit = (c) => {
        const pp = c.p.ProductPeriode;
        const rejected = [...g.ledger.prestaties.values()].find((x) => x.status === 'rejected' && x.debetCredit === 'D' && x.toewijzingNummer === c.p.ToewijzingNummer && x.begindatum === pp.Begindatum && x.einddatum === pp.Einddatum);
        return debitAfterCredit(c) ?? (rejected ? { retourcode: '9389', rule: 'UTR-DECL-2', text: `line ${rejected.referentieNummer} was rejected and not credited` } : undefined);
      };
    },
  },
  {
    id: 'gemeente-signs-as-other-municipality',
    role: 'gemeente',
    rule: 'UTR-CODES',
    region: 'utrecht',
    description: 'Sends its messages as municipality 0345 instead of Utrecht\'s 0344',
    affectsEveryFlow: 'every message is signed with another municipality code, which the judge flags everywhere (IJW-ADDR)',
    apply(g) {
      headerSays(g, 'Afzender', '0345');
    },
  },
  {
    id: 'aanbieder-addresses-other-municipality',
    role: 'aanbieder',
    rule: 'UTR-CODES',
    region: 'utrecht',
    description: 'Addresses its messages to municipality 0345 instead of Utrecht\'s 0344',
    apply(a) {
      headerSays(a, 'Ontvanger', '0345');
    },
  },
];
