@region:zuid-limburg
Feature: Zuid-Limburg: declaring monthly, per municipality, in the allocated unit, once, at the tariff of the right year
  The provider declares monthly after the calendar month, at the latest in the following month,
  in batches per month per municipality, in the unit of the toewijzing and not in terms. The
  tariff is the contracted one of a calendar year: for output products (eenheid 82) the year of
  the toewijzing's ingangsdatum, for etmaal and hour products the year of delivery. The
  contracted tariffs (DVO bijlage 1) are not public: the profile's stand-ins are, per unit,
  output 2025 € 2.500,00 / 2026 € 2.625,00, etmaal € 200,00 / € 210,00, hour € 90,00 / € 94,00.
  Source: Jeugdhulp Zuid-Limburg, Declareren (seed 005).

  Background:
    Given the date is 2025-11-03
    And toewijzing "T1" of product "54X01" for client "Mila" from 2025-11-01 to 2026-10-31
    And toewijzing "T2" of product "45X01" for client "Mila" from 2025-11-01 to 2026-10-31

  # ---------------------------------------------------------------- ZLM-TAR-1: which year's tariff

  # "Voor output gefinancierde producten is het tarief van toepassing dat betrekking heeft op de
  # ingangsdatum van de toewijzing."
  @role:aanbieder @rule:ZLM-TAR-1
  Scenario: Output delivered in January on a toewijzing that began in November is declared at the tariff of November's year
    Given the provider delivered 1 stuks of care on "T1" on 2026-01-12
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the line of "T1" has ProductTarief 250000
    And the declaration is fully approved

  # "Voor etmaal- en uur gefinancierde producten is het tarief van toepassing dat betrekking heeft
  # op het kalenderjaar van de levering."
  @role:aanbieder @rule:ZLM-TAR-1
  Scenario: Hours delivered in January are declared at the tariff of January's year
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the line of "T2" has ProductTarief 9400
    And the declaration is fully approved

  @role:aanbieder @rule:ZLM-TAR-1
  Scenario: Hours delivered in December and declared in January keep December's tariff
    Given the provider delivered 2 hours of care on "T2" on 2025-12-03
    And the date is 2026-01-05
    When the provider under test declares 2025-12
    Then the line of "T2" has ProductTarief 9000
    And the declaration is fully approved

  @role:aanbieder @rule:ZLM-TAR-1
  Scenario: Etmalen delivered in January are declared at the tariff of January's year
    Given toewijzing "T3" of product "43X01" for client "Mila" from 2025-11-01 to 2026-10-31
    And the provider delivered 10 etmalen of care on "T3" from 2026-01-05 to 2026-01-14
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the line of "T3" has ProductTarief 21000
    And the declaration is fully approved

  @role:gemeente @rule:ZLM-TAR-1
  Scenario: The municipality approves output at the tariff of the toewijzing's year
    Given the provider delivered 1 stuks of care on "T1" on 2026-01-12
    And the date is 2026-02-02
    When the harness's provider declares 2026-01
    Then the declaration is fully approved

  @role:gemeente @rule:ZLM-TAR-1
  Scenario: The municipality rejects output at the tariff of the year of delivery with 0611
    Given the provider delivered 1 stuks of care on "T1" on 2026-01-12
    And the date is 2026-02-02
    When the harness's provider declares 2026-01 with ProductTarief 262500
    Then the JW325 rejects the line of "T1" with retourcode "0611"

  @role:gemeente @rule:ZLM-TAR-1
  Scenario: The municipality approves hours at the tariff of the year of delivery
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    When the harness's provider declares 2026-01
    Then the declaration is fully approved

  @role:gemeente @rule:ZLM-TAR-1
  Scenario: The municipality rejects hours at the tariff of the toewijzing's year with 0611
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    When the harness's provider declares 2026-01 with ProductTarief 9000
    Then the JW325 rejects the line of "T2" with retourcode "0611"

  # ---------------------------------------------------------------- ZLM-D1, ZLM-D2: monthly, after the month, by the following month

  # "De aanbieder declareert maandelijks na afloop van een kalendermaand."
  @role:aanbieder @rule:ZLM-D1
  Scenario: The provider does not declare a month before it has ended
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-01-20
    When the provider under test declares 2026-01
    Then the provider under test refuses or sends no JW323

  @role:aanbieder @rule:ZLM-D1
  Scenario: The provider declares the month once it has ended
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-01
    When the provider under test declares 2026-01
    Then the provider under test declares 2 hours on "T2"
    And the declaration is fully approved

  # "Dit doet de aanbieder uiterlijk in de daaropvolgende maand."
  @role:aanbieder @rule:ZLM-D2
  Scenario: The provider declares the month at the latest in the following month
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-27
    When the provider under test declares 2026-01
    Then the JW323 is dated no later than 2026-02-28
    And the declaration is fully approved

  # ---------------------------------------------------------------- ZLM-D3: in the allocated unit

  # "De aanbieder declareert in dezelfde eenheid als waarin de jeugdhulp is toegewezen."
  @role:aanbieder @rule:ZLM-D3
  Scenario Outline: The provider declares <what> in the unit of the toewijzing
    Given toewijzing "T3" of product "43X01" for client "Mila" from 2025-11-01 to 2026-10-31
    And the provider delivered <volume> <unit> of care on "<t>" on 2026-01-12
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the provider under test declares the allocated volume in the unit of "<t>"
    And the declaration is fully approved

    Examples:
      | what              | t  | volume | unit    |
      | output (82)       | T1 | 1      | stuks   |
      | etmalen (14)      | T3 | 31     | etmalen |
      | hours (04)        | T2 | 3      | hours   |

  @role:gemeente @rule:ZLM-D3
  Scenario: The municipality rejects a line in another unit than the toewijzing's with 9341
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    When the harness's provider declares 2026-01 with a unit other than the allocated one
    Then the JW325 rejects the line of "T2" with retourcode "9341"

  # ---------------------------------------------------------------- ZLM-D4: one batch per month per municipality

  # "De aanbieder declareert in batches per maand per gemeente. Een 303D-bericht kan
  # declaratieregels van één of meerdere cliënten bevatten."
  @role:aanbieder @rule:ZLM-D4
  Scenario: The care of two clients of one municipality in a month goes in one declaration
    Given toewijzing "T4" of product "45X01" for client "Luuk" from 2025-11-01 to 2026-10-31
    And the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the provider delivered 3 hours of care on "T4" on 2026-01-08
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the JW323 holds the lines of "T2" and "T4" in one declaration dated no later than 2026-02-28
    And the declaration is fully approved

  # ---------------------------------------------------------------- ZLM-D5: once, not in terms

  # "De aanbieder declareert uitsluitend hetgeen is overeengekomen met de gemeente en niet in
  # meerdere termijnen. 303D-berichten ten behoeve van deelbetalingen worden niet geaccepteerd."
  @role:aanbieder @rule:ZLM-D5
  Scenario: Care recorded after the month was declared does not become a second debit for that month
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    And the provider under test declared 2026-01
    And the provider delivered 1 hours of care on "T2" on 2026-01-28
    And the date is 2026-02-10
    When the provider under test declares 2026-01
    Then the provider under test declares "T2" for 2026-01 once, or again only after crediting it

  @role:gemeente @rule:ZLM-D5
  Scenario: The municipality rejects a second debit for a month already declared with 9389
    Given the provider delivered 2 hours of care on "T2" on 2026-01-07
    And the date is 2026-02-02
    And the harness's provider declared 2026-01
    When the harness's provider declares 2026-01 again without crediting the approved line
    Then the JW325 rejects the line of "T2" with retourcode "9389"
