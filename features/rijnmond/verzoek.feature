@region:rijnmond
Feature: Rijnmond: verzoek om toewijzing (JW315) and the toewijzing that follows
  Only single-problem cases go through a JW315, sent by the main contractor within 10
  werkdagen after the intake; the municipality allocates within 10 werkdagen; laagfrequente
  medicatie (45A48) only after an arrangement B, D or E has ended. Rijnmond does not use the
  JW319: a request it cannot honour gets no toewijzing.
  Source: Factsheet berichtenverkeer GRJR (seed 001) "JW 315", "JW 301", "Laagfrequente medicatie declareren".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:RIJ-VOT-1
  Scenario: A single-problem case goes through a JW315 within 10 werkdagen of the intake
    When the provider requests toewijzing "V1" for client "Daan":
      | product      | 45A02       |
      | ingangsdatum | 2025-03-03  |
      | einddatum    | 2025-08-31  |
      | intakedatum  | 2025-02-24  |
      | problematiek | enkelvoudig |
    Then the JW315 arrives within 10 werkdagen of 2025-02-24
    And the JW316 is accepted

  @role:aanbieder @rule:RIJ-VOT-1
  Scenario: A multi-problem case goes to the municipality, not through a JW315
    When the provider requests toewijzing "V1" for client "Daan":
      | product      | 45A02      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2025-08-31 |
      | intakedatum  | 2025-02-24 |
      | problematiek | meervoudig |
    Then the provider refuses or sends no JW315

  @role:gemeente @rule:RIJ-TERM-1 @rule:IJW-VOT-1
  Scenario: The municipality allocates within 10 werkdagen of the JW315
    When the provider requests toewijzing "V1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the JW316 is accepted
    And the municipality honours request "V1" with a JW301 within 10 werkdagen

  @role:aanbieder @rule:RIJ-TERM-1
  Scenario: The provider's JW315 is honoured within 10 werkdagen and it answers the JW301 with a JW302
    When the provider requests toewijzing "V1" of product "45A02" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the JW316 is accepted
    And the municipality honours request "V1" with a JW301 within 10 werkdagen
    And the JW302 is accepted

  @role:gemeente @rule:RIJ-LFM-1
  Scenario: Laagfrequente medicatie after an ended arrangement D is allocated
    Given toewijzing "T0" of product "41A02" for client "Daan" from 2025-01-06 to 2025-02-28
    When the provider requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the municipality honours request "V1" with a JW301 within 10 werkdagen

  @role:gemeente @rule:RIJ-LFM-1
  Scenario: Laagfrequente medicatie without an ended arrangement B, D or E is not allocated
    Given toewijzing "T0" of product "44A03" for client "Daan" from 2025-01-06 to 2025-02-28
    When the provider requests toewijzing "V1" of product "45A48" for client "Daan" from 2025-03-03 to 2025-08-31
    Then the municipality handles request "V1" outside the messages
