/** Faulty variants that answer or report too late. */
import type { Fault } from './fault.ts';
import { sendsStartLate } from './late.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { isMessage } from './support.ts';

export const deadlineFaults: Fault[] = [
  {
    id: 'aanbieder-sends-start-late',
    role: 'aanbieder',
    rule: 'ALK-START-1',
    region: 'alkmaar',
    description: 'Queues the JW305 and sends it in a batch 7 werkdagen after the care started',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  {
    id: 'gemeente-answers-retour-late',
    role: 'gemeente',
    rule: 'ALK-TERM-1',
    region: 'alkmaar',
    description: 'Answers every message with 202 and sends the retour 4 werkdagen later (the deadline is 3)',
    affectsEveryFlow: 'every scenario waits for a retour that comes 4 werkdagen late',
    apply(g) {
      g.retourDelayWerkdagen = 4;
    },
  },
  {
    id: 'aanbieder-answers-319-late',
    role: 'aanbieder',
    rule: 'ALK-TERM-1',
    region: 'alkmaar',
    description: 'Answers a JW319 with 202 and sends the JW320 4 werkdagen later (the deadline is 3)',
    apply(a) {
      const receive = a.receive.bind(a);
      a.receive = async (xml) => {
        if (!isMessage(xml, 'JW319')) return receive(xml);
        a.retourDelayWerkdagen = 4;
        try {
          return await receive(xml);
        } finally {
          a.retourDelayWerkdagen = 0;
        }
      };
    },
  },
  {
    id: 'gemeente-fills-missing-product-code',
    role: 'gemeente',
    // ALK-D7 certifies the provider only; a line without ProductCode breaks the JW323 XSD.
    rule: 'IJW-RET-2',
    region: 'alkmaar',
    description: 'Takes in a declaration line without ProductCode (an XSD error) by filling in the product of its toewijzing, and approves it',
    apply(g) {
      const receive = g.receive.bind(g);
      g.receive = (xml) => {
        if (!isMessage(xml, 'JW323')) return receive(xml);
        const filled = xml.replace(/<((?:[\w-]+:)?)Prestatie>([\s\S]*?)<\/\1Prestatie>/g, (whole, ns: string, body: string) => {
          if (/ProductCode>/.test(body)) return whole;
          const nr = Number(/ToewijzingNummer>\s*(\d+)\s*</.exec(body)?.[1]);
          const code = g.ledger.toewijzingen.get(nr)?.product.code;
          if (!code) return whole;
          return `<${ns}Prestatie>${body.replace(/(<\/(?:[\w-]+:)?ProductCategorie>)/, `$1<${ns}ProductCode>${code}</${ns}ProductCode>`)}</${ns}Prestatie>`;
        });
        return receive(filled);
      };
    },
  },
  {
    id: 'aanbieder-answers-toewijzing-late',
    role: 'aanbieder',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Answers every JW301 with 202 and sends the JW302 6 werkdagen later (the deadline is 5)',
    affectsEveryFlow: 'every scenario allocates first and waits for the JW302, which comes 6 werkdagen late',
    apply(a) {
      a.retourDelayWerkdagen = 6;
    },
  },
  {
    id: 'gemeente-answers-retour-late-rijnmond',
    role: 'gemeente',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Answers every message with 202 and sends the retour 6 werkdagen later (the deadline is 5)',
    affectsEveryFlow: 'every scenario waits for a retour that comes 6 werkdagen late',
    apply(g) {
      g.retourDelayWerkdagen = 6;
    },
  },
  {
    id: 'gemeente-honours-request-after-seven-werkdagen',
    role: 'gemeente',
    rule: 'RIJ-TERM-1',
    region: 'rijnmond',
    description: 'Honours a JW315 after 7 werkdagen, within the region\'s 10 but without the JW319 "in onderzoek" the national 5 (OP274) call for',
    apply(g) {
      verzoekFlowOf(g).decideAfterWerkdagen = 7;
    },
  },
];
