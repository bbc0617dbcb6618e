@region:utrecht
Feature: Utrecht: start and stop of care
  Source: Utrecht, berichtenverkeer Jeugd (seed 000), "start/stop".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:UTR-START-1
  Scenario: The JW305 is sent within 5 werkdagen after the actual start
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And the date is 2025-03-06
    When the provider under test starts care on "T1" on 2025-03-05
    Then the JW305 arrives within 5 werkdagen of 2025-03-05
    And the JW306 is accepted

  # "De begindatum van het startbericht (JW305) is het moment dat u actief begint met de jeugdhulp
  # voor het kind. Een kennismakingsgesprek of oriëntatie valt hier niet onder." The provider's
  # own records give the date: an intake, then care (start-care without a begindatum; the harness gives no date).
  @role:aanbieder @rule:UTR-START-1
  Scenario: An intake is not the start: the JW305 begins on the first day of care
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And the provider under test held an intake on "T1" on 2025-03-04
    And the provider delivered the allocated volume of care on "T1" on 2025-03-11
    And the date is 2025-03-12
    When the provider under test reports the start of care on "T1"
    Then the JW305 for "T1" has Begindatum 2025-03-11
    And the JW305 arrives within 5 werkdagen of 2025-03-11
    And the JW306 is accepted

  # "Een stopbericht (JW307) verstuurt u binnen 5 werkdagen na de daadwerkelijke datum waarop de
  # jeugdhulp is beëindigd. In het stopbericht (JW307) vermeldt u de daadwerkelijke einddatum van
  # de jeugdhulp en de reden van de beëindiging." The last care the provider recorded is the
  # actual end; the stop is reported a few werkdagen later, so the Dagtekening, the month's end
  # and the toewijzing's end all differ from it.
  @role:aanbieder @rule:UTR-STOP-1
  Scenario: Every start is followed by a stop with the actual end date, within 5 werkdagen after the actual end
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-05
    And the provider delivered the allocated volume of care on "T1" on 2025-08-27
    And the date is 2025-09-01
    When the provider under test stops care on "T1" on 2025-08-27 with reden "31"
    Then the JW307 arrives within 5 werkdagen of 2025-08-27
    And the JW307 for "T1" has Einddatum 2025-08-27 and reden "31"
    And the JW308 is accepted
