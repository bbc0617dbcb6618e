/**
 * Faulty variants for the rules of Regio Alkmaar (ALK-*): each overrides one check or behaviour of
 * a reference implementation, and test/faults.test.ts proves a scenario tagged with its rule
 * catches it.
 */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { sendsStopLate } from './late.ts';
import type { Judgement } from '../party.ts';
import { messages } from '../../ijw/messages/registry.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';
import { crossFinding } from '../party.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { aanbiederDeclaratieFlowOf, type CareRecord, type PlannedLine } from '../aanbieder/declaratie.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { careRegieFlowOf } from '../aanbieder/care-regie.ts';
import { agbFlowOf } from '../gemeente/agb.ts';
import { counts, plusDays, plusMonths } from '../gemeente/toewijzing-rules.ts';
import { monthOf } from '../gemeente/declaratie-rules.ts';
import type { Toewijzing } from '../ledger.ts';

const REGION = 'alkmaar';

/** The BerichtCode of a document, to tell messages apart in a receive override. */
const isMessage = (xml: string, code: keyof typeof messages) => new RegExp(`<(?:[\\w-]+:)?BerichtCode>\\s*${messages[code].berichtCode}\\s*<`).test(xml);

/** Days of the ISO week (Monday–Sunday) of `d` that lie within the toewijzing. */
function weekDaysInToewijzing(d: string, t: Toewijzing): number {
  const day = new Date(`${d}T00:00:00Z`);
  const monday = plusDays(d, -((day.getUTCDay() + 6) % 7));
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const x = plusDays(monday, i);
    if (x >= t.ingangsdatum && (!t.einddatum || x <= t.einddatum)) n++;
  }
  return n;
}

const mondayOf = (d: string) => plusDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

