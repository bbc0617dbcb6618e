/**
 * Every in-message rule: a message that breaks it yields that rule's finding (retourcode, level,
 * exact path), and the correct hand-written messages yield none.
 */
import { describe, expect, it } from 'vitest';
import * as fx from './fixtures.ts';
import { checkRules, inMessageRules, rulesFor } from './index.ts';
import { nationalRuleTable } from './catalogue.ts';
import { messages, type MessageModels } from '../messages/registry.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { MessageDefinition } from '../messages/define.ts';
import { isValidBsn } from '../bsn.ts';
import { loadOfficialXsd } from '../xsd/official-xsd.ts';
import { XsdBatch } from '../../test/helpers/xsd-oracle.ts';
import { resolve } from 'node:path';
import rulesData from '../../../shared/reference/rules.json' with { type: 'json' };
import elementRules from '../../../shared/reference/element-rules.json' with { type: 'json' };

type Heen = keyof typeof fx.ruleFixtures;
interface Case<C extends Heen = Heen> {
  name: string;
  code: C;
  mutate(m: MessageModels[C]): void;
  expect: { rule: string; path: string; retourcode?: string; level?: number };
  today?: string;
  /** The XSD refuses this too (the rule is checked on the model alone). */
  xsdToo?: boolean;
}
const c = <C extends Heen>(x: Case<C>) => x as unknown as Case;

const P323 = '/Bericht/Declaratie/Clienten/Client';
const P325 = '/Bericht/DeclaratieAntwoord/Clienten/Client';
const CG = '/Bericht/Client/Contactgegevens';
const REL = '/Bericht/Client/Relaties/Relatie';
const TP = '/Bericht/Client/ToegewezenProducten';
const AP = '/Bericht/Client/AangevraagdeProducten';
const V = '/Bericht/Client/Verzoek';
const NP = `${V}/NieuweProducten/NieuwProduct`;
const TW = `${V}/TeWijzigenProducten/TeWijzigenProduct`;
const cases: Case[] = [
  c({ name: 'CS002 a client BSN failing the 11-proef', code: 'JW305', mutate: (m) => void (m.Client.Bsn = '123456789'), expect: { rule: 'CS002', path: '/Bericht/Client/Bsn' } }),
  c({ name: 'CS002 in a declaration, second client', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Bsn = '999900007'), expect: { rule: 'CS002', path: `${P323}[2]/Bsn` } }),
  c({ name: 'CS002 in a VOW', code: 'JW317', mutate: (m) => void (m.Client.Verzoek && (m.Client.Bsn = '111111111')), expect: { rule: 'CS002', path: '/Bericht/Client/Bsn' } }),
  c({ name: 'CS025 BerichtVersie 4', code: 'JW319', mutate: (m) => void (m.Header.BerichtVersie = 4), expect: { rule: 'CS025', path: '/Bericht/Header/BerichtVersie' }, xsdToo: true }),
  c({ name: 'CS015 BerichtSubversie 1', code: 'JW301', mutate: (m) => void (m.Header.BerichtSubversie = 1), expect: { rule: 'CS015', path: '/Bericht/Header/BerichtSubversie' }, xsdToo: true }),
  c({ name: 'TR101 the same start twice', code: 'JW305', mutate: (m) => void m.Client.StartProducten.StartProduct.push({ ...m.Client.StartProducten.StartProduct[0]! }), expect: { rule: 'TR101', path: '/Bericht/Client/StartProducten/StartProduct[3]' } }),
  c({ name: 'TR101 the same stop twice', code: 'JW307', mutate: (m) => void m.Client.StopProducten.StopProduct.push({ ...m.Client.StopProducten.StopProduct[0]! }), expect: { rule: 'TR101', path: '/Bericht/Client/StopProducten/StopProduct[2]' } }),
  c({ name: 'TR101 a ReferentieNummer twice within one client of a declaration', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[1]!.ProductReferentie.ReferentieNummer = 'P2025-0201'), expect: { rule: 'TR101', path: `${P323}[1]/Prestaties/Prestatie[2]` } }),
  c({ name: 'TR101 a client twice in a declaration', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Bsn = fx.BSN), expect: { rule: 'TR101', path: `${P323}[2]` } }),
  c({ name: 'TR101 a ToewijzingNummer twice in a 301', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[1]!.ToewijzingNummer = 2025001), expect: { rule: 'TR101', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]' } }),
  c({ name: 'TR101 a toewijzing both unchanged and to change in a VOW', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.OngewijzigdeProducten!.OngewijzigdProduct[0]!.ToewijzingNummer = 2025001), expect: { rule: 'TR101', path: '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[1]' } }),
  c({ name: 'TR134 a start after the Dagtekening', code: 'JW305', mutate: (m) => void (m.Client.StartProducten.StartProduct[0]!.Begindatum = '2025-03-11'), expect: { rule: 'TR134', path: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum' } }),
  c({ name: 'TR134 a stop Einddatum after the Dagtekening', code: 'JW307', mutate: (m) => void (m.Client.StopProducten.StopProduct[0]!.Einddatum = '2025-03-31'), expect: { rule: 'TR134', path: '/Bericht/Client/StopProducten/StopProduct[1]/Einddatum' } }),
  c({ name: 'TR134 a birth date after the Dagtekening', code: 'JW315', mutate: (m) => void (m.Client.Geboortedatum.Datum = '2025-04-01'), expect: { rule: 'TR134', path: '/Bericht/Client/Geboortedatum/Datum' } }),
  c({ name: 'TR134 a Toewijzingsdatum after the Dagtekening', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Toewijzingsdatum = '2025-03-12'), expect: { rule: 'TR134', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Toewijzingsdatum' } }),
  c({ name: 'TR134 a ProductPeriode Begindatum after the Dagtekening', code: 'JW323', mutate: (m) => void (m.Header.BerichtIdentificatie.Dagtekening = '2025-02-02'), expect: { rule: 'TR134', path: `${P323}[1]/Prestaties/Prestatie[1]/ProductPeriode/Begindatum` } }),
  c({ name: 'TR135 a Dagtekening after the system date', code: 'JW305', today: '2025-03-09', mutate: () => {}, expect: { rule: 'TR135', path: '/Bericht/Header/BerichtIdentificatie/Dagtekening', retourcode: '8848', level: 4 } }),
  c({ name: 'TR018 a stop ending before it began', code: 'JW307', mutate: (m) => void (m.Client.StopProducten.StopProduct[0]!.Einddatum = '2025-02-01'), expect: { rule: 'TR018', path: '/Bericht/Client/StopProducten/StopProduct[1]/Einddatum' } }),
  c({ name: 'CS003 a toewijzing ending before its Ingangsdatum', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Einddatum = '2025-02-28'), expect: { rule: 'CS003', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Einddatum' } }),
  c({ name: 'CS003 a relatie contact period backwards', code: 'JW301', mutate: (m) => void (m.Client.Relaties!.Relatie[0]!.Contact.Periode = { Begindatum: '2025-02-01', Einddatum: '2025-01-31' }), expect: { rule: 'CS003', path: '/Bericht/Client/Relaties/Relatie[1]/Contact/Periode/Einddatum' } }),
  c({ name: 'CS003 a requested product ending before it starts', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.ToewijzingEinddatum = '2025-03-31'), expect: { rule: 'CS003', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum' } }),
  c({ name: 'CS003 a new product in a VOW ending before it starts', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Einddatum = '2025-03-31'), expect: { rule: 'CS003', path: '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[1]/Einddatum' } }),
  c({ name: 'CS058 StatusAanlevering 2 on a start', code: 'JW305', mutate: (m) => void (m.Client.StartProducten.StartProduct[1]!.StatusAanlevering = '2'), expect: { rule: 'CS058', path: '/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering' } }),
  c({ name: 'CS058 StatusAanlevering 9 on a stop', code: 'JW307', mutate: (m) => void (m.Client.StopProducten.StopProduct[0]!.StatusAanlevering = '9'), expect: { rule: 'CS058', path: '/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering' } }),
  c({ name: 'CS335 reden 13 with Einddatum ≠ Ingangsdatum', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[0]!.RedenWijziging = '13'), expect: { rule: 'CS335', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/RedenWijziging' } }),
  c({ name: 'CS336 reden 01', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[1]!.RedenWijziging = '01'), expect: { rule: 'CS336', path: '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/RedenWijziging' } }),
  c({ name: 'TR383 a ReferentieAanbieder twice', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.ReferentieAanbieder = 'VOT-2025-01'), expect: { rule: 'TR383', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[3]/ReferentieAanbieder' } }),
  c({ name: 'TR386 the same product in overlapping periods', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[1]!.ToewijzingIngangsdatum = '2025-06-01'), expect: { rule: 'TR386', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]' } }),
  c({ name: 'TR386 a request without product overlaps everything', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.Product, expect: { rule: 'TR386', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[3]' } }),
  c({ name: 'CD066 a medical referrer with code and name', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.Verwijzer.Naam = 'Dr. Bakker'), expect: { rule: 'CD066', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/Verwijzer/Naam' } }),
  c({ name: 'CD067 a medical referrer without code nor name', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[1]!.Verwijzer.Naam, expect: { rule: 'CD067', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Verwijzer/Naam' } }),
  c({ name: 'CD068 a gemeente referrer with a ZorgverlenerCode', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.Verwijzer.ZorgverlenerCode = '01234567'), expect: { rule: 'CD068', path: '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[3]/Verwijzer/ZorgverlenerCode' } }),
  c({ name: 'TR352 a VOW without unchanged or changed products', code: 'JW317', mutate: (m) => void (delete m.Client.Verzoek.OngewijzigdeProducten, delete m.Client.Verzoek.TeWijzigenProducten), expect: { rule: 'TR352', path: '/Bericht/Client/Verzoek' } }),
  c({ name: 'TR353 a VOW without changed or new products', code: 'JW317', mutate: (m) => void (delete m.Client.Verzoek.NieuweProducten, delete m.Client.Verzoek.TeWijzigenProducten), expect: { rule: 'TR353', path: '/Bericht/Client/Verzoek' } }),
  c({ name: 'CD085 a rejection without reason', code: 'JW319', mutate: (m) => void (delete m.Antwoord.RedenAfwijzingVerzoek, delete m.Antwoord.Woonplaatsbeginsel), expect: { rule: 'CD085', path: '/Bericht/Antwoord/RedenAfwijzingVerzoek' } }),
  c({ name: 'CD086 "in onderzoek" with a reason', code: 'JW319', mutate: (m) => void ((m.Antwoord.VerzoekAntwoord = '2'), (m.Antwoord.RedenAfwijzingVerzoek = '3'), delete m.Antwoord.Woonplaatsbeginsel), expect: { rule: 'CD086', path: '/Bericht/Antwoord/RedenAfwijzingVerzoek' } }),
  c({ name: 'TR377 reason 8 without Woonplaatsbeginsel', code: 'JW319', mutate: (m) => void delete m.Antwoord.Woonplaatsbeginsel, expect: { rule: 'TR377', path: '/Bericht/Antwoord/Woonplaatsbeginsel' } }),
  c({ name: 'TR409 Woonplaatsbeginsel with another reason', code: 'JW319', mutate: (m) => void (m.Antwoord.RedenAfwijzingVerzoek = '3'), expect: { rule: 'TR409', path: '/Bericht/Antwoord/Woonplaatsbeginsel' } }),
  c({ name: 'TR358 a total that is not Σ debit − Σ credit', code: 'JW323', mutate: (m) => void (m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 39500), expect: { rule: 'TR358', path: '/Bericht/Declaratie/TotaalIngediendBedrag' } }),
  c({ name: 'TR358 the sign of the total counts', code: 'JW323', mutate: (m) => void (m.Declaratie.TotaalIngediendBedrag.DebetCredit = 'C'), expect: { rule: 'TR358', path: '/Bericht/Declaratie/TotaalIngediendBedrag' } }),
  c({ name: 'CS339 euros with Bedrag ≠ GeleverdVolume', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[1]!.GeleverdVolume = 5001), expect: { rule: 'CS339', path: `${P323}[1]/Prestaties/Prestatie[2]/IngediendBedrag/Bedrag` } }),
  c({ name: 'TR346 Bedrag ≠ volume × tarief', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!.ProductTarief = 5400), expect: { rule: 'TR346', path: `${P323}[1]/Prestaties/Prestatie[1]/IngediendBedrag/Bedrag`, retourcode: '9346', level: 4 } }),
  c({ name: 'CS325 an amount of 0 as credit', code: 'JW323', mutate: (m) => { const p = m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[1]!; p.GeleverdVolume = 0; p.IngediendBedrag = { Bedrag: 0, DebetCredit: 'C' }; p.ProductReferentie.VorigReferentieNummer = 'P2025-0102'; m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 23500; }, expect: { rule: 'CS325', path: `${P323}[1]/Prestaties/Prestatie[2]/IngediendBedrag/DebetCredit` } }),
  c({ name: 'CS337 a ProductPeriode over two months', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!.ProductPeriode.Einddatum = '2025-02-01'), expect: { rule: 'CS337', path: `${P323}[2]/Prestaties/Prestatie[2]/ProductPeriode/Einddatum` } }),
  c({ name: 'CS340 a DeclaratiePeriode that is not a whole month', code: 'JW323', mutate: (m) => void (m.Declaratie.DeclaratiePeriode.Einddatum = '2025-02-27'), expect: { rule: 'CS340', path: '/Bericht/Declaratie/DeclaratiePeriode' } }),
  c({ name: 'TR315 one debit credited twice in a message', code: 'JW323', mutate: (m) => { const ps = m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie; ps.push({ ...ps[1]!, ProductReferentie: { ReferentieNummer: 'P2025-0205', VorigReferentieNummer: 'P2025-0104' }, ProductPeriode: { Begindatum: '2024-12-01', Einddatum: '2024-12-31' } }); m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 17500; }, expect: { rule: 'TR315', path: `${P323}[2]/Prestaties/Prestatie[3]/ProductReferentie/VorigReferentieNummer` } }),
  c({ name: 'TR316 a debit credited in its own message', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!.ProductReferentie.VorigReferentieNummer = 'P2025-0203'), expect: { rule: 'TR316', path: `${P323}[2]/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer` } }),
  c({ name: 'TR416 a second debit for the same toewijzing, product and period', code: 'JW323', mutate: (m) => { const ps = m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie; ps.push({ ...ps[0]!, ProductReferentie: { ReferentieNummer: 'P2025-0299' } }); m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 50500; }, expect: { rule: 'TR416', path: `${P323}[1]/Prestaties/Prestatie[3]` } }),
  c({ name: 'CD060 a credit without VorigReferentieNummer', code: 'JW323', mutate: (m) => void delete m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!.ProductReferentie.VorigReferentieNummer, expect: { rule: 'CD060', path: `${P323}[2]/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer` } }),
  c({ name: 'CS325 a TotaalIngediendBedrag of 0 as credit', code: 'JW323', mutate: (m) => void (m.Declaratie.TotaalIngediendBedrag = { TotaalBedrag: 0, DebetCredit: 'C' }), expect: { rule: 'CS325', path: '/Bericht/Declaratie/TotaalIngediendBedrag/DebetCredit' } }),
  c({ name: 'CD060 a debit with a VorigReferentieNummer', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!.ProductReferentie.VorigReferentieNummer = 'P2025-0101'), expect: { rule: 'CD060', path: `${P323}[1]/Prestaties/Prestatie[1]/ProductReferentie/VorigReferentieNummer` } }),
  // ---- existing rules on the messages not covered above
  c({ name: 'CS002 in a toewijzing', code: 'JW301', mutate: (m) => void (m.Client.Bsn = '999900007'), expect: { rule: 'CS002', path: '/Bericht/Client/Bsn' } }),
  c({ name: 'CS002 in a stop', code: 'JW307', mutate: (m) => void (m.Client.Bsn = '999900007'), expect: { rule: 'CS002', path: '/Bericht/Client/Bsn' } }),
  c({ name: 'CS002 in a VOT', code: 'JW315', mutate: (m) => void (m.Client.Bsn = '999900007'), expect: { rule: 'CS002', path: '/Bericht/Client/Bsn' } }),
  c({ name: 'CS002 in a declaration answer', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.Clienten!.Client[0]!.Bsn = '999900007'), expect: { rule: 'CS002', path: `${P325}[1]/Bsn` } }),
  c({ name: 'TR101 a ReferentieAanbieder twice in a VOT', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.ReferentieAanbieder = 'VOT-2025-02'), expect: { rule: 'TR101', path: `${AP}/AangevraagdProduct[3]` } }),
  c({ name: 'TR101 a client twice in a declaration answer', code: 'JW325', mutate: (m) => void m.DeclaratieAntwoord!.Clienten!.Client.push(structuredClone(m.DeclaratieAntwoord!.Clienten!.Client[0]!)), expect: { rule: 'TR101', path: `${P325}[2]` } }),
  c({ name: 'TR101 a client Contact Soort twice in a 301', code: 'JW301', mutate: (m) => void m.Client.Contactgegevens.Contact.push(structuredClone(m.Client.Contactgegevens.Contact[0]!)), expect: { rule: 'TR101', path: `${CG}/Contact[2]` } }),
  c({ name: 'TR101 a delete and a re-send of the same start key in one message (IV008)', code: 'JW305', mutate: (m) => void m.Client.StartProducten.StartProduct.push({ ...m.Client.StartProducten.StartProduct[0]!, StatusAanlevering: '3' }), expect: { rule: 'TR101', path: '/Bericht/Client/StartProducten/StartProduct[3]' } }),
  c({ name: 'TR134 a DeclaratieIdentificatie Dagtekening after the answer', code: 'JW325', mutate: (m) => void (m.Header.DeclaratieIdentificatie.Dagtekening = '2025-03-11'), expect: { rule: 'TR134', path: '/Bericht/Header/DeclaratieIdentificatie/Dagtekening' } }),
  c({ name: 'CS003 a change in a VOW ending before its GewensteIngangsdatum', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.TeWijzigenProducten!.TeWijzigenProduct[0]!.Einddatum = '2025-02-28'), expect: { rule: 'CS003', path: `${V}/TeWijzigenProducten/TeWijzigenProduct[1]/Einddatum` } }),
  c({ name: 'CS325 a TotaalToegekendBedrag of 0 as credit', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.TotaalToegekendBedrag = { TotaalBedrag: 0, DebetCredit: 'C' }), expect: { rule: 'CS325', path: '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit' } }),
  c({ name: 'CD060 a rejected credit without VorigReferentieNummer in the answer', code: 'JW325', mutate: (m) => void delete m.DeclaratieAntwoord!.Clienten!.Client[0]!.Prestaties.Prestatie[0]!.ProductReferentie.VorigReferentieNummer, expect: { rule: 'CD060', path: `${P325}[1]/Prestaties/Prestatie[1]/ProductReferentie/VorigReferentieNummer` } }),
  c({ name: 'CS325 a TotaalIngediendBedrag of 0 as credit in the answer', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.TotaalIngediendBedrag = { TotaalBedrag: 0, DebetCredit: 'C' }), expect: { rule: 'CS325', path: '/Bericht/DeclaratieAntwoord/TotaalIngediendBedrag/DebetCredit' } }),
  c({ name: 'CS325 a rejected prestatie of 0 as credit in the answer', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.Clienten!.Client[0]!.Prestaties.Prestatie[0]!.IngediendBedrag = { Bedrag: 0, DebetCredit: 'C' }), expect: { rule: 'CS325', path: `${P325}[1]/Prestaties/Prestatie[1]/IngediendBedrag/DebetCredit` } }),
  c({ name: 'TR342 an approved prestatie listed in the answer', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.Clienten!.Client[0]!.Prestaties.Prestatie[0]!.RetourCodes.RetourCode = ['0200']), expect: { rule: 'TR342', path: `${P325}[1]/Prestaties/Prestatie[1]/RetourCodes` } }),

  // ---- birth dates (TR002, CS139)
  c({ name: 'TR002 a client born more than 120 years before the Dagtekening', code: 'JW301', mutate: (m) => void (m.Client.Geboortedatum = { Datum: '1900-01-01' }), expect: { rule: 'TR002', path: '/Bericht/Client/Geboortedatum/Datum' } }),
  c({ name: 'TR002 a relatie born more than 120 years before the Dagtekening', code: 'JW301', mutate: (m) => void (m.Client.Relaties!.Relatie[0]!.Geboortedatum = { Datum: '1905-03-09' }), expect: { rule: 'TR002', path: `${REL}[1]/Geboortedatum/Datum` } }),
  c({ name: 'TR002 in a start: 1900 only as year is no unknown date', code: 'JW305', mutate: (m) => void (m.Client.Geboortedatum = { Datum: '1900-01-01', DatumGebruik: '2' }), expect: { rule: 'TR002', path: '/Bericht/Client/Geboortedatum/Datum' } }),
  c({ name: 'TR002 in a stop', code: 'JW307', mutate: (m) => void (m.Client.Geboortedatum = { Datum: '1899-12-01', DatumGebruik: '1' }), expect: { rule: 'TR002', path: '/Bericht/Client/Geboortedatum/Datum' } }),
  c({ name: 'TR002 in a VOT', code: 'JW315', mutate: (m) => void (m.Client.Geboortedatum = { Datum: '1904-06-30' }), expect: { rule: 'TR002', path: '/Bericht/Client/Geboortedatum/Datum' } }),
  c({ name: 'CS139 DatumGebruik 2 with a month', code: 'JW301', mutate: (m) => void (m.Client.Geboortedatum.DatumGebruik = '2'), expect: { rule: 'CS139', path: '/Bericht/Client/Geboortedatum' } }),
  c({ name: 'CS139 a relatie with DatumGebruik 1 and a day', code: 'JW301', mutate: (m) => void (m.Client.Relaties!.Relatie[0]!.Geboortedatum!.DatumGebruik = '1'), expect: { rule: 'CS139', path: `${REL}[1]/Geboortedatum` } }),
  c({ name: 'CS139 DatumGebruik 3 with a known date', code: 'JW305', mutate: (m) => void (m.Client.Geboortedatum.DatumGebruik = '3'), expect: { rule: 'CS139', path: '/Bericht/Client/Geboortedatum' } }),
  c({ name: 'CS139 DatumGebruik 1 with a day in a stop', code: 'JW307', mutate: (m) => void (m.Client.Geboortedatum.Datum = '2014-06-02'), expect: { rule: 'CS139', path: '/Bericht/Client/Geboortedatum' } }),
  c({ name: 'CS139 DatumGebruik 2 in a VOT', code: 'JW315', mutate: (m) => void (m.Client.Geboortedatum.DatumGebruik = '2'), expect: { rule: 'CS139', path: '/Bericht/Client/Geboortedatum' } }),

  // ---- names and contacts of the 301
  c({ name: 'CS050 NaamGebruik 2 without a Partnernaam', code: 'JW301', mutate: (m) => void (m.Client.Naam.NaamGebruik = '2'), expect: { rule: 'CS050', path: '/Bericht/Client/Naam/NaamGebruik' } }),
  c({ name: 'CS050 a relatie with a Partnernaam and NaamGebruik 6', code: 'JW301', mutate: (m) => void Object.assign(m.Client.Relaties!.Relatie[0]!.Naam, { Partnernaam: { Achternaam: 'Bakker' }, NaamGebruik: '6' }), expect: { rule: 'CS050', path: `${REL}[1]/Naam/NaamGebruik` } }),
  c({ name: 'CS318 a client as niet-natuurlijk persoon', code: 'JW301', mutate: (m) => void (m.Client.Naam.NaamGebruik = '6'), expect: { rule: 'CS318', path: '/Bericht/Client/Naam/NaamGebruik' } }),
  c({ name: 'CD007 tolk taal without a Taal', code: 'JW301', mutate: (m) => void (m.Client.Communicatie = { Vorm: '1' }), expect: { rule: 'CD007', path: '/Bericht/Client/Communicatie/Taal' } }),
  c({ name: 'CD007 a Taal with another Vorm', code: 'JW301', mutate: (m) => void (m.Client.Communicatie = { Vorm: '2', Taal: 'Pools' }), expect: { rule: 'CD007', path: '/Bericht/Client/Communicatie/Taal' } }),
  c({ name: 'TR006 a correspondence contact without Telefoon or address', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0] = { Soort: '02', Emailadres: 'sanne@example.nl' }), expect: { rule: 'TR006', path: `${CG}/Contact[1]` } }),
  c({ name: 'TR006 a relatie contact without Telefoon or address', code: 'JW301', mutate: (m) => void delete m.Client.Relaties!.Relatie[0]!.Contact.Telefoon, expect: { rule: 'TR006', path: `${REL}[1]/Contact` } }),
  c({ name: 'TR061 a client with only a temporary address', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0]!.Soort = '04'), expect: { rule: 'TR061', path: CG } }),
  c({ name: 'CD005 a Postcode without LandCode', code: 'JW301', mutate: (m) => void delete m.Client.Contactgegevens.Contact[0]!.Adres!.LandCode, expect: { rule: 'CD005', path: `${CG}/Contact[1]/Adres/LandCode` } }),
  c({ name: 'CD005 a relatie address with a LandCode and no Postcode', code: 'JW301', mutate: (m) => void (m.Client.Relaties!.Relatie[0]!.Contact.Adres = { Straatnaam: 'Rue de la Paix', Plaatsnaam: 'Paris', LandCode: 'FR' }), expect: { rule: 'CD005', path: `${REL}[1]/Contact/Adres/LandCode` } }),
  c({ name: 'CD025 LandCode NL without Huis', code: 'JW301', mutate: (m) => { delete m.Client.Contactgegevens.Contact[0]!.Adres!.Huis; m.Client.Contactgegevens.Contact[0]!.Telefoon = { Telefoon01: { Telefoonnummer: '0725111111', Landnummer: '0031' } }; }, expect: { rule: 'CD025', path: `${CG}/Contact[1]/Adres/Huis` } }),
  c({ name: 'CS089 a Dutch postcode with a space', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0]!.Adres!.Postcode = '1811 AB'), expect: { rule: 'CS089', path: `${CG}/Contact[1]/Adres/Postcode` } }),
  c({ name: 'CD034 a BRP contact without Adres', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0] = { Soort: '01', Telefoon: { Telefoon01: { Telefoonnummer: '0725111111', Landnummer: '0031' } } }), expect: { rule: 'CD034', path: `${CG}/Contact[1]/Adres/Postcode` } }),
  c({ name: 'CD034 a verblijfadres with an Adres but no Postcode', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0] = { Soort: '03', Adres: { Straatnaam: 'Laat', Plaatsnaam: 'Alkmaar' }, Telefoon: { Telefoon01: { Telefoonnummer: '0725111111', Landnummer: '0031' } } }), expect: { rule: 'CD034', path: `${CG}/Contact[1]/Adres/Postcode` } }),
  c({ name: 'CD009 a Periode on a BRP address', code: 'JW301', mutate: (m) => void (m.Client.Contactgegevens.Contact[0]!.Periode = { Begindatum: '2025-01-01' }), expect: { rule: 'CD009', path: `${CG}/Contact[1]/Periode` } }),

  // ---- product terms (CD041, CD075-CD080, CD095, CD096, CS338, CS343, CD043)
  c({ name: 'CD041 a toegewezen product code without Omvang', code: 'JW301', mutate: (m) => void delete m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Omvang, expect: { rule: 'CD041', path: `${TP}/ToegewezenProduct[1]/Omvang` } }),
  c({ name: 'CD041 an aangevraagd product code without Omvang', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.Omvang, expect: { rule: 'CD041', path: `${AP}/AangevraagdProduct[1]/Omvang` } }),
  c({ name: 'CD041 a new product code without Omvang', code: 'JW317', mutate: (m) => void delete m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Omvang, expect: { rule: 'CD041', path: `${NP}[1]/Omvang` } }),
  c({ name: 'CD075 a toegewezen budget without Einddatum', code: 'JW301', mutate: (m) => void delete m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Einddatum, expect: { rule: 'CD075', path: `${TP}/ToegewezenProduct[2]/Einddatum` } }),
  c({ name: 'CD075 an aangevraagd budget without ToewijzingEinddatum', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.ToewijzingEinddatum, expect: { rule: 'CD075', path: `${AP}/AangevraagdProduct[3]/ToewijzingEinddatum` } }),
  c({ name: 'CD075 a budget change without Einddatum', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.TeWijzigenProducten!.TeWijzigenProduct[0] = { ToewijzingNummer: 2025001, GewensteIngangsdatum: '2025-03-01', Budget: 90000 }), expect: { rule: 'CD075', path: `${TW}[1]/Einddatum` } }),
  c({ name: 'CD076 per week without Einddatum in a 301', code: 'JW301', mutate: (m) => void delete m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Einddatum, expect: { rule: 'CD076', path: `${TP}/ToegewezenProduct[1]/Einddatum` } }),
  c({ name: 'CD076 per week without ToewijzingEinddatum in a VOT', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.ToewijzingEinddatum, expect: { rule: 'CD076', path: `${AP}/AangevraagdProduct[1]/ToewijzingEinddatum` } }),
  c({ name: 'CD076 per week without Einddatum in a VOW', code: 'JW317', mutate: (m) => void delete m.Client.Verzoek.TeWijzigenProducten!.TeWijzigenProduct[0]!.Einddatum, expect: { rule: 'CD076', path: `${TW}[1]/Einddatum` } }),
  c({ name: 'CD077 an Omvang beside a Budget in a 301', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Omvang = { Volume: 4, Eenheid: '04', Frequentie: '2' }), expect: { rule: 'CD077', path: `${TP}/ToegewezenProduct[2]/Omvang` } }),
  c({ name: 'CD077 an Omvang beside a Budget in a VOT', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.Omvang = { Volume: 4, Eenheid: '04', Frequentie: '2' }), expect: { rule: 'CD077', path: `${AP}/AangevraagdProduct[3]/Omvang` } }),
  c({ name: 'CD077 an Omvang beside a Budget in a VOW', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.TeWijzigenProducten!.TeWijzigenProduct[0]!.Budget = 90000), expect: { rule: 'CD077', path: `${TW}[1]/Omvang` } }),
  c({ name: 'CD078 a Budget beside an Omvang in a 301', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Budget = 90000), expect: { rule: 'CD078', path: `${TP}/ToegewezenProduct[1]/Budget` } }),
  c({ name: 'CD078 a Budget beside an Omvang in a VOT', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.Budget = 90000), expect: { rule: 'CD078', path: `${AP}/AangevraagdProduct[1]/Budget` } }),
  c({ name: 'CD078 a Budget beside an Omvang in a new product', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Budget = 90000), expect: { rule: 'CD078', path: `${NP}[1]/Budget` } }),
  c({ name: 'CD079 neither Budget nor Product in a 301', code: 'JW301', mutate: (m) => void delete m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Product, expect: { rule: 'CD079', path: `${TP}/ToegewezenProduct[1]/Product` } }),
  c({ name: 'CD079 neither Budget nor Product in a VOT', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[1]!.Product, expect: { rule: 'CD079', path: `${AP}/AangevraagdProduct[2]/Product` } }),
  c({ name: 'CD079 neither Budget nor Product in a new product', code: 'JW317', mutate: (m) => void delete m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Product, expect: { rule: 'CD079', path: `${NP}[1]/Product` } }),
  c({ name: 'CD080 an Omvang on a toewijzing without product code', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Product = { Categorie: '45' }), expect: { rule: 'CD080', path: `${TP}/ToegewezenProduct[1]/Omvang` } }),
  c({ name: 'CD095 an Omvang on a request without product code', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.Product = { Categorie: '45' }), expect: { rule: 'CD095', path: `${AP}/AangevraagdProduct[1]/Omvang` } }),
  c({ name: 'CD096 an Omvang on a new product without code', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Product = { Categorie: '54' }), expect: { rule: 'CD096', path: `${NP}[1]/Omvang` } }),
  c({ name: 'CS338 unit 14 per day in a 301', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Omvang = { Volume: 4, Eenheid: '14', Frequentie: '1' }), expect: { rule: 'CS338', path: `${TP}/ToegewezenProduct[1]/Omvang/Frequentie` } }),
  c({ name: 'CS338 unit 14 per day in a new product', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.Omvang!.Frequentie = '1'), expect: { rule: 'CS338', path: `${NP}[1]/Omvang/Frequentie` } }),
  c({ name: 'CS343 unit 16 per day in a VOT', code: 'JW315', mutate: (m) => void (m.Client.AangevraagdeProducten.AangevraagdProduct[0]!.Omvang = { Volume: 4, Eenheid: '16', Frequentie: '1' }), expect: { rule: 'CS343', path: `${AP}/AangevraagdProduct[1]/Omvang/Frequentie` } }),
  c({ name: 'CD043 a BeschikkingNummer without BeschikkingIngangsdatum', code: 'JW315', mutate: (m) => void delete m.Client.AangevraagdeProducten.AangevraagdProduct[2]!.BeschikkingIngangsdatum, expect: { rule: 'CD043', path: `${AP}/AangevraagdProduct[3]/BeschikkingIngangsdatum` } }),

  // ---- overlap and dates of products (TR302, TR410, TR380)
  c({ name: 'TR302 the same category overlapping a toegewezen product code', code: 'JW301', mutate: (m) => void (m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Product = { Categorie: '45' }), expect: { rule: 'TR302', path: `${TP}/ToegewezenProduct[2]` } }),
  c({ name: 'TR410 the same new product twice in overlapping periods', code: 'JW317', mutate: (m) => void m.Client.Verzoek.NieuweProducten!.NieuwProduct.push({ ...structuredClone(m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!), GewensteIngangsdatum: '2025-06-01', Einddatum: '2025-12-31' }), expect: { rule: 'TR410', path: `${NP}[2]` } }),
  c({ name: 'TR380 a new product requested from the Dagtekening', code: 'JW317', mutate: (m) => void (m.Client.Verzoek.NieuweProducten!.NieuwProduct[0]!.GewensteIngangsdatum = '2025-03-10'), expect: { rule: 'TR380', path: `${NP}[1]/GewensteIngangsdatum` } }),

  // ---- declaration (CD087, CS100, TR137, TR335)
  c({ name: 'CD087 hours without ProductTarief', code: 'JW323', mutate: (m) => void delete m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!.ProductTarief, expect: { rule: 'CD087', path: `${P323}[1]/Prestaties/Prestatie[1]/ProductTarief` } }),
  c({ name: 'CD087 euros with a ProductTarief', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[1]!.ProductTarief = 100), expect: { rule: 'CD087', path: `${P323}[1]/Prestaties/Prestatie[2]/ProductTarief` } }),
  c({ name: 'CS100 a DeclaratiePeriode in 2020', code: 'JW323', mutate: (m) => void (m.Declaratie.DeclaratiePeriode = { Begindatum: '2020-12-01', Einddatum: '2020-12-31' }), expect: { rule: 'CS100', path: '/Bericht/Declaratie/DeclaratiePeriode/Begindatum' } }),
  c({ name: 'CS100 a credit of a ProductPeriode in 2020', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!.ProductPeriode = { Begindatum: '2020-12-01', Einddatum: '2020-12-31' }), expect: { rule: 'CS100', path: `${P323}[2]/Prestaties/Prestatie[2]/ProductPeriode/Begindatum` } }),
  c({ name: 'TR137 a ProductPeriode ending before it begins', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!.ProductPeriode.Einddatum = '2025-02-02'), expect: { rule: 'TR137', path: `${P323}[1]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum` } }),
  c({ name: 'TR137 a ProductPeriode ending after the Dagtekening', code: 'JW323', mutate: (m) => void (m.Header.BerichtIdentificatie.Dagtekening = '2025-02-20'), expect: { rule: 'TR137', path: `${P323}[1]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum` } }),
  c({ name: 'TR137 a rejected ProductPeriode ending before it begins in the answer', code: 'JW325', mutate: (m) => void (m.DeclaratieAntwoord!.Clienten!.Client[0]!.Prestaties.Prestatie[0]!.ProductPeriode.Einddatum = '2024-12-31'), expect: { rule: 'TR137', path: `${P325}[1]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum` } }),
  c({ name: 'TR137 a rejected ProductPeriode ending after the answer\'s Dagtekening', code: 'JW325', mutate: (m) => void ((m.Header.BerichtIdentificatie.Dagtekening = '2025-01-15'), (m.Header.DeclaratieIdentificatie.Dagtekening = '2025-01-10')), expect: { rule: 'TR137', path: `${P325}[1]/Prestaties/Prestatie[1]/ProductPeriode/Einddatum` } }),
  c({ name: 'TR335 a credit of a ProductPeriode more than 5 years before the DeclaratieDagtekening', code: 'JW323', mutate: (m) => void (m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!.ProductPeriode = { Begindatum: '2020-02-01', Einddatum: '2020-02-29' }), expect: { rule: 'TR335', path: `${P323}[2]/Prestaties/Prestatie[2]/ProductPeriode/Einddatum` } }),
];

const def = (code: MessageCode) => messages[code] as MessageDefinition<unknown>;
const batch = new XsdBatch(loadOfficialXsd(resolve(import.meta.dirname, '../../../shared/reference/xsd')));
/** Registers the document `build` makes; a build that throws fails its own test, not the file. */
function oracle(code: MessageCode, build: () => string): () => Promise<unknown[]> {
  try {
    return batch.add(code, build());
  } catch (e) {
    return () => Promise.reject(e);
  }
}
/** The reference extraction of the rules (id, messages, retourcode). */
const rulesJson = rulesData as { id: string; retourcode?: string; messages: string[] }[];
const ruleInfo = new Map(rulesJson.map((r) => [r.id, r]));

describe('the hand-written fixtures', () => {
  it.each(Object.keys(fx.ruleFixtures) as Heen[])('%s is XSD-valid and breaks no in-message rule', (code) => {
    const m = fx.ruleFixtures[code]();
    expect(def(code).check(m)).toEqual([]);
    expect(checkRules(code, m as never, { today: fx.DAGTEKENING })).toEqual([]);
  });

  it('uses test BSNs that pass the 11-proef (checked inline, independent of ijw/bsn.ts)', () => {
    const elfproef = (b: string) => [...b].reduce((s, d, i) => s + Number(d) * (i < 8 ? 9 - i : -1), 0) % 11 === 0;
    for (const b of [fx.BSN, fx.BSN2]) expect([elfproef(b), isValidBsn(b)]).toEqual([true, true]);
    expect(elfproef('123456789')).toBe(false);
  });
});

