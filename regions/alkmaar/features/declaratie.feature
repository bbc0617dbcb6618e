@region:alkmaar
Feature: Regio Alkmaar: monthly declarations of hours
  The provider declares monthly per municipality in the unit of the toewijzing; hours are
  summed over the month and rounded (< 30 minutes down, ≥ 30 up, at least 1 hour); in a broken
  week the full weekly volume may be declared; absence is not declarable; approved lines are
  corrected within 2 months of approval.
  Source: Standaard administratieprotocol (SAP) inspanningsgericht, Regio Alkmaar (seed 004)
  §2.6, §2.7.1 lid 1–10, §2.7.3 lid 2, D-6.

  Background:
    Given the date is 2025-03-03
    And toewijzing "T1" of a product declared per unit for client "Noor" from 2025-03-03 to 2025-12-31 with volume 3
    And care on "T1" started on 2025-03-03

  @role:aanbieder @rule:ALK-D1
  Scenario: One declaration per month per municipality, by the last day of the following month
    Given toewijzing "T2" of a product declared per unit for client "Bram" from 2025-03-03 to 2025-12-31 with volume 3
    And care on "T2" started on 2025-03-03
    And the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the provider delivered 3 hours of care on "T2" on 2025-03-06
    And the date is 2025-04-10
    When the provider under test declares 2025-03
    Then the JW323 holds the lines of "T1" and "T2" in one declaration dated no later than 2025-04-30
    And the declaration is fully approved

  @role:aanbieder @rule:ALK-D1
  Scenario: A provider working for two municipalities sends one declaration to each
    Given toewijzing "T2" of a product declared per unit for client "Bram" from 2025-03-03 to 2025-12-31 with volume 3 from municipality "0373"
    And care on "T2" started on 2025-03-03
    And the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the provider delivered 3 hours of care on "T2" on 2025-03-06
    And the date is 2025-04-10
    When the provider under test declares 2025-03
    Then the provider under test declares 2025-03 in one JW323 per municipality by 2025-04-30: "T1" to "0361" and "T2" to "0373"

  @role:aanbieder @rule:ALK-D2
  Scenario Outline: Minutes are summed over the month and rounded to whole hours (<minutes> minutes → <hours> hours)
    Given the provider delivered <minutes> minutes of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares <hours> hours on "T1"
    And the declaration is fully approved

    Examples:
      | minutes | hours | why                          |
      | 149     | 2     | 29 minutes left: round down  |
      | 150     | 3     | 30 minutes left: round up    |
      | 20      | 1     | at least 1 hour              |

  @role:aanbieder @rule:ALK-D2 @rule:ALK-D6
  Scenario: Care of the month is summed into one line and rounded once, on the month's total
    Given the provider delivered 40 minutes of care on "T1" on 2025-03-05
    And the provider delivered 40 minutes of care on "T1" on 2025-03-12
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the JW323 holds one line for "T1"
    And the provider under test declares 1 hours on "T1"

  @role:aanbieder @rule:ALK-D6
  Scenario: Care on several days of the month, in hours and minutes, becomes one line
    Given the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the provider delivered 50 minutes of care on "T1" on 2025-03-12
    And the provider delivered 1 hours of care on "T1" on 2025-03-19
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the JW323 holds one line for "T1"
    And the provider under test declares 4 hours on "T1"
    And the declaration is fully approved

  @role:aanbieder @rule:ALK-D7
  Scenario: Every declaration line carries the specific product code of its toewijzing
    Given toewijzing "T2" of product "45X03" for client "Bram" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-03-03
    And the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the provider delivered 2 units of care on "T2" on 2025-03-06
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then every line of the JW323 carries the product code of its toewijzing
    And the declaration is fully approved

  # ALK-D7 certifies the provider only: the municipality has no check of its own. A line without
  # ProductCode breaks the JW323 XSD (minOccurs 1), so the whole declaration is refused with no
  # JW325 (IJW-RET-2); another code than the toewijzing's is 9340 (IJW-DECL-2, national-declaratie.feature).
  @role:gemeente @rule:IJW-RET-2
  Scenario: A declaration with a line without a product code breaks the XSD: an error and no JW325
    Given the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 leaving out the product code of "T1"
    Then the municipality under test answers with HTTP 400 and no retour

  @role:gemeente @rule:ALK-TERM-1
  Scenario: The municipality answers a declaration with its JW325 within 10 werkdagen
    Given the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the JW325 answer arrives within 10 werkdagen

  @role:gemeente @rule:ALK-D2
  Scenario: The municipality approves rounded hours
    Given the provider delivered 150 minutes of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:aanbieder @rule:ALK-D3
  Scenario: In a broken first week the full weekly volume is declared
    Given toewijzing "T2" of a product declared per unit for client "Bram" from 2025-03-12 to 2025-12-31 with volume 3
    And care on "T2" started on 2025-03-12
    And the provider delivered 3 hours of care on "T2" on 2025-03-13
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 3 hours on "T2"
    And the line of "T2" has the ProductPeriode 2025-03-12 to 2025-03-31
    And the declaration is fully approved

  @role:gemeente @rule:ALK-D3
  Scenario Outline: In a broken period up to the full volume of each week touched is approved (<volume> hours: <result>)
    Given toewijzing "T2" of a product declared per unit for client "Bram" from 2025-03-12 to 2025-12-31 with volume 3
    And care on "T2" started on 2025-03-12
    And the provider delivered 3 hours of care on "T2" on 2025-03-13
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with the volume <volume>
    Then the JW325 <result>

    Examples:
      | volume | result                                          | why                                       |
      | 12     | approves the line of "T2"                       | 4 weeks touched (10–16, 17–23, 24–30, 31) × 3 |
      | 13     | rejects the line of "T2" with retourcode "9321" | more than 4 × 3                           |

  @role:aanbieder @rule:ALK-D4
  Scenario: Absence, planned or not, is not declared
    Given the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the client missed 2 hours of planned care on "T1" on 2025-03-12 without cancelling
    And the client cancelled 1 hours of planned care on "T1" on 2025-03-19 in time
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 2 hours on "T1"
    And the declaration is fully approved

  @role:aanbieder @rule:ALK-D5
  Scenario: An approved line is corrected within 2 months of approval
    Given the provider delivered 3 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-05-20
    When the provider under test corrects the line of "T1" for 2025-03 to volume 2
    Then the correction credits the approved line of "T1" before the corrected debit with volume 2
    And the declaration is fully approved

  @role:aanbieder @rule:ALK-D5
  Scenario: An approved line is not corrected more than 2 months after approval
    Given the provider delivered 3 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-06-10
    When the provider under test corrects the line of "T1" for 2025-03 to volume 2
    Then the provider under test refuses or sends no JW323

  @role:aanbieder @rule:IJW-DECL-3
  Scenario: Hours allocated, care recorded in minutes: declared in whole hours of the toewijzing
    Given the provider delivered 180 minutes of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 3 hours on "T1"
    And the declaration is fully approved

  @role:gemeente @rule:IJW-DECL-3
  Scenario: Hours allocated may be declared in minutes
    Given the provider delivered 3 hours of care on "T1" on 2025-03-05
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with the same care in minutes
    Then the JW325 approves the line of "T1"