export const alkmaarFaults: Fault[] = [
  // ------------------------------------------------------------------ response times, start and stop
  {
    id: 'aanbieder-answers-319-late',
    role: 'aanbieder',
    rule: 'ALK-TERM-1',
    region: REGION,
    description: 'Answers a JW319 with 202 and sends the JW320 4 werkdagen later (the deadline is 3)',
    apply(a) {
      const receive = a.receive.bind(a);
      a.receive = async (xml) => {
        if (!isMessage(xml, 'JW319')) return receive(xml);
        a.retourDelayWerkdagen = 4;
        try {
          return await receive(xml);
        } finally {
          a.retourDelayWerkdagen = 0;
        }
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-starts-on-report-date',
        rule: 'ALK-START-2',
    region: REGION,
    description: 'Reports the start of care on the day the start is reported, not on the day of the first declarable care',
    table: 'care-regie.rules',
    name: 'startDate',
    with: () => (_care, _after, today) => today,
  }),
  {
    id: 'aanbieder-sends-stop-late-alkmaar',
    role: 'aanbieder',
    rule: 'ALK-STOP-1',
    region: REGION,
    description: 'Queues the JW307 and sends it in a batch 7 werkdagen after care ended',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'gemeente-keeps-einddatum-after-stop',
    role: 'gemeente',
    rule: 'ALK-STOP-2',
    region: REGION,
    description: 'Accepts a definitive early stop but does not send the JW301 with the adjusted einddatum',
    apply(g) {
      const onStop = g['onStop'].bind(g);
      g['onStop'] = (m) => {
        const { after: _after, ...rest } = onStop(m);
        return rest;
      };
    },
  },
  {
    id: 'gemeente-withdraws-after-treeknorm',
    role: 'gemeente',
    rule: 'ALK-C2',
    region: REGION,
    description: 'Withdraws a toewijzing that has not started 10 weeks after its ingangsdatum (the Treeknormen), not after 12 months',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const lapses = flow.rules.lapses;
      flow.rules.lapses = (profile, t, started, date) => lapses(profile, t, started, date) || (!started && counts(t) && plusDays(t.ingangsdatum, 70) < date);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-reports-pause',
        rule: 'ALK-R3',
    region: REGION,
    description: 'Does not report two months without care as a temporary stop (reden 20)',
    table: 'care-regie.rules',
    name: 'pauseToReport',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-withdraws-unstarted-early',
    role: 'gemeente',
    rule: 'ALK-T7',
    region: REGION,
    description: 'Withdraws a toewijzing that has not started after 11 months, while it may still start within 12',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const lapses = flow.rules.lapses;
      flow.rules.lapses = (profile, t, started, date) => lapses(profile, t, started, plusMonths(date, 1));
    },
  },

  // ------------------------------------------------------------------ requests and allocation (T-1, T-2, T-8, V-1, V-2, V-3)
  {
    id: 'gemeente-allocates-category-only',
    role: 'gemeente',
    rule: 'ALK-T1',
    region: REGION,
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
    region: REGION,
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
    region: REGION,
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
    region: REGION,
    description: 'Honours a VOT for etmalen or stuks per day, a shape Bijlage 6 does not allow',
    table: 'verzoek.checks',
    name: 'omvang',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-ignores-omvang-shape',
        rule: 'ALK-T8',
    region: REGION,
    description: 'Requests etmalen or stuks per day, a shape Bijlage 6 does not allow',
    table: 'verzoek.rules',
    name: 'omvang',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-one-month-limit',
        rule: 'ALK-V1',
    region: REGION,
    description: 'Honours a VOT whose requested ingangsdatum lies more than one month before its Dagtekening',
    table: 'verzoek.checks',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-requests-too-far-back',
        rule: 'ALK-V1',
    region: REGION,
    description: 'Sends a VOT with an ingangsdatum more than one month back',
    table: 'verzoek.rules',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-honours-any-referrer',
        rule: 'ALK-V2',
    region: REGION,
    description: 'Honours a VOT on a municipal referral (01) or a self-referral (06)',
    table: 'verzoek.checks',
    name: 'referrer',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-requests-on-any-referral',
    role: 'aanbieder',
    rule: 'ALK-V2',
    region: REGION,
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
    region: REGION,
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

  // ------------------------------------------------------------------ the VOW
  {
    id: 'gemeente-takes-incomplete-vow',
    role: 'gemeente',
    rule: 'ALK-VOW-1',
    region: REGION,
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
    region: REGION,
    description: 'Sends a VOW with only the changed products, leaving out the unchanged current toewijzingen',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      const send317 = flow.send317.bind(flow);
      flow.send317 = (bsn, v) => send317(bsn, { ...v, ongewijzigd: [] });
    },
  },
  {
    id: 'gemeente-extends-the-running-toewijzing',
    role: 'gemeente',
    rule: 'ALK-VOW-2',
    region: REGION,
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

  // ------------------------------------------------------------------ declarations (D-1 … D-7)
  {
    id: 'aanbieder-declares-per-client',
    role: 'aanbieder',
    rule: 'ALK-D1',
    region: REGION,
    description: 'Sends a separate JW323 per client instead of one batch per month per municipality',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const send = flow['send'].bind(flow);
      flow['send'] = async (gemeente: string, month: string, planned: PlannedLine[]) => {
        const byClient = new Map<string, PlannedLine[]>();
        for (const l of planned) byClient.set(l.t.bsn, [...(byClient.get(l.t.bsn) ?? []), l]);
        for (const lines of byClient.values()) await send(gemeente, month, lines);
      };
    },
  },
  {
    id: 'aanbieder-rounds-minutes-up',
    role: 'aanbieder',
    rule: 'ALK-D2',
    region: REGION,
    description: 'Rounds any remaining minutes up to a whole hour (149 minutes → 3 hours)',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const perUnit = rules.perUnit;
      rules.perUnit = (party, t, product, care) => {
        const r = perUnit(party, t, product, care);
        if (!r || !product.hoursRounding || r.eenheid !== '04' || !care.some((c) => c.eenheid === '01')) return r;
        const minutes = care.reduce((s, c) => s + (c.eenheid === '01' ? c.volume : c.volume * 60), 0);
        const hours = Math.max(1, Math.ceil(minutes / 60));
        return { ...r, volume: hours, bedrag: hours * (r.tarief ?? 0) };
      };
    },
  },
  {
    id: 'gemeente-refuses-rounded-hours',
    role: 'gemeente',
    rule: 'ALK-D2',
    region: REGION,
    description: 'Does not accept care allocated in hours declared as rounded whole hours: it wants the exact minutes and rejects an hours line with 9341',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const unit = checks.unit;
      checks.unit = (c) => unit(c) ?? (c.t.omvang?.eenheid === '04' && c.p.Eenheid === '04' && c.product?.hoursRounding ? { retourcode: '9341', rule: 'TR341', text: 'hours are declared in minutes here' } : undefined);
    },
  },
  {
    id: 'aanbieder-prorates-broken-week',
    role: 'aanbieder',
    rule: 'ALK-D3',
    region: REGION,
    description: 'In a broken week declares at most the pro-rata share of the weekly volume (3 hours × 5/7 → 2), not the full weekly volume',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const perUnit = rules.perUnit;
      rules.perUnit = (party, t, product, care) => {
        const r = perUnit(party, t, product, care);
        if (!r || !t.omvang || t.omvang.frequentie !== '2') return r;
        const byWeek = new Map<string, CareRecord[]>();
        for (const c of care) byWeek.set(mondayOf(c.begindatum), [...(byWeek.get(mondayOf(c.begindatum)) ?? []), c]);
        let volume = 0;
        for (const [monday, list] of byWeek) {
          const v = list.reduce((s, c) => s + c.volume, 0);
          volume += Math.min(v, Math.floor((t.omvang.volume * weekDaysInToewijzing(monday, t)) / 7));
        }
        return volume >= r.volume ? r : { ...r, volume, bedrag: volume * (r.tarief ?? 0) };
      };
    },
  },
  {
    id: 'gemeente-prorates-broken-week',
    role: 'gemeente',
    rule: 'ALK-D3',
    region: REGION,
    description: 'Allows in a broken period only the pro-rata share of the weekly volume (its days / 7), and rejects the full weekly volume with 9321',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const volume = checks.volume;
      checks.volume = (c) => {
        const r = volume(c);
        if (r || !c.t.omvang || c.t.omvang.frequentie !== '2' || c.p.Eenheid !== c.t.omvang.eenheid) return r;
        const pp = c.p.ProductPeriode;
        const days = Math.round((Date.parse(pp.Einddatum) - Date.parse(pp.Begindatum)) / 86_400_000) + 1;
        const max = Math.floor((c.t.omvang.volume * days) / 7);
        return c.p.GeleverdVolume > max ? { retourcode: '9321', rule: 'TR321', text: `GeleverdVolume ${c.p.GeleverdVolume} exceeds ${max} (pro rata over ${days} days)` } : undefined;
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-declares-absence',
        rule: 'ALK-D4',
    region: REGION,
    description: 'Declares planned care the client missed or cancelled',
    table: 'declaratie.rules',
    name: 'declarable',
    with: () => () => true,
  }),
  {
    id: 'aanbieder-corrects-after-two-months',
    role: 'aanbieder',
    rule: 'ALK-D5',
    region: REGION,
    description: 'Corrects an approved line also more than 2 months after its approval',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const correct = flow.correct.bind(flow);
      flow.correct = async (ref, volume) => {
        const region = a.config.region;
        a.config = { ...a.config, region: { ...region, declaration: { ...region.declaration, correctionMonths: { value: 1200, source: 'fault' } } } };
        try {
          await correct(ref, volume);
        } finally {
          a.config = { ...a.config, region };
        }
      };
    },
  },
  {
    id: 'aanbieder-declares-per-session',
    role: 'aanbieder',
    rule: 'ALK-D6',
    region: REGION,
    description: 'Declares each session of the month as its own line, each rounded, instead of one line summed over the month',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const linesFor = flow['linesFor'].bind(flow);
      flow['linesFor'] = (t: Toewijzing, month: string) => {
        const all = [...flow.care];
        const mine = all.filter((c) => c.toewijzingNummer === t.nummer && monthOf(c.begindatum) === month && flow.rules.declarable(c));
        if (mine.length < 2) return linesFor(t, month);
        try {
          return mine.flatMap((c) => {
            flow.care.splice(0, flow.care.length, c);
            return linesFor(t, month);
          });
        } finally {
          flow.care.splice(0, flow.care.length, ...all);
        }
      };
    },
  },
  {
    id: 'aanbieder-declares-category-as-code',
    role: 'aanbieder',
    rule: 'ALK-D7',
    region: REGION,
    description: 'Declares with the product category in ProductCode, not the specific product of the toewijzing',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const send = flow['send'].bind(flow);
      flow['send'] = (gemeente: string, month: string, planned: PlannedLine[]) => send(gemeente, month, planned.map((l) => ({ ...l, t: { ...l.t, product: { categorie: l.t.product.categorie, code: l.t.product.categorie } } })));
    },
  },
  {
    id: 'aanbieder-sends-vow-from-the-past',
    role: 'aanbieder',
    rule: 'ALK-VOW-1',
    region: REGION,
    description: 'Asks a change or a new product from a date on or before today with a JW317 instead of agreeing it with the municipality',
    apply(a) {
      const flow = aanbiederVerzoekFlowOf(a);
      flow.rules = { ...flow.rules, changeDate: () => undefined };
    },
  },
  {
    id: 'gemeente-names-itself-on-woonplaats-alkmaar',
    role: 'gemeente',
    rule: 'IJW-VOT-7',
    region: REGION,
    description: 'Rejects a VOT on the woonplaatsbeginsel (reden 8) naming its own municipality instead of the one the client lived in',
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
    id: 'gemeente-fills-missing-product-code',
    role: 'gemeente',
    // ALK-D7 certifies the provider only; a line without ProductCode breaks the JW323 XSD.
    rule: 'IJW-RET-2',
    region: REGION,
    description: 'Takes in a declaration line without ProductCode (an XSD error) by filling in the product of its toewijzing, and approves it',
    apply(g) {
      const receive = g.receive.bind(g);
      g.receive = (xml) => {
        if (!isMessage(xml, 'JW323')) return receive(xml);
        const filled = xml.replace(/<((?:[\w-]+:)?)Prestatie>([\s\S]*?)<\/\1Prestatie>/g, (whole, ns: string, body: string) => {
          if (/ProductCode>/.test(body)) return whole;
          const nr = Number(/ToewijzingNummer>\s*(\d+)\s*</.exec(body)?.[1]);
          const code = g.ledger.toewijzingen.get(nr)?.product.code;
          if (!code) return whole;
          return `<${ns}Prestatie>${body.replace(/(<\/(?:[\w-]+:)?ProductCategorie>)/, `$1<${ns}ProductCode>${code}</${ns}ProductCode>`)}</${ns}Prestatie>`;
        });
        return receive(filled);
      };
    },
  },

  // ------------------------------------------------------------------ AGB change (§5.8)
  {
    id: 'gemeente-reallocates-on-old-agb',
    role: 'gemeente',
    rule: 'ALK-AGB-1',
    region: REGION,
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
    region: REGION,
    description: 'On an AGB change also moves a toewijzing with frequentie "totaal binnen geldigheidsduur" at once, before the declarations over the earlier periods are handled',
    table: 'agb.rules',
    name: 'moves',
    with: () => (t, oudeAgb, ingangsdatum) => t.aanbieder === oudeAgb && counts(t) && t.ingangsdatum < ingangsdatum && (!t.einddatum || t.einddatum >= ingangsdatum),
  }),
  {
    id: 'aanbieder-ignores-agb-change',
    role: 'aanbieder',
    rule: 'ALK-AGB-1',
    region: REGION,
    description: 'Ignores its AGB change: sends no stop on the ended toewijzing of the old AGB and no start on the new one',
    apply(a) {
      careRegieFlowOf(a)['switchAgb'] = async () => undefined;
    },
  },

  // ------------------------------------------------------------------ the region's municipalities
  {
    id: 'gemeente-refuses-dijk-en-waard',
    role: 'gemeente',
    rule: 'ALK-CODES',
    region: REGION,
    description: 'A municipality system configured from the seed\'s garbled table: it does not know Dijk en Waard (1980) and refuses every VOT sent to it',
    apply(g) {
      const judge = g['judge'].bind(g);
      g['judge'] = (code, model, xml) => {
        if (code === 'JW315' && g.config.party === '1980') return { findings: [crossFinding('JW315', '/Bericht/Header/Ontvanger', 'ALK-CODES', '0001', 'municipality 1980 is not known')] };
        return judge(code, model, xml);
      };
    },
  },
  {
    id: 'aanbieder-addresses-alkmaar-only',
    role: 'aanbieder',
    rule: 'ALK-CODES',
    region: REGION,
    description: 'Addresses every VOT to Alkmaar (0361), whichever municipality of the region it is for',
    apply(a) {
      const header = a['header'].bind(a);
      a['header'] = (code) => (code === 'JW315' ? { ...header(code), Ontvanger: '0361' } : header(code));
    },
  },
];

