/** Faulty variants of what holds for every message of a region: its message set and the codes that address it; each overrides one policy or behaviour. */
import type { Fault } from './fault.ts';
import { refusesMessage } from './override.ts';
import { crossFinding } from '../party.ts';
import { headerSays } from './support.ts';

export const generalFaults: Fault[] = [
  {
    id: 'gemeente-refuses-dijk-en-waard',
    role: 'gemeente',
    rule: 'ALK-CODES',
    region: 'alkmaar',
    description: 'A municipality system configured from the seed\'s garbled table: it does not know Dijk en Waard (1980) and refuses every VOT sent to it',
    apply(g) {
      const judge = g['judge'].bind(g);
      g['judge'] = (code, model, xml) => {
        if (code === 'JW315' && g.config.party === '1980') return { findings: [crossFinding('JW315', '/Bericht/Header/Ontvanger', 'ALK-CODES', '0001', 'municipality 1980 is not known')] };
        return judge(code, model, xml);
      };
    },
  },
  {
    id: 'aanbieder-addresses-alkmaar-only',
    role: 'aanbieder',
    rule: 'ALK-CODES',
    region: 'alkmaar',
    description: 'Addresses every VOT to Alkmaar (0361), whichever municipality of the region it is for',
    apply(a) {
      const header = a['header'].bind(a);
      a['header'] = (code) => (code === 'JW315' ? { ...header(code), Ontvanger: '0361' } : header(code));
    },
  },
  refusesMessage({
    id: 'gemeente-frl-refuses-317',
    role: 'gemeente',
    rule: 'FRL-MSG-1',
    region: 'fryslan',
    description: 'Does not take the JW317 (answers HTTP 400), although every Frisian municipality uses the full message set',
    message: 'JW317',
  }),
  refusesMessage({
    id: 'aanbieder-frl-refuses-319',
    role: 'aanbieder',
    rule: 'FRL-MSG-1',
    region: 'fryslan',
    description: 'Does not take the municipality\'s JW319 (answers HTTP 400 instead of a JW320)',
    message: 'JW319',
  }),
  {
    id: 'gemeente-signs-as-leeuwarden',
    role: 'gemeente',
    rule: 'FRL-CODES',
    region: 'fryslan',
    description: 'Sends every message as Leeuwarden (0080), also for the other 17 municipalities',
    apply(g) {
      headerSays(g, 'Afzender', '0080');
    },
  },
  {
    id: 'aanbieder-addresses-leeuwarden',
    role: 'aanbieder',
    rule: 'FRL-CODES',
    region: 'fryslan',
    description: 'Addresses every message to Leeuwarden (0080), whichever municipality allocated',
    apply(a) {
      headerSays(a, 'Ontvanger', '0080');
    },
  },
  refusesMessage({
    id: 'aanbieder-utr-refuses-319',
    role: 'aanbieder',
    rule: 'UTR-MSG-1',
    region: 'utrecht',
    description: 'Does not take the municipality\'s JW319 (answers HTTP 400), as if Utrecht\'s pre-iJw-3.0 message table were the whole set',
    message: 'JW319',
  }),
  {
    id: 'gemeente-signs-as-other-municipality',
    role: 'gemeente',
    rule: 'UTR-CODES',
    region: 'utrecht',
    description: 'Sends its messages as municipality 0345 instead of Utrecht\'s 0344',
    affectsEveryFlow: 'every message is signed with another municipality code, which the judge flags everywhere (IJW-ADDR)',
    apply(g) {
      headerSays(g, 'Afzender', '0345');
    },
  },
  {
    id: 'aanbieder-addresses-other-municipality',
    role: 'aanbieder',
    rule: 'UTR-CODES',
    region: 'utrecht',
    description: 'Addresses its messages to municipality 0345 instead of Utrecht\'s 0344',
    apply(a) {
      headerSays(a, 'Ontvanger', '0345');
    },
  },
  {
    id: 'zlm-aanbieder-addresses-outside-region',
    role: 'aanbieder', rule: 'ZLM-CODES', region: 'zuid-limburg',
    description: 'Addresses its messages to Venlo (0983), which is not one of the 16 municipalities of the region',
    apply(a) {
      headerSays(a, 'Ontvanger', '0983');
    },
  },
  {
    id: 'zlm-gemeente-signs-outside-region',
    role: 'gemeente', rule: 'ZLM-CODES', region: 'zuid-limburg',
    description: 'Sends its messages as Venlo (0983), which is not one of the 16 municipalities of the region',
    affectsEveryFlow: 'every message is signed with a municipality outside the region, which the judge flags everywhere (IJW-ADDR)',
    apply(g) {
      headerSays(g, 'Afzender', '0983');
    },
  },
];
