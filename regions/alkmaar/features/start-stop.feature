@region:alkmaar
Feature: Regio Alkmaar: start and stop of care, and response times
  Source: Standaard administratieprotocol (SAP) inspanningsgericht, Regio Alkmaar (seed 004)
  §2.3, §2.3.1 (C-2), §2.4.1, §2.4.2, §2.4.3 (R-2), §3.1.1, §5.8 (AGB change), R-3 and Bijlage 3.

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:ALK-START-1
  Scenario: The JW305 is sent within 5 werkdagen of the actual start
    Given toewijzing "T1" for client "Noor" from 2025-03-01 to 2025-12-31
    When the provider under test starts care on "T1" on 2025-03-03
    Then the JW305 arrives within 5 werkdagen of 2025-03-03
    And the JW306 is accepted

  @role:aanbieder @rule:ALK-START-1
  Scenario: After a retroactive toewijzing the JW305 is sent within 5 werkdagen of receiving the JW301
    Given the date is 2025-04-14
    And toewijzing "T1" for client "Noor" from 2025-03-17 to 2025-12-31
    When the provider under test starts care on "T1" on 2025-03-17
    Then the JW305 arrives within 5 werkdagen of 2025-04-14

  @role:aanbieder @rule:ALK-STOP-1
  Scenario: The JW307 is sent within 5 werkdagen after care ended, also on the planned einddatum
    Given toewijzing "T1" for client "Noor" from 2025-03-01 to 2025-06-30
    And care on "T1" started on 2025-03-03
    And the date is 2025-06-30
    When the provider under test stops care on "T1" on 2025-06-30 with reden "31"
    Then the JW307 arrives within 5 werkdagen of 2025-06-30
    And the JW308 is accepted

  @role:aanbieder @rule:ALK-START-2
  Scenario: The JW305 Begindatum is the day of the first declarable care, not of a missed appointment before it
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    And the client missed 1 hours of planned care on "T1" on 2025-03-04 without cancelling
    And the provider delivered 2 hours of care on "T1" on 2025-03-06
    And the date is 2025-03-07
    When the provider under test reports the start of care on "T1"
    Then the JW305 for "T1" has Begindatum 2025-03-06
    And the JW306 is accepted

  # Direct client time counts from its first minute: contact with the client, a parent or carer for
  # the guidance or treatment, face-to-face, by phone or electronically (§2.5.1), however short.
  @role:aanbieder @rule:ALK-START-2
  Scenario: The JW305 Begindatum is the day of the first direct client contact, also a short one by phone
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    And the provider delivered 20 minutes of care on "T1" on 2025-03-04
    And the provider delivered 2 hours of care on "T1" on 2025-03-06
    And the date is 2025-03-07
    When the provider under test reports the start of care on "T1"
    Then the JW305 for "T1" has Begindatum 2025-03-04
    And the JW306 is accepted

  # The case where the regular interval is longer than two months ("niet nodig") is not tested:
  # sending a stop then is no breach. Here care is weekly, then stops.
  @role:aanbieder @rule:ALK-R3
  Scenario: Two months without care are reported as a temporary stop (reden 20) by the provider itself
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the provider delivered 2 hours of care on "T1" on 2025-03-05
    And the provider delivered 2 hours of care on "T1" on 2025-03-12
    And the provider delivered 2 hours of care on "T1" on 2025-03-19
    When the date becomes 2025-05-26
    Then the provider under test reports a temporary stop of "T1" by 2025-06-06
    When the provider under test starts care on "T1" on 2025-07-01
    Then the JW306 is accepted

  @role:gemeente @rule:IJW-STOP-2
  Scenario: The municipality accepts a temporary stop and the resumption of care
    Given toewijzing "T1" for client "Noor" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider stops care on "T1" on 2025-04-30 with reden "20"
    Then the JW308 is accepted
    When the harness's provider starts care on "T1" on 2025-07-01
    Then the JW306 is accepted

  @role:gemeente @rule:ALK-C2
  Scenario: A toewijzing does not lapse because care starts late, outside the Treeknormen
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    When the harness's provider starts care on "T1" on 2025-06-10
    Then the JW306 is accepted
    When the date becomes 2025-09-01
    Then toewijzing "T1" is not withdrawn

  @role:gemeente @rule:ALK-TERM-1
  Scenario Outline: The municipality answers a <message> with its retour within 3 werkdagen
    Given toewijzing "T1" for client "Noor" from 2025-03-01 to 2025-12-31
    And <given>
    When <when>
    Then the <retour> answer arrives within 3 werkdagen

    Examples:
      | message | given                                | when                                                          | retour |
      | JW305   | the date is 2025-03-04               | the harness's provider starts care on "T1" on 2025-03-03                | JW306  |
      | JW307   | care on "T1" started on 2025-03-03   | the harness's provider stops care on "T1" on 2025-03-21 with reden "31" | JW308  |

  @role:aanbieder @rule:ALK-TERM-1
  Scenario: The provider answers a toewijzing with its retour within 3 werkdagen
    Given toewijzing "T1" for client "Noor" from 2025-03-01 to 2025-12-31
    When the harness's municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 answer arrives within 3 werkdagen

  @role:gemeente @rule:ALK-AGB-1
  Scenario: On an AGB change per 1 July the municipality ends the toewijzing on the old AGB and allocates it anew on the new one
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-05-02
    When the provider's AGB code changes to "87654322" on 2025-07-01
    Then the municipality under test ends toewijzing "T1" on 2025-06-30 on AGB "87654321" and allocates "T1b" from 2025-07-01 on AGB "87654322" by 2025-07-01
    When the date becomes 2025-07-02
    Then the JW308 is accepted
    And the JW306 is accepted

  @role:gemeente @rule:ALK-AGB-1
  Scenario: A toewijzing with a volume in total moves to the new AGB only after the declarations before the change are handled
    Given toewijzing "T2" of product "45X02" for client "Noor" from 2025-03-03 to 2025-12-31
    And care on "T2" started on 2025-05-02
    And the provider delivered 2 hours of care on "T2" on 2025-06-10
    When the provider's AGB code changes to "87654322" on 2025-07-01
    Then toewijzing "T2" still runs to 2025-12-31 on AGB "87654321" on 2025-07-01

  @role:aanbieder @rule:ALK-AGB-1
  Scenario: On an AGB change per 1 July the provider stops care on the old toewijzing and starts it, as the new AGB, on the new one
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-05-02
    When the provider's AGB code changes to "87654322" on 2025-07-01
    And the date becomes 2025-06-30
    Then the provider under test stops "T1" on 2025-06-30 and starts "T1b" on 2025-07-01 as AGB "87654322", by 2025-07-08
