@region:rijnmond
Feature: Rijnmond: arrangement products and their units
  Source: Jeugdhulp Rijnmond factsheet (seed 001), "Codes".

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:RIJ-PROD-1
  Scenario Outline: Product <product> is allocated in eenheid <eenheid> with frequentie <frequentie>
    Given toewijzing "T1" of product "<product>" for client "Mila" from 2025-03-03 to 2025-12-31
    Then toewijzing "T1" is allocated in eenheid "<eenheid>" with frequentie "<frequentie>"

    Examples:
      | product | eenheid | frequentie |
      | 44A03   | 83      | 2          |
      | 43A01   | 83      | 2          |

  @role:aanbieder @rule:RIJ-PROD-1
  Scenario: The provider accepts and starts an arrangement allocated in euro per week
    Given toewijzing "T1" of product "44A03" for client "Mila" from 2025-03-03 to 2025-12-31
    When the provider starts care on "T1" on 2025-03-03
    Then the JW306 is accepted
