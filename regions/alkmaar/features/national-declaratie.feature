@region:alkmaar
Feature: Declaration lines that do not fit the toewijzing (national rule IJW-DECL-2, with Alkmaar's products)
  The national feature covers 9307, 9308, 9321 and 9338; these need a region with more than one
  product in a category and a product allocated in total (frequentie 6), which Alkmaar has.
  Source: 004 §2.7.1; iJw 3.2 TR340, TR322.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-DECL-2
  Scenario: A line with another product code than the toewijzing's is rejected with 9340
    Given toewijzing "T1" of product "45X01" for client "Sanne" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with ProductCode "45X02"
    Then the JW325 rejects the line of "T1" with retourcode "9340"

  @role:gemeente @rule:IJW-DECL-2
  Scenario: Lines that together exceed a toewijzing allocated in total are rejected with 9322
    Given toewijzing "T1" of product "45X02" for client "Sanne" from 2025-03-03 to 2025-12-31 with volume 10
    And care on "T1" started on 2025-03-03
    And the provider delivered 10 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered 2 hours of care on "T1" on 2025-04-08
    And the date is 2025-05-02
    When the harness's provider declares 2025-04
    Then the JW325 rejects the line of "T1" with retourcode "9322"

  @role:gemeente @rule:IJW-DECL-2
  Scenario: Lines that together stay within a toewijzing allocated in total are approved
    Given toewijzing "T1" of product "45X02" for client "Sanne" from 2025-03-03 to 2025-12-31 with volume 10
    And care on "T1" started on 2025-03-03
    And the provider delivered 8 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the provider delivered 2 hours of care on "T1" on 2025-04-08
    And the date is 2025-05-02
    When the harness's provider declares 2025-04
    Then the declaration is fully approved
