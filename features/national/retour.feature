@national
Feature: Retours on broken messages
  A message that breaks the XSD is refused as a whole with an error to the sender and no
  retour; one that breaks an in-message (XSLT-level) rule gets a Header-only retour with 0001.
  Source: 004 §2.2; iJw 3.2 IV028, IV032, OP286, TR056, TR135.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start that breaks the XSD gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a JW305 for "T1" that breaks the XSD
    Then the municipality under test answers with HTTP 400 and no retour

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start with a BSN that fails the elfproef is rejected with 0001
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a JW305 for "T1" that has a BSN that fails the elfproef
    Then the JW306 rejects it with retourcode "0001"

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start that is not well-formed XML gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a JW305 for "T1" that is not well-formed XML
    Then the municipality under test answers with HTTP 400 and no retour

  @role:aanbieder @rule:IJW-RET-2
  Scenario: A toewijzing that breaks the XSD gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's municipality sends a JW301 for "T1" that breaks the XSD
    Then the provider under test answers with HTTP 400 and no retour

  @role:aanbieder @rule:IJW-RET-2 @rule:IJW-RET-1
  Scenario: A toewijzing with a BSN that fails the elfproef is rejected with 0001
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's municipality sends a JW301 for "T1" that has a BSN that fails the elfproef
    Then the JW302 rejects it with retourcode "0001"

  # TR056: an Identificatie is unique per message type for the sending party (9056 on the Header).
  @role:gemeente @rule:TR056
  Scenario: A start sent again with the same Identificatie is rejected with 9056
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider sends that JW305 again
    Then the JW306 rejects it with retourcode "9056"

  @role:aanbieder @rule:TR056
  Scenario: A toewijzing sent again with the same Identificatie is rejected with 9056
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's municipality sends that JW301 again
    Then the JW302 rejects it with retourcode "9056"

  # TR135 (external source, 8848): a Dagtekening is not in the future of the receiver's date.
  @role:gemeente @rule:TR135
  Scenario: A start dated in the future is rejected with 8848
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a JW305 for "T1" that is dated a year ahead
    Then the JW306 rejects it with retourcode "8848"

  @role:aanbieder @rule:TR135
  Scenario: A toewijzing dated in the future is rejected with 8848
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the harness's municipality sends a JW301 for "T1" that is dated a year ahead
    Then the JW302 rejects it with retourcode "8848"
