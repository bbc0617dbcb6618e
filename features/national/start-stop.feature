@national
Feature: Starting and stopping care (JW305–JW308)
  National iJw 3.2 rules every region applies. A stop needs a current start, a toewijzing has
  at most one current start, and starts and stops are corrected by deleting and resending.
  Source: 004 (Regio Alkmaar SAP) §2.4, §3.1.1, §3.1.2; iJw 3.2 TR326, TR382, TR063, TR071, TR074, TR413–TR415.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-STOP-1 @rule:IJW-RET-1
  Scenario: The municipality rejects a stop without a start with 9069
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a stop for "T1" on 2025-03-20 with reden "31" for a start on 2025-03-03
    Then the JW308 rejects it with retourcode "9069" on the StopProduct

  @role:gemeente @rule:IJW-STOP-1 @rule:IJW-RET-1 @smoke
  Scenario: The municipality accepts a stop after a start
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider stops care on "T1" on 2025-03-20 with reden "31"
    Then the JW308 is accepted

  @role:aanbieder @rule:IJW-STOP-1
  Scenario: The provider never sends a stop without a start
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the provider under test stops care on "T1" on 2025-03-20 with reden "31"
    Then the provider under test refuses or sends no JW307

  @role:gemeente @rule:IJW-START-1
  Scenario: A second start while one is current is rejected with 9326
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider starts care on "T1" on 2025-03-10
    Then the JW306 rejects it with retourcode "9326" on the StartProduct

  # TR074: the key of a new start (Bsn, ToewijzingNummer, Begindatum) is unique across all earlier messages, also once that start was stopped (9074).
  @role:gemeente @rule:TR074
  Scenario: A new start with the key of an earlier, stopped start is rejected with 9074
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the harness's provider starts care on "T1" on 2025-03-03
    Then the JW306 rejects it with retourcode "9074" on the StartProduct

  @role:gemeente @rule:IJW-START-1
  Scenario: A new start after a stop is accepted
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the harness's provider starts care on "T1" on 2025-04-01
    Then the JW306 is accepted

  @role:aanbieder @rule:IJW-START-3 @rule:IJW-RET-1 @smoke
  Scenario: The provider's start carries the toewijzing's number and is accepted by the municipality
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the provider under test starts care on "T1" on 2025-03-03
    Then the JW306 is accepted
    And the JW305 carries the ToewijzingNummer of "T1"

  @role:gemeente @rule:IJW-START-3
  Scenario: A start under a ToewijzingNummer the municipality never allocated is rejected with 9019
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a start on 2025-03-03 under ToewijzingNummer 999999 for client "Sanne"
    Then the JW306 rejects it with retourcode "9019" on the StartProduct

  @role:gemeente @rule:IJW-START-3
  Scenario: A start under the ToewijzingNummer of another client's toewijzing is rejected with 9019
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And toewijzing "T2" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a start on 2025-03-03 under the ToewijzingNummer of "T2" for client "Sanne"
    Then the JW306 rejects it with retourcode "9019" on the StartProduct

  @role:gemeente @rule:IJW-START-3
  Scenario: A stop under a ToewijzingNummer the municipality never allocated is rejected with 9019
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider sends a stop on 2025-03-20 with reden "31" for a start on 2025-03-03 under ToewijzingNummer 999999 for client "Sanne"
    Then the JW308 rejects it with retourcode "9019" on the StopProduct

  # IJW-START-4: a verlenging is a new toewijzing with its own start and stop (004 §2.4.1 lid 4, §2.4.2 lid 4).
  @role:aanbieder @rule:IJW-START-4
  Scenario: Care continued under a new toewijzing ("verlenging") gets its own stop and start
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-06-30
    And care on "T1" started on 2025-03-03
    And toewijzing "T2" for client "Sanne" from 2025-07-01 to 2025-12-31
    When the provider under test stops care on "T1" on 2025-06-30 with reden "31"
    Then the provider's JW307 on "T1" is accepted
    When the provider under test starts care on "T2" on 2025-07-01
    Then the provider's JW305 on "T2" is accepted

  # IJW-START-5: a changed toewijzing that was already started needs no new start (004 §3.1.5, §3.2.1).
  @role:aanbieder @rule:IJW-START-5
  Scenario: The provider does not start a toewijzing again when the municipality changes it
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 is accepted
    When the date becomes 2025-03-17
    Then the provider under test has sent only one JW305 for "T1"
    When the provider under test stops care on "T1" on 2025-06-30 with reden "31"
    Then the provider's JW307 on "T1" is accepted

  @role:gemeente @rule:IJW-START-5
  Scenario: After the municipality changes a started toewijzing, a stop on the existing start is accepted
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the municipality under test shortens toewijzing "T1" to 2025-09-30
    And the harness's provider stops care on "T1" on 2025-06-30 with reden "31"
    Then the JW308 is accepted

  @role:gemeente @rule:IJW-START-2
  Scenario: Deleting a start that was never sent is rejected with 9063
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    When the harness's provider withdraws a start of "T1" on 2025-03-03 that was never sent
    Then the JW306 rejects it with retourcode "9063" on the StartProduct

  @role:gemeente @rule:IJW-START-2
  Scenario: Deleting a start that already has a stop is rejected with 9071
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "31"
    When the harness's provider withdraws the start of "T1"
    Then the JW306 rejects it with retourcode "9071" on the StartProduct

  @role:aanbieder @rule:IJW-START-2
  Scenario: The provider corrects a start by deleting it and sending a new one
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the provider under test withdraws the start of "T1"
    Then the JW306 is accepted
    When the provider under test starts care on "T1" on 2025-03-05
    Then the JW306 is accepted

  @role:gemeente @rule:IJW-STOP-2
  Scenario: A temporary stop followed by a definitive stop is accepted
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the harness's provider stops care on "T1" on 2025-03-28 with reden "31"
    Then the JW308 is accepted

  @role:gemeente @rule:IJW-STOP-2
  Scenario Outline: A stop that contradicts the earlier stop is rejected with <code>
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "<first>"
    When the harness's provider sends a stop for "T1" on <einddatum> with reden "<second>" for a start on 2025-03-03
    Then the JW308 rejects it with retourcode "<code>" on the StopProduct

    Examples:
      | first | second | einddatum  | code | why                                        |
      | 20    | 20     | 2025-03-28 | 9413 | a second temporary stop on the same key     |
      | 20    | 31     | 2025-03-10 | 9414 | an end date before the current stop's       |
      | 31    | 31     | 2025-03-28 | 9415 | a new stop after a definitive one           |

  @role:aanbieder @rule:IJW-STOP-2
  Scenario: The provider sends a temporary stop and resumes care with a new start
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the provider under test stops care on "T1" on 2025-03-14 with reden "20"
    Then the JW308 is accepted
    When the provider under test starts care on "T1" on 2025-04-01
    Then the JW306 is accepted

  @role:gemeente @rule:IJW-STOP-3
  Scenario: A wrongly sent stop is withdrawn while the toewijzing runs
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "31"
    When the harness's provider withdraws the stop of "T1"
    Then the JW308 is accepted

  # "Zolang de einddatum van de Toewijzing niet is verstreken kan de aanbieder het verzonden
  # Stopzorg bericht 'verwijderen'" (004 §3.1.2): the seed gives no consequence and TR063 does not
  # forbid it, so the case after the einddatum is optional.
  @role:aanbieder @rule:IJW-STOP-3 @optional
  Scenario: The provider does not withdraw a stop once the toewijzing's einddatum has passed
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-04-30
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-04-30 with reden "31"
    When the date becomes 2025-05-12
    And the provider under test withdraws the stop of "T1"
    Then the provider under test refuses or sends no JW307

  # The einddatum as it stands counts: a 301 that shortened the toewijzing after the stop closes
  # the window at its new einddatum (RULES.md v3). What the municipality answers after the
  # einddatum is not tested (TR063 accepts the withdrawal).
  @role:aanbieder @rule:IJW-STOP-3 @optional
  Scenario: The provider does not withdraw a stop once the einddatum of a shortened toewijzing has passed
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "31"
    And the harness's municipality shortens toewijzing "T1" to 2025-03-14
    When the date becomes 2025-03-24
    And the provider under test withdraws the stop of "T1"
    Then the provider under test refuses or sends no JW307

  @role:aanbieder @rule:IJW-STOP-3
  Scenario: The provider withdraws a wrongly sent stop
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "31"
    When the provider under test withdraws the stop of "T1"
    Then the JW308 is accepted

  # IJW-STOP-4: "De gemeente stuurt geen nieuw Toewijzingsbericht" (004 §3.1.1). Four weeks pass:
  # less than any region's lapse period (Rijnmond: 8 weeks, RIJ-ABS-1).
  @role:gemeente @rule:IJW-STOP-4
  Scenario: After a temporary stop the municipality sends no new toewijzing, and care resumes on the same number
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider stops care on "T1" on 2025-03-14 with reden "20"
    Then the JW308 is accepted
    When the date becomes 2025-04-11
    Then the municipality under test has sent no JW301 for "T1" since the temporary stop
    When the harness's provider starts care on "T1" on 2025-04-14
    Then the JW306 is accepted
    And the municipality under test has sent no JW301 for "T1" since the temporary stop

  # IJW-STOP-5: "Zolang de einddatum van de Toewijzing niet is verstreken kan de aanbieder een
  # Startzorg bericht sturen" (004 §3.1.3; OP379). Where the region shortens the toewijzing after
  # the stop (ALK-STOP-2, FRL-STOP-1), its new einddatum closes the window.
  @role:gemeente @rule:IJW-STOP-5
  Scenario: After a definitive stop a new start before the toewijzing's einddatum is accepted
    Given toewijzing "T1" for client "Sanne" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "31"
    When the harness's provider starts care on "T1" again on 2025-04-01, or on the toewijzing's einddatum if that is earlier
    Then the JW306 is accepted
