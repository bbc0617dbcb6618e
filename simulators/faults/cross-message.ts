/**
 * Faulty variants that omit one cross-message rule of the national rule table that no catalogue
 * rule covers (their scenarios are tagged with the national id, e.g. `@rule:TR387`). Each replaces
 * exactly one named check of the reference party that judges the rule on receipt.
 */
import type { Fault } from './fault.ts';
import { gemeenteOverride } from './override.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import { messages, readMessage } from '../../ijw/messages/registry.ts';
import type { Jw325 } from '../../ijw/messages/jw325.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Finding } from '../../ijw/findings.ts';

/**
 * A municipality whose JW325 leaves its answer builder changed: the JW325 rules are the sender's
 * (the municipality's), judged by the receiving provider, so these variants break the answer.
 */
function changeAnswer(g: ReferenceGemeente, change: (m: Jw325) => void): void {
  const party = g as unknown as { retourFor(code: MessageCode, model: unknown, findings: Finding[]): string };
  const retourFor = party.retourFor.bind(g);
  party.retourFor = (code, model, findings) => {
    const xml = retourFor(code, model, findings);
    if (code !== 'JW323') return xml;
    const m = readMessage(xml).model as Jw325;
    change(m);
    return messages.JW325.build(m);
  };
}

/** The rejected prestaties of a JW325. */
const rejected = (m: Jw325) => (m.DeclaratieAntwoord?.Clienten?.Client ?? []).flatMap((c) => c.Prestaties.Prestatie);

