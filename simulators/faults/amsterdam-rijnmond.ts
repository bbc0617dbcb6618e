/**
 * Faulty variants for the Amsterdam (AMS-*) and Rijnmond (RIJ-*) rules: each overrides one
 * check or behaviour of the reference implementation and must be caught by a scenario tagged
 * with its rule (test/faults.test.ts).
 */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { sendsStartLate, sendsStopLate } from './late.ts';
import { approveWhen } from './declaratie.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import type { Jw323 } from '../../ijw/messages/jw323.ts';
import type { MessageModels } from '../../ijw/messages/registry.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { careReportingFlowOf } from '../aanbieder/care-reporting.ts';
import { declaratieFlowOf, type LineContext } from '../gemeente/declaratie.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { absenceFlowOf } from '../gemeente/absence.ts';
import { declProduct, maxDate, monthStart, share } from '../gemeente/declaratie-rules.ts';
import type { StartRecord } from '../ledger.ts';

/** Changes every JW323 the provider sends just before it goes out (one behaviour of the declaration). */
function onEachDeclaration(a: ReferenceAanbieder, change: (msg: Jw323) => void): void {
  const send = a.send.bind(a);
  a.send = (async <C extends MessageCode>(code: C, model: MessageModels[C]) => {
    if (code === 'JW323') change(model as unknown as Jw323);
    return send(code, model);
  }) as typeof a.send;
}

const prestaties = (msg: Jw323) => msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie);

/** Whether a line claims the share after the stop (percentage products). */
function isStopShare(c: LineContext): boolean {
  const p = c.product;
  return !!p && p.kind === 'percentage' && p.tariff !== undefined && !!p.afterStopPlan && c.p.IngediendBedrag.Bedrag === share(p.tariff, p.afterStopPlan);
}

