@national
Feature: Withdrawing, shortening and not stacking toewijzingen (JW301/JW302)
  A toewijzing is withdrawn by resending it with einddatum = ingangsdatum and a RedenWijziging,
  shortened by resending it with an earlier einddatum; the same product is never allocated
  twice to one provider for overlapping periods, and withdrawn toewijzingen do not count.
  Source: 004 (Regio Alkmaar SAP) §2.3.2.2, §3.2.1, §3.2.2, Bijlage 2; iJw 3.2 TR302, OP259, CS335, TR332, TR385, TR381.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-INTREK-1 @rule:IJW-RET-1
  Scenario: The municipality withdraws a toewijzing with einddatum = ingangsdatum and a RedenWijziging
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality under test withdraws toewijzing "T1"
    Then toewijzing "T1" is withdrawn
    And the JW302 is accepted

  @role:gemeente @rule:IJW-INTREK-1
  Scenario: The municipality shortens a toewijzing with an earlier einddatum and a RedenWijziging
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality under test shortens toewijzing "T1" to 2025-09-30
    Then toewijzing "T1" is shortened to 2025-09-30 with a RedenWijziging

  @role:aanbieder @rule:IJW-INTREK-1 @rule:IJW-RET-1
  Scenario: The provider accepts a withdrawn toewijzing with a JW302
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's municipality withdraws toewijzing "T1"
    Then the JW302 is accepted

  @role:aanbieder @rule:IJW-INTREK-1
  Scenario: The provider accepts a shortened toewijzing with a JW302
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 is accepted

  @role:gemeente @rule:IJW-STAP-1
  Scenario: The municipality does not stack the same product for an overlapping period
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality under test allocates the product of "T1" for client "Sanne" from 2025-06-01 to 2026-03-31 again
    Then no JW301 holds overlapping toewijzingen of one product

  @role:gemeente @rule:IJW-STAP-1
  Scenario: A withdrawn toewijzing does not count for stacking
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And the municipality under test withdraws toewijzing "T1"
    When the municipality under test allocates the product of "T1" for client "Sanne" from 2025-03-01 to 2025-12-31 again
    Then the municipality under test allocates the product of "T1" anew from 2025-03-01
    And no JW301 holds overlapping toewijzingen of one product
    And the JW302 is accepted

  # IJW-TOEW-1 (OP087): a 301 holds every toewijzing of the client at that provider valid on or
  # after its date, plus every one changed since the previous 301.
  @role:gemeente @rule:IJW-TOEW-1
  Scenario: The JW301 that shortens one toewijzing also holds the client's other valid toewijzing
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-06-30
    And toewijzing "T2" for client "Sanne" from 2025-07-01 to 2025-12-31
    When the municipality under test shortens toewijzing "T1" to 2025-05-31
    Then the JW301 that shortens "T1" to 2025-05-31 also holds toewijzing "T2" unchanged

  # IJW-WIJZ-1: a product change shortens the running toewijzing and allocates a new one
  # (004 §3.1.4, §3.1.6, §3.2.5); the provider stops the old one and starts the new one.
  @role:gemeente @rule:IJW-WIJZ-1
  Scenario: A product change is one JW301 that shortens the running toewijzing and allocates the new product
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality under test changes the care on "T1" to another product from 2025-06-01
    Then one JW301 ends "T1" on 2025-05-31 with a RedenWijziging and allocates the new product from 2025-06-01
    And the JW302 is accepted

  @role:aanbieder @rule:IJW-WIJZ-1
  Scenario: After a product change the provider stops the old toewijzing and starts the new one
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's municipality changes the care on "T1" to another product from 2025-06-01
    Then the JW302 is accepted
    When the provider under test stops care on "T1" on 2025-05-31 with reden "36"
    Then the provider's JW307 on "T1" is accepted
    When the provider under test starts care on "T1'" on 2025-06-01
    Then the provider's JW305 on "T1'" is accepted

  # TR332: every ToegewezenProduct of one municipality has its own ToewijzingNummer (9332).
  @role:aanbieder @rule:TR332
  Scenario: The provider refuses a ToewijzingNummer the municipality already gave another client's toewijzing with 9332
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's municipality allocates a toewijzing for client "Daan" under the ToewijzingNummer of "T1"
    Then the JW302 rejects it with retourcode "9332"

  # TR385: a toewijzing with approved, not credited prestaties cannot be deleted (RedenWijziging 13, 9385).
  @role:aanbieder @rule:TR385
  Scenario: The provider refuses the deletion of a toewijzing it was paid on with 9385
    Given toewijzing "T1" of a product declared per unit for client "Sanne" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    When the harness's municipality withdraws toewijzing "T1"
    Then the JW302 rejects it with retourcode "9385"

  # TR381 (external source): the ProductCode fits the ProductCategorie by the product code list in use (S329).
  @role:aanbieder @rule:TR381
  Scenario: The provider refuses a toewijzing whose ProductCode does not fit its ProductCategorie with S329
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's municipality allocates the product of "T1" to client "Daan" under ProductCategorie "31"
    Then the JW302 rejects it with retourcode "S329"
