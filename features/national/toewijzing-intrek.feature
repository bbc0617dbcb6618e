@national
Feature: Withdrawing, shortening and not stacking toewijzingen (JW301/JW302)
  A toewijzing is withdrawn by resending it with einddatum = ingangsdatum and a RedenWijziging,
  shortened by resending it with an earlier einddatum; the same product is never allocated
  twice to one provider for overlapping periods, and withdrawn toewijzingen do not count.
  Source: 004 (Regio Alkmaar SAP) §2.3.2.2, §3.2.1, §3.2.2, Bijlage 2; iJw 3.2 TR302, OP259, CS335.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-INTREK-1 @rule:IJW-RET-1
  Scenario: The municipality withdraws a toewijzing with einddatum = ingangsdatum and a RedenWijziging
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality withdraws toewijzing "T1"
    Then toewijzing "T1" is withdrawn
    And the JW302 is accepted

  @role:gemeente @rule:IJW-INTREK-1
  Scenario: The municipality shortens a toewijzing with an earlier einddatum and a RedenWijziging
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality shortens toewijzing "T1" to 2025-09-30
    Then toewijzing "T1" is shortened to 2025-09-30 with a RedenWijziging

  @role:aanbieder @rule:IJW-INTREK-1 @rule:IJW-RET-1
  Scenario: The provider accepts a withdrawn toewijzing with a JW302
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality withdraws toewijzing "T1"
    Then the JW302 is accepted

  @role:aanbieder @rule:IJW-INTREK-1
  Scenario: The provider accepts a shortened toewijzing with a JW302
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 is accepted

  @role:gemeente @rule:IJW-STAP-1
  Scenario: The municipality does not stack the same product for an overlapping period
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the municipality is asked to allocate the product of "T1" for client "Sanne" from 2025-06-01 to 2026-03-31 again
    Then no JW301 holds overlapping toewijzingen of one product

  @role:gemeente @rule:IJW-STAP-1
  Scenario: A withdrawn toewijzing does not count for stacking
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And the municipality withdraws toewijzing "T1"
    When the municipality is asked to allocate the product of "T1" for client "Sanne" from 2025-03-01 to 2025-12-31 again
    Then no JW301 holds overlapping toewijzingen of one product
    And the JW302 is accepted
