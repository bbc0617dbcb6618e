@region:fryslan
Feature: Fryslân: declaring etmalen and the declaration answer
  Jeugdhulp Plus and Open3Milieu are paid per etmaal at the etmaalprijs, declared per month. The
  seed bounds the ProductPeriode by the start and stop of care ("Begin van de maand of datum
  start-zorg als dat later is"); the national TR387/TR388, binding technical rules, bound it only
  by the toewijzing and win (FRL-DECL-1). The municipality pays only on a valid toewijzing,
  answers within 10 werkdagen and rejects declarations more than one year after the JW307.
  Source: Administratieprotocol Jeugdhulp Plus Open3Milieu (seed 002) §8, §8.1, §8.4, §8.7; TR387, TR388.

  Background:
    Given the date is 2025-03-03
    And toewijzing "T1" of product "43A12" for client "Sjoerd" from 2025-03-01 to 2027-02-28 with volume 7
    And the date is 2025-03-12
    And care on "T1" started on 2025-03-12
    And the provider delivered 20 etmalen of care on "T1" from 2025-03-12 to 2025-03-31

  @role:aanbieder @rule:FRL-DECL-1
  Scenario: The provider declares the etmalen at the etmaalprijs for the whole month, whatever the start of care
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 20 etmalen on "T1"
    And the line of "T1" has the ProductPeriode 2025-03-01 to 2025-03-31
    And the declaration is fully approved

  @role:aanbieder @rule:FRL-DECL-1
  Scenario: A toewijzing that begins in the month: the ProductPeriode begins on its Ingangsdatum, not on the start of care
    Given toewijzing "T2" of product "43A12" for client "Femke" from 2025-03-10 to 2027-03-09 with volume 7
    And care on "T2" started on 2025-03-12
    And the provider delivered 20 etmalen of care on "T2" from 2025-03-12 to 2025-03-31
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the line of "T2" has the ProductPeriode 2025-03-10 to 2025-03-31
    And the declaration is fully approved

  # After a temporary stop (reden 20) the toewijzing runs on (IJW-STOP-4): the ProductPeriode is the month.
  @role:aanbieder @rule:FRL-DECL-1
  Scenario: In the month of a temporary stop the ProductPeriode still ends on the last day of the month
    Given the date is 2025-04-02
    And the provider under test declared 2025-03
    And the provider delivered 15 etmalen of care on "T1" from 2025-04-01 to 2025-04-15
    And the date is 2025-04-16
    And care on "T1" stopped on 2025-04-15 with reden "20"
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the provider under test declares 15 etmalen on "T1"
    And the line of "T1" has the ProductPeriode 2025-04-01 to 2025-04-30
    And the declaration is fully approved

  # After a definitive stop the municipality ends the toewijzing on the stop date (FRL-STOP-1):
  # the ProductPeriode ends on the toewijzing's new Einddatum (TR388).
  @role:aanbieder @rule:FRL-DECL-1
  Scenario: In the month of a definitive stop the ProductPeriode ends on the toewijzing's new einddatum
    Given the date is 2025-04-02
    And the provider under test declared 2025-03
    And the provider delivered 15 etmalen of care on "T1" from 2025-04-01 to 2025-04-15
    And the date is 2025-04-16
    And care on "T1" stopped on 2025-04-15 with reden "31"
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the provider under test declares 15 etmalen on "T1"
    And the line of "T1" has the ProductPeriode 2025-04-01 to 2025-04-15
    And the declaration is fully approved

  @role:gemeente @rule:FRL-DECL-1
  Scenario: The municipality approves etmalen × etmaalprijs for the month
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:FRL-DECL-1
  Scenario Outline: The municipality rejects a line that is not etmalen × etmaalprijs (<code>)
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with <change>
    Then the JW325 rejects the line of "T1" with retourcode "<code>"

    Examples:
      | change                                         | code | why                                  |
      | ProductTarief 1000                             | 0611 | not the etmaalprijs                  |
      | IngediendBedrag 1000                           | 9346 | not etmalen × etmaalprijs            |

  # TR387/TR388 win over §8.1: a ProductPeriode bounded by the start or stop of care instead of
  # the toewijzing is rejected with 9387/9388.
  @role:gemeente @rule:FRL-DECL-1
  Scenario: A ProductPeriode that begins on the start of care instead of the first of the month is rejected with 9387
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-12 to 2025-03-31
    Then the JW325 rejects the line of "T1" with retourcode "9387"

  @role:gemeente @rule:FRL-DECL-1
  Scenario: A ProductPeriode that ends on a temporary stop instead of the last of the month is rejected with 9388
    Given the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered 15 etmalen of care on "T1" from 2025-04-01 to 2025-04-15
    And the date is 2025-04-16
    And care on "T1" stopped on 2025-04-15 with reden "20"
    And the date is 2025-05-02
    When the harness's provider declares 2025-04 with a ProductPeriode from 2025-04-01 to 2025-04-15
    Then the JW325 rejects the line of "T1" with retourcode "9388"

  # A line before the start of care is not rejected for that reason (OP364, IJW-DECL-8).
  @role:gemeente @rule:IJW-DECL-8
  Scenario: A ProductPeriode from the first of the month, before the start of care, is approved (OP364)
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-01 to 2025-03-31
    Then the declaration is fully approved

  @role:gemeente @rule:FRL-DECL-2
  Scenario: No payment without a valid toewijzing
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with ToewijzingNummer 999999
    Then the JW325 rejects the line declared on ToewijzingNummer 999999

  @role:gemeente @rule:FRL-DECL-2
  Scenario: A line on a valid toewijzing is paid
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the JW325 approves the line of "T1"

  @role:gemeente @rule:FRL-DECL-3
  Scenario: The declaration answer comes within 10 werkdagen, also when everything is approved
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the JW325 answer arrives within 10 werkdagen
    And the declaration is fully approved

  @role:gemeente @rule:FRL-DECL-3
  Scenario: The declaration answer comes within 10 werkdagen when a line is rejected
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with ProductTarief 1000
    Then the JW325 answer arrives within 10 werkdagen
    And the JW325 rejects the line of "T1"

  @role:gemeente @rule:FRL-DECL-4
  Scenario: A declaration more than one year after the JW307 is rejected
    Given the date is 2025-03-31
    And care on "T1" stopped on 2025-03-31 with reden "31"
    And the date is 2026-04-07
    When the harness's provider declares 2025-03
    Then the JW325 rejects the line of "T1"

  @role:gemeente @rule:FRL-DECL-4
  Scenario: A declaration within one year after the JW307 is approved
    Given the date is 2025-03-31
    And care on "T1" stopped on 2025-03-31 with reden "31"
    And the date is 2026-03-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  # §8.7 counts the year from the JW307, not from the month declared: March, declared more than a
  # year after March but within a year after a stop in June, is paid.
  @role:gemeente @rule:FRL-DECL-4
  Scenario: A declaration more than a year after the month but within a year after the JW307 is approved
    Given the date is 2025-06-30
    And care on "T1" stopped on 2025-06-30 with reden "31"
    And the date is 2026-05-04
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  # §8: "Na afloop van de zorgperiode (maand) stelt u een declaratie (JW323) op"; "Dit wordt
  # maandelijks achteraf gedeclareerd."
  @role:aanbieder @rule:FRL-DECL-5
  Scenario: The provider does not declare a month before it has ended
    Given the date is 2025-03-20
    When the provider under test declares 2025-03
    Then the provider under test refuses or sends no JW323

  @role:aanbieder @rule:FRL-DECL-5
  Scenario: The provider declares the month once it has ended
    Given the date is 2025-04-01
    When the provider under test declares 2025-03
    Then the provider under test declares 20 etmalen on "T1"
    And the declaration is fully approved
