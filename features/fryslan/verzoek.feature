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
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 is accepted
    And the municipality honours request "V1" with a JW301 within 5 werkdagen
    And the JW302 is accepted
    When the provider requests change "W1" extending toewijzing "V1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted

  @role:aanbieder @rule:FRL-MSG-1 @rule:IJW-RET-1
  Scenario: The provider answers the municipality's JW319 with a JW320 and its JW301 with a JW302
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the municipality takes request "V1" in onderzoek
    Then the JW320 is accepted
    And the municipality honours request "V1" with a JW301 within 10 werkdagen
    And the JW302 is accepted

  # ---------------------------------------------------------------- §3.2: deadlines

  @role:gemeente @rule:FRL-VOT-1
  Scenario: The JW316 within 3 werkdagen, the JW301 within 5 werkdagen
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW316 answer arrives within 3 werkdagen
    And the municipality honours request "V1" with a JW301 within 5 werkdagen

  @role:gemeente @rule:FRL-VOT-1
  Scenario: After "in onderzoek" the final answer comes within 2 weeks
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the municipality takes request "V1" in onderzoek
    Then the JW319 for request "V1" says "in onderzoek"
    And the final answer to request "V1" arrives within 2 weeks of the request

  # ---------------------------------------------------------------- §3.2 lid 6: at most 4 weeks back

  @role:gemeente @rule:FRL-VOT-2
  Scenario Outline: A VOT <when>: the municipality <outcome> it
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from <ingangsdatum> to 2027-01-31
    Then the municipality <outcome> request "V1" with a JW<answer> within 5 werkdagen

    Examples:
      | when                       | ingangsdatum | outcome | answer |
      | four weeks back            | 2025-02-03   | honours | 301    |
      | more than four weeks back  | 2025-01-31   | rejects | 319    |

  @role:aanbieder @rule:FRL-VOT-2
  Scenario: The provider asks no start more than 4 weeks back
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-01-31 to 2027-01-30
    Then the provider refuses or sends no JW315

  @role:aanbieder @rule:FRL-VOT-2
  Scenario: The provider asks a start 4 weeks back
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-02-03 to 2027-02-02
    Then the JW315 ToewijzingIngangsdatum is 2025-02-03

  # ---------------------------------------------------------------- §4: referrers

  @role:gemeente @rule:FRL-VOT-3
  Scenario Outline: A VOT on a referral by <who>: the municipality <outcome> it
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 referred by "<type>"
    Then the municipality <outcome> request "V1" with a JW<answer> within 5 werkdagen

    Examples:
      | type | who                                   | outcome | answer |
      | 04   | a GI, with name and organisation      | honours | 301    |
      | 08   | a judge                               | honours | 301    |
      | 02   | a huisarts                            | rejects | 319    |
      | 06   | nobody (self-referral)                | rejects | 319    |

  @role:aanbieder @rule:FRL-VOT-3
  Scenario: The provider names the GI referrer and its organisation
    When the provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12                  |
      | ingangsdatum | 2025-03-03             |
      | verwijzer    | 04                     |
      | naam         | J. de Vries            |
      | organisatie  | Jeugdbescherming Noord |
    Then the JW315 Verwijzer Naam names "J. de Vries" and "Jeugdbescherming Noord"
    And the JW315 Verwijzer has a Naam and no ZorgverlenerCode

  @role:aanbieder @rule:FRL-VOT-4
  Scenario: On a gebiedsteam referral the provider sends no JW315
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 referred by "01"
    Then the provider refuses or sends no JW315

  @role:aanbieder @rule:FRL-VOT-4
  Scenario: On a gebiedsteam referral the provider takes the municipality's JW301 directly
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the JW302 is accepted

  # ---------------------------------------------------------------- §2: location code

  @role:gemeente @rule:FRL-VOT-5
  Scenario: The location code from the JW315 comes back in the JW301's commentary
    When the provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2027-03-02 |
      | locatiecode  | LOC-4312-A |
    Then the municipality honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" has commentaar "LOC-4312-A"

  @role:gemeente @rule:FRL-VOT-5
  Scenario: A VOT without a location code is rejected
    When the provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2027-03-02 |
      | locatiecode  | none       |
    Then the municipality rejects request "V1" with a JW319 within 5 werkdagen

  @role:aanbieder @rule:FRL-VOT-5
  Scenario: The provider puts the location code in the product commentary
    When the provider requests toewijzing "V1" for client "Fenna":
      | product      | 43A12      |
      | ingangsdatum | 2025-03-03 |
      | locatiecode  | LOC-4312-A |
    Then the JW315 product commentaar holds location code "LOC-4312-A"

  # ---------------------------------------------------------------- §5.1: two years

  @role:gemeente @rule:FRL-TOEW-1
  Scenario: A toewijzing ends at its ingangsdatum + 2 years, whatever the request asked
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2025-12-31
    Then the municipality honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" lasts 2 years

  @role:gemeente @rule:FRL-TOEW-1
  Scenario: A direct toewijzing without an einddatum also runs 2 years
    When the municipality allocates toewijzing "T1" of product "43A70" for client "Fenna" from 2025-03-03 without an einddatum
    Then toewijzing "T1" lasts 2 years

  # ---------------------------------------------------------------- §5.3: extension by JW317

  @role:gemeente @rule:FRL-VOW-1
  Scenario: An extension for an external referrer changes the toewijzing itself
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    When the provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted
    And the municipality honours request "W1" with a JW301 within 5 werkdagen
    And toewijzing "T1" itself now ends on 2027-12-31

  @role:gemeente @rule:FRL-VOW-1
  Scenario: An extension by JW317 of a gebiedsteam toewijzing is rejected
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    When the provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the municipality rejects request "W1" with a JW319 within 5 werkdagen

  @role:aanbieder @rule:FRL-VOW-1
  Scenario: The provider extends a GI toewijzing with a JW317 that keeps volume and location
    Given request "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02 was honoured as toewijzing "T1"
    When the provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the JW318 is accepted
    And the JW317 holds every current toewijzing of client "Fenna"

  @role:aanbieder @rule:FRL-VOW-1
  Scenario: The provider sends no JW317 for a gebiedsteam toewijzing
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    When the provider requests change "W1" extending toewijzing "T1" of client "Fenna" to 2027-12-31
    Then the provider refuses or sends no JW317

  # ---------------------------------------------------------------- §5.4: no stacking

  @role:gemeente @rule:FRL-STAP-1
  Scenario: A VOT while another youth-care toewijzing runs is rejected for stacking
    Given toewijzing "T1" of product "43A70" for client "Fenna" from 2025-03-01 to 2027-02-28
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the municipality rejects request "V1" with a JW319 with reden "6" within 5 werkdagen

  @role:gemeente @rule:FRL-STAP-1
  Scenario: A VOT after the other toewijzing ended is honoured
    Given toewijzing "T1" of product "43A70" for client "Fenna" from 2025-01-06 to 2025-02-28
    When the provider requests toewijzing "V1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then the municipality honours request "V1" with a JW301 within 5 werkdagen
