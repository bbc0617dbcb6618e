@region:amsterdam
Feature: Amsterdam-Amstelland and Zaanstreek-Waterland: what may be declared when
  Intensief & Perspectief and Behandeling: 70% of the contracted tariff after the JW305, the
  remaining 30% after a JW307 with reden 31, nothing after other redenen, and no share before its
  JW305 or JW307 has been sent (footnote **); claims in eenheid 83
  with volume and amount in eurocents. Duurzaam and Verblijf: 1/12 of the yearly tariff per
  month, including the last month. Kortdurend verblijf: etmalen × tariff. Dyslexie diagnostiek:
  100% after the JW305. Euro claims carry no ProductTarief (CD087), so TR418 (0611) applies only
  to lines in another unit. The ProductPeriode follows TR387/TR388: the month, bounded only by the
  toewijzing, not by the start or stop of care (the seed's "Product periode" rows date from the
  iJw 2.4 JW303 and yield to them); the answer comes within 10 werkdagen; a client's credit line
  comes before the debit line.
  Source: Factsheet berichtenverkeer Declaratie Jeugdhulp (seed 003): "Wat mag u wanneer
  declareren?", the field tables, Werkafspraken 1–3.

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:AMS-INT-1 @rule:AMS-INT-5 @rule:AMS-PER-1
  Scenario: After the JW305 the provider claims 70% of the contracted tariff in euro
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test claims 70% of the contracted tariff on "T1"
    And the line of "T1" has the ProductPeriode 2025-03-01 to 2025-03-31
    And the declaration is fully approved

  @role:gemeente @rule:AMS-INT-1
  Scenario: The municipality approves the 70% claim after the JW305
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the declaration is fully approved

  @role:gemeente @rule:AMS-INT-1
  Scenario: The municipality rejects a claim of 100% after the JW305
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with 100% of the contracted tariff
    Then the JW325 rejects the line of "T1"

  @role:aanbieder @rule:AMS-INT-2
  Scenario: After a JW307 with reden 31 the provider claims the remaining 30%
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "31"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test claims 30% of the contracted tariff on "T1"
    And the line of "T1" has the ProductPeriode 2025-05-01 to 2025-05-31
    And the declaration is fully approved

  @role:gemeente @rule:AMS-INT-2
  Scenario: The municipality approves the 30% claim after a JW307 with reden 31
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "31"
    And the date is 2025-06-02
    When the harness's provider declares 2025-05
    Then the declaration is fully approved

  @role:aanbieder @rule:AMS-INT-3
  Scenario Outline: After a JW307 with reden <reden> the provider claims nothing more
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "<reden>"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test declares nothing on "T1"

    Examples:
      | reden | meaning                                        |
      | 32    | voortijdig afgesloten: eenzijdig door de cliënt  |
      | 34    | voortijdig afgesloten: in overeenstemming      |
      | 38    | overstap naar andere aanbieder                 |

  @role:gemeente @rule:AMS-INT-3
  Scenario: The municipality rejects the 30% claim after a JW307 with reden 32
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "32"
    And the date is 2025-06-02
    When the harness's provider declares 2025-05 claiming the share after the stop whatever the reden
    Then the JW325 rejects the line of "T1"

  @role:aanbieder @rule:AMS-INT-4
  Scenario: Without a JW305 the provider claims no 70%
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares nothing on "T1"

  @role:aanbieder @rule:AMS-INT-4
  Scenario: Without a JW307 with reden 31 the provider claims no 30%
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test declares nothing on "T1"

  @role:aanbieder @rule:AMS-INT-4
  Scenario: The 70% is claimed once the JW305 is sent, in the month of the start
    Given toewijzing "T1" of the "Perspectief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And the date is 2025-04-02
    And care on "T1" started on 2025-04-02
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the provider under test claims 70% of the contracted tariff on "T1"
    And the line of "T1" has the ProductPeriode 2025-04-01 to 2025-04-30

  # AMS-INT-4 (G) is optional: rejecting a claim over a missing 305/307 conflicts with OP364, and
  # the seed names no retourcode.
  @role:gemeente @rule:AMS-INT-4 @optional
  Scenario: A 70% claim without a JW305 is rejected
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 claiming the start share on "T1" without a JW305
    Then the JW325 rejects the line of "T1"

  @role:gemeente @rule:AMS-INT-4 @optional
  Scenario: A 30% claim without a JW307 is rejected
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-06-02
    When the harness's provider declares 2025-05 claiming the stop share on "T1" without a JW307
    Then the JW325 rejects the line of "T1"

  @role:gemeente @rule:AMS-INT-1
  Scenario: A second 70% claim for the same start is rejected
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-05-02
    When the harness's provider declares 2025-04 claiming the start share on "T1" again
    Then the JW325 rejects the line of "T1"

  # 9341 is TR341's (IJW-DECL-2): the unit of the toewijzing.
  @role:gemeente @rule:AMS-INT-5 @rule:IJW-DECL-2
  Scenario: A claim in another unit than euro is rejected with 9341
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a unit other than the allocated one
    Then the JW325 rejects the line of "T1" with retourcode "9341"

  @role:aanbieder @rule:AMS-BEH-1
  Scenario: Behandeling: 70% after the start and 30% after a stop with reden 31
    Given toewijzing "T1" of the "Behandeling" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test claims 70% of the contracted tariff on "T1"
    And the declaration is fully approved
    Given the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "31"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test claims 30% of the contracted tariff on "T1"
    And the declaration is fully approved

  @role:aanbieder @rule:AMS-BEH-1
  Scenario: Behandeling: nothing after a stop with another reden
    Given toewijzing "T1" of the "Behandeling" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "33"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test declares nothing on "T1"

  @role:gemeente @rule:AMS-BEH-1
  Scenario: Behandeling: the municipality rejects the 30% after a stop with reden 33
    Given toewijzing "T1" of the "Behandeling" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "33"
    And the date is 2025-06-02
    When the harness's provider declares 2025-05 claiming the share after the stop whatever the reden
    Then the JW325 rejects the line of "T1"

  @role:aanbieder @rule:AMS-DUUR-1
  Scenario: Duurzaam: 1/12 of the yearly tariff per month, including the last month whatever the reden
    Given toewijzing "T1" of the "Duurzaam" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 1
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares one twelfth of the yearly tariff on "T1"
    And the line of "T1" has the ProductPeriode 2025-03-01 to 2025-03-31
    And the declaration is fully approved
    Given the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "32"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test declares one twelfth of the yearly tariff on "T1"
    And the line of "T1" has the ProductPeriode 2025-05-01 to 2025-05-31
    And the declaration is fully approved

  # 0611 is TR418's: these lines carry a ProductTarief (eenheid 82, 14), unlike euro claims (CD087).
  @role:gemeente @rule:AMS-DUUR-1 @rule:TR418
  Scenario: Duurzaam: the municipality approves 1/12 and rejects the whole yearly tariff with 0611
    Given toewijzing "T1" of the "Duurzaam" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 1
    And toewijzing "T2" of the "Duurzaam" product for client "Joost" from 2025-03-01 to 2025-12-31 with volume 1
    And care on "T1" started on 2025-03-12
    And care on "T2" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with the yearly tariff as ProductTarief
    Then the JW325 rejects the line of "T1" with retourcode "0611"
    And the JW325 approves the line of "T2"

  @role:aanbieder @rule:AMS-KV-1
  Scenario: Kortdurend verblijf: etmalen of the month × the contracted tariff
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test declares 4 etmalen on "T1"
    And the declaration is fully approved

  @role:gemeente @rule:AMS-KV-1 @rule:TR418
  Scenario Outline: Kortdurend verblijf: the municipality judges etmalen × tariff (<result>)
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with <change>
    Then the JW325 <result>

    Examples:
      | change             | result                                       |
      | the volume 4       | approves the line of "T1"                    |
      | ProductTarief 1    | rejects the line of "T1" with retourcode "0611" |

  @role:aanbieder @rule:AMS-DYS-1
  Scenario: Dyslexie diagnostiek: 100% after the JW305, nothing after the stop
    Given toewijzing "T1" of the "Dyslexie" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the provider under test claims 100% of the contracted tariff on "T1"
    And the declaration is fully approved
    Given the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "31"
    And the date is 2025-06-02
    When the provider under test declares 2025-05
    Then the provider under test declares nothing on "T1"

  # The seed gives no retourcode and a euro line has no ProductTarief for TR418 (0611) to compare
  # (CD087), so any rejecting retourcode will do (9389, TR389, where the period repeats; 0611 …).
  # The toewijzing allows twice the tariff and the second claim is for May, so that only the
  # region's "100% once, nothing after the stop" rejects it, not TR322 or TR389.
  @role:gemeente @rule:AMS-DYS-1
  Scenario: Dyslexie diagnostiek: 100% after the start is approved, a second claim is rejected
    Given toewijzing "T1" of the "Dyslexie" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 240000
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    And the harness's provider declared 2025-03
    And the date is 2025-05-16
    And care on "T1" stopped on 2025-05-16 with reden "31"
    And the date is 2025-06-02
    When the harness's provider declares 2025-05 claiming the start share on "T1" again
    Then the JW325 rejects the line of "T1"

  # The seed's "Product periode" rows (first and last day of care) yield to TR387/TR388 (AMS-PER-1,
  # IV089): the municipality approves the month bounded only by the toewijzing, whatever the start
  # and stop (OP364, IJW-DECL-8), and refuses a period bounded by the start or stop of care. The
  # stop is temporary (reden 20): after it no 301 shortens the toewijzing (IJW-STOP-4).
  @role:gemeente @rule:IJW-DECL-8
  Scenario: A ProductPeriode of the whole month, beginning before the JW305 and ending after the JW307, is approved (OP364)
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-03-20
    And care on "T1" stopped on 2025-03-20 with reden "20"
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-01 to 2025-03-31
    Then the declaration is fully approved

  @role:gemeente @rule:TR387
  Scenario: A ProductPeriode that begins on the start of care instead of the 1st of the month is rejected with 9387
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-12 to 2025-03-31
    Then the JW325 rejects the line of "T1" with retourcode "9387"

  @role:gemeente @rule:TR388
  Scenario: A ProductPeriode that ends on the stop of care instead of the last day of the month is rejected with 9388
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-03-20
    And care on "T1" stopped on 2025-03-20 with reden "20"
    And the date is 2025-04-02
    When the harness's provider declares 2025-03 with a ProductPeriode from 2025-03-01 to 2025-03-20
    Then the JW325 rejects the line of "T1" with retourcode "9388"

  @role:aanbieder @rule:AMS-PER-1 @rule:AMS-KV-1
  Scenario: Kortdurend verblijf: the ProductPeriode is the month, not bounded by the start or the stop of care
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-04-02
    When the provider under test declares 2025-03
    Then the line of "T1" has the ProductPeriode 2025-03-01 to 2025-03-31
    And the declaration is fully approved
    Given the provider delivered 3 etmalen of care on "T1" from 2025-04-14 to 2025-04-16
    And care on "T1" stopped on 2025-04-16 with reden "34"
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the line of "T1" has the ProductPeriode 2025-04-01 to 2025-04-30
    And the provider under test declares 3 etmalen on "T1"
    And the declaration is fully approved

  @role:aanbieder @rule:AMS-PER-1
  Scenario: The ProductPeriode ends on the toewijzing's Einddatum where it lies earlier in the month
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-04-18 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 3 etmalen of care on "T1" from 2025-04-07 to 2025-04-09
    And care on "T1" stopped on 2025-04-09 with reden "31"
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the line of "T1" has the ProductPeriode 2025-04-01 to 2025-04-18
    And the declaration is fully approved

  @role:gemeente @rule:AMS-TERM-1
  Scenario: The declaration answer comes within 10 werkdagen
    Given toewijzing "T1" of the "Intensief" product for client "Femke" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-12
    And the date is 2025-04-02
    When the harness's provider declares 2025-03
    Then the JW325 answer arrives within 10 werkdagen

  @role:aanbieder @rule:AMS-CRED-1
  Scenario: In a correction the client's credit line comes before the debit line
    Given toewijzing "T1" of the "Kortdurend" product for client "Femke" from 2025-03-01 to 2025-12-31 with volume 7
    And care on "T1" started on 2025-03-10
    And the provider delivered 4 etmalen of care on "T1" from 2025-03-10 to 2025-03-13
    And the date is 2025-04-02
    And the provider under test declared 2025-03
    When the provider under test corrects the line of "T1" for 2025-03 to volume 3
    Then the correction credits the approved line of "T1" before the corrected debit with volume 3
    And the declaration is fully approved
