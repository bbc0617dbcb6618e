/** Scenario lifecycle: in-process simulators (msw) per worker, set-up and transcript per scenario. */
import { After, AfterAll, AfterStep, Before, BeforeAll, BeforeStep, defineParameterType, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { setupServer, type SetupServer } from 'msw/node';
import { Simulator } from '../../simulators/simulator.ts';
import { faultsById } from '../../simulators/faults/index.ts';
import { ConformanceWorld } from './world.ts';
import { IN_PROCESS, type WorldParams } from './params.ts';
import { closeHttpInbox, inboxHandlers, unregisterRun } from './harness-inbox.ts';
import { ConformanceFailure } from './world.ts';

setDefaultTimeout(60_000);

defineParameterType({ name: 'date', regexp: /\d{4}-\d{2}-\d{2}/, transformer: (s) => s });
defineParameterType({ name: 'msg', regexp: /JW3\d\d/, transformer: (s) => s });

let msw: SetupServer | undefined;

function startInProcess(params: WorldParams): void {
  if (msw) return;
  const faults = params.sut.kind === 'reference' ? faultsById(params.sut.faults ?? []) : [];
  const gemeente = new Simulator({ role: 'gemeente', region: params.region, faults });
  const aanbieder = new Simulator({ role: 'aanbieder', region: params.region, faults });
  msw = setupServer(...gemeente.handlers(IN_PROCESS.gemeente), ...aanbieder.handlers(IN_PROCESS.aanbieder), ...inboxHandlers(IN_PROCESS.harness));
  // Anything else (an HTTP SUT, the harness inbox on a port) goes over the network as usual.
  msw.listen({ onUnhandledFrame: 'bypass' });
}

BeforeAll(function () {
  const params = (this as unknown as { parameters?: WorldParams }).parameters;
  if (params?.sut.kind === 'reference') startInProcess(params);
});

Before(async function (this: ConformanceWorld, { pickle }) {
  if (this.parameters.sut.kind === 'reference') startInProcess(this.parameters);
  await this.setUp(pickle.tags.map((t) => t.name), pickle.name, pickle.id, pickle.steps.map((s) => s.text));
});

BeforeStep(function (this: ConformanceWorld, { pickleStep }) {
  const setup = pickleStep.type === 'Context';
  this.currentStep = { text: `${setup ? 'Given' : pickleStep.type === 'Action' ? 'When' : 'Then'} ${pickleStep.text}`, setup };
});

// Every message of the SUT is judged whatever the step looks at: a message that breaks the XSD,
// an in-message rule, its addressing, TR056 or the retour's shape fails the step it came in.
AfterStep(function (this: ConformanceWorld, { result }) {
  if (result.status === Status.PASSED) this.failOnContractFindings();
});

After(async function (this: ConformanceWorld, { result }) {
  if (!this.harness) return;
  this.currentStep = undefined;
  // The run does not end while a retour is still due: wait for each (up to --answer-timeout).
  const missing = await this.judge.awaitOutstanding(this.expectMs());
  this.attachTranscript();
  unregisterRun(this.runId);
  // The run is over: a SUT that keeps state per run may free it. Optional in the adapter
  // protocol, so a refusal or an error here says nothing about conformance.
  await this.sut?.act({ action: 'end-run' }).catch(() => undefined);
  if (result?.status !== Status.PASSED) return;
  if (missing.length) {
    const m = missing[0]!;
    const waited = Date.now() - Date.parse(m.at);
    const finding = {
      rule: 'IJW-RET-1',
      message: this.judge.describe(m),
      path: '/Bericht/Header/BerichtIdentificatie',
      expected: `a retour for every message the SUT takes in with HTTP ${m.httpStatus}, within --answer-timeout (${this.expectMs()} ms)`,
      actual: `no retour for ${missing.map((x) => this.judge.describe(x)).join(', ')} after waiting ${waited} ms`,
      text: `The SUT never answered ${this.judge.describe(m)} (sent on ${m.businessDate}, HTTP ${m.httpStatus}): waited ${waited} ms for its retour`,
    };
    this.attach(JSON.stringify(finding), 'application/vnd.ijw.finding+json');
    throw new ConformanceFailure(finding);
  }
  this.failOnContractFindings();
});

AfterAll(async function () {
  msw?.close();
  msw = undefined;
  await closeHttpInbox();
});
