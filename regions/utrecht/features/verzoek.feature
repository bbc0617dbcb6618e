@region:utrecht
Feature: Utrecht: verzoek om toewijzing (JW315/JW316), its answer (JW301 or JW319) and the toewijzing
  Utrecht uses 301/302, 305–308, 315/316 and the declaration; its message table predates iJw 3.0,
  so it lists no 317–320, and the national answer to a request (JW319/JW320, OP274) is used as
  well. After an approved JW315 the JW301 comes within 5 werkdagen with a unique toewijzingsnummer;
  a request that cannot be processed is closed with a JW319 (VerzoekAntwoord 1), besides the back
  office's contact outside the messages.
  Source: Backofficevragen gemeente Utrecht (seed 000), message table and "Hoe loopt de toegang
  tot aanvullende jeugdhulp?"; OP274, OP344.

  Background:
    Given the date is 2025-03-03

  @role:gemeente @rule:UTR-VOT-1 @rule:IJW-VOT-1
  Scenario: An approved JW315 gets a JW301 within 5 werkdagen with a unique number
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    When the harness's provider requests toewijzing "V2" of product "45X01" for client "Daan" from 2025-03-04 to 2025-12-31
    Then the municipality under test honours request "V2" with a JW301 within 5 werkdagen
    And toewijzingen "V1" and "V2" have different numbers

  # "De gemeente Utrecht toetst uw bericht op inhoudelijke volledigheid en contract ... De
  # backoffice zorg neemt buiten het berichtenverkeer om contact met u op wanneer uw verzoek niet
  # kan worden verwerkt": a product outside the contract is a reason the seed names. The contact
  # does not replace the national answer: OP274/OP344 close the request with a JW319
  # (VerzoekAntwoord 1). The seed names no reden, so any reden passes.
  @role:gemeente @rule:UTR-VOT-1 @rule:IJW-VOT-2
  Scenario: A request for a product outside the contract is closed with a JW319 within 5 werkdagen
    When the harness's provider requests toewijzing "V1" of product "45X99" for client "Lotte" from 2025-03-03 to 2025-12-31, which is not contracted
    Then the JW316 is accepted
    And the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  # The provider takes the municipality's JW319, a message Utrecht's table predates (UTR-MSG-1).
  @role:aanbieder @rule:UTR-MSG-1
  Scenario: The provider answers the municipality's JW319 with a JW320
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    And the harness's municipality rejects request "V1" with reden "3"
    Then the JW320 is accepted

  # UTR-MSG-1 (G) is optional: the seed lists the messages Utrecht uses and says nothing about
  # how an unused one is refused.
  @role:gemeente @rule:UTR-MSG-1 @optional
  Scenario: The municipality does not take a JW317, which Utrecht does not use
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-01 to 2025-12-31
    When the harness's provider sends a JW317 for toewijzing "T1" of client "Lotte"
    Then the municipality under test refuses or does not honour that JW317 for toewijzing "T1"

  @role:gemeente @rule:IJW-RET-1
  Scenario: The municipality takes a JW315, which Utrecht uses
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted

  # The table lists no JW317, but it predates iJw 3.0, which introduced 317–320: that the provider
  # sends none is a reading, not a statement of the seed (optional).
  @role:aanbieder @rule:UTR-MSG-1 @optional
  Scenario: The provider sends no JW317 in Utrecht
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-01 to 2025-12-31
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Lotte" to 2026-06-30
    Then the provider under test refuses or sends no JW317

  @role:aanbieder @rule:UTR-MSG-1
  Scenario: The provider asks a toewijzing with a JW315
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted

  # ---------------------------------------------------------------- referrers and the buurtteam route

  @role:aanbieder @rule:UTR-VOT-2
  Scenario Outline: On a referral by <who> the provider requests the toewijzing with a JW315
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31 referred by "<type>"
    Then the JW316 is accepted
    And the JW315 Verwijzer is of type "<type>"

    Examples:
      | type | who                                   |
      | 02   | a huisarts                            |
      | 03   | a jeugdarts                           |
      | 05   | a medisch specialist                  |
      | 08   | a judge                               |
      | 04   | a gecertificeerde instelling          |

  @role:aanbieder @rule:UTR-TOEW-1
  Scenario: On a buurtteam referral the provider sends no JW315
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31 referred by "01"
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:UTR-TOEW-1
  Scenario: The provider takes the buurtteam's JW301 directly
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW302 is accepted

  @role:gemeente @rule:UTR-TOEW-1
  Scenario: A buurtteam toewijzing reaches the provider as a JW301 without a request
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the JW301 of toewijzing "T1" refers to no request

  # The seed also puts the beschikkingsnummer in the toewijzingsbericht; the iJw 3.2 JW301 has no
  # element for it (only the JW315 carries a BeschikkingNummer), so only the ToewijzingNummer is
  # checked: unique within Utrecht (TR332), and kept when a toewijzing is changed (IV066).
  @role:gemeente @rule:UTR-TOEW-2
  Scenario: Every toewijzing gets its own number, on the buurtteam route and on the JW315 route
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    And toewijzing "T2" of product "45X01" for client "Daan" from 2025-03-03 to 2025-12-31
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Sem" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzingen "T1" and "T2" have different numbers
    And toewijzingen "T1" and "V1" have different numbers
    And toewijzingen "T2" and "V1" have different numbers

  @role:gemeente @rule:UTR-TOEW-2
  Scenario: A toewijzing that is changed keeps its number
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    When the municipality under test shortens toewijzing "T1" to 2025-09-30
    Then toewijzing "T1" is shortened to 2025-09-30 with a RedenWijziging

  # ---------------------------------------------------------------- "De gemeentecode van de gemeente Utrecht is 0344"

  @role:gemeente @rule:UTR-CODES
  Scenario: The municipality is 0344 in every message it sends
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And every message the municipality sent names municipality "0344"

  @role:aanbieder @rule:UTR-CODES
  Scenario: The provider addresses every message to 0344
    Given toewijzing "T1" of product "45X01" for client "Lotte" from 2025-03-03 to 2025-12-31
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Daan" from 2025-03-03 to 2025-12-31
    And the provider under test starts care on "T1" on 2025-03-03
    Then every message the provider sent names municipality "0344"
