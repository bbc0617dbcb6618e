@national
Feature: Declaring care (JW323) and the declaration answer (JW325)
  National iJw 3.2 rules every region applies. A declaration line is approved or rejected as a
  whole; the JW325 lists the rejected lines with their retourcode and both totals, and carries
  8001 when everything is approved. Lines fall within a toewijzing and its unit; an approved
  line is corrected by crediting it and declaring it anew in the same message.
  Source: 004 (Regio Alkmaar SAP) §2.7.1–§2.7.3, Bijlage 2; 003 Werkafspraak 2; 000;
  iJw 3.2 TR307, TR308, TR314, TR319, TR321, TR323, TR333, TR338, TR341, TR389, TR390, TR342.

  Background:
    Given the date is 2025-03-03
    And toewijzing "T1" of a product declared per unit for client "Sanne" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T1" on 2025-03-05

  @role:gemeente @rule:IJW-DECL-1 @smoke
  Scenario: A correct declaration is approved in full with 8001
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-1
  Scenario: One wrong line is rejected as a whole; the other is approved and the totals add up
    Given toewijzing "T2" of a product declared per unit for client "Daan" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T2" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a volume above the allocation
    Then the JW325 rejects the line of "T1"
    And the JW325 approves the line of "T2"

  @role:aanbieder @rule:IJW-DECL-2 @smoke
  Scenario: The provider's declaration of delivered care is approved in full
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-2
  Scenario Outline: A line that does not fit the toewijzing is rejected with <code>
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with <change>
    Then the JW325 rejects the line of "T1" with retourcode "<code>"

    Examples:
      | change                                          | code | why                                      |
      | a ProductPeriode from 2025-03-01 to 2025-03-31  | 9307 | begins before the toewijzing (TR307)     |
      | ToewijzingNummer 999999                         | 9338 | no such toewijzing (TR338)               |
      | a volume above the allocation                   | 9321 | more than allocated for the period (TR321) |
      | ProductCategorie "31"                           | 9339 | not the allocated category (TR339; S329 too, TR381) |

    @rule:IJW-DECL-3
    Examples: the unit
      | change                            | code | why                               |
      | a unit other than the allocated one | 9341 | not the unit of the toewijzing (TR341) |

  # TR384: no declaring on a toewijzing withdrawn with RedenWijziging 13 (9384).
  @role:gemeente @rule:IJW-DECL-2 @rule:TR384
  Scenario: A line on a withdrawn toewijzing is rejected with 9384
    Given the municipality under test withdraws toewijzing "T1"
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the JW325 rejects the line of "T1" with retourcode "9384"

  @role:gemeente @rule:IJW-DECL-2
  Scenario: A line that runs past the end of the toewijzing is rejected with 9308
    Given the municipality under test shortens toewijzing "T1" to 2025-03-20
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-03 to 2025-03-31
    Then the JW325 rejects the line of "T1" with retourcode "9308"

  @role:gemeente @rule:IJW-DECL-2
  Scenario: A line within a shortened toewijzing is approved
    Given the municipality under test shortens toewijzing "T1" to 2025-03-20
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:aanbieder @rule:IJW-DECL-2
  Scenario: The provider keeps the ProductPeriode within a shortened toewijzing
    Given the harness's municipality shortens toewijzing "T1" to 2025-03-20
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the line of "T1" has the ProductPeriode 2025-03-03 to 2025-03-20
    And the declaration is fully approved

  @role:aanbieder @rule:IJW-DECL-3
  Scenario: The provider declares in the unit of the toewijzing
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares the allocated volume in the unit of "T1"
    And the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-4
  Scenario: A correction credits the approved line and declares the corrected one in the same message
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    When the harness's provider corrects the line of "T1" for 2025-03 to volume 1
    Then the declaration is fully approved

  @role:aanbieder @rule:IJW-DECL-4
  Scenario: The provider corrects an approved line with a credit before the corrected debit
    Given the date is 2025-04-02
    And the provider under test declared 2025-03
    When the provider under test corrects the line of "T1" for 2025-03 to volume 1
    Then the correction credits the approved line of "T1" before the corrected debit with volume 1
    And the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-4
  Scenario: A corrected debit sent before the credit of the approved line is rejected with 9389
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    When the harness's provider corrects the line of "T1" for 2025-03 to volume 1, sending the corrected debit before the credit
    Then the JW325 rejects the line of "T1" with retourcode "9389"

  @role:gemeente @rule:IJW-DECL-4
  Scenario: A new debit for a period whose approved line was not credited is rejected with 9389
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    When the harness's provider declares 2025-03 again without crediting the approved line
    Then the JW325 rejects the line of "T1" with retourcode "9389"

  @role:gemeente @rule:IJW-DECL-4
  Scenario: A line credited a second time is rejected with 9390
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the harness's provider corrects the line of "T1" for 2025-03 to volume 1
    When the harness's provider credits the line of "T1" for 2025-03 again
    Then the JW325 rejects the line of "T1" with retourcode "9390"

  @role:gemeente @rule:IJW-DECL-4
  Scenario: A credit without an approved debit is rejected with 8017
    Given the date is 2025-04-02
    When the harness's provider credits a line that was never approved on "T1" for 2025-03
    Then the JW325 rejects the line of "T1" with retourcode "8017"

  @role:aanbieder @rule:IJW-DECL-5
  Scenario: A rejected line is declared again, not credited
    Given the date is 2025-04-02
    And the harness's municipality rejects the next line of "T1" with retourcode "9321"
    And the provider under test declares 2025-03
    And the JW325 rejects the line of "T1" with retourcode "9321"
    When the provider under test declares 2025-03
    Then the rejected line of "T1" is declared again without a credit
    And the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-6
  Scenario: A declaration with a DeclaratieNummer used before is rejected as a whole with 9333
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered the allocated volume of care on "T1" on 2025-04-07
    And the date is 2025-05-02
    When the harness's provider declares 2025-04 with the DeclaratieNummer of the previous declaration
    Then the JW325 rejects the declaration with retourcode "9333"

  @role:gemeente @rule:IJW-DECL-6
  Scenario: A line with a ReferentieNummer used before is rejected with 8021
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered the allocated volume of care on "T1" on 2025-04-07
    And the date is 2025-05-02
    When the harness's provider declares 2025-04 with the ReferentieNummer of the previous line
    Then the JW325 rejects the line of "T1" with retourcode "8021"

  @role:gemeente @rule:IJW-DECL-6
  Scenario: Declarations with their own numbers are approved
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered the allocated volume of care on "T1" on 2025-04-07
    And the date is 2025-05-02
    When the harness's provider declares 2025-04
    Then the declaration is fully approved

  @role:aanbieder @rule:IJW-DECL-6
  Scenario: Every declaration and every line the provider sends has its own number
    Given the date is 2025-04-02
    And the provider under test declared 2025-03
    And the provider delivered the allocated volume of care on "T1" on 2025-04-07
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then every declaration has its own DeclaratieNummer and every line its own ReferentieNummer
    And the declaration is fully approved

  @role:aanbieder @rule:IJW-DECL-7
  Scenario: The DeclaratiePeriode is the whole calendar month
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the DeclaratiePeriode is the whole month 2025-03
    And the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-7
  Scenario: A line for care after the DeclaratiePeriode is rejected with 9319
    Given the date is 2025-05-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-04-01 to 2025-04-30
    Then the JW325 rejects the line of "T1" with retourcode "9319"

  # TR387/TR388: the ProductPeriode runs from the 1st to the last day of its month, unless the
  # toewijzing begins later or ends earlier in it; the start and stop of care do not bound it
  # (IV089), also where a regional text says otherwise (AMS-PER-1, FRL-DECL-1).
  @role:gemeente @rule:TR387
  Scenario: A ProductPeriode that does not begin on the 1st nor on the toewijzing's Ingangsdatum is rejected with 9387
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-04 to 2025-03-31
    Then the JW325 rejects the line of "T1" with retourcode "9387"

  @role:gemeente @rule:TR388
  Scenario: A ProductPeriode that does not end on the last day of the month nor on the toewijzing's Einddatum is rejected with 9388
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-03 to 2025-03-30
    Then the JW325 rejects the line of "T1" with retourcode "9388"

  # TR381 (external source): the ProductCode fits the ProductCategorie by the product code list in
  # use, for the reference parties the region's products (S329).
  @role:gemeente @rule:TR381
  Scenario: A line whose ProductCode does not fit its ProductCategorie by the product code list is rejected with S329
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with ProductCategorie "31"
    Then the JW325 rejects the line of "T1" with retourcode "S329"

  @role:gemeente @rule:TR304
  Scenario: A line for a Bsn that is no client of the municipality is rejected with 8187
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with the Bsn of a client the municipality does not know
    Then the JW325 rejects the line of "T1" with retourcode "8187"

  # A JW325 has no retour: the provider holds it to the JW323 it answers, and a mismatch fails the
  # municipality's scenario naming the rule (TR337 DeclaratieIdentificatie, TR371 XsdVersieDeclaratie,
  # TR376 DeclaratieNummer, TR304 Bsn, TR366 ProductReferentie 9366, TR367 the values 9367).
  @role:gemeente @rule:TR337 @rule:TR371 @rule:TR376 @rule:TR366 @rule:TR367 @rule:TR304
  Scenario: The JW325 answers the JW323 it names and copies each rejected line unchanged
    Given toewijzing "T2" of a product declared per unit for client "Daan" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T2" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a volume above the allocation
    Then the JW325 rejects the line of "T1"
    And the JW325 refers to that JW323 and lists each rejected line as it was declared

  # IJW-RET-3: "Het declaratieproces bevat een Declaratie bericht en een Declaratie-antwoordbericht,
  # geen technisch retourbericht" (004 §2.2).
  @role:gemeente @rule:IJW-RET-3
  Scenario: The municipality answers a declaration only with the JW325
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the municipality under test answers the JW323 with a JW325 and nothing else

  @role:aanbieder @rule:IJW-RET-3
  Scenario: The provider sends nothing back on the declaration answer
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the declaration is fully approved
    And the provider under test sends nothing back on the JW325
