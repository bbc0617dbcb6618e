/** Scenario lifecycle: the run's scope (in-process simulators, inbox) per run, set-up and transcript per scenario. */
import { After, AfterAll, AfterStep, Before, BeforeAll, BeforeStep, defineParameterType, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { ConformanceWorld } from './world.ts';
import type { WorldParams } from './params.ts';
import { unregisterRun } from './harness-inbox.ts';
import { closeScope, scopeFor } from './run-scope.ts';
import { ConformanceFailure } from './world.ts';

setDefaultTimeout(60_000);

defineParameterType({ name: 'date', regexp: /\d{4}-\d{2}-\d{2}/, transformer: (s) => s });
defineParameterType({ name: 'msg', regexp: /JW3\d\d/, transformer: (s) => s });

// State lives in the run's scope (run-scope.ts), never here: these hooks serve every run of the process.
BeforeAll(function () {
  const params = (this as unknown as { parameters?: WorldParams }).parameters;
  if (params) scopeFor(params);
});

Before(async function (this: ConformanceWorld, { pickle }) {
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
  const params = (this as unknown as { parameters?: WorldParams }).parameters;
  if (params) await closeScope(params);
});
