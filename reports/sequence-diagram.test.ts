/**
 * The sequence diagram and the message summaries it is labelled with: from the recorded fixture
 * runs (test/fixtures/reports/runs), with action attachments added the way steps/support/world.ts
 * attaches them.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Envelope } from '@cucumber/messages';
import { describe, expect, it } from 'vitest';
import { ACTION_MEDIA_TYPE, buildRegion, loadReportModel, maskModel, type ActionRecord, type ReportModel, type ScenarioReport } from './model.ts';
import { aboutMessage, sequenceDiagram } from './sequence-diagram.ts';
import { summariseMessage } from './message-summary.ts';

const RUNS = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reports', 'runs');
const msgId = (seq: number) => `m-${seq}`;
const envelopes = (mode: 'pass' | 'fail'): Envelope[] => readFileSync(join(RUNS, mode, 'utrecht.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Envelope);
const byName = (xs: ScenarioReport[], re: RegExp) => xs.find((s) => re.test(s.name))!;

/** The fixture run with action attachments on the steps of one scenario, as world.ts attaches them. */
function withActions(mode: 'pass' | 'fail', scenario: RegExp, actions: (Omit<ActionRecord, 'at' | 'businessDate' | 'ok' | 'status'> & { stepText: string; ok?: boolean })[]): ScenarioReport {
  const env = envelopes(mode);
  const pickle = env.find((e) => e.pickle && scenario.test(e.pickle.name))!.pickle!;
  const tc = env.find((e) => e.testCase?.pickleId === pickle.id)!.testCase!;
  const started = env.find((e) => e.testCaseStarted?.testCaseId === tc.id)!.testCaseStarted!;
  for (const a of actions) {
    const ps = pickle.steps.find((s) => s.text === a.stepText)!;
    const ts = tc.testSteps.find((t) => t.pickleStepId === ps.id)!;
    const { stepText, ok = true, ...record } = a;
    const body = JSON.stringify({ ...record, at: '2025-03-03T10:00:00.000Z', businessDate: '2025-03-03', ok, status: ok ? 200 : 422, ...(ok ? {} : { problem: 'no such toewijzing' }) });
    env.push({ attachment: { testCaseStartedId: started.id, testStepId: ts.id, mediaType: ACTION_MEDIA_TYPE, body, contentEncoding: 'IDENTITY' } } as Envelope);
  }
  return byName(buildRegion('utrecht', 'utrecht.ndjson', env, ['gemeente', 'aanbieder']).scenarios, scenario);
}

describe('message summaries', () => {
  const wrap = (code: string, inner: string) => `<${code.toLowerCase()}:Bericht xmlns:${code.toLowerCase()}="x"><${code.toLowerCase()}:Header/>${inner}</${code.toLowerCase()}:Bericht>`;

  it('says what a stop is about, with the reden from the code list', () => {
    const s = summariseMessage('JW307', wrap('JW307', '<StopProduct><ToewijzingNummer>1001</ToewijzingNummer><RedenBeeindiging>31</RedenBeeindiging><Einddatum>2025-03-31</Einddatum></StopProduct>'));
    expect(s.label).toBe('JW307 stop 1001, reden 31');
    expect(s.details).toContain('reden 31: Levering is volgens plan beëindigd');
    expect(s.answer).toBe(false);
  });

  it('explains every retourcode of an answer, counted, and tells a rejection from a remark', () => {
    const s = summariseMessage('JW325', wrap('JW325', '<RetourCode>0200</RetourCode><DeclaratieNummer>D1</DeclaratieNummer><TotaalBedrag>12000</TotaalBedrag><TotaalBedrag>0</TotaalBedrag><RetourCode>9321</RetourCode><RetourCode>9321</RetourCode>'));
    expect(s.label).toBe('JW325 declaratie-antwoord D1');
    expect(s.details).toContain('toegekend €0.00 van €120.00 ingediend');
    expect(s.retourcodes).toEqual([
      { code: '0200', count: 1, meaning: 'Geen opmerking over deze berichtklasse.', ok: true },
      { code: '9321', count: 2, meaning: 'Het ingediende volume overschrijdt het toegewezen volume.', ok: false },
    ]);
  });

  it('reads a rejected request, a withdrawn start and an unknown code without failing', () => {
    expect(summariseMessage('JW319', wrap('JW319', '<ReferentieAanbieder>V1</ReferentieAanbieder><VerzoekAntwoord>1</VerzoekAntwoord><RedenAfwijzingVerzoek>6</RedenAfwijzingVerzoek>')).details).toEqual(['reden afwijzing 6: Stapeling']);
    expect(summariseMessage('JW305', wrap('JW305', '<ToewijzingNummer>7</ToewijzingNummer><Begindatum>2025-03-03</Begindatum><StatusAanlevering>3</StatusAanlevering>')).label).toBe('JW305 start verwijderen 7, begindatum 2025-03-03');
    expect(summariseMessage('JW308', wrap('JW308', '<RetourCode>X999</RetourCode>')).retourcodes[0]).toMatchObject({ code: 'X999', ok: false, meaning: expect.stringMatching(/unknown/) });
    expect(summariseMessage('JW307', 'not xml at all <<').label).toBe('JW307 stop');
  });
});

