@region:utrecht
Feature: Utrecht: monthly declarations per client and product, and the answer per line
  The provider declares monthly per client per product, with the product codes, unit and
  tariffs of that year and a unique invoice number; the municipality answers per line with a
  retourcode, and rejected lines need not be credited.
  Source: Gemeente Utrecht back-office FAQ (seed 000): "Wat moet ik invullen in een
  declaratiebericht", "Hoe krijg ik reactie".

  Background:
    Given the date is 2025-03-03
    And toewijzing "T1" of a product declared per unit for client "Lotte" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T1" on 2025-03-05

  @role:aanbieder @rule:UTR-DECL-1
  Scenario: The provider declares the month per client and product at the tariff of the year, with its own number
    Given the date is 2025-04-02
    And the provider under test declared 2025-03
    And the provider delivered the allocated volume of care on "T1" on 2025-04-08
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the provider under test declares the allocated volume in the unit of "T1"
    And every declaration has its own DeclaratieNummer and every line its own ReferentieNummer
    And the declaration is fully approved

  @role:gemeente @rule:UTR-DECL-1
  Scenario: The municipality rejects a tariff that is not the tariff of the year with 0611
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03 with ProductTarief 1
    Then the JW325 rejects the line of "T1" with retourcode "0611"

  @role:gemeente @rule:UTR-DECL-1
  Scenario: The municipality approves a declaration at the tariff of the year
    Given the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:UTR-DECL-2
  Scenario: The answer rejects the wrong line with a retourcode and approves the other
    Given toewijzing "T2" of a product declared per unit for client "Daan" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T2" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with ProductTarief 1
    Then the JW325 rejects the line of "T1"
    And the JW325 approves the line of "T2"

  @role:gemeente @rule:UTR-DECL-2
  Scenario: A rejected line is declared again without a credit and approved
    Given the date is 2025-04-02
    And the harness's provider declares 2025-03 with ProductTarief 1
    And the JW325 rejects the line of "T1"
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  # "(bij voorkeur) binnen 1 maand na de periode waarover wordt gedeclareerd": a preference.
  @role:aanbieder @rule:UTR-DECL-3 @optional
  Scenario: The provider declares the month within one month after it
    Given the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the JW323 is dated no later than 2025-04-30
    And the declaration is fully approved

  # "per declaratieregel alle geleverde jeugdhulp aan een kind, per zorgproduct, over de maand
  # waarin de jeugdhulp heeft plaatsgevonden ... tarieven uit de tarievenlijst of het geldende
  # contract van het jaar waarover u de geleverde jeugdhulp declareert". The profile's example
  # tariffs: 90.00 per hour in 2025, 93.00 in 2026.
  @role:aanbieder @rule:UTR-DECL-1
  Scenario: All care of the month goes on one line per client and product, under the client's own BSN
    Given toewijzing "T2" of a product declared per unit for client "Daan" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-03-03
    And the provider delivered the allocated volume of care on "T1" on 2025-03-19
    And the provider delivered the allocated volume of care on "T2" on 2025-03-06
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the JW323 has one line per client and product, under the client of its toewijzing
    And the declaration is fully approved

  @role:aanbieder @rule:UTR-DECL-1
  Scenario: December care declared in January is declared at the tariff of December's year
    Given the provider delivered the allocated volume of care on "T1" on 2025-12-03
    And the date is 2026-01-06
    When the provider under test declares 2025-12
    Then the line of "T1" has ProductTarief 9000
    And the declaration is fully approved

  @role:gemeente @rule:UTR-DECL-1
  Scenario: December care declared in January at the tariff of December's year is approved
    Given the provider delivered the allocated volume of care on "T1" on 2025-12-03
    And the date is 2026-01-06
    When the harness's provider declares 2025-12
    Then the declaration is fully approved

  @role:gemeente @rule:UTR-DECL-1
  Scenario: December care declared in January at the new year's tariff is rejected with 0611
    Given the provider delivered the allocated volume of care on "T1" on 2025-12-03
    And the date is 2026-01-06
    When the harness's provider declares 2025-12 with ProductTarief 9300
    Then the JW325 rejects the line of "T1" with retourcode "0611"
