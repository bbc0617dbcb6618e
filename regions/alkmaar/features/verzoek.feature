@region:alkmaar
Feature: Regio Alkmaar: verzoek om toewijzing and verzoek om wijziging (JW315–JW320, JW301)
  The provider asks for a toewijzing with a JW315 on a statutory, non-municipal referral; the
  municipality answers with a JW316 within 3 werkdagen and within 5 werkdagen with a JW301 or a
  JW319 (in onderzoek: a final answer within 8 weeks). Specific allocation only (a product code in
  every ToegewezenProduct, AangevraagdProduct and NieuwProduct; a TeWijzigenProduct or
  OngewijzigdProduct points to its toewijzing), einddatum and volume always filled in the
  classes that carry them (not in an OngewijzigdProduct), at most one month retroactive,
  extensions as a new toewijzing.
  Source: Standaard administratieprotocol (SAP) inspanningsgericht, Regio Alkmaar (seed 004)
  §2.3.2, §3, §3.1, §3.1.3, §3.1.8, §3.2.3, T-1, T-2, T-4, T-7, V-1, V-2, Bijlage 1, 3, 5 and 6.

  Background:
    Given the date is 2025-03-03

  # ---------------------------------------------------------------- the happy flow

  @role:gemeente @rule:IJW-VOT-1 @rule:IJW-RET-1
  Scenario: VOT happy flow: 315 → 316, then 301 → 302
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And the JW301 for request "V1" carries its ReferentieAanbieder once
    And the JW302 is accepted

  @role:aanbieder @rule:IJW-VOT-1 @rule:IJW-RET-1
  Scenario: The provider's VOT is accepted and honoured, and it accepts the JW301
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted
    And the harness's municipality honours request "V1" with a JW301 within 5 werkdagen
    And the JW302 is accepted

  @role:gemeente @rule:IJW-VOT-13
  Scenario: The ReferentieAanbieder is sent only in the first JW301 after honouring (TR379)
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And the JW301 for request "V1" carries its ReferentieAanbieder once
    When the municipality under test shortens toewijzing "V1" to 2025-09-30
    Then a later JW301 for toewijzing "V1" carries no ReferentieAanbieder

  @role:gemeente @rule:IJW-VOT-9
  Scenario: A second request while one is open is rejected with 9374 (TR374)
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the harness's provider requests toewijzing "V2" of product "45X03" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW316 rejects it with retourcode "9374"

  @role:gemeente @rule:IJW-VOT-10
  Scenario: A ReferentieAanbieder used before is rejected with 9347 (TR347)
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 was honoured as toewijzing "T1"
    When the harness's provider requests toewijzing "V1" of product "45X03" for client "Noor" from 2025-03-04 to 2025-12-31
    Then the JW316 rejects it with retourcode "9347"

  # ---------------------------------------------------------------- rejected and in onderzoek

  @role:gemeente @rule:IJW-VOT-2
  Scenario: VOT rejected: 319 with VerzoekAntwoord 1 and a reden, answered by a 320
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the municipality under test rejects request "V1" with reden "7"
    Then the JW319 for request "V1" says "afgewezen"
    And the JW320 is accepted

  @role:gemeente @rule:IJW-VOT-7
  Scenario: A woonplaatsbeginsel rejection names the responsible municipality
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the municipality under test rejects request "V1" on the woonplaatsbeginsel naming gemeente "0363"
    Then the JW319 for request "V1" says "afgewezen"
    And the JW319 for request "V1" names gemeente "0363"

  # Here the municipality decides: the client's residence is a BRP fact (record-residence), and
  # the rejection must name the municipality the client lived in, not itself.
  @role:gemeente @rule:IJW-VOT-7
  Scenario: A VOT for a client who lived in another municipality is rejected on the woonplaatsbeginsel naming that one
    Given according to the BRP client "Noor" lived in municipality "0363"
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test rejects request "V1" with a JW319 with reden "8" within 5 werkdagen
    And the JW319 for request "V1" names gemeente "0363"

  @role:gemeente @rule:IJW-VOT-3
  Scenario: VOT in onderzoek: 319 with VerzoekAntwoord 2, then the final answer within 8 weeks
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the municipality under test takes request "V1" in onderzoek
    Then the JW319 for request "V1" says "in onderzoek"
    And the final answer to request "V1" arrives within 8 weeks of the request

  @role:aanbieder @rule:IJW-VOT-11
  Scenario: The provider answers a JW319 with an unknown ReferentieAanbieder with 9355 (TR355)
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the harness's municipality takes request "V1" in onderzoek
    And the harness's municipality sends a JW319 for request "V9" with VerzoekAntwoord "1"
    Then the JW320 rejects it with retourcode "9355"

  # TR365: after a JW319 that is not "in onderzoek" no further JW319 follows (9365).
  @role:aanbieder @rule:TR365
  Scenario: The provider answers a JW319 after the request was already rejected with 9365 (TR365)
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the harness's municipality sends a JW319 for request "V1" with VerzoekAntwoord "1"
    And the harness's municipality sends a JW319 for request "V1" with VerzoekAntwoord "1"
    Then the JW320 rejects it with retourcode "9365"

  # TR359: no JW319 once a JW301 honoured the request (9359).
  @role:aanbieder @rule:TR359
  Scenario: The provider answers a JW319 after the request was honoured with 9359 (TR359)
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the date becomes 2025-03-04
    And the harness's municipality sends a JW319 for request "V1" with VerzoekAntwoord "1"
    Then the JW320 rejects it with retourcode "9359"

  @role:aanbieder @rule:IJW-VOT-12
  Scenario: The provider answers a second "in onderzoek" for one request with 9360 (TR360)
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the harness's municipality takes request "V1" in onderzoek
    And the harness's municipality sends a JW319 for request "V1" with VerzoekAntwoord "2"
    Then the JW320 rejects it with retourcode "9360"

  # ---------------------------------------------------------------- referrer fields (CD066–CD068)

  @role:aanbieder @rule:IJW-VOT-4
  Scenario Outline: The provider fills the referrer fields by CD066–CD068 (type <type>)
    When the provider under test requests toewijzing "V1" for client "Noor":
      | product          | 45X01              |
      | ingangsdatum     | 2025-03-03         |
      | einddatum        | 2025-12-31         |
      | verwijzer        | <type>             |
      | naam             | <naam>             |
      | zorgverlenerCode | <zorgverlenerCode> |
    Then the JW315 Verwijzer has <hasNaam> Naam and <hasCode> ZorgverlenerCode

    Examples:
      | type | naam        | zorgverlenerCode | hasNaam | hasCode |
      | 02   | Dr. Jansen  | 01234567         | no      | a       |
      | 03   | Dr. Bakker  |                  | a       | no      |
      | 08   | Rechtbank   | 01234567         | a       | no      |

  @role:gemeente @rule:IJW-VOT-4 @rule:IJW-RET-2
  Scenario: A VOT with a referrer name next to the ZorgverlenerCode is rejected as a whole (0001)
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product          | 45X01      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2025-12-31 |
      | verwijzer        | 02         |
      | naam             | Dr. Jansen |
      | zorgverlenerCode | 01234567   |
    Then the JW316 rejects it with retourcode "0001"

  @role:gemeente @rule:IJW-VOT-4
  Scenario: A VOT with the referrer's AGB code and no name is accepted
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product          | 45X01      |
      | ingangsdatum     | 2025-03-03 |
      | einddatum        | 2025-12-31 |
      | verwijzer        | 02         |
      | zorgverlenerCode | 01234567   |
    Then the JW316 is accepted

  # ---------------------------------------------------------------- stacking

  @role:gemeente @rule:IJW-STAP-1
  Scenario: A VOT that stacks on a toewijzing of the same product is rejected with reden 6
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test rejects request "V1" with a JW319 with reden "6" within 5 werkdagen

  @role:gemeente @rule:IJW-STAP-1
  Scenario: A VOT next to a withdrawn toewijzing of the same product is honoured
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    And the municipality under test withdraws toewijzing "T1"
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  # ---------------------------------------------------------------- deadlines (Bijlage 3)

  @role:gemeente @rule:ALK-TERM-1
  Scenario: The municipality answers a VOT with a 316 within 3 werkdagen and a 301 within 5
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW316 answer arrives within 3 werkdagen
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  @role:gemeente @rule:ALK-TERM-1
  Scenario: The municipality answers a VOW with a 318 within 3 werkdagen and a 301 within 5
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31
    Then the JW318 answer arrives within 3 werkdagen
    And the municipality under test honours request "W1" with a JW301 within 5 werkdagen

  @role:gemeente @rule:ALK-TERM-1
  Scenario: The municipality answers a VOT it cannot honour with a 316 within 3 werkdagen and a 319 within 5
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-01-31 to 2025-12-31
    Then the JW316 answer arrives within 3 werkdagen
    And the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  @role:aanbieder @rule:ALK-TERM-1
  Scenario: The provider answers a JW319 with a JW320 within 3 werkdagen
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    And the harness's municipality takes request "V1" in onderzoek
    Then the JW320 answer arrives within 3 werkdagen

  @role:aanbieder @rule:ALK-V3
  Scenario: The provider sends the VOT within 5 werkdagen after the intake
    When the provider under test requests toewijzing "V1" for client "Noor":
      | product      | 45X01      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2025-12-31 |
      | intakedatum  | 2025-02-27 |
    Then the JW315 arrives within 5 werkdagen of 2025-02-27
    And the JW316 is accepted

  # ---------------------------------------------------------------- T-1, T-2, T-7

  @role:gemeente @rule:ALK-T1
  Scenario: The municipality allocates specifically: the JW301 has the product code
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" has product code "45X01"

  # Without a product code a VOT may not carry an Omvang (CD095), and ALK-T2 wants a Volume: it is
  # rejected on either rule.
  @role:gemeente @rule:ALK-T1 @rule:ALK-T2
  Scenario: A VOT without a product code is rejected
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product      | 45X03      |
      | productcode  | none       |
      | volume       | none       |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2025-12-31 |
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  @role:gemeente @rule:ALK-T1
  Scenario: A VOW adding a product without a product code is rejected
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" adding product "45X03" without a product code for client "Noor" from 2025-04-01 to 2025-12-31
    Then the municipality under test rejects change "W1" as a whole

  @role:aanbieder @rule:ALK-T1 @rule:ALK-T2 @rule:ALK-T8
  Scenario: The provider's VOW adds a product with a product code, an einddatum and an allowed Omvang
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    When the provider under test requests change "W1" adding product "45X03" for client "Noor" from 2025-04-01 to 2025-12-31
    Then every product of the JW317 has a product code, an einddatum and an Omvang of a shape the region allows
    And the JW318 is accepted

  @role:aanbieder @rule:ALK-T1 @rule:ALK-T2
  Scenario: The provider's VOT has a product code, an einddatum and a volume
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then every product of the JW315 has a product code, an einddatum and a volume

  @role:gemeente @rule:ALK-T2
  Scenario: The municipality's toewijzing has an einddatum and a volume
    When the harness's provider requests toewijzing "V1" of product "45X03" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" has an einddatum and a volume

  @role:gemeente @rule:ALK-T2
  Scenario: A VOT without an einddatum is rejected
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product      | 45X03      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | none       |
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

  # A VOT without an Omvang also breaks CD041, and etmalen or stuks per day CS343: a municipality
  # rejects those on the JW316 (0001) already, or with a JW319.
  @role:gemeente @rule:ALK-T2
  Scenario: A VOT without a volume is rejected
    When the harness's provider requests toewijzing "V1" for client "Noor":
      | product      | 45X03      |
      | ingangsdatum | 2025-03-03 |
      | einddatum    | 2025-12-31 |
      | volume       | none       |
    Then the municipality under test rejects request "V1", on its JW316 or with a JW319, within 5 werkdagen

  @role:gemeente @rule:ALK-T7
  Scenario: A toewijzing not started within 12 months of its ingangsdatum is withdrawn by the municipality, not before
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-03 to 2026-12-31
    When the date becomes 2026-03-02
    Then toewijzing "T1" is not withdrawn
    When the date becomes 2026-03-04
    Then toewijzing "T1" is withdrawn by 2026-03-31

  # ---------------------------------------------------------------- T-8 (Bijlage 6)

  @role:gemeente @rule:ALK-T8
  Scenario Outline: A VOT for <what> is honoured with a toewijzing of that shape and no Budget
    When the harness's provider requests toewijzing "V1" of product "<product>" for client "Noor" from 2025-03-03 to 2025-12-31 in eenheid "<eenheid>" with frequentie "<frequentie>"
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen
    And toewijzing "V1" has an Omvang of a shape the region allows and no Budget

    Examples:
      | what                   | product | eenheid | frequentie |
      | hours per week         | 45X01   | 04      | 2          |
      | etmalen per week       | 46X02   | 14      | 2          |
      | stuks per month        | 45X03   | 84      | 4          |

  @role:gemeente @rule:ALK-T8
  Scenario Outline: A VOT for <what> per day is rejected
    When the harness's provider requests toewijzing "V1" of product "<product>" for client "Noor" from 2025-03-03 to 2025-12-31 in eenheid "<eenheid>" with frequentie "1"
    Then the municipality under test rejects request "V1", on its JW316 or with a JW319, within 5 werkdagen

    Examples:
      | what     | product | eenheid |
      | etmalen  | 46X02   | 14      |
      | stuks    | 45X03   | 84      |

  # Bijlage 6 allows only minuut, uur, etmaal, dagdeel and stuks inspanning; a euro or output
  # eenheid is valid nationally, so only the region's rule rejects it.
  @role:gemeente @rule:ALK-T8
  Scenario Outline: A VOT in eenheid <eenheid> (<what>), which Bijlage 6 does not allow, is rejected with a JW319
    When the harness's provider requests toewijzing "V1" of product "<product>" for client "Noor" from 2025-03-03 to 2025-12-31 in eenheid "<eenheid>" with frequentie "<frequentie>"
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

    Examples:
      | what             | product | eenheid | frequentie |
      | euro             | 45X03   | 83      | 2          |
      | stuks (output)   | 45X03   | 82      | 4          |

  @role:gemeente @rule:ALK-T8
  Scenario: The municipality allocates no budget
    When the municipality under test allocates product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 with a budget of 100000
    Then no JW301 carries a Budget

  @role:aanbieder @rule:ALK-T8
  Scenario: The provider's VOT for etmalen per week has a shape Bijlage 6 allows
    When the provider under test requests toewijzing "V1" of product "46X02" for client "Noor" from 2025-03-03 to 2025-12-31 in eenheid "14" with frequentie "2"
    Then every product of the JW315 has an Omvang of a shape the region allows
    And the JW316 is accepted

  @role:aanbieder @rule:ALK-T8
  Scenario: The provider sends no VOT for etmalen per day
    When the provider under test requests toewijzing "V1" of product "46X02" for client "Noor" from 2025-03-03 to 2025-12-31 in eenheid "14" with frequentie "1"
    Then the provider under test sends no JW315 with an Omvang of a shape the region does not allow

  @role:aanbieder @rule:ALK-T8
  Scenario: The provider sends no VOW adding stuks per day
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    When the provider under test requests change "W1" adding product "45X03" for client "Noor" from 2025-04-01 to 2025-12-31 in eenheid "84" with frequentie "1"
    Then the provider under test sends no JW317 with an Omvang of a shape the region does not allow

  @role:gemeente @rule:ALK-T7
  Scenario: A started toewijzing is not withdrawn after 12 months
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-03 to 2026-12-31
    And care on "T1" started on 2025-03-10
    When the date becomes 2026-03-04
    Then toewijzing "T1" is not withdrawn

  # ---------------------------------------------------------------- V-1, V-2

  @role:gemeente @rule:ALK-V1
  Scenario Outline: A VOT <when>: the municipality <outcome> it
    Given the date is 2025-03-03
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from <ingangsdatum> to 2025-12-31
    Then the municipality under test <outcome> request "V1" with a JW<answer> within 5 werkdagen

    Examples:
      | when                                | ingangsdatum | outcome  | answer |
      | one month back                      | 2025-02-03   | honours  | 301    |
      | more than one month back            | 2025-01-31   | rejects  | 319    |

  @role:aanbieder @rule:ALK-V1
  Scenario: The provider sends no VOT more than one month back
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-01-31 to 2025-12-31
    Then the provider under test refuses or sends no JW315

  @role:aanbieder @rule:ALK-V1
  Scenario: The provider sends a VOT one month back
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-02-03 to 2025-12-31
    Then the JW315 ToewijzingIngangsdatum is 2025-02-03

  @role:gemeente @rule:ALK-V2
  Scenario Outline: A VOT on a referral by <who> is rejected
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 referred by "<type>"
    Then the municipality under test rejects request "V1" with a JW319 within 5 werkdagen

    Examples:
      | type | who                           |
      | 01   | the municipality              |
      | 06   | the client (self-referral)    |

  @role:gemeente @rule:ALK-V2
  Scenario: A VOT on a referral by a huisarts is honoured
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 referred by "02"
    Then the municipality under test honours request "V1" with a JW301 within 5 werkdagen

  @role:aanbieder @rule:ALK-V2
  Scenario Outline: The provider sends no VOT on a referral by <who>
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 referred by "<type>"
    Then the provider under test refuses or sends no JW315

    Examples:
      | type | who                        |
      | 01   | the municipality           |
      | 06   | the client (self-referral) |

  # ---------------------------------------------------------------- VOW (§3.1, §3.2.3)

  # TR373: a change of the total over the toewijzing period (45X02: Frequentie 6) holds for the whole
  # toewijzing, so its GewensteIngangsdatum is the toewijzing's Ingangsdatum (9373).
  @role:gemeente @rule:TR373
  Scenario: A VOW changing the total of a toewijzing from another date than its Ingangsdatum is refused with 9373
    Given request "V1" of product "45X02" for client "Noor" from 2025-03-17 to 2025-12-31 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" setting the volume of toewijzing "T1" of client "Noor" to 5 from 2025-04-01
    Then the JW318 rejects it with retourcode "9373"

  # TR411: a toewijzing with a product code is changed with its Omvang (9411).
  @role:gemeente @rule:TR411
  Scenario: A VOW without the Omvang of a toewijzing with a product code is refused with 9411
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-17 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider sends change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 without its Omvang
    Then the JW318 rejects it with retourcode "9411"

  # TR350: every OngewijzigdProduct refers to a current toewijzing (9350).
  @role:gemeente @rule:TR350
  Scenario: A VOW listing a toewijzing that does not exist as unchanged is refused with 9350
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-17 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider sends change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 listing ToewijzingNummer 999999 as unchanged
    Then the JW318 rejects it with retourcode "9350"

  # TR357: a GewensteIngangsdatum on or before the Dagtekening equals the toewijzing's Ingangsdatum (9357).
  @role:gemeente @rule:TR357
  Scenario: A VOW from a past date other than the toewijzing's Ingangsdatum is refused with 9357
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    And the date is 2025-03-10
    When the harness's provider sends change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 from 2025-03-05
    Then the JW318 rejects it with retourcode "9357"

  # TR361: the desired situation holds a product more than once only for periods that do not overlap (9361).
  @role:gemeente @rule:TR361
  Scenario: A VOW adding the toewijzing's own product for an overlapping period is refused with 9361
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-17 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider sends change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 adding its own product again from 2025-07-01 to 2025-12-31
    Then the JW318 rejects it with retourcode "9361"

  @role:gemeente @rule:ALK-VOW-1
  Scenario: A VOW without every current toewijzing is rejected with 9349
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    And request "V2" of product "45X03" for client "Noor" from 2025-03-04 to 2025-12-31 was honoured as toewijzing "T2"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 leaving out toewijzing "T2"
    Then the JW318 rejects it with retourcode "9349"

  @role:gemeente @rule:ALK-VOW-1
  Scenario: A VOW with the complete desired situation is accepted and honoured as a whole
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    And request "V2" of product "45X03" for client "Noor" from 2025-03-04 to 2025-12-31 was honoured as toewijzing "T2"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31
    Then the JW318 is accepted
    And the municipality under test honours request "W1" with a JW301 within 5 werkdagen

  # The seed adds no date check of the municipality's own: the national ones apply (a NieuwProduct
  # dated on or before the Dagtekening breaks TR380, 0001; a TeWijzigenProduct from such a date
  # other than the original ingangsdatum TR357, 9357). The answer is whole or nothing.
  @role:gemeente @rule:ALK-VOW-1
  Scenario: A VOW with one product starting in the past is answered as a whole, allocating nothing retroactively
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    And the date is 2025-03-10
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 and adding product "45X03" from 2025-03-05 to 2025-12-31
    Then the municipality under test answers change "W1" as a whole, allocating nothing before the day it honours it

  @role:gemeente @rule:ALK-VOW-1
  Scenario: A VOW changing a toewijzing from a date in the past other than its ingangsdatum is rejected (TR357)
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    And the date is 2025-03-10
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 from 2025-03-07
    Then the municipality under test rejects change "W1" as a whole

  @role:aanbieder @rule:ALK-VOW-1
  Scenario: The provider's VOW holds every current toewijzing, changes in the future
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-06-30
    And toewijzing "T2" of product "45X03" for client "Noor" from 2025-03-01 to 2025-12-31
    When the provider under test requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31
    Then the JW317 holds every current toewijzing of client "Noor"
    And the JW318 is accepted

  # The future date is the provider's duty: a change in the past is agreed with the municipality
  # instead of asked with a JW317 (§3.1.5, §3.1.8).
  @role:aanbieder @rule:ALK-VOW-1
  Scenario Outline: The provider asks no change from a date in the past with a VOW (<what>)
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-06-30
    And the date is 2025-03-10
    When <when>
    Then the provider under test refuses or sends no JW317

    Examples:
      | what                     | when                                                                                                  |
      | a change from 2025-03-07 | the provider under test requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31 from 2025-03-07 |
      | a new product from today | the provider under test requests change "W1" adding product "45X03" for client "Noor" from 2025-03-10 to 2025-12-31 |

  @role:gemeente @rule:ALK-VOW-2
  Scenario: An extension becomes a new toewijzing; the running one keeps its einddatum
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-06-30 was honoured as toewijzing "T1"
    When the harness's provider requests change "W1" extending toewijzing "T1" of client "Noor" to 2025-12-31
    Then the municipality under test honours request "W1" with a JW301 within 5 werkdagen
    And toewijzing "T1" still ends on 2025-06-30 and toewijzing "T1b" with a new number runs from 2025-07-01 to 2025-12-31

  @role:gemeente @rule:ALK-VOW-3 @optional
  Scenario: A VOW honoured after its desired ingangsdatum changes the volume from the day after honouring, not retroactively
    Given request "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31 was honoured as toewijzing "T1"
    And the date is 2025-03-10
    When the harness's provider requests change "W1" setting the volume of toewijzing "T1" of client "Noor" to 5
    And the municipality under test takes request "W1" in onderzoek
    Then change "W1" is honoured with the change starting the day after honouring and toewijzing "T1" ending on the honour date

  # ---------------------------------------------------------------- §3.1.3

  @role:gemeente @rule:ALK-STOP-2
  Scenario: After a definitive early stop the municipality sends a 301 with the adjusted einddatum
    Given toewijzing "T1" of product "45X01" for client "Noor" from 2025-03-01 to 2025-12-31
    And care on "T1" started on 2025-03-03
    When the harness's provider stops care on "T1" on 2025-05-16 with reden "34"
    Then toewijzing "T1" ends on 2025-05-16

  # ---------------------------------------------------------------- Bijlage 1

  @role:gemeente @rule:ALK-CODES
  Scenario Outline: A VOT to <name> (<code>) is answered
    Given the municipality is "<code>"
    When the harness's provider requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW316 is accepted
    And the municipality under test honours request "V1" with a JW301 within 5 werkdagen

    Examples:
      | code | name          |
      | 0361 | Alkmaar       |
      | 1980 | Dijk en Waard |
      | 0373 | Bergen        |
      | 0383 | Castricum     |
      | 0399 | Heiloo        |
      | 0450 | Uitgeest      |

  @role:aanbieder @rule:ALK-CODES
  Scenario Outline: The provider sends its VOT to <name> (<code>)
    Given the municipality is "<code>"
    When the provider under test requests toewijzing "V1" of product "45X01" for client "Noor" from 2025-03-03 to 2025-12-31
    Then the JW315 is addressed to municipality "<code>"
    And the JW316 is accepted

    Examples:
      | code | name          |
      | 0361 | Alkmaar       |
      | 1980 | Dijk en Waard |
      | 0373 | Bergen        |
      | 0383 | Castricum     |
      | 0399 | Heiloo        |
      | 0450 | Uitgeest      |