export const crossMessageFaults: Fault[] = [
  gemeenteOverride({
    id: 'gemeente-accepts-period-not-from-the-first',
    rule: 'TR387',
    region: 'alkmaar',
    description: 'Approves a prestatie whose ProductPeriode begins neither on the 1st of the month nor on the toewijzing\'s Ingangsdatum (should be 9387)',
    table: 'declaratie.checks',
    name: 'periodBeginsOnFirst',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-period-not-to-the-last',
    rule: 'TR388',
    region: 'alkmaar',
    description: 'Approves a prestatie whose ProductPeriode ends neither on the last day of the month nor on the toewijzing\'s Einddatum (should be 9388)',
    table: 'declaratie.checks',
    name: 'periodEndsOnLast',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-pays-on-deleted-toewijzing',
    rule: 'TR384',
    region: 'alkmaar',
    description: 'Approves a line on a toewijzing that was deleted (einddatum = ingangsdatum, RedenWijziging 13) instead of rejecting it with 9384',
    table: 'declaratie.checks',
    name: 'notDeleted',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-any-tariff',
    rule: 'TR418',
    region: 'amsterdam',
    description: 'Approves a ProductTarief other than the contracted tariff instead of rejecting it with 0611',
    table: 'declaratie.checks',
    name: 'tariff',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-takes-unknown-bsn-for-unlinked-line',
    rule: 'TR304',
    region: 'alkmaar',
    description: 'Does not check that a prestatie\'s Bsn is a client of the municipality: the line is rejected only for its toewijzing (9338) instead of 8187',
    table: 'declaratie.checks',
    name: 'knownClient',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-answers-with-wrong-declaratie-dagtekening',
    role: 'gemeente',
    rule: 'TR337',
    region: 'alkmaar',
    description: 'Names the JW323 in the JW325\'s DeclaratieIdentificatie with its own Dagtekening instead of the JW323\'s',
    affectsEveryFlow: 'every JW325 is changed, so every declaration scenario fails; the control is the smoke scenarios of the other flows',
    apply(g) {
      changeAnswer(g, (m) => void (m.Header.DeclaratieIdentificatie.Dagtekening = m.Header.BerichtIdentificatie.Dagtekening === m.Header.DeclaratieIdentificatie.Dagtekening ? '2020-01-01' : m.Header.BerichtIdentificatie.Dagtekening));
    },
  },
  {
    id: 'gemeente-answers-with-own-xsd-versie',
    role: 'gemeente',
    rule: 'TR371',
    region: 'alkmaar',
    description: 'Puts another XsdVersie in the JW325\'s XsdVersieDeclaratie than the JW323 carried',
    affectsEveryFlow: 'every JW325 is changed, so every declaration scenario fails',
    apply(g) {
      changeAnswer(g, (m) => void (m.Header.XsdVersieDeclaratie = { ...m.Header.XsdVersieDeclaratie, BerichtXsdVersie: m.Header.XsdVersieDeclaratie.BerichtXsdVersie === '9.9.9' ? '9.9.8' : '9.9.9' }));
    },
  },
  {
    id: 'gemeente-answers-with-other-declaratienummer',
    role: 'gemeente',
    rule: 'TR376',
    region: 'alkmaar',
    description: 'Puts another DeclaratieNummer in the DeclaratieAntwoord than the JW323\'s',
    affectsEveryFlow: 'every JW325 is changed, so every declaration scenario fails',
    apply(g) {
      changeAnswer(g, (m) => void (m.DeclaratieAntwoord && (m.DeclaratieAntwoord.DeclaratieNummer = `X${m.DeclaratieAntwoord.DeclaratieNummer}`.slice(0, 12))));
    },
  },
  {
    id: 'gemeente-renumbers-rejected-line',
    role: 'gemeente',
    rule: 'TR366',
    region: 'alkmaar',
    description: 'Lists a rejected prestatie in the JW325 under a ReferentieNummer the JW323 does not have',
    apply(g) {
      changeAnswer(g, (m) => {
        for (const p of rejected(m)) p.ProductReferentie.ReferentieNummer = `X${p.ProductReferentie.ReferentieNummer}`.slice(0, 12);
      });
    },
  },
  {
    id: 'gemeente-changes-rejected-line',
    role: 'gemeente',
    rule: 'TR367',
    region: 'alkmaar',
    description: 'Lists a rejected prestatie in the JW325 with another GeleverdVolume than declared',
    apply(g) {
      changeAnswer(g, (m) => {
        for (const p of rejected(m)) p.GeleverdVolume += 1;
      });
    },
  },
  {
    id: 'gemeente-answers-for-another-bsn',
    role: 'gemeente',
    rule: 'TR304',
    region: 'alkmaar',
    description: 'Lists the rejected prestaties in the JW325 under another (valid) Bsn than the JW323\'s client',
    apply(g) {
      changeAnswer(g, (m) => {
        for (const c of m.DeclaratieAntwoord?.Clienten?.Client ?? []) c.Bsn = c.Bsn === '999990111' ? '999990123' : '999990111';
      });
    },
  },
  {
    id: 'aanbieder-takes-number-twice',
    role: 'aanbieder',
    rule: 'TR332',
    region: 'alkmaar',
    description: 'Takes in a JW301 whose ToewijzingNummer the municipality already gave another client\'s toewijzing (should be 9332)',
    apply(a) {
      a.toewijzingChecks.uniqueNummer = () => undefined;
    },
  },
  {
    id: 'aanbieder-lets-paid-toewijzing-be-deleted',
    role: 'aanbieder',
    rule: 'TR385',
    region: 'alkmaar',
    description: 'Takes in the deletion (RedenWijziging 13) of a toewijzing with approved, not credited prestaties (should be 9385)',
    apply(a) {
      a.toewijzingChecks.noDeletionWithApproved = () => undefined;
    },
  },
  gemeenteOverride({
    id: 'gemeente-takes-total-change-from-any-date',
    rule: 'TR373',
    region: 'alkmaar',
    description: 'Takes in a VOW that changes the total over the toewijzing period from another date than the toewijzing\'s Ingangsdatum (should be 9373)',
    table: 'verzoek.technical',
    name: 'wholePeriodChange',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-takes-change-without-omvang',
    rule: 'TR411',
    region: 'alkmaar',
    description: 'Takes in a VOW whose TeWijzigenProduct leaves out the Omvang of a toewijzing with a product code (should be 9411)',
    table: 'verzoek.technical',
    name: 'omvangWithCode',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-ignores-product-code-list',
    role: 'gemeente',
    rule: 'TR381',
    region: 'alkmaar',
    description: 'Does not hold a ProductCode to its ProductCategorie by the product code list in use (should be S329); a JW323 line with another category is rejected only for its toewijzing (9339)',
    apply(g) {
      g.productCodeFits = () => undefined;
    },
  },
  {
    id: 'aanbieder-ignores-product-code-list',
    role: 'aanbieder',
    rule: 'TR381',
    region: 'alkmaar',
    description: 'Takes in a toewijzing whose ProductCode does not fit its ProductCategorie by the product code list in use (should be S329)',
    apply(a) {
      a.productCodeFits = () => undefined;
    },
  },
  {
    id: 'gemeente-takes-repeated-identificatie',
    role: 'gemeente',
    rule: 'TR056',
    region: 'alkmaar',
    description: 'Judges a message whose Identificatie the provider already used for that message type as if it were new (should be 9056)',
    apply(g) {
      (g as unknown as { duplicateId: () => undefined }).duplicateId = () => undefined;
    },
  },
  {
    id: 'aanbieder-takes-repeated-identificatie',
    role: 'aanbieder',
    rule: 'TR056',
    region: 'alkmaar',
    description: 'Takes in a JW301 whose Identificatie the municipality already used (should be 9056)',
    apply(a) {
      (a as unknown as { duplicateId: () => undefined }).duplicateId = () => undefined;
    },
  },
  {
    id: 'gemeente-takes-future-dagtekening',
    role: 'gemeente',
    rule: 'TR135',
    region: 'alkmaar',
    description: 'Takes in a message dated after its own date (should be 8848)',
    apply(g) {
      (g as unknown as { futureDagtekening: () => [] }).futureDagtekening = () => [];
    },
  },
  {
    id: 'aanbieder-takes-future-dagtekening',
    role: 'aanbieder',
    rule: 'TR135',
    region: 'alkmaar',
    description: 'Takes in a JW301 dated after its own date (should be 8848)',
    apply(a) {
      (a as unknown as { futureDagtekening: () => [] }).futureDagtekening = () => [];
    },
  },
  gemeenteOverride({
    id: 'gemeente-takes-start-key-twice',
    rule: 'TR074',
    region: 'alkmaar',
    description: 'Takes in a new start with the key of an earlier start that was stopped (should be 9074)',
    table: 'start-stop.checks',
    name: 'keyUnique',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-takes-unknown-unchanged-product',
    rule: 'TR350',
    region: 'alkmaar',
    description: 'Takes in a VOW whose OngewijzigdProduct refers to no current toewijzing (should be 9350)',
    table: 'verzoek.technical',
    name: 'unchangedIsCurrent',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-takes-past-change-date',
    rule: 'TR357',
    region: 'alkmaar',
    description: 'Takes in a VOW whose GewensteIngangsdatum lies on or before the Dagtekening and is not the toewijzing\'s Ingangsdatum (should be 9357)',
    table: 'verzoek.technical',
    name: 'pastDateIsIngangsdatum',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-takes-overlapping-products-in-vow',
    rule: 'TR361',
    region: 'alkmaar',
    description: 'Takes in a VOW holding one product twice for overlapping periods (should be 9361)',
    table: 'verzoek.technical',
    name: 'noOverlap',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-takes-answer-after-honouring',
    role: 'aanbieder',
    rule: 'TR359',
    region: 'alkmaar',
    description: 'Takes in a JW319 for a request a JW301 already honoured (should be 9359)',
    apply(a) {
      aanbiederVerzoekFlowOf(a).antwoordChecks.notHonoured = () => undefined;
    },
  },
  {
    id: 'aanbieder-takes-answer-after-final-answer',
    role: 'aanbieder',
    rule: 'TR365',
    region: 'alkmaar',
    description: 'Takes in a further JW319 for a request already rejected (should be 9365)',
    apply(a) {
      aanbiederVerzoekFlowOf(a).antwoordChecks.afterFinal = () => undefined;
    },
  },
];