describe.each(cases)('$name', (k) => {
  const m = structuredClone(fx.ruleFixtures[k.code]()) as MessageModels[Heen];
  k.mutate(m as never);
  const findings = checkRules(k.code, m as never, k.today ? { today: k.today } : {});
  // The XSD-valid ones are judged by libxml2 together (one run per message type).
  const official = k.xsdToo ? undefined : oracle(k.code, () => def(k.code).build(m));

  it(`yields ${k.expect.rule} at the exact path with its retourcode and level`, () => {
    const info = ruleInfo.get(k.expect.rule);
    const retourcode = k.expect.retourcode ?? '0001';
    expect(info?.retourcode, `rules.json gives ${k.expect.rule} code ${info?.retourcode}`).toBe(retourcode);
    const hit = findings.find((f) => f.rule === k.expect.rule && f.path === k.expect.path) ?? findings.find((f) => f.rule === k.expect.rule);
    expect(hit, `findings: ${findings.map((f) => `${f.rule} ${f.path}`).join('; ')}`).toMatchObject({ message: k.code, path: k.expect.path, retourcode, level: k.expect.level ?? 2 });
    expect(hit!.text).toMatch(new RegExp(`^${k.expect.rule}: .*(expected|fails)`));
  });

  it(k.xsdToo ? 'is refused by the XSD as well' : 'is still valid under the official XSDs (only the rule catches it)', async () => {
    expect(def(k.code).check(m).length > 0).toBe(!!k.xsdToo);
    // The oracle: libxml2 on the official schemas agrees that only the rule can catch it (build refuses an XSD-invalid model).
    if (k.xsdToo) expect(() => def(k.code).build(m)).toThrow(/invalid/);
    else expect(await official!()).toEqual([]);
  });
});

