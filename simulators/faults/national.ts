/**
 * Faulty variants for the national rules (IJW-*): each overrides one named check or behaviour of
 * a reference implementation, so the suite must catch it on a scenario tagged with that rule.
 * They run in Alkmaar, whose protocol (seed 004) states these rules and uses every message.
 */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import type { Jw301 } from '../../ijw/messages/jw301.ts';
import type { Jw305 } from '../../ijw/messages/jw305.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import type { Jw319 } from '../../ijw/messages/jw319.ts';
import type { Jw323 } from '../../ijw/messages/jw323.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import { crossFinding, type Judgement } from '../party.ts';
import { liveStops, type Toewijzing } from '../ledger.ts';
import { toewijzingenFor301 } from '../gemeente/allocation.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { monthOf } from '../gemeente/declaratie-rules.ts';
import { plusDays } from '../gemeente/toewijzing-rules.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import type { Rejection } from '../gemeente/verzoek-rules.ts';

const region = 'alkmaar';

/** The toewijzing a new one continues: same client, ending the day before it begins. */
function predecessor(a: ReferenceAanbieder, t: Toewijzing): Toewijzing | undefined {
  return [...a.ledger.toewijzingen.values()].find((x) => x.nummer !== t.nummer && x.bsn === t.bsn && x.einddatum === plusDays(t.ingangsdatum, -1));
}

/** Starts care on a continuing toewijzing under the number of the one it continues, when `which` says so. */
function startUnderPredecessor(a: ReferenceAanbieder, which: (t: Toewijzing, before: Toewijzing) => boolean): void {
  const startCare = a.startCare.bind(a);
  a.startCare = async (nummer, begindatum, status) => {
    const t = a.ledger.toewijzingen.get(nummer);
    const before = t && predecessor(a, t);
    return startCare(before && which(t, before) ? before.nummer : nummer, begindatum, status);
  };
}

/** Adds findings to the provider's judgement of a JW301. */
function refuse301(a: ReferenceAanbieder, when: (p: Jw301['Client']['ToegewezenProducten']['ToegewezenProduct'][number]) => boolean, text: string): void {
  const judge = a['onToewijzing'].bind(a) as (m: Jw301) => Judgement;
  (a as unknown as { onToewijzing: (m: Jw301) => Judgement }).onToewijzing = (m: Jw301) => {
    const j = judge(m);
    const i = m.Client.ToegewezenProducten.ToegewezenProduct.findIndex(when);
    return i < 0 ? j : { findings: [crossFinding('JW301', `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`, 'FAULT', '9332', text)] };
  };
}

/** Drops one retourcode from the provider's judgement of a JW319. */
function ignore319(a: ReferenceAanbieder, code: string): void {
  const flow = aanbiederVerzoekFlowOf(a);
  const judge = flow['onAntwoord'].bind(flow) as (m: Jw319) => Judgement;
  (flow as unknown as { onAntwoord: (m: Jw319) => Judgement }).onAntwoord = (m: Jw319) => {
    const j = judge(m);
    return { ...j, findings: j.findings.filter((f) => f.retourcode !== code) };
  };
}

