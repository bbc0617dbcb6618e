@region:fryslan
Feature: Fryslân: start and stop of care
  Source: Werkwijze Jeugdhulp Plus / Open3Milieu, Fryslân (seed 002) §7.1 and §7.2.

  Background:
    Given the date is 2025-03-03

  # §7.1 also says care starts within 3 weeks of the JW301's ingangsdatum; that limit is not
  # tested (FRL-START-1): the start is the provider's act, which a scenario would dictate, and the
  # seed names no consequence of a late start.
  @role:aanbieder @rule:FRL-START-1
  Scenario: The JW305 follows within 5 werkdagen of the start of care
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the date is 2025-03-17
    When the provider under test starts care on "T1" on 2025-03-17
    Then the JW305 arrives within 5 werkdagen of 2025-03-17
    And the JW306 is accepted

  # §7.1 "Een start-zorg bericht moet binnen 5 werkdagen na de start van de Jeugdhulp verstuurd
  # worden." The provider's own records give the start (start-care without a begindatum): care
  # that began three weeks after the ingangsdatum is reported with that Begindatum, within 5 werkdagen.
  @role:aanbieder @rule:FRL-START-1
  Scenario: The provider reports the day care began as the Begindatum
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the provider delivered 1 etmalen of care on "T1" from 2025-03-24 to 2025-03-24
    And the date is 2025-03-25
    When the provider under test reports the start of care on "T1"
    Then the JW305 for "T1" has Begindatum 2025-03-24
    And the JW305 arrives within 5 werkdagen of 2025-03-24
    And the JW306 is accepted

  @role:gemeente @rule:FRL-START-1
  Scenario: The municipality answers the JW305 with a JW306 within 3 werkdagen
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And the date is 2025-03-04
    When the harness's provider starts care on "T1" on 2025-03-03
    Then the JW306 answer arrives within 3 werkdagen

  @role:aanbieder @rule:FRL-STOP-1
  Scenario: The JW307 is sent within 5 werkdagen with a reden from the national list
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And care on "T1" started on 2025-03-03
    And the date is 2025-06-13
    When the provider under test stops care on "T1" on 2025-06-13 with reden "34"
    Then the JW307 arrives within 5 werkdagen of 2025-06-13
    And the JW308 is accepted

  # §7.2 gives the 308 5 werkdagen; the national limit of 3 werkdagen (OP090) also applies. The
  # closing JW301 names why the toewijzing changed: JZ002 02 "cliënt overleden" only fits a client
  # who died (a stop with reden 02); for an ordinary definitive stop JZ002 names 14.
  @role:gemeente @rule:FRL-STOP-1
  Scenario: After a definitive stop the municipality answers within 3 werkdagen and ends the toewijzing with a JW301
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And care on "T1" started on 2025-03-03
    And the date is 2025-06-16
    When the harness's provider stops care on "T1" on 2025-06-13 with reden "34"
    Then the JW308 answer arrives within 3 werkdagen
    And toewijzing "T1" ends on 2025-06-13
    And the JW301 ending toewijzing "T1" gives a RedenWijziging that fits a stop with reden "34"

  # §7.2 "Na ontvangst van het stopbericht beëindigt de gemeente de toewijzing" is about the
  # definitive stop; after a temporary stop (reden 20) IJW-STOP-4 applies: no new JW301.
  @role:gemeente @rule:FRL-STOP-1 @rule:IJW-STOP-4
  Scenario: After a temporary stop the municipality sends no JW301 ending the toewijzing
    Given toewijzing "T1" for client "Fenna" from 2025-03-03 to 2027-03-02
    And care on "T1" started on 2025-03-03
    And the date is 2025-06-16
    When the harness's provider stops care on "T1" on 2025-06-13 with reden "20"
    Then the JW308 is accepted
    When the date becomes 2025-06-23
    Then the municipality under test has sent no JW301 for "T1" since the temporary stop
