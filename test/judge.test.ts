/**
 * The judge of the SUT's messages (issue 10, points 5–8): XSD and in-message rules whatever
 * the path, addressing, TR056, and retours paired with the message they answer, waited for
 * without polling.
 */
import { describe, expect, it } from 'vitest';
import { ExchangeJudge } from '../steps/support/judge.ts';
import { messages } from '../ijw/messages/registry.ts';
import { buildRetour, buildJw325 } from '../ijw/retour/index.ts';
import { rejectedLines, CLIENT_LEVEL_CODES } from '../steps/support/placement.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jw301, jw305, jw323, AANBIEDER, GEMEENTE } from '../ijw/rules/fixtures.ts';
import type { Exchange } from '../simulators/party.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';

let seq = 0;
const ex = (direction: Exchange['direction'], code: MessageCode, xml: string, httpStatus?: number): Exchange => ({ seq: ++seq, at: new Date().toISOString(), businessDate: '2025-03-10', direction, code, xml, retourcodes: [], ...(httpStatus ? { httpStatus } : {}) });
const build = (code: MessageCode, model: unknown) => (messages[code].build as (m: unknown) => string)(model);

/** The harness plays the municipality 0361; the SUT is provider 12345678. */
function judge() {
  return new ExchangeJudge({ harnessId: () => GEMEENTE, sutId: () => AANBIEDER, today: () => '2025-03-10' });
}

function sent301(j: ExchangeJudge, id = 'TW2025-0001'): { e: Exchange; model: ReturnType<typeof jw301> } {
  const model = jw301();
  model.Header.BerichtIdentificatie.Identificatie = id;
  const e = ex('sent', 'JW301', build('JW301', model), 202);
  j.observe(e);
  return { e, model };
}

const retourXml = (model: ReturnType<typeof jw301>, id = 'R1') => build('JW302', buildRetour({ code: 'JW301', model }, [], { identificatie: id, dagtekening: '2025-03-10' }));

describe('ExchangeJudge', () => {
  it('pairs a retour with the message it refers to, not with any other', () => {
    const j = judge();
    const first = sent301(j, 'TW-1');
    const second = sent301(j, 'TW-2');
    const r = ex('received', 'JW302', retourXml(first.model));
    j.observe(r);
    expect(j.retourTo(first.e)).toBe(r);
    expect(j.retourTo(second.e)).toBeUndefined();
    expect(j.outstanding()).toEqual([second.e]);
    expect(j.takeFindings()).toEqual([]);
  });

  it('waits for a retour that comes later and returns as soon as it arrives', async () => {
    const j = judge();
    const { e, model } = sent301(j);
    const started = Date.now();
    setTimeout(() => j.observe(ex('received', 'JW302', retourXml(model))), 30);
    const got = await j.awaitRetour(e, 5000);
    expect(got?.code).toBe('JW302');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await j.awaitRetour(sent301(j, 'TW-9').e, 20)).toBeUndefined();
  });

  it('finds a retour that breaks the XSD, a second retour, a wrong reference and swapped addresses (IJW-RET-1)', () => {
    const j = judge();
    const { model } = sent301(j);
    j.observe(ex('received', 'JW302', retourXml(model).replace(/<(\w+:)?XsdVersieRetour>[\s\S]*?<\/\1?XsdVersieRetour>/, '')));
    expect(j.takeFindings().map((f) => [f.rule, f.path])).toEqual([['XSD', '/Bericht/Header/XsdVersieRetour']]);
    j.observe(ex('received', 'JW302', retourXml(model, 'R2')));
    expect(j.takeFindings().map((f) => f.text)).toEqual([expect.stringMatching(/answered JW301 TW2025-0001 twice/)]);
    const other = sent301(j, 'TW-3');
    const swapped = retourXml(other.model).replace(`>${GEMEENTE}<`, '>TMP<').replace(`>${AANBIEDER}<`, `>${GEMEENTE}<`).replace('>TMP<', `>${AANBIEDER}<`).replace('>2025-03-10</', '>2025-03-09</');
    j.observe(ex('received', 'JW302', swapped));
    // Swapped, they also break the XSD: a JW302's Afzender is an LDT_Gemeente (IV028 copies them unchanged).
    expect(j.takeFindings().map((f) => [f.rule, f.path])).toEqual([
      ['XSD', '/Bericht/Header/Afzender'],
      ['XSD', '/Bericht/Header/Ontvanger'],
      ['IJW-RET-1', '/Bericht/Header/BerichtIdentificatie/Dagtekening'],
      ['IJW-RET-1', '/Bericht/Header/Afzender'],
      ['IJW-RET-1', '/Bericht/Header/Ontvanger'],
    ]);
  });

  it('checks the addressing of a message the SUT sends and TR056 (IJW-ADDR, 9056)', () => {
    const j = judge();
    const start = jw305();
    j.observe(ex('received', 'JW305', build('JW305', start)));
    expect(j.takeFindings()).toEqual([]);
    j.observe(ex('received', 'JW305', build('JW305', start)));
    expect(j.takeFindings().map((f) => [f.rule, f.retourcode])).toEqual([['TR056', '9056']]);
    const misaddressed = jw305();
    misaddressed.Header.BerichtIdentificatie.Identificatie = 'OTHER-1';
    misaddressed.Header.Ontvanger = '0373';
    j.observe(ex('received', 'JW305', build('JW305', misaddressed)));
    expect(j.takeFindings().map((f) => [f.rule, f.path, f.actual])).toEqual([['IJW-ADDR', '/Bericht/Header/Ontvanger', 'Ontvanger 0373']]);
  });

  it('applies the in-message rules to what the SUT sends', () => {
    const j = judge();
    const start = jw305();
    start.Client.Bsn = '999900007';
    j.observe(ex('received', 'JW305', build('JW305', start)));
    expect(j.takeFindings().map((f) => [f.rule, f.retourcode])).toContainEqual(['CS002', '0001']);
  });
});