describe('no false alarms', () => {
  it('TR101: a correction that deletes a start (3) and sends it anew with another Begindatum (1) is allowed (IV008)', () => {
    const m = fx.jw305();
    m.Client.StartProducten.StartProduct.push({ ...m.Client.StartProducten.StartProduct[0]!, Begindatum: '2025-03-04' });
    m.Client.StartProducten.StartProduct[0]!.StatusAanlevering = '3';
    expect(checkRules('JW305', m)).toEqual([]);
  });
  it('TR101: a temporary (20) and a definitive stop of the same start in one JW307 are two rows (RedenBeeindiging and Einddatum are key elements)', () => {
    const m = fx.jw307();
    const stop = m.Client.StopProducten.StopProduct[0]!;
    m.Client.StopProducten.StopProduct = [{ ...stop, RedenBeeindiging: '20', Einddatum: '2025-02-20' }, { ...stop }];
    expect(checkRules('JW307', m)).toEqual([]);
  });
  it('TR101: the same ReferentieNummer under two clients is no duplicate row (TR314 is the receiver\'s, across messages)', () => {
    const m = fx.jw323();
    m.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[0]!.ProductReferentie.ReferentieNummer = 'P2025-0201';
    expect(checkRules('JW323', m)).toEqual([]);
  });
  it('TR002: an unknown birth date (DatumGebruik 3, 1900-01-01) is fine; CS139: a full date without DatumGebruik too', () => {
    const m = fx.jw305();
    m.Client.Geboortedatum = { Datum: '1900-01-01', DatumGebruik: '3' };
    expect(checkRules('JW305', m)).toEqual([]);
    m.Client.Geboortedatum = { Datum: '2014-06-21' };
    expect(checkRules('JW305', m)).toEqual([]);
  });
  it('TR302: a deleted toewijzing (13, Einddatum = Ingangsdatum) does not stack with the same product', () => {
    const m = fx.jw301();
    m.Client.ToegewezenProducten.ToegewezenProduct.push({ ...m.Client.ToegewezenProducten.ToegewezenProduct[0]!, ToewijzingNummer: 2025009, Ingangsdatum: '2025-05-01', Einddatum: '2025-05-01', RedenWijziging: '13' });
    expect(checkRules('JW301', m)).toEqual([]);
  });
  it('CD080/CS338: before 2021 a product without code may carry an Omvang, and unit 14 any frequency', () => {
    const m = fx.jw301();
    const t = m.Client.ToegewezenProducten.ToegewezenProduct[0]!;
    Object.assign(t, { Product: { Categorie: '45' }, Toewijzingsdatum: '2020-01-02', Ingangsdatum: '2020-01-06', Einddatum: '2020-12-31', Omvang: { Volume: 2, Eenheid: '14', Frequentie: '1' } });
    expect(checkRules('JW301', m)).toEqual([]);
  });
  it('TR134: a toewijzing Einddatum or Ingangsdatum in the future is fine', () => {
    const m = fx.jw301();
    m.Client.ToegewezenProducten.ToegewezenProduct[0]!.Einddatum = '2026-12-31';
    m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Ingangsdatum = '2026-01-01';
    m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Einddatum = '2026-06-30';
    expect(checkRules('JW301', m)).toEqual([]);
  });
  it('TR135 is not checked without a system date', () => {
    expect(checkRules('JW305', fx.jw305())).toEqual([]);
    expect(checkRules('JW305', fx.jw305(), { today: '2025-03-10' })).toEqual([]);
  });
  it('TR346: minutes may be declared at an hourly tariff (IV081: volume × tarief / 60, rounded)', () => {
    const m = fx.jw323();
    const p = m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!;
    Object.assign(p, { Eenheid: '01', GeleverdVolume: 95, ProductTarief: 6250, IngediendBedrag: { Bedrag: Math.round((95 * 6250) / 60), DebetCredit: 'D' } });
    m.Declaratie.TotaalIngediendBedrag.TotaalBedrag = 28500 - 22000 + Math.round((95 * 6250) / 60);
    expect(checkRules('JW323', m)).toEqual([]);
  });
  it('TR386: the same product in consecutive periods is fine; CS337 allows a part of a month', () => {
    expect(checkRules('JW315', fx.jw315())).toEqual([]);
  });
  it('TR358: a declaration that is a net credit carries C', () => {
    const m = fx.jw323();
    m.Declaratie.Clienten.Client = [m.Declaratie.Clienten.Client[1]!];
    m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie = [m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[1]!];
    m.Declaratie.TotaalIngediendBedrag = { TotaalBedrag: 11000, DebetCredit: 'C' };
    expect(checkRules('JW323', m)).toEqual([]);
  });
});

