@region:rijnmond
Feature: Rijnmond: start and stop of care, absence, and response times
  Source: Jeugdhulp Rijnmond (GRJR) factsheet (seed 001): "JW 301–308", "JW 305", "Afwezigheid".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:RIJ-START-1
  Scenario: The JW305 is sent within 5 werkdagen of the start of care
    Given toewijzing "T1" for client "Mila" from 2025-03-03 to 2025-12-31
    And the date is 2025-03-10
    When the provider starts care on "T1" on 2025-03-10
    Then the JW305 arrives within 5 werkdagen of 2025-03-10
    And the JW306 is accepted

  @role:gemeente @rule:RIJ-TERM-1
  Scenario Outline: The municipality answers a <message> with its retour within 5 werkdagen
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And <given>
    When <when>
    Then the <retour> answer arrives within 5 werkdagen

    Examples:
      | message | given                              | when                                                          | retour |
      | JW305   | the date is 2025-03-04             | the provider starts care on "T1" on 2025-03-03                | JW306  |
      | JW307   | care on "T1" started on 2025-03-03 | the provider stops care on "T1" on 2025-03-21 with reden "31" | JW308  |

  @role:aanbieder @rule:RIJ-TERM-1
  Scenario: The provider answers a toewijzing with its JW302 within 5 werkdagen
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    When the municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 answer arrives within 5 werkdagen

  @role:aanbieder @rule:RIJ-ABS-1
  Scenario: More than four weeks without care is reported as a temporary stop and resumed with a new start
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the date is 2025-04-14
    When the provider stops care on "T1" on 2025-04-11 with reden "20"
    Then the JW308 is accepted
    When the provider starts care on "T1" on 2025-05-19
    Then the JW306 is accepted

  @role:gemeente @rule:RIJ-ABS-1
  Scenario: Care that does not resume within 8 weeks of a temporary stop lapses
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the date becomes 2025-05-19
    Then toewijzing "T1" ends on 2025-03-14

  @role:gemeente @rule:RIJ-ABS-1
  Scenario: Care that resumes within 8 weeks keeps its toewijzing
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    And the date is 2025-04-28
    When the provider starts care on "T1" on 2025-04-28
    Then the JW306 is accepted
    And no JW301 is sent
