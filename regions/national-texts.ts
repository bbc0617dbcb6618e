/**
 * The text of each national rule a region's `nationalWins` cites, as the standard words it
 * (the `title` in shared/reference/rules.json; a test holds them equal), so the region page and
 * the report show both texts side by side without reading the shared folder at run time. Pure data.
 */
export const NATIONAL_RULE_TEXTS: Readonly<Record<string, string>> = {
  CD066: "Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.",
  CD087: "Als eenheid ongelijk is aan 83 (euro’s) dan verplicht vullen, anders leeg laten.",
  CS336: "01 (Administratieve correctie (vervallen)) niet gebruiken",
  OP090: "Retourberichten moet binnen drie werkdagen worden verzonden",
  OP274: "Na ontvangst van een verzoek om toewijzing stuurt de gemeente per aangevraagd product binnen 5 werkdagen ofwel een toewijzingbericht ofwel een antwoordbericht aan de aanbieder",
  OP344: "Een verzoek (VOT of VOW) wordt door de gemeente uiteindelijk beantwoord met een toewijzing of een afwijzing",
  OP364: "Regieberichten worden niet voorwaardelijk gesteld aan declaratie",
  TR387: "De Begindatum van een ProductPeriode is altijd de eerste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Ingangsdatum van de toewijzing later in de betreffende maand ligt.",
  TR388: "De Einddatum van een ProductPeriode is altijd de laatste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Einddatum van de toewijzing eerder in de betreffende maand ligt.",
};

/** The standard's text of a national rule that wins over a region's text, or undefined when it is not listed. */
export function nationalRuleText(id: string): string | undefined {
  return NATIONAL_RULE_TEXTS[id];
}
