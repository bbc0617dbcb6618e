@region:rijnmond
Feature: Rijnmond: arrangement products and their units
  Source: Jeugdhulp Rijnmond factsheet (seed 001), "Codes".

  Background:
    Given the date is 2025-03-03

  # The municipality's units (RIJ-PROD-1, G) and the provider's requests are checked for every
  # code of the table in verzoek.feature: a toewijzing the harness dictates proves nothing.

  @role:aanbieder @rule:RIJ-PROD-1
  Scenario: The provider accepts and starts an arrangement allocated in euro per week
    Given toewijzing "T1" of product "44A03" for client "Mila" from 2025-03-03 to 2025-12-31
    When the provider under test starts care on "T1" on 2025-03-03
    Then the JW306 is accepted