describe('where a JW325 may put a client-level code (TR304 8187)', () => {
  // FLOWS.md (IV087/IV088): a client-level error puts the code on the Client and 0233 on its
  // prestaties; the harness's municipality puts it on each line. Both are the standard's.
  const P = '/Bericht/Declaratie/Clienten/Client[1]';
  const meta = { identificatie: 'RET2025-0001', dagtekening: '2025-03-11' };
  const f = (path: string, code: string, rule: string) => ({ message: 'JW323' as const, path, rule, level: 3 as const, retourcode: code, text: `${rule}: test` });
  const lines = (findings: ReturnType<typeof f>[]) => rejectedLines(buildJw325(jw323(), findings, meta));

  it('counts 8187 on the Client (0233 on the lines) as rejecting each line of that client', () => {
    const got = lines([f(`${P}/Bsn`, '8187', 'TR304')]);
    expect(got.map((l) => [l.ref, l.codes, l.placement])).toEqual([['P2025-0201', ['0233', '8187'], 'client'], ['P2025-0202', ['0233', '8187'], 'client']]);
  });
  it('counts 8187 on each line as well', () => {
    const got = lines([f(`${P}/Prestaties/Prestatie[1]`, '8187', 'TR304')]);
    expect(got.map((l) => [l.ref, l.codes, l.placement])).toEqual([['P2025-0201', ['8187'], 'prestatie']]);
  });
  it('does not move a line-level code from the Client to its lines', () => {
    const a = buildJw325(jw323(), [f(`${P}/Bsn`, '8187', 'TR304')], meta);
    a.DeclaratieAntwoord!.Clienten!.Client[0]!.RetourCodes!.RetourCode = ['9321'];
    expect(rejectedLines(a).every((l) => !l.codes.includes('9321'))).toBe(true);
  });
  it('lists the codes whose placement is open in the adapter protocol', () => {
    const doc = readFileSync(resolve(import.meta.dirname, '../docs/ADAPTER-PROTOCOL.md'), 'utf8');
    for (const [code, { rule }] of Object.entries(CLIENT_LEVEL_CODES)) expect(doc, `${rule} ${code}`).toMatch(new RegExp(`${code}[^\\n]*${rule}[^\\n]*Client`));
  });
});
