/**
 * npm run simulate -- --region alkmaar --as gemeente --port 7070
 * A standalone simulated municipality or provider that answers like the region would, over
 * the adapter protocol: a sandbox for vendors, and the stand-in SUT in the project's own tests.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { Simulator } from '../simulators/simulator.ts';
import { serveHandlers } from '../simulators/server.ts';
import { faultsById } from '../simulators/faults/index.ts';
import { getProfile } from '../regions/index.ts';

const program = new Command('simulate')
  .description('Serve a simulated municipality (gemeente) or provider (aanbieder) of a region over the adapter protocol')
  .requiredOption('--region <id>', 'alkmaar, amsterdam, rijnmond, fryslan or utrecht')
  .addOption(new Option('--as <role>', 'the party to simulate').choices(['gemeente', 'aanbieder']).makeOptionMandatory())
  .option('--port <port>', 'port to listen on (0: a free one)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port number');
    return n;
  }, 7070)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--peer <url>', 'where to deliver originated messages before a run is configured (default: $IJW_HARNESS_URL)')
  .option('--party <code>', 'own identity: CBS code (gemeente) or AGB code (aanbieder)')
  .option('--counterparty <code>', 'the other party\'s identity')
  .option('--quiet', 'do not log each message')
  .addOption(new Option('--fault <id...>', 'run a faulty variant (for the project\'s own tests)'))
  .showHelpAfterError()
  .exitOverride();

async function main(): Promise<void> {
  try {
    program.parse(process.argv);
  } catch (e) {
    process.exit((e as { exitCode?: number }).exitCode === 0 ? 0 : 2);
  }
  const o = program.opts<{ region: string; as: 'gemeente' | 'aanbieder'; port: number; host: string; peer?: string; party?: string; counterparty?: string; quiet?: boolean; fault?: string[] }>();
  let profile;
  try {
    profile = getProfile(o.region);
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const faults = faultsById(o.fault ?? []);
  const peerUrl = o.peer ?? process.env.IJW_HARNESS_URL;
  const sim = new Simulator({
    role: o.as,
    region: profile.id,
    faults,
    ...(o.party ? { party: o.party } : {}),
    ...(o.counterparty ? { counterparty: o.counterparty } : {}),
    ...(peerUrl ? { peerUrl } : {}),
    ...(o.quiet ? {} : { log: (line: string) => process.stdout.write(`${line}\n`) }),
  });
  const handlers = sim.handlers('*');
  const server = await serveHandlers(() => handlers, { port: o.port, host: o.host });
  process.stdout.write(`simulated ${o.as} of ${profile.name} listening on ${server.url}${faults.length ? ` (faulty variant: ${faults.map((f) => f.id).join(', ')})` : ''}\n`);
  // As PID 1 in a container Node ignores SIGTERM unless handled.
  const stop = async (signal: string) => {
    process.stdout.write(`${signal}: stopping\n`);
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