describe('large declarations', () => {
  it('TR416 finds the one second debit among many lines on one toewijzing', () => {
    const m = fx.jw323();
    const base = m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!;
    const months = Array.from({ length: 40 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
    const lines = months.map((ym, i) => ({ ...structuredClone(base), ProductReferentie: { ReferentieNummer: `P-${i}` }, ProductPeriode: { Begindatum: `${ym}-01`, Einddatum: `${ym}-28` } }));
    lines.push({ ...structuredClone(lines[30]!), ProductReferentie: { ReferentieNummer: 'P-dup' } });
    m.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie = lines;
    const found = checkRules('JW323', m).filter((f) => f.rule === 'TR416');
    expect(found.map((f) => f.path)).toEqual(['/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[41]']);
    expect(found[0]!.text).toContain('Prestatie[31]');
  });
});

describe('element-rules.json: rules on an element inside a composite type', () => {
  // A `subElement` names the child the rule is about (CD005 LandCode, CD025 Huis, CD034 Postcode …):
  // every such row has a breaking message whose finding path names that child of that element.
  const rows = elementRules.rules.filter((r): r is typeof r & { subElement: string } => 'subElement' in r && typeof r.subElement === 'string');
  it('lists the rows the issue names', () => {
    expect(rows.map((r) => `${r.rule} ${r.subElement}`)).toEqual(expect.arrayContaining(['CD005 LandCode', 'CD025 Huis', 'CD034 Postcode']));
  });
  for (const r of rows) {
    const element = r.element.split('_')[0]!;
    it(`${r.rule} on ${r.message} ${r.klasse}/${element}/${r.subElement}`, () => {
      const own = cases.filter((k) => k.code === r.message && k.expect.rule === r.rule && new RegExp(`/${r.klasse}(\\[\\d+\\])?/`).test(k.expect.path));
      expect(own.map((k) => k.expect.path).some((p) => p.endsWith(`/${element}/${r.subElement}`)), `cases: ${own.map((k) => k.expect.path).join('; ') || 'none'}`).toBe(true);
    });
  }
});

describe('the registry', () => {
  it('has a hand-written breaking message for every checked rule on every message it is checked on', () => {
    const missing = nationalRuleTable()
      .filter((r) => r.status === 'checked')
      .flatMap((r) => (r.checkedOn ?? []).filter((code) => !cases.some((k) => k.expect.rule === r.id && k.code === code)).map((code) => `${r.id} on ${code}`));
    expect(missing).toEqual([]);
  });

  it('has every rule on the messages rules.json names, with its retourcode', () => {
    for (const rule of inMessageRules) {
      const info = rulesJson.find((r) => r.id === rule.id);
      expect(info, rule.id).toBeDefined();
      expect(rule.retourcode, rule.id).toBe(info!.retourcode);
      for (const m of rule.messages) expect(info!.messages, `${rule.id} on ${m}`).toContain(m);
    }
  });
  it('covers the rules the digest lists as in-message', () => {
    const ids = new Set(inMessageRules.map((r) => r.id));
    for (const id of 'CS002 CS025 CS015 TR101 TR134 TR135 TR018 CS003 TR383 TR386 TR358 CS339 TR346 CS325 CS337 CS340 TR315 TR316 TR416 CD060 CS058 CS335 CS336 CD085 CD086 TR377 TR409 CD066 CD067 CD068 TR352 TR353 TR342'.split(' ')) expect(ids, id).toContain(id);
    expect(rulesFor('JW319').map((r) => r.id)).toEqual(['CS025', 'CS015', 'TR135', 'CD085', 'CD086', 'TR377', 'TR409']);
  });
});
