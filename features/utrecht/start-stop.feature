@region:utrecht
Feature: Utrecht: start and stop of care
  Source: Utrecht, berichtenverkeer Jeugd (seed 000), "start/stop".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:UTR-START-1
  Scenario: The JW305 is sent within 5 werkdagen after the actual start
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And the date is 2025-03-06
    When the provider starts care on "T1" on 2025-03-05
    Then the JW305 arrives within 5 werkdagen of 2025-03-05
    And the JW306 is accepted

  @role:aanbieder @rule:UTR-STOP-1
  Scenario: Every start is followed by a stop, within 5 werkdagen after the actual end
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-05
    And the date is 2025-08-29
    When the provider stops care on "T1" on 2025-08-29 with reden "31"
    Then the JW307 arrives within 5 werkdagen of 2025-08-29
    And the JW308 is accepted
