@region:alkmaar
Feature: How a municipality answers a request (national rules, stated in the Alkmaar protocol)
  A VOT is answered per requested product, a VOW only as a whole; a toewijzing honouring a VOT
  follows it (a municipality that wants something else rejects); every check that can be automated
  belongs to the first assessment, so a request failing one is rejected at once, not taken in
  onderzoek. These national rules are tested in Alkmaar, whose protocol (seed 004) states them and
  uses the JW317 next to the JW315 and the JW319.
  Source: 004 §2.3.2.2 ("Er zijn drie mogelijke uitkomsten per aangevraagd product", "Afwijkende
  Toewijzing"), §2.3.2.3, §3 lid 3–5, §3.1.8, Bijlage 3; OP274, OP346.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-VOT-5
  Scenario: A VOT is answered per product: one honoured, the other (stacking) rejected
    Given toewijzing "T1" of product "45X03" for client "Noor" from 2025-03-01 to 2025-12-31
    When the harness's provider requests toewijzingen "V1" of product "45X01" and "V2" of product "45X03" for client "Noor" from 2025-03-03 to 2025-12-31 in one JW315
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And the municipality under test rejects request "V2" with a JW319 within 5 werkdagen
    And no JW301 honours request "V2"

  @role:gemeente @rule:IJW-VOT-5
  Scenario: A VOW with one product the municipality cannot honour is rejected as a whole
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 and adding product "45X03" from 2025-07-01 without an einddatum
    Then the JW318 is accepted
    And the municipality under test rejects request "W1" with a JW319 within 5 werkdagen
    And no JW301 honours request "W1"

  @role:gemeente @rule:IJW-VOT-6
  Scenario: The toewijzing honouring a VOT has the requested product, volume, unit, frequency and period
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product      | 45X01      |
      | ingangsdatum | 2025-03-10 |
      | einddatum    | 2025-11-30 |
      | volume       | 7          |
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And the toewijzing honouring request "V1" has the requested product, volume, eenheid, frequentie and period

  @role:gemeente @rule:IJW-VOT-8
  Scenario: A VOT failing an automated check (stacking) is rejected in the first answer, not taken in onderzoek
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the first answer to request "V1" is a JW319 with VerzoekAntwoord 1 within 5 werkdagen

  @role:gemeente @rule:IJW-VOT-8
  Scenario: A VOT more than one month back is rejected in the first answer, not taken in onderzoek
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-01-31 to 2025-12-31
    Then the first answer to request "V1" is a JW319 with VerzoekAntwoord 1 within 5 werkdagen

  # IJW-VOT-3 for the VOW: "Het afhandelen van het VOW duurt maximaal 8 weken als er sprake is van
  # onderzoek" (004 §3.1.7); the in-onderzoek decision is the municipality's, so the scenario asks it.
  @role:gemeente @rule:IJW-VOT-3
  Scenario: VOW in onderzoek: 319 with VerzoekAntwoord 2, then the final answer within 8 weeks
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31
    And the municipality under test takes request "W1" in onderzoek
    Then the JW319 for request "W1" says "in onderzoek"
    And the final answer to request "W1" arrives within 8 weeks of the request

  # IJW-VOT-4, the municipality's side of CD067 and CD068 (in-message rules: the whole message is
  # rejected with 0001, IJW-RET-2).
  @role:gemeente @rule:IJW-VOT-4 @rule:IJW-RET-2
  Scenario: A VOT with a ZorgverlenerCode for a referrer type other than 02–05 is rejected as a whole (CD068)
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product          | 45X01      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2025-12-31 |
      | verwijzer        | 08         |
      | naam             | Rechtbank  |
      | zorgverlenerCode | 01234567   |
    Then the JW316 rejects it with retourcode "0001"

  @role:gemeente @rule:IJW-VOT-4 @rule:IJW-RET-2
  Scenario: A VOT from a type 02–05 referrer with neither a ZorgverlenerCode nor a name is rejected as a whole (CD067)
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product          | 45X01      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2025-12-31 |
      | verwijzer        | 03         |
    Then the JW316 rejects it with retourcode "0001"

  @role:gemeente @rule:IJW-VOT-4
  Scenario: A VOT from a judge (08) with the referrer's name and no ZorgverlenerCode is accepted
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product          | 45X01      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2025-12-31 |
      | verwijzer        | 08         |
      | naam             | Rechtbank  |
    Then the JW316 is accepted
