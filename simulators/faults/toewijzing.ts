/** Faulty variants around allocation (JW301): the toewijzing the municipality gives, changes or withdraws; each overrides one policy or check. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { type Judgement, crossFinding, type Handlers } from '../party.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { careRegieFlowOf } from '../aanbieder/care-regie.ts';
import { agbFlowOf } from '../gemeente/agb.ts';
import { counts, plusMonths } from '../gemeente/toewijzing-rules.ts';
import { requestsOnMunicipalReferral } from './support.ts';
import { plusDays } from '../gemeente/declaratie-rules.ts';

export const toewijzingFaults: Fault[] = [
  gemeenteOverride({
    id: 'gemeente-withdraws-unstarted-early',
    rule: 'ALK-T7',
    region: 'alkmaar',
    description: 'Withdraws a toewijzing that has not started after 11 months, while it may still start within 12',
    table: 'toewijzing.rules',
    name: 'lapses',
    with: (lapses) => (profile, t, started, date) => lapses(profile, t, started, plusMonths(date, 1)),
  }),
  {
    id: 'gemeente-allocates-category-only',
    role: 'gemeente',
    rule: 'ALK-T1',
    region: 'alkmaar',
    description: 'Allocates category-only: its JW301s carry the ProductCategorie without a ProductCode (and so, nationally, without an Omvang: CD080)',
    affectsEveryFlow: 'every toewijzing is category-only, so every scenario built on one is judged on it',
    // A request without a product code is rejected anyway in Alkmaar, since ALK-T2 wants a Volume
    // and CD095 forbids one without a code; what ALK-T1 adds for the municipality is its own JW301.
    apply(g) {
      const select = g.selectFor301;
      g.selectFor301 = (...args) =>
        select(...args).map(({ Omvang: _omvang, ...p }) => ({ ...p, ...(p.Product ? { Product: { Categorie: p.Product.Categorie } } : {}) }));
    },
  },
  {
    id: 'aanbieder-requests-category-only',
    role: 'aanbieder',
    rule: 'ALK-T1',
    region: 'alkmaar',
    description: 'Sends its VOT with the product category only, without the product code',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send315 = flow.send315.bind(flow);
      flow.send315 = (client, products) => send315(client, products.map((p) => ({ ...p, ...(p.product ? { product: { categorie: p.product.categorie } } : {}) })));
    },
  },
  {
    id: 'aanbieder-requests-without-volume',
    role: 'aanbieder',
    rule: 'ALK-T2',
    region: 'alkmaar',
    description: 'Sends its VOT without an Omvang (no Volume)',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send315 = flow.send315.bind(flow);
      flow.send315 = (client, products) => send315(client, products.map(({ omvang: _omvang, ...p }) => p));
    },
  },
  gemeenteOverride({
    id: 'gemeente-ignores-omvang-shape',
    rule: 'ALK-T8',
    region: 'alkmaar',
    description: 'Honours a VOT for etmalen or stuks per day, a shape Bijlage 6 does not allow',
    table: 'verzoek.checks',
    name: 'omvang',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-ignores-omvang-shape',
    rule: 'ALK-T8',
    region: 'alkmaar',
    description: 'Requests etmalen or stuks per day, a shape Bijlage 6 does not allow',
    table: 'verzoek.rules',
    name: 'omvang',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-extends-the-running-toewijzing',
    role: 'gemeente',
    rule: 'ALK-VOW-2',
    region: 'alkmaar',
    description: 'Honours an extension by moving the einddatum of the running toewijzing instead of allocating a new one',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const applyChange = flow['applyChange'].bind(flow);
      flow['applyChange'] = (t, p, ref) => {
        const region = g.config.region;
        g.config = { ...g.config, region: { ...region, allocation: { ...region.allocation, extension: { value: 'change-einddatum', source: 'fault' } } } };
        try {
          return applyChange(t, p, ref);
        } finally {
          g.config = { ...g.config, region };
        }
      };
    },
  },
  {
    id: 'gemeente-reallocates-on-old-agb',
    role: 'gemeente',
    rule: 'ALK-AGB-1',
    region: 'alkmaar',
    description: 'On an AGB change ends the running toewijzing and allocates its rest anew, but to the old AGB code',
    apply(g) {
      const flow = agbFlowOf(g);
      const changeAgb = flow.changeAgb.bind(flow);
      flow.changeAgb = (oudeAgb, _nieuweAgb, ingangsdatum) => changeAgb(oudeAgb, oudeAgb, ingangsdatum);
    },
  },
  gemeenteOverride({
    id: 'gemeente-moves-totaal-toewijzing-at-once',
    rule: 'ALK-AGB-1',
    region: 'alkmaar',
    description: 'On an AGB change also moves a toewijzing with frequentie "totaal binnen geldigheidsduur" at once, before the declarations over the earlier periods are handled',
    table: 'agb.rules',
    name: 'moves',
    with: () => (t, oudeAgb, ingangsdatum) => t.aanbieder === oudeAgb && counts(t) && t.ingangsdatum < ingangsdatum && (!t.einddatum || t.einddatum >= ingangsdatum),
  }),
  {
    id: 'aanbieder-ignores-agb-change',
    role: 'aanbieder',
    rule: 'ALK-AGB-1',
    region: 'alkmaar',
    description: 'Ignores its AGB change: sends no stop on the ended toewijzing of the old AGB and no start on the new one',
    apply(a) {
      careRegieFlowOf(a)['switchAgb'] = async () => undefined;
    },
  },
  {
    id: 'aanbieder-requests-arrangement-per-piece',
    role: 'aanbieder',
    rule: 'RIJ-PROD-1',
    region: 'rijnmond',
    description: 'Asks for a euro arrangement in eenheid 82 (stuks), frequentie 6, instead of 83 per week',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send315 = flow.send315.bind(flow);
      flow.send315 = (client, products) => send315(client, products.map((p) => (p.omvang?.eenheid === '83' ? { ...p, omvang: { ...p.omvang, eenheid: '82', frequentie: '6' } } : p)));
    },
  },
  gemeenteOverride({
    id: 'gemeente-allocates-in-requested-unit',
    rule: 'RIJ-PROD-1',
    region: 'rijnmond',
    description: 'Allocates an arrangement in whatever unit the JW315 asks (the code table fixes 83 per week)',
    table: 'verzoek.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-honours-lfm-without-arrangement',
    rule: 'RIJ-LFM-1',
    region: 'rijnmond',
    description: 'Allocates laagfrequente medicatie (45A48) without an ended arrangement B, D or E',
    table: 'verzoek.checks',
    name: 'onlyAfter',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-requests-lfm-without-arrangement',
    role: 'aanbieder',
    rule: 'RIJ-LFM-1',
    region: 'rijnmond',
    description: 'Requests laagfrequente medicatie (45A48) for a client without an ended arrangement B, D or E',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      flow.rules = { ...flow.rules, onlyAfter: () => undefined };
    },
  },
  gemeenteOverride({
    id: 'gemeente-stacks-other-care',
    rule: 'FRL-STAP-1',
    region: 'fryslan',
    description: 'Honours a VOT for a Frisian product while a toewijzing for other youth care runs (checks only the same product)',
    table: 'toewijzing.rules',
    name: 'stacksOn',
    with: (stacksOn) => (ledger, profile, c, ignore) => stacksOn(ledger, { ...profile, allocation: { ...profile.allocation, combinableWithOtherCare: { value: true, source: 'fault' } } }, c, ignore),
  }),
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
    id: 'zlm-gemeente-withdraws-by-shortening',
    role: 'gemeente', rule: 'ZLM-INTREK-1', region: 'zuid-limburg',
    description: 'Withdraws a toewijzing by shortening it to the day after its ingangsdatum instead of einddatum = ingangsdatum',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = (t, einddatum, reden) => (einddatum === t.ingangsdatum ? change(t, plusDays(t.ingangsdatum, 1), '05') : change(t, einddatum, reden));
    },
  },
];
