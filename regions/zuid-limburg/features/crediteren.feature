@region:zuid-limburg
Feature: Zuid-Limburg: credits in full only, and crediting what a shortened or withdrawn toewijzing no longer covers
  A credit is a JW323 credit line, never a transfer, and only of a whole declared line. A
  toewijzing ends early only by a JW301: withdrawn (einddatum = ingangsdatum) or shortened, each
  with a RedenWijziging. When a JW301 shortens a toewijzing so that approved lines fall outside
  it, or withdraws one that was declared on, the provider credits those lines by itself: the
  harness only shortens or withdraws, the provider's system decides which lines to credit.
  Source: Jeugdhulp Zuid-Limburg, Crediteren (seed 005).

  Background:
    Given the date is 2025-11-03
    And toewijzing "T1" of product "45X01" for client "Mila" from 2025-11-01 to 2026-10-31

  # ---------------------------------------------------------------- ZLM-CR-1: only in full

  # "Een declaratie kan alleen volledig gecrediteerd worden. Een gedeeltelijke creditering is niet mogelijk!"
  @role:aanbieder @rule:ZLM-CR-1
  Scenario: A correction credits the approved line in full before the corrected debit
    Given the provider delivered 3 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    And the provider under test declared 2026-01
    And the date is 2026-02-16
    When the provider under test corrects the line of "T1" for 2026-01 to volume 2
    Then the correction credits the approved line of "T1" before the corrected debit with volume 2
    And the declaration is fully approved

  @role:gemeente @rule:ZLM-CR-1
  Scenario: The municipality approves a credit of the whole line
    Given the provider delivered 3 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    And the harness's provider declared 2026-01
    And the date is 2026-02-16
    When the harness's provider corrects the line of "T1" for 2026-01 to volume 2
    Then the declaration is fully approved

  @role:gemeente @rule:ZLM-CR-1
  Scenario: The municipality rejects a credit of part of a line
    Given the provider delivered 3 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    And the harness's provider declared 2026-01
    And the date is 2026-02-16
    When the harness's provider credits part of the line of "T1" for 2026-01
    Then the JW325 rejects the line of "T1"

  # ---------------------------------------------------------------- ZLM-CR-2: shortened

  # "Als de toewijzing (301 bericht) wordt ingekort en inmiddels goedgekeurde declaratieregels
  # zouden daardoor buiten de toewijzingsperiode vallen, dan crediteert de aanbieder de
  # desbetreffende declaratieregels."
  @role:aanbieder @rule:ZLM-CR-2
  Scenario: After a shortening the provider credits the approved lines outside the toewijzing by its next declaration
    Given the provider delivered 2 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    And the provider under test declared 2026-01
    And the provider delivered 2 hours of care on "T1" on 2026-02-04
    And the date is 2026-03-02
    And the provider under test declared 2026-02
    When the harness's municipality shortens toewijzing "T1" to 2026-01-31
    Then the JW302 is accepted
    Given the date is 2026-04-01
    When the provider under test declares 2026-03
    Then the provider under test credits the approved line of "T1" for 2026-02 in full
    And the provider under test does not credit the line of "T1" for 2026-01

  # ---------------------------------------------------------------- ZLM-CR-3: withdrawn

  # "Als een toewijzing (301 bericht) wordt ingetrokken en de aanbieder heeft al op de betreffende
  # toewijzing gedeclareerd, dan crediteert de aanbieder de daarop betrekking hebbende
  # declaratieregels ... zijnde in ieder geval het 'vorig referentienummer' en de declaratieperiode."
  # A toewijzing with approved lines is not deleted with RedenWijziging 13 (TR385, 9385): the
  # withdrawal gives another reden (05, herbeoordeling verkorting).
  @role:aanbieder @rule:ZLM-CR-3
  Scenario: After a withdrawal the provider credits every line declared on the toewijzing by its next declaration
    Given toewijzing "T2" of product "45X01" for client "Luuk" from 2025-11-01 to 2026-10-31
    And the provider delivered 2 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    And the provider under test declared 2026-01
    And the provider delivered 2 hours of care on "T1" on 2026-02-04
    And the date is 2026-03-02
    And the provider under test declared 2026-02
    When the harness's municipality withdraws toewijzing "T1" with RedenWijziging "05"
    Then the JW302 is accepted
    Given the provider delivered 1 hours of care on "T2" on 2026-03-04
    And the date is 2026-04-01
    When the provider under test declares 2026-03
    Then the provider under test credits the approved line of "T1" for 2026-01 in full
    And the provider under test credits the approved line of "T1" for 2026-02 in full

  # ---------------------------------------------------------------- ZLM-INTREK-1: only by a 301

  # "Een eerder afgegeven toewijzing (301 bericht) kan alleen ingetrokken worden dan wel vervallen
  # door een gewijzigde toewijzing (301 bericht) te versturen waarbij de einddatum in de toewijzing
  # gelijk is aan de 'toewijzingsingangsdatum'. De toepasselijke reden wijziging wordt meegegeven."
  @role:gemeente @rule:ZLM-INTREK-1
  Scenario: The municipality withdraws a toewijzing with a JW301 with einddatum = ingangsdatum and a RedenWijziging
    When the municipality under test withdraws toewijzing "T1"
    Then toewijzing "T1" is withdrawn
    And the JW302 is accepted

  # "Onder inkorten wordt het aanpassen van de gewenste einddatum in de toewijzing (301 bericht)
  # ... De toepasselijke reden wijziging wordt meegegeven."
  @role:gemeente @rule:ZLM-INTREK-1
  Scenario: The municipality shortens a toewijzing with a JW301 with an earlier einddatum and a RedenWijziging
    When the municipality under test shortens toewijzing "T1" to 2026-03-31
    Then toewijzing "T1" is shortened to 2026-03-31 with a RedenWijziging
    And the JW302 is accepted