export const amsterdamRijnmondFaults: Fault[] = [
  // ------------------------------------------------------------------ Amsterdam, provider
  {
    id: 'aanbieder-claims-70-without-start',
    role: 'aanbieder',
    rule: 'AMS-INT-4',
    region: 'amsterdam',
    description: 'Claims the 70% of a trajectory product from the toewijzing alone, without having sent a JW305',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const declare = flow.declare.bind(flow);
      flow.declare = async (month) => {
        const fakes: StartRecord[] = [];
        for (const t of a.ledger.toewijzingen.values()) {
          if (declProduct(a.config.region, t.product.code)?.kind !== 'percentage') continue;
          if (a.ledger.starts.some((s) => s.toewijzingNummer === t.nummer && !s.deleted)) continue;
          const s: StartRecord = { bsn: t.bsn, toewijzingNummer: t.nummer, begindatum: maxDate(t.ingangsdatum, monthStart(month)), deleted: false, stops: [] };
          a.ledger.starts.push(s);
          fakes.push(s);
        }
        try {
          await declare(month);
        } finally {
          for (const s of fakes) a.ledger.starts.splice(a.ledger.starts.indexOf(s), 1);
        }
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-claims-30',
    rule: 'AMS-INT-2',
    region: 'amsterdam',
    description: 'Claims nothing after a JW307 with reden 31 (the remaining 30% is due)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => () => 0,
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-share-per-piece',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Claims the 70%/30% share in eenheid 82 (stuks) instead of 83 (euro)',
    table: 'declaratie.rules',
    name: 'claimUnit',
    with: () => () => '82',
  }),
  {
    id: 'aanbieder-claims-yearly-tariff-per-month',
    role: 'aanbieder',
    rule: 'AMS-DUUR-1',
    region: 'amsterdam',
    description: 'Declares Duurzaam and Verblijf with the whole yearly tariff per month instead of 1/12 of it',
    apply(a) {
      onEachDeclaration(a, (msg) => {
        for (const p of prestaties(msg)) {
          if (declProduct(a.config.region, p.ProductCode)?.kind !== 'monthly-of-yearly' || p.ProductTarief === undefined) continue;
          p.ProductTarief *= 12;
          p.IngediendBedrag.Bedrag = p.GeleverdVolume * p.ProductTarief;
        }
      });
    },
  },
  {
    id: 'aanbieder-declares-allocated-etmalen',
    role: 'aanbieder',
    rule: 'AMS-KV-1',
    region: 'amsterdam',
    description: 'Declares Kortdurend verblijf as the allocated etmalen per week instead of the etmalen delivered in the month',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const perUnit = flow.rules.perUnit;
      flow.rules.perUnit = (aa, t, product, care) => {
        const r = perUnit(aa, t, product, care);
        if (!r || r.eenheid !== '14' || !t.omvang) return r;
        return { ...r, volume: t.omvang.volume, bedrag: t.omvang.volume * (r.tarief ?? 0) };
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-claims-70-for-dyslexie',
    rule: 'AMS-DYS-1',
    region: 'amsterdam',
    description: 'Claims 70% for Dyslexie diagnostiek after the JW305, as for a trajectory (100% is due)',
    table: 'declaratie.rules',
    name: 'startShare',
    with: () => (p) => (p.afterStart === 1 ? 0.7 : (p.afterStart ?? 0)),
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-30-after-reden-33',
    rule: 'AMS-BEH-1',
    region: 'amsterdam',
    description: 'Claims the 30% of Behandeling after any definitive JW307, also after reden 33 (only reden 31 gives it)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => (p) => p.afterStopPlan ?? 0,
  }),
  {
    id: 'aanbieder-bounds-period-by-start-stop',
    role: 'aanbieder',
    rule: 'AMS-PER-1',
    region: 'amsterdam',
    description: "Bounds the ProductPeriode by the start and stop of care (the seed's iJw 2.4 reading) instead of the month and the toewijzing (TR387/TR388)",
    apply(a) {
      onEachDeclaration(a, (msg) => {
        const bsnOf = new Map(msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie.map((p) => [p, c.Bsn] as const)));
        for (const p of prestaties(msg)) {
          if (p.IngediendBedrag.DebetCredit !== 'D') continue;
          const starts = a.ledger.starts.filter((s) => !s.deleted && s.toewijzingNummer === p.ToewijzingNummer && s.bsn === bsnOf.get(p));
          const pp = p.ProductPeriode;
          const start = starts.map((s) => s.begindatum).filter((d) => d > pp.Begindatum && d <= pp.Einddatum).at(-1);
          const stop = starts.flatMap((s) => s.stops.filter((x) => !x.deleted).map((x) => x.einddatum)).filter((d) => d >= pp.Begindatum && d < pp.Einddatum).at(-1);
          p.ProductPeriode = { Begindatum: start ?? pp.Begindatum, Einddatum: stop ?? pp.Einddatum };
        }
      });
    },
  },
  {
    id: 'aanbieder-fills-spic-tariff-in-euro-claim',
    role: 'aanbieder',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Fills ProductTarief with the full SPIC tariff on a share claimed in eenheid 83, where CD087 keeps it empty',
    apply(a) {
      onEachDeclaration(a, (msg) => {
        for (const p of prestaties(msg)) {
          const tariff = declProduct(a.config.region, p.ProductCode)?.tariff;
          if (p.Eenheid === '83' && tariff !== undefined) p.ProductTarief = tariff;
        }
      });
    },
  },
  // ------------------------------------------------------------------ Amsterdam, municipality
  gemeenteOverride({
    id: 'gemeente-approves-any-share',
    rule: 'AMS-INT-1',
    region: 'amsterdam',
    description: 'Approves a trajectory claim whatever its amount (100% after the JW305 included)',
    table: 'declaratie.checks',
    name: 'claimIsContractedShare',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-rejects-30-after-reden-31',
    role: 'gemeente',
    rule: 'AMS-INT-2',
    region: 'amsterdam',
    description: 'Rejects the 30% claim also after a JW307 with reden 31',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const orig = checks.stopClaimNeedsPlannedStop;
      checks.stopClaimNeedsPlannedStop = (c) => orig(c) ?? (isStopShare(c) ? { retourcode: '0611', rule: 'AMS-INT-2', text: 'the 30% is not paid' } : undefined);
    },
  },
  {
    id: 'gemeente-approves-30-after-reden-32',
    role: 'gemeente',
    rule: 'AMS-INT-3',
    region: 'amsterdam',
    description: 'Approves the 30% claim after a JW307 with a reden other than 31',
    apply(g) {
      approveWhen(g, 'stopClaimNeedsPlannedStop', (_c, r) => r.rule === 'AMS-INT-3');
    },
  },
  {
    id: 'gemeente-accepts-period-from-start-of-care',
    role: 'gemeente',
    rule: 'TR387',
    region: 'amsterdam',
    description: "Approves a ProductPeriode that begins on the start of care (the seed's iJw 2.4 reading of AMS-PER-1) instead of the 1st of the month (should be 9387)",
    apply(g) {
      approveWhen(g, 'periodBeginsOnFirst', (c) => c.starts.some((s) => s.begindatum === c.p.ProductPeriode.Begindatum));
    },
  },
  {
    id: 'gemeente-accepts-period-to-stop-of-care',
    role: 'gemeente',
    rule: 'TR388',
    region: 'amsterdam',
    description: "Approves a ProductPeriode that ends on the stop of care (the seed's iJw 2.4 reading of AMS-PER-1) instead of the last day of the month (should be 9388)",
    apply(g) {
      approveWhen(g, 'periodEndsOnLast', (c) => c.starts.some((s) => s.stops.some((x) => !x.deleted && x.einddatum === c.p.ProductPeriode.Einddatum)));
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-claim-in-other-unit',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Approves a trajectory claim declared in another unit than 83 (euro) (should be 9341)',
    table: 'declaratie.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-approves-yearly-tariff',
    role: 'gemeente',
    rule: 'AMS-DUUR-1',
    region: 'amsterdam',
    description: 'Approves a Duurzaam month declared at the whole yearly tariff (1/12 is due; should be 0611)',
    apply(g) {
      approveWhen(g, 'tariff', (c) => c.product?.kind === 'monthly-of-yearly');
    },
  },
  {
    id: 'gemeente-approves-other-etmaal-tariff',
    role: 'gemeente',
    rule: 'AMS-KV-1',
    region: 'amsterdam',
    description: 'Approves Kortdurend verblijf etmalen at a ProductTarief other than the contracted one (should be 0611)',
    apply(g) {
      approveWhen(g, 'tariff', (c) => c.p.Eenheid === '14');
    },
  },
  {
    id: 'gemeente-approves-second-full-claim',
    role: 'gemeente',
    rule: 'AMS-DYS-1',
    region: 'amsterdam',
    description: 'Approves a second 100% claim of Dyslexie diagnostiek on the same start',
    apply(g) {
      approveWhen(g, 'startClaimNeedsStart', (c, r) => /already claimed/.test(r.text) && c.product?.afterStart === 1);
    },
  },
  {
    id: 'gemeente-approves-30-after-reden-33',
    role: 'gemeente',
    rule: 'AMS-BEH-1',
    region: 'amsterdam',
    description: 'Approves the 30% of Behandeling after a JW307 with reden 33',
    apply(g) {
      const name = (c: LineContext) => g.config.region.products.find((x) => x.code === c.p.ProductCode)?.name ?? '';
      approveWhen(g, 'stopClaimNeedsPlannedStop', (c, r) => r.rule === 'AMS-INT-3' && /Behandeling/.test(name(c)));
    },
  },
  {
    id: 'gemeente-answers-declaration-late-amsterdam',
    role: 'gemeente',
    rule: 'AMS-TERM-1',
    region: 'amsterdam',
    description: 'Answers a JW323 with 202 and sends the JW325 11 werkdagen later (the deadline is 10)',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 11 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 11;
    },
  },
  // ------------------------------------------------------------------ Rijnmond, provider
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
    id: 'aanbieder-answers-toewijzing-late',
    role: 'aanbieder',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Answers every JW301 with 202 and sends the JW302 6 werkdagen later (the deadline is 5)',
    affectsEveryFlow: 'every scenario allocates first and waits for the JW302, which comes 6 werkdagen late',
    apply(a) {
      a.retourDelayWerkdagen = 6;
    },
  },
  {
    id: 'aanbieder-sends-start-late-rijnmond',
    role: 'aanbieder',
    rule: 'RIJ-START-1',
    region: 'rijnmond',
    description: 'Queues the JW305 and sends it 7 werkdagen after the care started',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  {
    id: 'aanbieder-sends-stop-late-rijnmond',
    role: 'aanbieder',
    rule: 'RIJ-STOP-1',
    region: 'rijnmond',
    description: 'Queues the JW307 and sends it 7 werkdagen after care ended',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-stops-temporarily',
    rule: 'RIJ-ABS-1',
    region: 'rijnmond',
    description: 'Reports no temporary stop after more than four weeks without care',
    table: 'care-reporting.rules',
    name: 'temporaryStop',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-stops-low-frequency-care',
    role: 'aanbieder',
    rule: 'RIJ-ABS-2',
    region: 'rijnmond',
    description: 'Stops care temporarily after four weeks also when support was agreed less often than weekly',
    apply(a) {
      const rules = careReportingFlowOf(a).rules;
      const temporaryStop = rules.temporaryStop;
      rules.temporaryStop = (profile, lastCare, today) => temporaryStop(profile, lastCare, today, false);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-reports-start',
    rule: 'RIJ-DECL-1',
    region: 'rijnmond',
    description: 'Sends no JW305 for care delivered on a toewijzing unless asked to start (the 305 is mandatory)',
    table: 'care-reporting.rules',
    name: 'startDate',
    with: () => () => undefined,
  }),
  // ------------------------------------------------------------------ Rijnmond, municipality
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
    id: 'gemeente-accepts-declaration-in-other-unit',
    rule: 'RIJ-PROD-2',
    region: 'rijnmond',
    description: 'Approves an arrangement declared in another unit than the JW301\'s (should be 9341)',
    table: 'declaratie.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-answers-retour-late-rijnmond',
    role: 'gemeente',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Answers every message with 202 and sends the retour 6 werkdagen later (the deadline is 5)',
    affectsEveryFlow: 'every scenario waits for a retour that comes 6 werkdagen late',
    apply(g) {
      g.retourDelayWerkdagen = 6;
    },
  },
  {
    id: 'gemeente-honours-request-after-seven-werkdagen',
    role: 'gemeente',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Honours a JW315 after 7 werkdagen, within the region\'s 10 but without the JW319 "in onderzoek" the national 5 (OP274) call for',
    apply(g) {
      verzoekFlowOf(g).decideAfterWerkdagen = 7;
    },
  },
  {
    id: 'gemeente-answers-declaration-after-two-weeks',
    role: 'gemeente',
    rule: 'RIJ-TERM-2',
    region: 'rijnmond',
    description: 'Answers a JW323 10 werkdagen later: within the national term, but later than 2 weeks when Easter falls in them',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 10 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 10;
    },
  },
  {
    id: 'gemeente-lapses-after-four-weeks',
    role: 'gemeente',
    rule: 'RIJ-ABS-1',
    region: 'rijnmond',
    description: 'Ends a toewijzing 4 weeks after a temporary stop (care may resume within 8 weeks)',
    apply(g) {
      absenceFlowOf(g).lapseAfterWeeks = () => 4;
    },
  },
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
];
