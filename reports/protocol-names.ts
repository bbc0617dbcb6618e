/**
 * Names the regional protocols as a reader knows them, for the report's source column: a rule
 * cites "004 §2.4.2 lid 2", the report shows "SAP Regio Alkmaar §2.4.2 lid 2" (never a file name).
 *
 * @example protocolSource('004 §2.4.2 lid 2; 001 Tabel') // 'SAP Regio Alkmaar §2.4.2 lid 2; Factsheet berichtenverkeer Jeugdhulp Rijnmond Tabel'
 */
export const PROTOCOL_NAMES: Record<string, string> = {
  '000': 'Backofficevragen Gemeente Utrecht',
  '001': 'Factsheet berichtenverkeer Jeugdhulp Rijnmond',
  '002': 'Administratieprotocol Jeugdhulp Plus en Open3Milieu Fryslân',
  '003': 'Factsheet Declaratie Jeugdhulp Amsterdam-Amstelland en Zaanstreek-Waterland',
  '004': 'SAP Regio Alkmaar',
};

/** A rule's source with every seed number (at the start of a citation) replaced by its protocol's name. */
export function protocolSource(source: string): string {
  return source.replace(/(^|;\s*)(\d{3})\b/g, (m, sep: string, n: string) => (PROTOCOL_NAMES[n] ? `${sep}${PROTOCOL_NAMES[n]}` : m));
}
