@national
Feature: Retours on broken messages
  A message that breaks the XSD is refused as a whole with an error to the sender and no
  retour; one that breaks an in-message (XSLT-level) rule gets a Header-only retour with 0001.
  Source: 004 §2.2; iJw 3.2 IV028, IV032, OP286.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start that breaks the XSD gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the provider sends a JW305 for "T1" that breaks the XSD
    Then the municipality answers with HTTP 400 and no retour

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start with a BSN that fails the elfproef is rejected with 0001
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the provider sends a JW305 for "T1" that has a BSN that fails the elfproef
    Then the JW306 rejects it with retourcode "0001"

  @role:gemeente @rule:IJW-RET-2
  Scenario: A start that is not well-formed XML gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the provider sends a JW305 for "T1" that is not well-formed XML
    Then the municipality answers with HTTP 400 and no retour

  @role:aanbieder @rule:IJW-RET-2
  Scenario: A toewijzing that breaks the XSD gets an error and no retour
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the municipality sends a JW301 for "T1" that breaks the XSD
    Then the provider answers with HTTP 400 and no retour

  @role:aanbieder @rule:IJW-RET-2 @rule:IJW-RET-1
  Scenario: A toewijzing with a BSN that fails the elfproef is rejected with 0001
    Given toewijzing "T1" for client "Daan" from 2025-03-01 to 2025-12-31
    When the municipality sends a JW301 for "T1" that has a BSN that fails the elfproef
    Then the JW302 rejects it with retourcode "0001"
