@region:utrecht
Feature: Utrecht: verzoek om toewijzing (JW315/JW316) and the toewijzing (JW301)
  Utrecht uses 301/302, 305–308, 315/316 and the declaration; no 317–320. After an approved
  JW315 the JW301 comes within 5 werkdagen with a unique toewijzingsnummer; a request that
  cannot be processed is handled by the back office outside the messages.
  Source: Backofficevragen gemeente Utrecht (seed 000), message table and "Hoe loopt de toegang
  tot aanvullende jeugdhulp?".

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:UTR-VOT-1 @rule:IJW-VOT-1
  Scenario: An approved JW315 gets a JW301 within 5 werkdagen with a unique number
    When the provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the municipality honours request "V1" with a JW301 within 5 werkdagen
    When the provider requests toewijzing "V2" of product "45X01" for client "Daan" from 2025-03-04 to 2025-12-31
    Then the municipality honours request "V2" with a JW301 within 5 werkdagen
    And toewijzingen "V1" and "V2" have different numbers

  @role:gemeente @rule:UTR-VOT-1
  Scenario: A request that cannot be processed gets no JW319 and no toewijzing
    When the provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31 referred by "06"
    Then the municipality handles request "V1" outside the messages

  # UTR-MSG-1 (G) is optional: the seed lists the messages Utrecht uses and says nothing about
  # how an unused one is refused.
  @role:gemeente @rule:UTR-MSG-1 @optional
  Scenario: The municipality does not take a JW317, which Utrecht does not use
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-01 to 2025-12-31
    When the provider sends a JW317 for toewijzing "T1" of client "Lotte"
    Then the municipality answers with HTTP 400 and no retour

  @role:gemeente @rule:IJW-RET-1
  Scenario: The municipality takes a JW315, which Utrecht uses
    When the provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted

  @role:aanbieder @rule:UTR-MSG-1
  Scenario: The provider sends no JW317 in Utrecht
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-01 to 2025-12-31
    When the provider requests change "W1" extending toewijzing "T1" of client "Lotte" to 2026-06-30
    Then the provider refuses or sends no JW317

  @role:aanbieder @rule:UTR-MSG-1
  Scenario: The provider asks a toewijzing with a JW315
    When the provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted
