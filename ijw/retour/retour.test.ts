/**
 * Retour builders (FLOWS.md): accepted, level 2, level 3/4 on the Header and on classes, and the
 * JW325 cases. Every retour is checked by the official XSDs (libxml2, the oracle) and must
 * round-trip through build/parse.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { buildRetour, buildJw306, buildJw308, buildJw325, RetourError } from './index.ts';
import * as fx from '../rules/fixtures.ts';
import { checkRules } from '../rules/index.ts';
import { messages, type MessageModels } from '../messages/registry.ts';
import { RETOUR_OF, type HeenCode } from '../messages/codes.ts';
import type { MessageDefinition } from '../messages/define.ts';
import type { Finding } from '../findings.ts';
import { loadOfficialXsd } from '../xsd/official-xsd.ts';

const xsd = loadOfficialXsd(resolve(import.meta.dirname, '../../../shared/reference/xsd'));
const meta = { identificatie: 'RET2025-0001', dagtekening: '2025-03-11' };
const level3 = (message: HeenCode, path: string, retourcode: string, rule = 'TR063'): Finding => ({ message, path, rule, level: 3, retourcode, text: `${rule}: test` });

/** The retour must be valid under the official XSDs and survive build → parse unchanged. */
async function checked<C extends HeenCode>(code: C, retour: MessageModels[(typeof RETOUR_OF)[C]]) {
  const rc = RETOUR_OF[code];
  const def = messages[rc] as MessageDefinition<unknown>;
  const xml = def.build(retour);
  expect(await xsd.validate(xml, rc)).toEqual([]);
  expect(def.parse(xml)).toEqual(retour);
  return retour;
}

const codesAt = (x: { RetourCodes?: { RetourCode: string[] } } | undefined) => x?.RetourCodes?.RetourCode;

