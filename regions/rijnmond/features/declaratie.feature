@region:rijnmond
Feature: Rijnmond: declaring arrangements in the unit of the toewijzing
  Arrangements are allocated in euros per week and declared in the unit of the JW301; the
  municipality answers within 2 weeks. The JW305 and JW307 are mandatory (start-stop.feature);
  the municipality "kan" use them to fix the declarable period afterwards, not in the JW325.
  Source: Jeugdhulp Rijnmond (GRJR) factsheet (seed 001): "Codes", "JW 303", "JW 304".

  Background:
    Given the date is 2025-03-03
    And toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-03 to 2025-12-31 with volume 50000

  @role:aanbieder @rule:RIJ-PROD-2
  Scenario: The provider declares an arrangement in euros, the unit of the JW301
    Given care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the provider delivered 45000 eurocents of care on "T1" from 2025-03-10 to 2025-03-16
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 85000 eurocents on "T1"
    And the declaration is fully approved

  @role:gemeente @rule:RIJ-PROD-2
  Scenario: The municipality approves an arrangement declared in euros
    Given care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:RIJ-PROD-2
  Scenario: The municipality rejects an arrangement declared in another unit with 9341
    Given care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a unit other than the allocated one
    Then the JW325 rejects the line of "T1" with retourcode "9341"

  # RIJ-DECL-2 is a reading: the seed's 6 werkdagen follow the 4-weekly CAK period, which iJw 3.x
  # replaced with the month (IJW-DECL-7). The harness asks for the declaration, so this catches
  # only a provider that holds it back.
  @role:aanbieder @rule:RIJ-DECL-2 @optional
  Scenario: The declaration is sent within 6 werkdagen after the end of the period
    Given care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-01
    When the provider under test declares 2025-03
    Then the JW323 arrives within 6 werkdagen of 2025-03-31

  # 2025-04-14 + 14 days = 2025-04-28; 10 werkdagen would run to 2025-04-30 (Good Friday and
  # Easter Monday fall in between), so only the two weeks of the seed decide.
  @role:gemeente @rule:RIJ-TERM-2
  Scenario: The declaration answer comes within 2 weeks, also when Easter falls in them
    Given care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-14
    When the harness's provider declares 2025-03
    Then the JW325 answer arrives within 14 calendar days

  # RIJ-DECL-1: the municipality "kan" use the 305/307 afterwards; rejecting a line on them in the
  # JW325 would break OP364 (IJW-DECL-8), so a line within the toewijzing is approved.
  @role:gemeente @rule:IJW-DECL-8
  Scenario: A line within the toewijzing is approved though no JW305 was sent (OP364)
    Given the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-8
  Scenario: A ProductPeriode past the JW307 but within the toewijzing is approved (OP364)
    Given care on "T1" started on 2025-03-03
    And the date is 2025-03-14
    And care on "T1" stopped on 2025-03-14 with reden "31"
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-03 to 2025-03-31
    Then the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-8
  Scenario: Care between the JW305 and the JW307 is declarable
    Given care on "T1" started on 2025-03-03
    And the date is 2025-03-14
    And care on "T1" stopped on 2025-03-14 with reden "31"
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved
