@region:zuid-limburg
Feature: Zuid-Limburg: the 16 municipalities of the region
  The region's municipalities are the 16 with jeugdzorgregio Zuid-Limburg in the CBS list; every
  message names the one whose client it is. The seed names none: ZLM-CODES takes them from the
  CBS list (shared/reference/codelists.json).

  @role:gemeente @rule:ZLM-CODES
  Scenario Outline: <name> (<code>) allocates and answers a declaration in its own name
    Given the municipality is "<code>"
    And the date is 2025-11-03
    And toewijzing "T1" of product "45X01" for client "Mila" from 2025-11-01 to 2026-10-31
    And the provider delivered 2 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    When the harness's provider declares 2026-01
    Then the declaration is fully approved
    And every message the municipality sent names municipality "<code>"

    Examples:
      | code | name                   |
      | 0888 | Beek (L.)              |
      | 1954 | Beekdaelen             |
      | 0899 | Brunssum               |
      | 1903 | Eijsden-Margraten      |
      | 1729 | Gulpen-Wittem          |
      | 0917 | Heerlen                |
      | 0928 | Kerkrade               |
      | 0882 | Landgraaf              |
      | 0935 | Maastricht             |
      | 0938 | Meerssen               |
      | 0965 | Simpelveld             |
      | 1883 | Sittard-Geleen         |
      | 0971 | Stein (L.)             |
      | 0981 | Vaals                  |
      | 0994 | Valkenburg aan de Geul |
      | 0986 | Voerendaal             |

  @role:aanbieder @rule:ZLM-CODES
  Scenario Outline: The provider requests and declares to <name> (<code>)
    Given the municipality is "<code>"
    And the date is 2025-11-03
    And toewijzing "T1" of product "45X01" for client "Mila" from 2025-11-01 to 2026-10-31
    When the provider under test requests toewijzing "V1" of product "43X01" for client "Mila" from 2025-12-01 to 2026-11-30
    Then the JW316 is accepted
    Given the provider delivered 2 hours of care on "T1" on 2026-01-07
    And the date is 2026-02-02
    When the provider under test declares 2026-01
    Then the declaration is fully approved
    And every message the provider sent names municipality "<code>"

    Examples:
      | code | name                   |
      | 0888 | Beek (L.)              |
      | 1954 | Beekdaelen             |
      | 0899 | Brunssum               |
      | 1903 | Eijsden-Margraten      |
      | 1729 | Gulpen-Wittem          |
      | 0917 | Heerlen                |
      | 0928 | Kerkrade               |
      | 0882 | Landgraaf              |
      | 0935 | Maastricht             |
      | 0938 | Meerssen               |
      | 0965 | Simpelveld             |
      | 1883 | Sittard-Geleen         |
      | 0971 | Stein (L.)             |
      | 0981 | Vaals                  |
      | 0994 | Valkenburg aan de Geul |
      | 0986 | Voerendaal             |