describe('sequence diagram', () => {
  it('draws one arrow per message, marks the SUT lane, and highlights the failure and the message it is about', async () => {
    const model = await loadReportModel(join(RUNS, 'fail'));
    const s = byName(model.regions[0]!.scenarios, /stop without a start/);
    const svg = sequenceDiagram(s, { msgId });
    expect(svg.match(/<g class="sq-msg/g)).toHaveLength(s.exchanges.length);
    expect(svg).toMatch(/<g class="sq-head-box sut">[^]*?gemeente 0344[^]*?system under test/);
    expect(aboutMessage(s)?.messageCode).toBe('JW308');
    expect(svg).toMatch(/<g class="sq-msg answer about" data-seq="2" data-target="m-2"/);
    expect(svg).toMatch(/<g class="sq-failure fail">.*The municipality accepted a stop/);
    expect(svg).toContain('JW307</tspan> stop T1, reden 31');
    expect(svg).toContain('no retourcodes: accepted');
    // BSNs never reach the diagram (the model is masked; labels do not quote the Bsn).
    expect(svg).not.toMatch(/\d{9}/);
  });

  it('shows actions as notes on the SUT lane in the order they happened, and date changes as dividers', () => {
    const s = withActions('pass', /start within 5/, [
      { afterSeq: 0, action: { action: 'set-date', date: '2025-03-04' }, stepText: 'care on "T2" starts on 2025-03-03' },
      { afterSeq: 0, action: { action: 'start-care', toewijzingNummer: 1001, begindatum: '2025-03-03' }, stepText: 'care on "T2" starts on 2025-03-03' },
      { afterSeq: 2, action: { action: 'stop-care', toewijzingNummer: 1001, einddatum: '2025-03-28', redenBeeindiging: '31' }, stepText: 'care on "T2" starts on 2025-03-03', ok: false },
    ]);
    expect(s.actions.map((a) => [a.action.action, s.steps[a.step!]!.text])).toEqual([
      ['set-date', 'care on "T2" starts on 2025-03-03'],
      ['start-care', 'care on "T2" starts on 2025-03-03'],
      ['stop-care', 'care on "T2" starts on 2025-03-03'],
    ]);
    const svg = sequenceDiagram(s, { msgId });
    const order = [...svg.matchAll(/business date set to 2025-03-04|▶ start-care|data-seq="1"|data-seq="2"|▶ stop-care/g)].map((m) => m[0]);
    expect(order).toEqual(['business date set to 2025-03-04', '▶ start-care', 'data-seq="1"', 'data-seq="2"', '▶ stop-care']);
    expect(svg).toContain('<g class="sq-action refused">');
    expect(svg).toContain('refused (HTTP 422): no such toewijzing');
    // The SUT is the aanbieder here: its lane is the marked one.
    expect(svg).toMatch(/<g class="sq-head-box sut">[^]*?aanbieder/);
  });

  it('masks the BSN of a client in an action, like everything else in the model', () => {
    const s = withActions('pass', /start within 5/, [{ afterSeq: 0, action: { action: 'allocate', client: { bsn: '999900006', achternaam: 'Jansen' }, products: [] }, stepText: 'care on "T2" starts on 2025-03-03' }]);
    const model = { masked: false, regions: [{ scenarios: [s] }] } as unknown as ReportModel;
    const masked = maskModel(model).regions[0]!.scenarios[0]!;
    expect(masked.actions[0]!.action.client).toEqual({ bsn: '*****0006', achternaam: 'Jansen' });
    expect(sequenceDiagram(masked, { msgId })).not.toContain('999900006');
  });

  it('escapes what the SUT wrote and stays empty when nothing happened', () => {
    const s: ScenarioReport = {
      id: 'x', name: 'x', feature: 'f', uri: 'u', tags: [], rules: [], flows: ['algemeen'], mandatory: true, verdict: 'pass', durationMs: 0, steps: [], actions: [],
      exchanges: [{ seq: 1, at: '2025-03-03T10:00:00.000Z', businessDate: '2025-03-03', from: { role: 'aanbieder', id: '1', played: 'sut' }, to: { role: 'gemeente', id: '2', played: 'harness' }, messageCode: 'JW305', transport: 'in-process', xml: '<Bericht><ToewijzingNummer>&lt;script&gt;alert(1)&lt;/script&gt;</ToewijzingNummer></Bericht>', retourcodes: [] }],
    };
    const svg = sequenceDiagram(s, { msgId });
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
    expect(sequenceDiagram({ ...s, exchanges: [] }, { msgId })).toBe('');
  });
});