export const nationalFaults: Fault[] = [
  // ------------------------------------------------------------------ start and stop: the municipality
  gemeenteOverride({
    id: 'gemeente-accepts-unlinked-start',
    rule: 'IJW-START-3', region,
    description: 'Does not check that a JW305/JW307 links to a toewijzing of that client (should be 9019, TR019)',
    table: 'start-stop.checks',
    name: 'linked',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-deletes-start-with-stop',
    rule: 'IJW-START-2', region,
    description: 'Deletes a start that already has a stop (should be 9071, TR071)',
    table: 'start-stop.checks',
    name: 'startDeletable',
    with: () => (s) => (s ? undefined : '9063'),
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-any-stop-sequence',
    rule: 'IJW-STOP-2', region,
    description: 'Accepts a second temporary stop, an earlier end date and a stop after a definitive one (should be 9413/9414/9415)',
    table: 'start-stop.checks',
    name: 'stopSequence',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-refuses-stop-withdrawal',
    rule: 'IJW-STOP-3', region,
    description: 'Refuses to delete a definitive stop, as if it were final (9063), while the toewijzing runs',
    table: 'start-stop.checks',
    name: 'stopDeletable',
    with: () => (stop) => (stop && stop.reden === '20' ? undefined : '9063'),
  }),
  {
    id: 'gemeente-shortens-after-temporary-stop',
    role: 'gemeente', rule: 'IJW-STOP-4', region,
    description: 'Ends the toewijzing with a new JW301 after a temporary stop (reden 20) too',
    apply(g) {
      g.endsToewijzingAfterStop = () => true;
    },
  },
  gemeenteOverride({
    id: 'gemeente-refuses-restart-after-definitive-stop',
    rule: 'IJW-STOP-5', region,
    description: 'Rejects a new JW305 on a toewijzing that had a definitive stop, though its einddatum has not passed (OP379)',
    table: 'start-stop.checks',
    name: 'restart',
    with: () => (earlier) => (earlier.some((s) => liveStops(s).some((x) => x.reden !== '20')) ? '9326' : undefined),
  }),
  {
    id: 'gemeente-forgets-start-on-change',
    role: 'gemeente', rule: 'IJW-START-5', region,
    description: 'Treats a changed toewijzing as new: its starts are forgotten, so a stop on the existing start gets 9069',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = async (t, einddatum, reden) => {
        for (const s of g.ledger.starts) if (s.toewijzingNummer === t.nummer) s.deleted = true;
        return change(t, einddatum, reden);
      };
    },
  },
  // ------------------------------------------------------------------ toewijzingen: the municipality
  {
    id: 'gemeente-sends-only-changed-toewijzingen',
    role: 'gemeente', rule: 'IJW-TOEW-1', region,
    description: 'A JW301 holds only the toewijzingen changed since the last one, not every valid toewijzing of the client (OP087)',
    apply(g) {
      g.selectFor301 = (ledger, bsn, aanbieder, date, first) => toewijzingenFor301(ledger, bsn, aanbieder, date, first).filter((p) => ledger.toewijzingen.get(p.ToewijzingNummer)?.changed || first.has(p.ToewijzingNummer));
    },
  },
  {
    id: 'gemeente-changes-product-in-place',
    role: 'gemeente', rule: 'IJW-WIJZ-1', region,
    description: 'Changes the product of the running toewijzing itself (same number) instead of shortening it and allocating a new one',
    apply(g) {
      g.changeProduct = async (c) => {
        const t = g.ledger.toewijzingen.get(c.toewijzingNummer)!;
        Object.assign(t, { product: c.product, omvang: c.omvang, redenWijziging: '14', changed: true });
        await g.send301(t.bsn);
        return t.nummer;
      };
    },
  },
  {
    id: 'gemeente-withdraws-by-shortening',
    role: 'gemeente', rule: 'IJW-INTREK-1', region,
    description: 'Withdraws a toewijzing by shortening it to the day after its ingangsdatum instead of einddatum = ingangsdatum',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = (t, einddatum, reden) => (einddatum === t.ingangsdatum ? change(t, plusDays(t.ingangsdatum, 1), '05') : change(t, einddatum, reden));
    },
  },
  // ------------------------------------------------------------------ requests: the municipality
  gemeenteOverride({
    id: 'gemeente-never-honours-a-vot',
    rule: 'IJW-VOT-1', region,
    description: 'Rejects every VOT (as not contracted) instead of honouring a correct one with a JW301',
    table: 'verzoek.checks',
    name: 'contracted',
    with: () => () => ({ reden: '3' as const, rule: 'FAULT', text: 'every request refused' }),
  }),
  {
    id: 'gemeente-rejects-as-in-onderzoek',
    role: 'gemeente', rule: 'IJW-VOT-2', region,
    description: 'Sends a rejection as "in onderzoek" (VerzoekAntwoord 2, no reden)',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const send = flow.send319.bind(flow);
      flow.send319 = (ref, antwoord, reden, woonplaats) => (antwoord === '1' && reden !== '8' ? send(ref, '2') : send(ref, antwoord, reden, woonplaats));
    },
  },
  {
    id: 'gemeente-answers-onderzoek-after-9-weeks',
    role: 'gemeente', rule: 'IJW-VOT-3', region,
    description: 'Gives the final answer after "in onderzoek" 45 werkdagen (9 weeks) later; the limit is 8 weeks from the request',
    apply(g) {
      verzoekFlowOf(g).investigateWerkdagen = 45;
    },
  },
  {
    id: 'gemeente-rejects-whole-vot',
    role: 'gemeente', rule: 'IJW-VOT-5', region,
    description: 'Rejects every product of a VOT when one of them cannot be honoured, instead of deciding per product',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const f = flow as unknown as { decide(refs: string[]): Promise<void>; reject(ref: string, r: Rejection): Promise<void>; details: Map<string, { requested: Parameters<typeof flow.judgeProduct>[0]; vow?: unknown }> };
      const decide = f.decide.bind(flow);
      f.decide = async (refs) => {
        const vots = refs.filter((r) => !f.details.get(r)?.vow && g.ledger.requests.get(r)?.status === 'open');
        const rej = vots.map((r) => flow.judgeProduct(f.details.get(r)!.requested)).find(Boolean);
        if (!rej || vots.length < 2) return decide(refs);
        for (const r of vots) await f.reject.call(flow, r, rej);
        return decide(refs.filter((r) => !vots.includes(r)));
      };
    },
  },
  {
    id: 'gemeente-allocates-its-own-volume',
    role: 'gemeente', rule: 'IJW-VOT-6', region,
    description: 'Honours a VOT with the product\'s default volume instead of the requested one (it should reject if it wants to deviate)',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const toewijzingFor = flow.toewijzingFor.bind(flow);
      flow.toewijzingFor = (ref, p) => {
        const t = toewijzingFor(ref, p);
        const own = (flow as unknown as { defaultOmvang(product: unknown): { volume: number; eenheid: string; frequentie: string } | undefined }).defaultOmvang(p.product);
        return own ? { ...t, omvang: own } : t;
      };
    },
  },
  {
    id: 'gemeente-rejects-woonplaats-without-gemeente',
    role: 'gemeente', rule: 'IJW-VOT-7', region,
    description: 'Rejects on the woonplaatsbeginsel (reden 8) without naming the responsible gemeente',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const send = flow.send319.bind(flow);
      flow.send319 = (ref, antwoord, reden) => send(ref, antwoord, reden);
    },
  },
  {
    id: 'gemeente-investigates-automated-failures',
    role: 'gemeente', rule: 'IJW-VOT-8', region,
    description: 'Takes a request that fails an automated check in onderzoek first (319 with 2) and rejects it after',
    apply(g) {
      const flow = verzoekFlowOf(g);
      const f = flow as unknown as { reject(ref: string, r: Rejection): Promise<void> };
      const reject = f.reject.bind(flow);
      f.reject = async (ref, r) => {
        await flow.send319(ref, '2');
        return reject(ref, r);
      };
    },
  },
  {
    id: 'gemeente-accepts-request-while-one-is-open',
    role: 'gemeente', rule: 'IJW-VOT-9', region,
    description: 'Accepts a new request while the client has an open request from that provider (should be 9374, TR374)',
    apply(g) {
      (verzoekFlowOf(g) as unknown as { isOpen(): boolean }).isOpen = () => false;
    },
  },
  {
    id: 'gemeente-accepts-reused-referentie',
    role: 'gemeente', rule: 'IJW-VOT-10', region,
    description: 'Does not check that a ReferentieAanbieder was used before (should be 9347, TR347)',
    apply(g) {
      const party = g as unknown as { reset(): void };
      const reset = party.reset.bind(g);
      party.reset = () => {
        reset();
        g.ledger.requests.has = () => false;
      };
    },
  },
  {
    id: 'gemeente-sends-referentie-every-time',
    role: 'gemeente', rule: 'IJW-VOT-13', region,
    description: 'Repeats the ReferentieAanbieder in every later JW301 of the toewijzing (TR379: only the first time)',
    apply(g) {
      const send301 = g.send301.bind(g);
      g.send301 = async (bsn) => {
        for (const t of g.ledger.toewijzingen.values()) if (t.bsn === bsn && t.referentieAanbieder) g.unsentReferentie.add(t.nummer);
        return send301(bsn);
      };
    },
  },
  // ------------------------------------------------------------------ declarations: the municipality
  {
    id: 'gemeente-omits-8001',
    role: 'gemeente', rule: 'IJW-DECL-1', region,
    description: 'Answers a fully approved declaration without 8001',
    apply(g) {
      const party = g as unknown as { retourFor(code: MessageCode, model: unknown, findings: unknown[]): string };
      const retourFor = party.retourFor.bind(g);
      party.retourFor = (code, model, findings) => {
        const xml = retourFor(code, model, findings);
        return code === 'JW323' ? xml.replace(/>8001</g, '>0200<') : xml;
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-other-unit',
    rule: 'IJW-DECL-3', region,
    description: 'Approves a line in another unit than the toewijzing\'s (should be 9341, TR341)',
    table: 'declaratie.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-second-credit',
    rule: 'IJW-DECL-4', region,
    description: 'Approves a credit of a line that was already credited (should be 9390, TR390)',
    table: 'declaratie.checks',
    name: 'creditOnce',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-reused-referentienummer',
    rule: 'IJW-DECL-6', region,
    description: 'Approves a line whose ReferentieNummer was used before (should be 8021, TR314)',
    table: 'declaratie.checks',
    name: 'uniqueReferentie',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-period-after-declaratieperiode',
    rule: 'IJW-DECL-7', region,
    description: 'Approves a line whose ProductPeriode lies after the DeclaratiePeriode (should be 9319, TR319)',
    table: 'declaratie.checks',
    name: 'withinDeclaratiePeriode',
    with: () => () => undefined,
  }),
  // ------------------------------------------------------------------ start and stop: the provider
  {
    id: 'aanbieder-omits-toewijzingnummer',
    role: 'aanbieder', rule: 'IJW-START-3', region,
    description: 'Sends its JW305 and JW307 without the ToewijzingNummer of the toewijzing (TR019)',
    affectsEveryFlow: 'no start is accepted (9019), so every flow that needs one, declarations included, fails at its set-up',
    apply(a) {
      const send = a.send.bind(a);
      a.send = ((code: MessageCode, model: unknown) => {
        if (code === 'JW305') for (const p of (model as Jw305).Client.StartProducten.StartProduct) delete (p as { ToewijzingNummer?: number }).ToewijzingNummer;
        if (code === 'JW307') for (const p of (model as Jw307).Client.StopProducten.StopProduct) delete (p as { ToewijzingNummer?: number }).ToewijzingNummer;
        return send(code as never, model as never);
      }) as typeof a.send;
    },
  },
  {
    id: 'aanbieder-continues-verlenging-under-old-start',
    role: 'aanbieder', rule: 'IJW-START-4', region,
    description: 'Starts care on a verlenging (same product, continuing the previous toewijzing) under the previous toewijzing\'s number',
    apply(a) {
      startUnderPredecessor(a, (t, before) => t.product.code === before.product.code);
    },
  },
  {
    id: 'aanbieder-starts-new-product-under-old-number',
    role: 'aanbieder', rule: 'IJW-WIJZ-1', region,
    description: 'After a product change, starts the new toewijzing under the number of the shortened one',
    apply(a) {
      startUnderPredecessor(a, (t, before) => t.product.code !== before.product.code);
    },
  },
  {
    id: 'aanbieder-restarts-changed-toewijzing',
    role: 'aanbieder', rule: 'IJW-START-5', region,
    description: 'When the municipality changes a started toewijzing, deletes its start and sends it again',
    apply(a) {
      const party = a as unknown as { onToewijzing(m: Jw301): Judgement };
      const judge = party.onToewijzing.bind(a);
      party.onToewijzing = (m) => {
        const j = judge(m);
        const changed = m.Client.ToegewezenProducten.ToegewezenProduct.filter((p) => p.RedenWijziging).map((p) => p.ToewijzingNummer);
        return {
          ...j,
          after: async () => {
            await j.after?.();
            for (const n of changed) {
              const s = a.latestStart(n);
              if (!s) continue;
              await a.startCare(n, s.begindatum, '3');
              await a.startCare(n, s.begindatum);
            }
          },
        };
      };
    },
  },
  {
    id: 'aanbieder-deletes-start-with-other-content',
    role: 'aanbieder', rule: 'IJW-START-2', region,
    description: 'Deletes a start with a Begindatum a day later than the original (not the original content), so nothing is deleted (9063)',
    apply(a) {
      const startCare = a.startCare.bind(a);
      a.startCare = (nummer, begindatum, status) => startCare(nummer, status === '3' ? plusDays(begindatum, 1) : begindatum, status);
    },
  },
  {
    id: 'aanbieder-resumes-the-same-start',
    role: 'aanbieder', rule: 'IJW-STOP-2', region,
    description: 'After a temporary stop, resumes with a start that repeats the original Begindatum (9074) instead of a new start',
    apply(a) {
      const startCare = a.startCare.bind(a);
      a.startCare = (nummer, begindatum, status) => {
        const paused = a.ledger.starts.filter((s) => s.toewijzingNummer === nummer && !s.deleted && liveStops(s).length && liveStops(s).every((x) => x.reden === '20')).at(-1);
        return startCare(nummer, status !== '3' && paused ? paused.begindatum : begindatum, status);
      };
    },
  },
  {
    id: 'aanbieder-withdraws-stop-with-other-reden',
    role: 'aanbieder', rule: 'IJW-STOP-3', region,
    description: 'Withdraws a stop with RedenBeeindiging 20 instead of the stop\'s original content, so nothing is deleted (9063)',
    apply(a) {
      const stopCare = a.stopCare.bind(a);
      a.stopCare = (nummer, einddatum, reden, begindatum, status) => stopCare(nummer, einddatum, status === '3' ? (reden === '20' ? '31' : '20') : reden, begindatum, status);
    },
  },
  // ------------------------------------------------------------------ toewijzingen and requests: the provider
  {
    id: 'aanbieder-rejects-withdrawn-toewijzing',
    role: 'aanbieder', rule: 'IJW-INTREK-1', region,
    description: 'Rejects a JW301 that withdraws a toewijzing (einddatum = ingangsdatum)',
    apply(a) {
      refuse301(a, (p) => p.Einddatum === p.Ingangsdatum, 'the provider refuses a withdrawn toewijzing');
    },
  },
  {
    id: 'aanbieder-rejects-honouring-301',
    role: 'aanbieder', rule: 'IJW-VOT-1', region,
    description: 'Rejects the JW301 that honours its own request (one with a ReferentieAanbieder)',
    apply(a) {
      refuse301(a, (p) => !!p.ReferentieAanbieder, 'the provider refuses the toewijzing honouring its request');
    },
  },
  {
    id: 'aanbieder-accepts-unknown-referentie-319',
    role: 'aanbieder', rule: 'IJW-VOT-11', region,
    description: 'Accepts a JW319 for a ReferentieAanbieder it never sent (should be 9355, TR355)',
    apply(a) {
      ignore319(a, '9355');
    },
  },
  {
    id: 'aanbieder-accepts-second-onderzoek',
    role: 'aanbieder', rule: 'IJW-VOT-12', region,
    description: 'Accepts a second JW319 "in onderzoek" for one request (should be 9360, TR360)',
    apply(a) {
      ignore319(a, '9360');
    },
  },
  // ------------------------------------------------------------------ declarations: the provider
  {
    id: 'aanbieder-declares-past-toewijzing-end',
    role: 'aanbieder', rule: 'IJW-DECL-2', region,
    description: 'Declares the whole month, also past the einddatum of a shortened toewijzing',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { productPeriode(t: Toewijzing, month: string, start?: unknown): unknown };
      const pp = flow.productPeriode.bind(flow);
      flow.productPeriode = (t, month, start) => {
        const { einddatum: _ignored, ...open } = t;
        return pp(open, month, start);
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-declares-in-other-unit', rule: 'IJW-DECL-3', region,
    description: 'Declares per-unit care in etmalen (14) whatever unit the toewijzing has',
    table: 'declaratie.rules',
    name: 'perUnit',
    with: (perUnit) => (...args) => {
      const r = perUnit(...args);
      return r && r.eenheid !== '83' ? { ...r, eenheid: r.eenheid === '14' ? '16' : '14' } : r;
    },
  }),
  aanbiederOverride({
    id: 'aanbieder-corrects-without-credit',
    rule: 'IJW-DECL-4', region,
    description: 'Corrects an approved line by declaring the corrected debit only, without crediting the approved line',
    table: 'declaratie.rules',
    name: 'correction',
    with: () => (_credit, debit) => [debit],
  }),
  {
    id: 'aanbieder-never-redeclares-rejected-line',
    role: 'aanbieder', rule: 'IJW-DECL-5', region,
    description: 'Drops a rejected line: it is never declared again, corrected, in the same or the next period',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const onRetour = flow.onRetour.bind(flow);
      flow.onRetour = async (code, model) => {
        await onRetour(code, model);
        for (const r of a.ledger.prestaties.values()) if (r.status === 'rejected') flow.claimed.add(`care:${r.toewijzingNummer}:${monthOf(r.begindatum)}`);
      };
    },
  },
  {
    id: 'aanbieder-reuses-numbers',
    role: 'aanbieder', rule: 'IJW-DECL-6', region,
    description: 'Numbers every declaration and every line from 1 again (DeclaratieNummer and ReferentieNummer not unique)',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { nextNumber(prefix: string, width: number): string; send(...args: unknown[]): Promise<void> };
      let n = 0;
      flow.nextNumber = (prefix, width) => `${prefix}${String(++n).padStart(width, '0')}`;
      const send = flow.send.bind(flow);
      flow.send = (...args) => {
        n = 0;
        return send(...args);
      };
    },
  },
  {
    id: 'aanbieder-declares-four-weekly-period',
    role: 'aanbieder', rule: 'IJW-DECL-7', region,
    description: 'Uses a four-weekly DeclaratiePeriode (the 1st plus 27 days) instead of the calendar month',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const f = flow as unknown as { send(...args: unknown[]): Promise<void> };
      const send = f.send.bind(flow);
      f.send = (...args) => {
        flow.mutate = (msg: Jw323) => {
          msg.Declaratie.DeclaratiePeriode.Einddatum = plusDays(msg.Declaratie.DeclaratiePeriode.Begindatum, 27);
        };
        return send(...args);
      };
    },
  },
  // ------------------------------------------------------------------ retours
  {
    id: 'gemeente-sends-no-308',
    role: 'gemeente', rule: 'IJW-RET-1', region,
    description: 'Processes a JW307 but answers it with 202 and never sends the JW308',
    apply(g) {
      const receive = g.receive.bind(g);
      g.receive = async (xml) => {
        const r = await receive(xml);
        return /\/jw307\//i.test(xml) && r.status === 200 ? { status: 202 } : r;
      };
    },
  },
  {
    id: 'aanbieder-sends-no-302-on-change',
    role: 'aanbieder', rule: 'IJW-RET-1', region,
    description: 'Answers a JW301 that changes a toewijzing (one with a RedenWijziging) with 202 and never sends the JW302',
    apply(a) {
      const receive = a.receive.bind(a);
      a.receive = async (xml) => {
        const r = await receive(xml);
        return /\/jw301\//i.test(xml) && /RedenWijziging>/.test(xml) && r.status === 200 ? { status: 202 } : r;
      };
    },
  },
  {
    id: 'gemeente-acknowledges-declaration-twice',
    role: 'gemeente', rule: 'IJW-RET-3', region,
    description: 'Answers a JW323 with the JW325 and then sends the same JW325 again, as if the first were a technical retour',
    affectsEveryFlow: 'every declaration gets a second JW325, which the judge flags in every declaration scenario (TR056, IJW-RET-3)',
    apply(g) {
      const receive = g.receive.bind(g);
      g.receive = async (xml) => {
        const r = await receive(xml);
        if (/\/jw323\//i.test(xml) && r.status === 200 && r.body) {
          const body = r.body;
          g.afterwards.push(async () => void (await g.sendXml('JW325', body)));
        }
        return r;
      };
    },
  },
  {
    id: 'aanbieder-echoes-declaration-answer',
    role: 'aanbieder', rule: 'IJW-RET-3', region,
    description: 'Sends the JW325 it received back to the municipality, as if the answer needed a retour',
    affectsEveryFlow: 'the provider answers every JW325 with one of its own, which the judge flags in every declaration scenario (IJW-ADDR, IJW-RET-3)',
    apply(a) {
      const sendXml = a.sendXml.bind(a);
      a.sendXml = async (code, xml) => {
        const r = await sendXml(code, xml);
        if (code === 'JW323' && r.answer?.code === 'JW325') {
          const answer = a.transcript.filter((e) => e.code === 'JW325' && e.direction === 'received').at(-1);
          if (answer) await sendXml('JW325', answer.xml);
        }
        return r;
      };
    },
  },
  // ------------------------------------------------------------------ in-message rules
  {
    id: 'gemeente-accepts-referrer-code-for-other-types',
    role: 'gemeente', rule: 'IJW-VOT-4', region,
    description: 'Does not apply CD068: accepts a ZorgverlenerCode for a referrer type other than 02–05',
    apply(g) {
      const validate = g.validateMessage;
      g.validateMessage = (...args) => validate(...args).filter((f) => f.rule !== 'CD068');
    },
  },
  {
    id: 'gemeente-processes-in-message-errors',
    role: 'gemeente', rule: 'IJW-RET-2', region,
    description: 'Processes a message that breaks an in-message rule (a BSN failing the elfproef, CS002) instead of rejecting it with 0001',
    apply(g) {
      const validate = g.validateMessage;
      g.validateMessage = (...args) => validate(...args).filter((f) => f.rule !== 'CS002');
    },
  },
  {
    id: 'aanbieder-processes-in-message-errors',
    role: 'aanbieder', rule: 'IJW-RET-2', region,
    description: 'Processes a toewijzing that breaks an in-message rule (a BSN failing the elfproef, CS002) instead of rejecting it with 0001',
    apply(a) {
      const validate = a.validateMessage;
      a.validateMessage = (...args) => validate(...args).filter((f) => f.rule !== 'CS002');
    },
  },
];
