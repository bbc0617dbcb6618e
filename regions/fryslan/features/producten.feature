@region:fryslan
Feature: Fryslân: products in etmalen per week
  Source: Werkwijze Jeugdhulp Plus / Open3Milieu, Fryslân (seed 002) §6.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:FRL-PROD-1
  Scenario Outline: Product <product> is allocated in etmalen (14) per week (2)
    Given toewijzing "T1" of product "<product>" for client "Fenna" from 2025-03-03 to 2027-03-02
    Then toewijzing "T1" is allocated in eenheid "14" with frequentie "2"

    Examples:
      | product |
      | 43A12   |
      | 43A70   |
      | 43A71   |

  @role:aanbieder @rule:FRL-PROD-1
  Scenario: The provider accepts and starts a toewijzing in etmalen per week
    Given toewijzing "T1" of product "43A12" for client "Fenna" from 2025-03-03 to 2027-03-02
    When the provider under test starts care on "T1" on 2025-03-03
    Then the JW306 is accepted
