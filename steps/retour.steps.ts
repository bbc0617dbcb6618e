/** Steps about how broken messages are answered (IJW-RET-2): XSD errors get no retour, in-message errors 0001. */
import { When, Then } from '@cucumber/cucumber';
import { harnessOnly, type Actor } from './support/actors.ts';
import { type ConformanceWorld, settle } from './support/world.ts';
import type { MessageCode } from '../ijw/messages/codes.ts';
import { harness } from './support/harness.ts';

const rule = (w: ConformanceWorld) => w.rules.join(', ');
/** Captures the next message the harness's own party would send, instead of sending it. */
async function capture(w: ConformanceWorld, code: MessageCode, produce: () => Promise<unknown>): Promise<string> {
  const party = w.harness;
  const original = party.sendXml.bind(party);
  let captured: string | undefined;
  party.sendXml = async (c, xml) => {
    if (c === code && captured === undefined) {
      captured = xml;
      return { status: 0 };
    }
    return original(c, xml);
  };
  try {
    await produce();
  } catch {
    /* the party may refuse to go on without an answer; the capture is what matters */
  } finally {
    party.sendXml = original;
  }
  if (!captured) throw new Error(`The harness produced no ${code} to corrupt`);
  return captured;
}

async function produceValid(w: ConformanceWorld, code: MessageCode, alias: string): Promise<string> {
  const nummer = w.toewijzingNummer(alias);
  if (code === 'JW305') return capture(w, code, () => harness(w).provider.party.startCare(nummer, w.date));
  if (code === 'JW301') {
    const g = harness(w).municipality.party;
    const t = g.ledger.toewijzingen.get(nummer)!;
    return capture(w, code, () => g.changeToewijzing(t, t.einddatum ?? t.ingangsdatum, '05'));
  }
  throw new Error(`No corruptible ${code} in this step`);
}

const CORRUPTIONS = {
  'breaks the XSD': (xml: string) => xml.replace(/<(\w+):Begindatum>[^<]*<\/\1:Begindatum>/, '').replace(/<(\w+):Ingangsdatum>[^<]*<\/\1:Ingangsdatum>/, ''),
  'has a BSN that fails the elfproef': (xml: string) => xml.replace(/<(\w+):Bsn>(\d{8})(\d)<\/\1:Bsn>/, (_m, p, d8, last) => `<${p}:Bsn>${d8}${(Number(last) + 1) % 10}</${p}:Bsn>`),
  'is not well-formed XML': (xml: string) => xml.slice(0, Math.floor(xml.length / 2)),
  // TR135: the Header's Dagtekening (the first in the document) a year after the receiver's date; every other date stays before it (TR134).
  'is dated a year ahead': (xml: string) => xml.replace(/(<(\w+:)?Dagtekening>)(\d{4})/, (_m, open: string, _p: string, y: string) => `${open}${Number(y) + 1}`),
} as const;

When('{party} sends a {msg} for {string} that {}', async function (this: ConformanceWorld, who: Actor, code: MessageCode, alias: string, how: string) {
  const corrupt = CORRUPTIONS[how as keyof typeof CORRUPTIONS];
  if (!corrupt) throw new Error(`Unknown corruption '${how}' (known: ${Object.keys(CORRUPTIONS).join('; ')})`);
  harnessOnly(who);
  const xml = corrupt(await produceValid(this, code, alias));
  this.beginStep();
  await this.harness.sendXml(code, xml);
  await settle();
});

Then('{party} answers with HTTP {int} and no retour', async function (this: ConformanceWorld, who: Actor, status: number) {
  // A retour that comes later still is caught by the judge (IJW-RET-2), up to the end of the run.
  const sent = this.transcript.slice(this.mark).find((e) => e.direction === 'sent');
  const retours = this.transcript.slice(this.mark).filter((e) => e.direction === 'received');
  if (sent?.httpStatus !== status || retours.length) {
    this.fail({
      rule: this.rules.join(', '),
      expected: `HTTP ${status} with a problem body, and no retour message`,
      actual: `HTTP ${sent?.httpStatus ?? 'none'}${retours.length ? `, and a ${retours[0]!.code} with ${retours[0]!.retourcodes.join(', ') || 'no retourcodes'}` : ''}`,
      text: `The ${who.role === 'gemeente' ? 'municipality' : 'provider'} did not refuse a message that breaks the XSD as the standard says`,
    });
  }
});

/** TR056: the harness's party delivers the document it sent last of that type again, Identificatie and all. */
When('{party} sends that {msg} again', async function (this: ConformanceWorld, who: Actor, code: MessageCode) {
  harnessOnly(who);
  const sent = this.harness.transcript.filter((e) => e.direction === 'sent' && e.code === code).at(-1);
  if (!sent) throw new Error(`The harness sent no ${code} to send again`);
  this.beginStep();
  await this.harness.sendXml(code, sent.xml);
  await settle();
});

// ------------------------------------------------------------------ IJW-RET-3: no technical retour on 323/325

Then('{municipality} answers the JW323 with a JW325 and nothing else', async function (this: ConformanceWorld, _who: Actor) {
  await this.awaitReceived('JW325', 0);
  await settle();
  const sent = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW323' && e.direction === 'sent').at(-1);
  if (!sent) throw new Error('No JW323 in this scenario');
  const back = () => this.transcript.slice(sent[1] + 1).filter((e) => e.direction === 'received');
  // Anything besides the one JW325, also sent a moment later (a technical retour from a background job).
  await this.quiet(() => (back().length > 1 || back().some((e) => e.code !== 'JW325') ? true : undefined));
  const codes = back().map((e) => e.code);
  if (codes.length !== 1 || codes[0] !== 'JW325') {
    this.fail({ rule: rule(this), expected: 'one JW325 and no technical retour (004 §2.2: "Jw323 <geen retour>")', actual: codes.length ? codes.join(', ') : 'nothing', text: 'The municipality did not answer the declaration with exactly one JW325' });
  }
});

Then('{provider} sends nothing back on the JW325', async function (this: ConformanceWorld, _who: Actor) {
  await settle();
  const answer = this.transcript.map((e, i) => [e, i] as const).filter(([e]) => e.code === 'JW325' && e.direction === 'sent').at(-1);
  if (!answer) throw new Error('No JW325 in this scenario');
  // Anything back, also a moment later (a background job).
  const back = (await this.quiet(() => {
    const got = this.transcript.slice(answer[1] + 1).filter((e) => e.direction === 'received');
    return got.length ? got : undefined;
  })) ?? [];
  if (back.length) this.fail({ rule: rule(this), expected: 'nothing sent back on the JW325 (004 §2.2: the declaration exchange has no technical retour)', actual: back.map((e) => e.code).join(', '), text: 'The provider answered the declaration answer' });
});
