@region:rijnmond
Feature: Rijnmond: verzoek om toewijzing (JW315) and the toewijzing that follows
  Only single-problem cases go through a JW315, sent by the main contractor (never a
  subcontractor) within 10 werkdagen after the intake; it carries the BSN, the product code, the
  begin- and einddatum and the type of referrer (the referrer's name is optional); a follow-up
  arrangement is asked with a new JW315. The municipality allocates within 10 werkdagen, and
  answers within 5 (OP274: a JW319 in onderzoek first when the JW301 takes longer);
  laagfrequente medicatie (45A48) is requested only after an arrangement B (43A01, 43A06, 43B16,
  43B13), D (41A02) or E (45A02) has ended: the provider sends no JW315 for it otherwise, and the
  municipality refuses such a request with a JW319 with VerzoekAntwoord 1 (OP274, OP344; the seed
  gives no reden).
  Source: Factsheet berichtenverkeer GRJR (seed 001) "JW 315", "JW 301", "Laagfrequente medicatie declareren".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:RIJ-VOT-1
  Scenario: A single-problem case goes through a JW315 within 10 werkdagen of the intake
    When the provider under test requests toewijzing "V1" for client "Daan":
      | product      | 45A02       |
      | ingangsdatum | 2025-03-03  |
      | einddatum    | 2025-08-31  |
      | intakedatum  | 2025-02-24  |
      | problematiek | enkelvoudig |
    Then the JW315 arrives within 10 werkdagen of 2025-02-24
    And the JW316 is accepted

  @role:aanbieder @rule:RIJ-VOT-1
  Scenario: A multi-problem case goes to the municipality, not through a JW315
    When the provider under test requests toewijzing "V1" for client "Daan":
      | product      | 45A02      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2025-08-31 |
      | intakedatum  | 2025-02-24 |
      | problematiek | meervoudig |
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:RIJ-VOT-1
  Scenario: A subcontractor sends no JW315: only the main contractor does
    When the provider under test requests toewijzing "V1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-08-31 as a subcontractor
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:RIJ-VOT-2
  Scenario: A follow-up arrangement is asked with a new JW315, not a JW317
    Given toewijzing "T1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-06-30
    And the date is 2025-06-02
    When the provider under test asks for a follow-up of "T1" until 2025-12-31 referred by "02" with AGB code "01234567"
    Then the provider under test asks for it with a new JW315 for product "45A02" from 2025-07-01 to 2025-12-31
    And no JW317 is sent
    And the JW316 is accepted

  @role:aanbieder @rule:RIJ-VOT-3
  Scenario Outline: The JW315 carries the BSN, the product code, begin- and einddatum and the type of referrer (<how>)
    When the provider under test requests toewijzing "V1" for client "Daan":
      | product          | 45A02          |
      | ingangsdatum     | 2025-03-03     |
      | einddatum        | 2025-08-31     |
      | verwijzer        | <type>         |
      | <field>          | <value>        |
    Then the JW315 carries the BSN of "Daan", product "45A02", the period 2025-03-03 to 2025-08-31 and verwijzer type "<type>"
    And the JW316 is accepted

    Examples:
      | how                                     | type | field            | value       |
      | huisarts with AGB code, no name         | 02   | zorgverlenerCode | 01234567    |
      | jeugdarts by name, no AGB code (CD067)  | 03   | naam             | Dr. P. Smit |

  # CD076 demands the einddatum only for frequentie 2 (per week); the region demands it for every
  # request, also for laagfrequente medicatie (45A48, frequentie 6).
  @role:aanbieder @rule:RIJ-VOT-3
  Scenario: The JW315 for laagfrequente medicatie, where the national rules leave it optional, carries the einddatum too
    Given toewijzing "T0" of product "45A02" for client "Daan" from 2025-01-06 to 2025-02-28
    When the provider under test requests toewijzing "V1" for client "Daan":
      | product          | 45A48          |
      | ingangsdatum     | 2025-03-03     |
      | einddatum        | 2025-08-31     |
      | verwijzer        | 02             |
      | zorgverlenerCode | 01234567       |
    Then the JW315 carries the BSN of "Daan", product "45A48", the period 2025-03-03 to 2025-08-31 and verwijzer type "02"
    And the JW316 is accepted

  @role:aanbieder @rule:RIJ-PROD-1
  Scenario Outline: The provider asks for <product> in eenheid <eenheid> with frequentie <frequentie>
    When the provider under test requests toewijzing "V1" of product "<product>" for client "Daan" from 2025-03-03 to 2025-08-31 without naming its unit
    Then the JW315 asks for product "<product>" in eenheid "<eenheid>" with frequentie "<frequentie>"

    Examples:
      | product | eenheid | frequentie |
      | 44A03   | 83      | 2          |
      | 43A01   | 83      | 2          |
      | 43A06   | 83      | 2          |
      | 43B16   | 83      | 2          |
      | 43B13   | 83      | 2          |
      | 44A01   | 83      | 2          |
      | 44A13   | 83      | 2          |
      | 44A14   | 83      | 2          |
      | 41A02   | 83      | 2          |
      | 45A02   | 83      | 2          |
      | 46A00   | 83      | 2          |
      | 50A00   | 83      | 2          |

  # 45A48 may be requested only after an ended arrangement B, D or E (RIJ-LFM-1).
  @role:aanbieder @rule:RIJ-PROD-1
  Scenario: The provider asks for laagfrequente medicatie (45A48) in eenheid 82 with frequentie 6
    Given toewijzing "T0" of product "41A02" for client "Daan" from 2025-01-06 to 2025-02-28
    When the provider under test requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31 without naming its unit
    Then the JW315 asks for product "45A48" in eenheid "82" with frequentie "6"

  @role:gemeente @rule:RIJ-PROD-1
  Scenario Outline: The municipality allocates <product> in eenheid <eenheid> with frequentie <frequentie>
    Given toewijzing "T0" of product "41A02" for client "Daan" from 2025-01-06 to 2025-02-28
    When the harness's provider requests toewijzing "V1" of product "<product>" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the municipality under test honours request "V1" with a JW301 within 10 werkdagen
    And toewijzing "V1" is allocated in eenheid "<eenheid>" with frequentie "<frequentie>"

    Examples:
      | product | eenheid | frequentie |
      | 44A03   | 83      | 2          |
      | 43A01   | 83      | 2          |
      | 43A06   | 83      | 2          |
      | 43B16   | 83      | 2          |
      | 43B13   | 83      | 2          |
      | 44A01   | 83      | 2          |
      | 44A13   | 83      | 2          |
      | 44A14   | 83      | 2          |
      | 41A02   | 83      | 2          |
      | 45A02   | 83      | 2          |
      | 46A00   | 83      | 2          |
      | 50A00   | 83      | 2          |
      | 45A48   | 82      | 6          |

  @role:gemeente @rule:RIJ-PROD-1
  Scenario: An arrangement requested in another unit is not allocated in that unit
    When the harness's provider requests toewijzing "V1" of product "44A03" for client "Daan" from 2025-03-03 to 2025-08-31 in eenheid "82" with frequentie "6"
    Then the municipality under test does not allocate request "V1" in eenheid "82"

  # The national limits are shorter (OP274: a 301 or 319 within 5 werkdagen), so a JW301 after the
  # fifth werkdag is preceded by a JW319 with VerzoekAntwoord 2 (IJW-VOT-3). The 20 werkdagen when
  # parental authority must be asked of the Rechtbank are not tested: no message shows that case.
  @role:gemeente @rule:RIJ-TERM-1 @rule:IJW-VOT-1
  Scenario: The municipality allocates within 10 werkdagen of the JW315, answering within 5
    When the harness's provider requests toewijzing "V1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 10 werkdagen
    And the municipality under test answered request "V1" with a JW301 or a JW319 within 5 werkdagen

  @role:aanbieder @rule:RIJ-TERM-1
  Scenario: The provider's JW315 is honoured within 10 werkdagen and it answers the JW301 with a JW302
    When the provider under test requests toewijzing "V1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the JW316 is accepted
    And the harness's municipality honours request "V1" with a JW301 within 10 werkdagen
    And the JW302 is accepted

  @role:gemeente @rule:RIJ-LFM-1
  Scenario Outline: Laagfrequente medicatie after an ended arrangement <arrangement> is allocated
    Given toewijzing "T0" of product "<product>" for client "Daan" from 2025-01-06 to 2025-02-28
    When the harness's provider requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the municipality under test honours request "V1" with a JW301 within 10 werkdagen

    Examples:
      | arrangement | product |
      | B1          | 43A01   |
      | D           | 41A02   |
      | E           | 45A02   |

  @role:aanbieder @rule:RIJ-LFM-1
  Scenario Outline: After an ended arrangement <arrangement> the provider asks for laagfrequente medicatie
    Given toewijzing "T0" of product "<product>" for client "Daan" from 2025-01-06 to 2025-02-28
    When the provider under test requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the JW316 is accepted

    Examples:
      | arrangement | product |
      | B1          | 43A01   |
      | B3          | 43B13   |
      | D           | 41A02   |
      | E           | 45A02   |

  # The provider decides: the scenario only asks for 45A48 for a client whose history does not allow it.
  @role:aanbieder @rule:RIJ-LFM-1
  Scenario Outline: Without an ended arrangement B, D or E the provider sends no JW315 for laagfrequente medicatie (after <why>)
    Given toewijzing "T0" of product "<product>" for client "Daan" from 2025-01-06 to <end>
    When the provider under test requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the provider under test refuses or sends no JW315

    Examples:
      | why                            | product | end        |
      | an ended arrangement A         | 44A03   | 2025-02-28 |
      | an ended arrangement C1        | 44A01   | 2025-02-28 |
      | an arrangement D still running | 41A02   | 2025-12-31 |

  @role:gemeente @rule:RIJ-LFM-1
  Scenario Outline: Laagfrequente medicatie without an ended arrangement B, D or E is refused with a JW319 (after <why>)
    Given toewijzing "T0" of product "<product>" for client "Daan" from 2025-01-06 to <end>
    When the harness's provider requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the municipality under test rejects request "V1" with a JW319 within 10 werkdagen

    Examples:
      | why                            | product | end        |
      | an ended arrangement A         | 44A03   | 2025-02-28 |
      | an ended arrangement C1        | 44A01   | 2025-02-28 |
      | an arrangement D still running | 41A02   | 2025-12-31 |
