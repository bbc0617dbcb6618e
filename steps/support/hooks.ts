/** Scenario lifecycle: in-process simulators (msw) per worker, set-up and transcript per scenario. */
import { After, AfterAll, Before, BeforeAll, defineParameterType, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { setupServer, type SetupServer } from 'msw/node';
import { Simulator } from '../../simulators/simulator.ts';
import { faultsById } from '../../simulators/faults/index.ts';
import { ConformanceWorld } from './world.ts';
import { IN_PROCESS, type WorldParams } from './params.ts';
import { closeHttpInbox, inboxHandlers, unregisterRun } from './harness-inbox.ts';

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
  await this.setUp(pickle.tags.map((t) => t.name), pickle.name, pickle.id);
});

After(async function (this: ConformanceWorld, { result }) {
  if (!this.harness) return;
  // Let late deliveries land so the transcript shows them.
  if (result?.status !== Status.PASSED) await new Promise((r) => setTimeout(r, 50));
  this.attachTranscript();
  unregisterRun(this.runId);
  // The run is over: a SUT that keeps state per run may free it. Optional in the adapter
  // protocol, so a refusal or an error here says nothing about conformance.
  await this.sut?.act({ action: 'end-run' }).catch(() => undefined);
});

AfterAll(async function () {
  msw?.close();
  msw = undefined;
  await closeHttpInbox();
});
