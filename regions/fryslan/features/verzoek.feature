@region:fryslan
Feature: Fryslân: verzoek om toewijzing, toewijzing and verzoek om wijziging
  The 18 Frisian municipalities use the full message set. The municipality answers a JW315 with
  a JW316 within 3 werkdagen and within 5 werkdagen with a JW301 or a JW319 (after "in
  onderzoek" a final answer within 2 weeks); it allocates no more than 4 weeks back, only on a
  referral by the gebiedsteam (01, directly), a GI (04, with name and organisation) or a judge
  (08); the location code travels in the commentary; every toewijzing runs 2 years; an
  extension by JW317 changes the toewijzing itself; these products do not stack with other care.
  Source: Administratieprotocol Jeugdhulp Plus / Open3Milieu, Fryslân (seed 002) §2, §3, §3.2,
  §4, §4.1, §5.1, §5.3, §5.4.

  Background:
    Given the date is 2025-03-03

  # ---------------------------------------------------------------- §3: the message set

  @role:gemeente @rule:FRL-MSG-1 @rule:IJW-RET-1
  Scenario: The municipality takes the provider's JW315 and JW317 and answers them with a JW316 and a JW318
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And the JW302 is accepted
    When the harness's provider requests change "W1" extending toewijzing "V1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted

  @role:aanbieder @rule:FRL-MSG-1 @rule:IJW-RET-1
  Scenario: The provider answers the municipality's JW319 with a JW320 and its JW301 with a JW302
    When the provider under test requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the harness's municipality takes request "V1" in onderzoek
    Then the JW320 is accepted
    And the harness's municipality honours request "V1" with a JW301 within 10 werkdagen
    And the JW302 is accepted

  # ---------------------------------------------------------------- §3.2: deadlines

  @role:gemeente @rule:FRL-VOT-1
  Scenario: The JW316 within 3 werkdagen, the JW301 within 5 werkdagen
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 answer arrives within 3 werkdagen
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  @role:gemeente @rule:FRL-VOT-1
  Scenario: After "in onderzoek" the final answer comes within 2 weeks
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the municipality under test takes request "V1" in onderzoek
    Then the JW319 for request "V1" says "in onderzoek"
    And the final answer to request "V1" arrives within 2 weeks of the request

  # ---------------------------------------------------------------- §3.2 lid 6: at most 4 weeks back

  @role:gemeente @rule:FRL-VOT-2
  Scenario Outline: A VOT <when>: the municipality <outcome> it
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from <ingangsdatum> to 2027-01-31
    Then the municipality under test <outcome> request "V1" with a JW<answer> within 5 werkdagen

    Examples:
      | when                       | ingangsdatum | outcome | answer |
      | four weeks back            | 2025-02-03   | honours | 301    |
      | more than four weeks back  | 2025-01-31   | rejects | 319    |

  @role:aanbieder @rule:FRL-VOT-2
  Scenario: The provider asks no start more than 4 weeks back
    When the provider under test requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-01-31 to 2027-01-30
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:FRL-VOT-2
  Scenario: The provider asks a start 4 weeks back
    When the provider under test requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-02-03 to 2027-02-02
    Then the JW315 ToewijzingIngangsdatum is 2025-02-03

  # ---------------------------------------------------------------- §4: referrers

  @role:gemeente @rule:FRL-VOT-3
  Scenario Outline: A VOT on a referral by <who>: the municipality honours it
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 referred by "<type>"
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen

    Examples:
      | type | who                                   |
      | 04   | a GI, with name and organisation      |
      | 08   | a judge                               |

  # §4 "Bij de waarden 04 moet ook de naam en organisatienaam ... aangegeven te worden"; §3.3
  # "Indien het verzoek niet voldoet aan de afspraken krijgt u ... een JW319". No reden is named.
  @role:gemeente @rule:FRL-VOT-3
  Scenario: A VOT on a GI referral without the referrer's name and organisation is rejected
    When the harness's provider requests toewijzing "V1" for client "Fenna":
      | product          | 43A12      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2027-03-02 |
      | verwijzer        | 04         |
      | zorgverlenerCode | 01234567   |
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  # §4.2: "Komt er een JW315bericht binnen met een andere verwijzer, dan dient hier overleg plaats
  # te vinden tussen gemeente en de betreffende verwijzer." Consultation, not a prescribed 319:
  # a rejection, "in onderzoek" or no answer all pass; only honouring it at once does not.
  @role:gemeente @rule:FRL-VOT-3 @optional
  Scenario Outline: A VOT on a referral by <who> leads to consultation, not to a toewijzing at once
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 referred by "<type>"
    Then the municipality under test does not honour request "V1" with a JW301 within 5 werkdagen

    Examples:
      | type | who                                   |
      | 02   | a huisarts                            |
      | 06   | nobody (self-referral)                |

  @role:aanbieder @rule:FRL-VOT-3
  Scenario: The provider names the GI referrer and its organisation
    When the provider under test requests toewijzing "V1" for client "Fenna":
      | product      | 43A12                  |
      | ingangsdatum | 2025-03-03             |
      | verwijzer    | 04                     |
      | naam         | J. de Vries            |
      | organisatie  | Jeugdbescherming Noord |
    Then the JW315 Verwijzer Naam names "J. de Vries" and "Jeugdbescherming Noord"
    And the JW315 Verwijzer has a Naam and no ZorgverlenerCode

  # CD066: for 02–05 a Naam and a ZorgverlenerCode exclude each other, and Fryslân needs the name
  # and organisation (the Verwijzer's Naam is the only field for them), so a ZorgverlenerCode the
  # provider knows stays out of the JW315.
  @role:aanbieder @rule:FRL-VOT-3
  Scenario: The provider that also knows the GI's ZorgverlenerCode names the referrer and leaves the code out
    When the provider under test requests toewijzing "V1" for client "Fenna":
      | product          | 43A12                  |
      | ingangsdatum     | 2025-03-03             |
      | verwijzer        | 04                     |
      | naam             | J. de Vries            |
      | organisatie      | Jeugdbescherming Noord |
      | zorgverlenerCode | 01234567               |
    Then the JW315 Verwijzer Naam names "J. de Vries" and "Jeugdbescherming Noord"
    And the JW315 Verwijzer has a Naam and no ZorgverlenerCode

  @role:aanbieder @rule:FRL-VOT-4
  Scenario: On a gebiedsteam referral the provider sends no JW315
    When the provider under test requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 referred by "01"
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:FRL-VOT-4
  Scenario: On a gebiedsteam referral the provider takes the municipality's JW301 directly
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW302 is accepted

  # ---------------------------------------------------------------- §3.2 lid 2–5, §3.3: the municipality's checks

  # §3.2 "De gemeente controleert het JW315-bericht op: ... 2. Het woonplaatsbeginsel"; §3.3
  # "Indien het verzoek niet voldoet aan de afspraken krijgt u hiervoor een retourbericht in de
  # vorm van een JW319 bericht". The seed names no reden; nationally a woonplaatsbeginsel
  # rejection is reden 8 naming the municipality held responsible (IJW-VOT-7, TR377/TR409). The
  # JW315 carries no address: the client's residence is given as a BRP fact (action
  # record-residence), and the municipality decides whom it names. Contract and age need a
  # contract list and an age limit the seed does not give.
  @role:gemeente @rule:FRL-VOT-6 @rule:IJW-VOT-7
  Scenario: A VOT for a young person who lived in another Frisian municipality is rejected, naming that municipality
    Given the municipality is "0080"
    And according to the BRP client "Fenna" lived in municipality "0074"
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 is accepted
    And the municipality under test rejects request "V1" with a JW319 within 5 werkdagen
    And the JW319 for request "V1" names gemeente "0074"

  @role:gemeente @rule:FRL-VOT-6
  Scenario: A VOT for a young person who lived in the municipality itself is honoured
    Given the municipality is "0080"
    And according to the BRP client "Fenna" lived in municipality "0080"
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  # ---------------------------------------------------------------- §2: location code

  @role:gemeente @rule:FRL-VOT-5
  Scenario: The location code from the JW315 comes back in the JW301's commentary
    Given the provider's location "LOC-4312-A" is registered for product "43A12"
    When the harness's provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2027-03-02 |
      | locatiecode  | LOC-4312-A |
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" has commentaar "LOC-4312-A"

  @role:gemeente @rule:FRL-VOT-5
  Scenario: A VOT without a location code is rejected
    When the harness's provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2027-03-02 |
      | locatiecode  | none       |
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  # §3.2 lid 8 "Komt de locatiecode overeen met het aangevraagde product"; §2 "Voor locaties die
  # niet zijn voorzien van een locatiecode, kan geen toewijzing worden afgegeven." No reden is named.
  @role:gemeente @rule:FRL-VOT-5
  Scenario: A VOT whose location code belongs to another product is rejected
    Given the provider's location "LOC-4312-A" is registered for product "43A12"
    When the harness's provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A70      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2027-03-02 |
      | locatiecode  | LOC-4312-A |
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  @role:aanbieder @rule:FRL-VOT-5
  Scenario: The provider puts the location code in the product commentary
    When the provider under test requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | locatiecode  | LOC-4312-A |
    Then the JW315 product commentaar holds location code "LOC-4312-A"

  # ---------------------------------------------------------------- §5.1: two years

  @role:gemeente @rule:FRL-TOEW-1
  Scenario: A toewijzing ends at its ingangsdatum + 2 years, whatever the request asked
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" lasts as long as the region allows

  @role:gemeente @rule:FRL-TOEW-1
  Scenario: A direct toewijzing without an einddatum also runs 2 years
    When the municipality under test allocates toewijzing "T1" of product "43A70" for client "Fenna" from 2025-03-03 without an einddatum
    Then toewijzing "T1" lasts as long as the region allows

  # ---------------------------------------------------------------- §5.3: extension by JW317

  # §5.3 "de locatie blijft gelijk": a JW317 has no field for the location, so it is checked on
  # the JW301 that honours the extension, which keeps the location code in its Commentaar (§2).
  @role:gemeente @rule:FRL-VOW-1
  Scenario: An extension for an external referrer changes the toewijzing itself and keeps its location
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted
    And the municipality under test honours request "W1" with a JW301 within 5 werkdagen
    And toewijzing "T1" itself now ends on 2027-12-31
    And toewijzing "T1" has commentaar "LOC-0001"

  @role:gemeente @rule:FRL-VOW-1
  Scenario: An extension by JW317 of a gebiedsteam toewijzing is rejected
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the municipality under test rejects request "W1" with a JW319 within 5 werkdagen

  # §5.3: "het volume blijft gelijk ... de frequentie blijft gelijk". No reden is named.
  @role:gemeente @rule:FRL-VOW-1
  Scenario: An extension by JW317 that changes the volume is rejected
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31 with volume 5
    Then the municipality under test rejects request "W1" with a JW319 within 5 werkdagen

  # §5.3: "er is geen sprake van terugwerkende kracht. Als de huidige einddatum al bereikt is, dan
  # moet er een nieuwe Toewijzing worden aangevraagd middels een JW315". Nationally a JW317 on a
  # toewijzing that is no longer current is refused with 9351 in the JW318 (TR351), and the whole
  # JW317 counts as not sent: no JW319 and no JW301 follow.
  @role:gemeente @rule:FRL-VOW-1
  Scenario: Once the einddatum has passed, an extension by JW317 is refused with 9351
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2025-12-31 was honoured as toewijzing "T1"
    And the date is 2027-03-08
    When the harness's provider sends a JW317 for toewijzing "T1" of client "Fenna"
    Then the JW318 rejects it with retourcode "9351"
    And no JW319 is sent
    And no JW301 is sent

  @role:aanbieder @rule:FRL-VOW-1
  Scenario: Once the einddatum has passed, the provider asks a new toewijzing, not an extension
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    And the date is 2027-03-08
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the provider under test refuses or sends no JW317

  @role:aanbieder @rule:FRL-VOW-1
  Scenario: The provider extends a GI toewijzing with a JW317 that keeps volume and frequentie
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted
    And the JW317 holds every current toewijzing of client "Fenna"
    And the JW317 keeps the volume and frequentie of toewijzing "T1"

  @role:aanbieder @rule:FRL-VOW-1
  Scenario: The provider sends no JW317 for a gebiedsteam toewijzing
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the provider under test refuses or sends no JW317

  # ---------------------------------------------------------------- §5.4: no stacking

  @role:gemeente @rule:FRL-STAP-1
  Scenario: A VOT while another youth-care toewijzing runs is rejected for stacking
    Given toewijzing "T1" of product "43A70" for client "Fenna" from 2025-03-01 to 2027-02-28
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  # §5.4: "Als er al een Toewijzing loopt voor een ander type zorg, dan wordt deze in overleg met
  # Jeugdhulpaanbieder en Verwijzer beëindigd." In consultation: optional; when the gebiedsteam
  # allocates one of these products, the other toewijzing ends before it begins.
  @role:gemeente @rule:FRL-STAP-2 @optional
  Scenario: A toewijzing for other care ends before one of these products begins
    Given toewijzing "T0" of product "43A70" for client "Fenna" from 2025-03-01 to 2027-02-28
    And toewijzing "T1" of product "43A12" for client "Fenna" from 2025-04-01 to 2027-03-31
    Then toewijzing "T0" ends before toewijzing "T1" begins

  @role:gemeente @rule:FRL-STAP-1
  Scenario: A VOT after the other toewijzing ended is honoured
    Given toewijzing "T1" of product "43A70" for client "Fenna" from 2025-01-06 to 2025-02-28
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  # ---------------------------------------------------------------- §5.3: extension on the gebiedsteam route

  @role:gemeente @rule:FRL-VOW-2
  Scenario: The gebiedsteam extends a toewijzing with a JW301 on the same toewijzing
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the date is 2027-01-04
    When the municipality under test extends toewijzing "T1" to 2027-12-31
    Then toewijzing "T1" itself now ends on 2027-12-31

  @role:aanbieder @rule:FRL-VOW-2
  Scenario: The provider takes the gebiedsteam's JW301 with the adjusted einddatum and asks no JW317
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And care on "T1" started on 2025-03-03
    And the date is 2027-01-04
    When the harness's municipality extends toewijzing "T1" to 2027-12-31
    Then the JW302 is accepted
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Fenna" to 2028-06-30
    Then the provider under test refuses or sends no JW317

  # ---------------------------------------------------------------- §3.1: the 18 municipalities

  @role:gemeente @rule:FRL-CODES
  Scenario Outline: A VOT to <name> (<code>) is answered by <name>
    Given the municipality is "<code>"
    When the harness's provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And every message the municipality sent names municipality "<code>"

    Examples:
      | code | name              |
      | 0080 | Leeuwarden        |
      | 0060 | Ameland           |
      | 0088 | Schiermonnikoog   |
      | 1891 | Dantumadiel       |
      | 1970 | Noardeast-Fryslân |
      | 0059 | Achtkarspelen     |
      | 0074 | Heerenveen        |
      | 0085 | Ooststellingwerf  |
      | 0086 | Opsterland        |
      | 0072 | Harlingen         |
      | 0090 | Smallingerland    |
      | 0093 | Terschelling      |
      | 0096 | Vlieland          |
      | 0098 | Weststellingwerf  |
      | 0737 | Tytsjerksteradiel |
      | 1900 | Súdwest-Fryslân   |
      | 1940 | De Fryske Marren  |
      | 1949 | Waadhoeke         |

  @role:aanbieder @rule:FRL-CODES
  Scenario Outline: The provider addresses its messages to <name> (<code>)
    Given the municipality is "<code>"
    When the provider under test requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 is accepted
    And every message the provider sent names municipality "<code>"

    Examples:
      | code | name              |
      | 0080 | Leeuwarden        |
      | 0060 | Ameland           |
      | 0088 | Schiermonnikoog   |
      | 1891 | Dantumadiel       |
      | 1970 | Noardeast-Fryslân |
      | 0059 | Achtkarspelen     |
      | 0074 | Heerenveen        |
      | 0085 | Ooststellingwerf  |
      | 0086 | Opsterland        |
      | 0072 | Harlingen         |
      | 0090 | Smallingerland    |
      | 0093 | Terschelling      |
      | 0096 | Vlieland          |
      | 0098 | Weststellingwerf  |
      | 0737 | Tytsjerksteradiel |
      | 1900 | Súdwest-Fryslân   |
      | 1940 | De Fryske Marren  |
      | 1949 | Waadhoeke         |
