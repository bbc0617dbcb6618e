@region:rijnmond
Feature: Rijnmond: start and stop of care, absence, and response times
  The JW305 and JW307 are mandatory for every toewijzing care is delivered on: the provider
  reports the actual start within 5 werkdagen (the seed's limit on when care starts is not
  tested) and, within 5 werkdagen, the end of care, also when it ended as planned. More than four weeks without care is a temporary stop (JW307), unless support was
  agreed less often than weekly; care resumes within 8 weeks with a JW305 on the same toewijzing,
  without a new JW301 (IJW-STOP-4); after 8 weeks the toewijzing lapses, read as a JW301 ending it
  (the seed gives neither the date nor the message; OP186). The scenarios give the facts (care recorded, time passing); the provider
  decides what to report.
  Source: Jeugdhulp Rijnmond (GRJR) factsheet (seed 001): "JW 301–308", "JW 303", "JW 305", "JW 307", "Afwezigheid".

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:RIJ-START-1
  Scenario: The JW305 is sent within 5 werkdagen of the start of care
    Given toewijzing "T1" for client "Mila" from 2025-03-03 to 2025-12-31
    And the date is 2025-03-10
    When the provider under test starts care on "T1" on 2025-03-10
    Then the JW305 arrives within 5 werkdagen of 2025-03-10
    And the JW306 is accepted

  # The seed's "care starts within 10 werkdagen of the 301's begindatum (or its send date)" is not
  # tested (RIJ-START-1): when care starts is a fact the scenario dictates, and the seed gives the
  # municipality no consequence for a late start. Here care begins a week after the retroactive
  # JW301 of 2025-03-17; the provider's part is to report that actual start within 5 werkdagen,
  # not the ingangsdatum.
  @role:aanbieder @rule:RIJ-START-1
  Scenario: After a retroactive toewijzing the JW305 gives the actual start of care
    Given the date is 2025-03-17
    And toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-03 to 2025-12-31 with volume 50000
    And the date is 2025-03-24
    When the provider delivered 40000 eurocents of care on "T1" from 2025-03-24 to 2025-03-30
    Then the provider under test reports the start of "T1" with a JW305 beginning between 2025-03-24 and 2025-03-24, within 5 werkdagen of 2025-03-24
    And the JW306 is accepted

  @role:gemeente @rule:RIJ-TERM-1
  Scenario Outline: The municipality answers a <message> with its retour within 5 werkdagen
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And <given>
    When <when>
    Then the <retour> answer arrives within 5 werkdagen

    Examples:
      | message | given                              | when                                                          | retour |
      | JW305   | the date is 2025-03-04             | the harness's provider starts care on "T1" on 2025-03-03                | JW306  |
      | JW307   | care on "T1" started on 2025-03-03 | the harness's provider stops care on "T1" on 2025-03-21 with reden "31" | JW308  |

  @role:aanbieder @rule:RIJ-TERM-1
  Scenario: The provider answers a toewijzing with its JW302 within 5 werkdagen
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    When the harness's municipality shortens toewijzing "T1" to 2025-09-30
    Then the JW302 answer arrives within 5 werkdagen

  @role:aanbieder @rule:RIJ-STOP-1
  Scenario: The JW307 is sent within 5 werkdagen after care ended
    Given toewijzing "T1" for client "Mila" from 2025-03-03 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And the date is 2025-04-14
    When the provider under test stops care on "T1" on 2025-04-11 with reden "31"
    Then the JW307 arrives within 5 werkdagen of 2025-04-11
    And the JW308 is accepted

  @role:aanbieder @rule:RIJ-STOP-1 @rule:RIJ-DECL-1
  Scenario: Care that ended with the toewijzing is reported with a JW307 by the provider itself
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-03 to 2025-04-30 with volume 50000
    And care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-04-21 to 2025-04-27
    And the provider delivered 40000 eurocents of care on "T1" from 2025-04-28 to 2025-04-30
    When the date becomes 2025-05-01
    Then the provider under test reports the end of "T1" with a JW307 ending between 2025-04-27 and 2025-04-30, within 5 werkdagen of 2025-04-30
    And the JW308 is accepted

  @role:aanbieder @rule:RIJ-DECL-1
  Scenario: Care delivered on a toewijzing is reported with a JW305 by the provider itself
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-03 to 2025-12-31 with volume 50000
    And the date is 2025-03-05
    When the provider delivered 40000 eurocents of care on "T1" from 2025-03-05 to 2025-03-09
    Then the provider under test reports the start of "T1" with a JW305 beginning between 2025-03-05 and 2025-03-05, within 5 werkdagen of 2025-03-05
    And the JW306 is accepted

  @role:aanbieder @rule:RIJ-ABS-1
  Scenario: More than four weeks without care: the provider stops the arrangement temporarily by itself
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-01 to 2025-12-31 with volume 50000
    And care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-14
    When the date becomes 2025-04-14
    Then the provider under test reports the end of "T1" with a JW307 with reden "20" ending between 2025-03-14 and 2025-04-11, within 5 werkdagen of 2025-04-12
    And the JW308 is accepted

  @role:aanbieder @rule:RIJ-ABS-1
  Scenario: Care delivered every week is not stopped
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-01 to 2025-12-31 with volume 50000
    And care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-09
    And the date is 2025-03-31
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-31 to 2025-04-06
    When the date becomes 2025-04-14
    Then no JW307 for "T1" is sent by 2025-04-30

  @role:aanbieder @rule:RIJ-ABS-1
  Scenario: Care that resumes after a temporary stop is restarted with a JW305 by the provider itself
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-01 to 2025-12-31 with volume 50000
    And care on "T1" started on 2025-03-03
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-14
    And the date is 2025-04-14
    And the date is 2025-05-05
    When the provider delivered 40000 eurocents of care on "T1" from 2025-05-05 to 2025-05-08
    Then the provider under test reports the start of "T1" with a JW305 beginning between 2025-03-15 and 2025-05-05, within 5 werkdagen of 2025-05-05
    And the JW306 is accepted

  @role:aanbieder @rule:RIJ-ABS-2
  Scenario: With support agreed less often than weekly, four weeks without care need no temporary stop
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-01 to 2025-12-31 with volume 50000
    And care on "T1" started on 2025-03-03 with support agreed less often than weekly
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-03
    When the date becomes 2025-04-14
    Then no JW307 for "T1" is sent by 2025-04-30

  @role:aanbieder @rule:RIJ-ABS-2
  Scenario: With support agreed less often than weekly, a month without support is not claimed
    Given toewijzing "T1" of product "41A02" for client "Mila" from 2025-03-01 to 2025-12-31 with volume 50000
    And care on "T1" started on 2025-03-03 with support agreed less often than weekly
    And the provider delivered 40000 eurocents of care on "T1" from 2025-03-03 to 2025-03-03
    And the date is 2025-05-02
    When the provider under test declares 2025-04
    Then the provider under test declares nothing on "T1"

  # "Na 8 weken vervalt de toewijzing" says neither from when the 8 weeks run (read: the temporary
  # stop) nor how the lapse shows: a 301 ending the toewijzing (IJW-INTREK-1) is the reading, the
  # exception to IJW-STOP-4. Its einddatum is not given: any end from the stop to 8 weeks after it,
  # or the day the 301 is sent (an einddatum in the past needs the provider's agreement, OP186).
  @role:gemeente @rule:RIJ-ABS-1
  Scenario: Care that does not resume within 8 weeks of a temporary stop lapses
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the date becomes 2025-05-19
    Then toewijzing "T1" ends between 2025-03-14 and 2025-05-09, or on the day its JW301 is sent

  @role:gemeente @rule:RIJ-ABS-1
  Scenario: A toewijzing does not lapse before 8 weeks after a temporary stop have passed
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    When the date becomes 2025-05-07
    Then no JW301 is sent

  @role:gemeente @rule:RIJ-ABS-1
  Scenario: Care that resumes within 8 weeks keeps its toewijzing
    Given toewijzing "T1" for client "Mila" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    And care on "T1" stopped on 2025-03-14 with reden "20"
    And the date is 2025-04-28
    When the harness's provider starts care on "T1" on 2025-04-28
    Then the JW306 is accepted
    And no JW301 is sent