describe.each(Object.keys(fx.heenFixtures) as (keyof typeof fx.heenFixtures)[])('the retour of a %s', (code) => {
  const heen = () => fx.heenFixtures[code]() as MessageModels[typeof code];

  it('fully accepted: the Header only, copied parties, no RetourCodes (IV028)', async () => {
    const m = heen();
    const r = (await checked(code, buildRetour({ code, model: m } as never, [], meta))) as unknown as Record<string, unknown> & { Header: Record<string, unknown> };
    expect(Object.keys(r)).toEqual(code === 'JW323' ? ['Header', 'DeclaratieAntwoord'] : ['Header']);
    if (code !== 'JW323') {
      expect(r.Header).toMatchObject({ Afzender: m.Header.Afzender, Ontvanger: m.Header.Ontvanger, BerichtIdentificatie: m.Header.BerichtIdentificatie, IdentificatieRetour: meta.identificatie, DagtekeningRetour: meta.dagtekening, BerichtCode: messages[RETOUR_OF[code]].berichtCode });
      expect(r.Header.RetourCodes).toBeUndefined();
      expect(r.Header.XsltVersie).toBeUndefined();
    }
  });

  it('a level-2 finding: the Header only with 0001 and XsltVersie (IV032)', async () => {
    const m = heen();
    m.Header.BerichtIdentificatie.Dagtekening = '2025-01-01';
    const findings = [...checkRules(code, m as never), { message: code, path: '/Bericht/Header/BerichtVersie', rule: 'CS025', level: 2, retourcode: '0001', text: 'CS025: test' } as Finding];
    expect(findings.every((f) => f.level === 2)).toBe(true);
    const r = (await checked(code, buildRetour({ code, model: m } as never, findings, meta))) as { Header: { RetourCodes?: { RetourCode: string[] }; XsltVersie?: string } };
    expect(Object.keys(r)).toEqual(['Header']);
    expect(codesAt(r.Header)).toEqual(['0001']);
    expect(r.Header.XsltVersie).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('a level-4 finding on the Header (TR135, Dagtekening in the future): the Header only with 8848', async () => {
    const findings = checkRules(code, heen() as never, { today: '2025-03-01' });
    expect(findings.map((f) => [f.rule, f.retourcode])).toEqual([['TR135', '8848']]);
    const r = (await checked(code, buildRetour({ code, model: heen() } as never, findings, meta))) as { Header: { RetourCodes?: { RetourCode: string[] } } };
    expect(Object.keys(r)).toEqual(['Header']);
    expect(codesAt(r.Header)).toEqual(['8848']);
  });

  it('XSD findings: no retour at all', () => {
    expect(() => buildRetour({ code, model: heen() } as never, [{ message: code, path: '/Bericht/Header', rule: 'XSD', level: 1, text: 'x' }], meta)).toThrow(RetourError);
  });
});

describe('level 3/4 in a client class: Header 0200, the client with every class coded', () => {
  it('9069 on a 307 StopProduct (TR382): Header 0200 / Client 0200 / StopProduct 9069', async () => {
    const r = await checked('JW307', buildJw308(fx.jw307(), [level3('JW307', '/Bericht/Client/StopProducten/StopProduct[1]', '9069', 'TR382')], meta));
    expect(codesAt(r.Header)).toEqual(['0200']);
    expect(codesAt(r.Client)).toEqual(['0200']);
    expect(codesAt(r.Client!.StopProducten.StopProduct[0])).toEqual(['9069']);
    // Everything else copied unchanged.
    const { RetourCodes: _, ...stop } = r.Client!.StopProducten.StopProduct[0]!;
    expect(stop).toEqual(fx.jw307().Client.StopProducten.StopProduct[0]);
  });

  it('9063 on the second StartProduct of a 305 (IV028 example): the first is 0200', async () => {
    const r = await checked('JW305', buildJw306(fx.jw305(), [level3('JW305', '/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering', '9063')], meta));
    expect([codesAt(r.Header), codesAt(r.Client), ...r.Client!.StartProducten.StartProduct.map(codesAt)]).toEqual([['0200'], ['0200'], ['0200'], ['9063']]);
  });

  it('an error on the Client (9374 on a 315): its code there, 0233 (not checked) on its products', async () => {
    const r = await checked('JW315', buildRetour({ code: 'JW315', model: fx.jw315() }, [level3('JW315', '/Bericht/Client', '9374', 'TR374')], meta));
    expect(codesAt(r.Client)).toEqual(['9374']);
    expect(r.Client!.AangevraagdeProducten.AangevraagdProduct.map(codesAt)).toEqual([['0233'], ['0233'], ['0233']]);
  });

  it('a 301 with relaties and contacts: every class coded, 9332 where found', async () => {
    const r = await checked('JW301', buildRetour({ code: 'JW301', model: fx.jw301() }, [level3('JW301', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/ToewijzingNummer', '9332', 'TR332')], meta));
    expect(codesAt(r.Client!.Relaties!.Relatie[0])).toEqual(['0200']);
    expect(codesAt(r.Client!.Relaties!.Relatie[0]!.Contact)).toEqual(['0200']);
    expect(codesAt(r.Client!.Contactgegevens.Contact[0])).toEqual(['0200']);
    expect(r.Client!.ToegewezenProducten.ToegewezenProduct.map(codesAt)).toEqual([['0200'], ['9332']]);
  });

  it('a 317: the VOW classes each coded', async () => {
    const r = await checked('JW317', buildRetour({ code: 'JW317', model: fx.jw317() }, [level3('JW317', '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]', '9351', 'TR351')], meta));
    const v = r.Client!.Verzoek;
    expect([codesAt(r.Client), codesAt(v), codesAt(v.OngewijzigdeProducten!.OngewijzigdProduct[0]), codesAt(v.TeWijzigenProducten!.TeWijzigenProduct[0]), codesAt(v.NieuweProducten!.NieuwProduct[0])]).toEqual([['0200'], ['0200'], ['0200'], ['9351'], ['0200']]);
  });

  it('a 319: the Antwoord and its Woonplaatsbeginsel coded', async () => {
    const r = await checked('JW319', buildRetour({ code: 'JW319', model: fx.jw319() }, [level3('JW319', '/Bericht/Antwoord', '9359', 'TR359')], meta));
    expect([codesAt(r.Header), codesAt(r.Antwoord), codesAt(r.Antwoord!.Woonplaatsbeginsel)]).toEqual([['0200'], ['9359'], ['0233']]);
  });

  it('several codes on one class are all returned, each once', async () => {
    const p = '/Bericht/Client/StopProducten/StopProduct[1]';
    const r = await checked('JW307', buildJw308(fx.jw307(), [level3('JW307', p, '9069'), level3('JW307', `${p}/Einddatum`, '9414'), level3('JW307', p, '9069')], meta));
    expect(codesAt(r.Client!.StopProducten.StopProduct[0])).toEqual(['9069', '9414']);
  });
});

describe('the JW325 for a JW323', () => {
  const P = '/Bericht/Declaratie/Clienten/Client';
  const noRuleBroken = (r: MessageModels['JW325']) => expect(checkRules('JW325', r, { today: meta.dagtekening })).toEqual([]);

  it('fully approved: Header 0200, DeclaratieAntwoord 8001, toegekend = ingediend, no clients', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), [], meta));
    expect(r.Header).toMatchObject({ Afzender: fx.GEMEENTE, Ontvanger: fx.AANBIEDER, DeclaratieIdentificatie: fx.jw323().Header.BerichtIdentificatie, XsdVersieDeclaratie: fx.jw323().Header.XsdVersie, RetourCodes: { RetourCode: ['0200'] } });
    expect(r.DeclaratieAntwoord).toEqual({ DeclaratieNummer: 'D2025002', TotaalIngediendBedrag: { TotaalBedrag: 28500, DebetCredit: 'D' }, TotaalToegekendBedrag: { TotaalBedrag: 28500, DebetCredit: 'D' }, RetourCodes: { RetourCode: ['8001'] } });
    noRuleBroken(r);
  });

  it('partial: only the rejected prestatie listed with its code; toegekend = Σ approved (debit +, credit −); TR342 holds', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), [level3('JW323', `${P}[2]/Prestaties/Prestatie[1]`, '9338', 'TR338'), level3('JW323', `${P}[2]/Prestaties/Prestatie[1]/ProductPeriode`, '9307', 'TR307')], meta));
    const a = r.DeclaratieAntwoord!;
    expect([codesAt(r.Header), codesAt(a)]).toEqual([['0200'], ['0200']]);
    // approved: 22000 + 5000 − 11000 = 16000
    expect(a.TotaalToegekendBedrag).toEqual({ TotaalBedrag: 16000, DebetCredit: 'D' });
    expect(a.Clienten!.Client.map((c) => [c.Bsn, codesAt(c), c.Prestaties.Prestatie.map((p) => [p.ProductReferentie.ReferentieNummer, codesAt(p)])])).toEqual([[fx.BSN2, ['0200'], [['P2025-0203', ['9338', '9307']]]]]);
    noRuleBroken(r);
  });

  it('partial where the approved part is a net credit: TotaalToegekendBedrag carries C', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), [level3('JW323', `${P}[1]/Prestaties/Prestatie[1]`, '9308'), level3('JW323', `${P}[1]/Prestaties/Prestatie[2]`, '9308'), level3('JW323', `${P}[2]/Prestaties/Prestatie[1]`, '9308')], meta));
    expect(r.DeclaratieAntwoord!.TotaalToegekendBedrag).toEqual({ TotaalBedrag: 11000, DebetCredit: 'C' });
    noRuleBroken(r);
  });

  it('a client-level error: its code on the Client, 0233 on all its prestaties', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), [level3('JW323', `${P}[1]/Bsn`, '8187', 'TR304')], meta));
    const c = r.DeclaratieAntwoord!.Clienten!.Client;
    expect(c.map((x) => [x.Bsn, codesAt(x), x.Prestaties.Prestatie.map(codesAt)])).toEqual([[fx.BSN, ['8187'], [['0233'], ['0233']]]]);
    expect(r.DeclaratieAntwoord!.TotaalToegekendBedrag).toEqual({ TotaalBedrag: 1500, DebetCredit: 'D' });
    noRuleBroken(r);
  });

  it('an error on class Declaratie (9333): DeclaratieAntwoord 9333, toegekend 0, no prestaties', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), [level3('JW323', '/Bericht/Declaratie/DeclaratieNummer', '9333', 'TR333')], meta));
    expect(r.DeclaratieAntwoord).toEqual({ DeclaratieNummer: 'D2025002', TotaalIngediendBedrag: { TotaalBedrag: 28500, DebetCredit: 'D' }, TotaalToegekendBedrag: { TotaalBedrag: 0, DebetCredit: 'D' }, RetourCodes: { RetourCode: ['9333'] } });
    noRuleBroken(r);
  });

  it('a level-2 error: Header 0001 (and XsltVersie) only, no DeclaratieAntwoord', async () => {
    const m = fx.jw323();
    m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 1;
    const findings = checkRules('JW323', m);
    expect(findings.map((f) => f.rule)).toEqual(['TR358']);
    const r = await checked('JW323', buildJw325(m, findings, meta));
    expect(r.DeclaratieAntwoord).toBeUndefined();
    expect(codesAt(r.Header)).toEqual(['0001']);
    expect(r.Header.XsltVersie).toBeDefined();
  });

  it('a Header error (TR135): Header with 8848 only', async () => {
    const r = await checked('JW323', buildJw325(fx.jw323(), checkRules('JW323', fx.jw323(), { today: '2025-03-01' }), meta));
    expect([codesAt(r.Header), r.DeclaratieAntwoord]).toEqual([['8848'], undefined]);
  });

  it('TR342 catches a 325 whose totals do not add up', () => {
    const r = buildJw325(fx.jw323(), [level3('JW323', `${P}[2]/Prestaties/Prestatie[1]`, '9338')], meta);
    r.DeclaratieAntwoord!.TotaalToegekendBedrag.TotaalBedrag = 16001;
    expect(checkRules('JW325', r).map((f) => [f.rule, f.path])).toEqual([['TR342', '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag']]);
  });
});
