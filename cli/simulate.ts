/**
 * npm run simulate -- --region alkmaar --as gemeente --port 7070 [--journal DIR]
 * A standalone simulated municipality or provider that answers like the region would, over
 * the adapter protocol: a sandbox for vendors, and the stand-in SUT in the project's own tests.
 */
import { PACKS_OPTION_HELP } from './packs-option.ts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { startSimulatorServer } from '../simulators/simulator-server.ts';
import { faultsById } from '../simulators/faults/index.ts';
import { getProfile, REGION_IDS } from '../regions/index.ts';
import { JournalError } from '../simulators/journal.ts';
import { testDelayFromEnv } from '../simulators/test-delay.ts';
import { DEFAULT_MAX_RUNS } from '../simulators/run-registry.ts';
import { parseArgs } from './parse-args.ts';

const integer = (min: number, max: number, what: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(what);
  return n;
};

const program = new Command('simulate')
  .description('Serve a simulated municipality (gemeente) or provider (aanbieder) of a region over the adapter protocol')
  .requiredOption('--region <id>', `a region pack id: ${REGION_IDS.join(', ')} (more packs through --packs or IJW_REGION_PACKS=dir1:dir2)`)
  .option('--packs <dirs>', PACKS_OPTION_HELP)
  .addOption(new Option('--as <role>', 'the party to simulate').choices(['gemeente', 'aanbieder']).makeOptionMandatory())
  .option('--port <port>', 'port to listen on (0: a free one)', integer(0, 65535, 'a port number'), 7070)
  .option('--host <host>', 'interface to listen on', '127.0.0.1')
  .option('--peer <url>', 'where to deliver originated messages before a run is configured (default: $IJW_HARNESS_URL)')
  .option('--party <code>', 'own identity: CBS code (gemeente) or AGB code (aanbieder)')
  .option('--counterparty <code>', 'the other party\'s identity')
  .option('--journal <dir>', 'write-ahead journal of delivered messages: after a crash the next start reports every message accepted and never answered')
  .option('--drain-timeout <ms>', 'on SIGTERM/SIGINT, how long requests in flight may take to finish', integer(0, 3_600_000, 'milliseconds'), 10_000)
  .option('--max-runs <n>', 'runs kept at once; beyond it the least recently used is forgotten', integer(1, 10_000_000, 'a positive integer'), DEFAULT_MAX_RUNS)
  .option('--run-idle <seconds>', 'forget a run untouched this long (0: only --max-runs)', integer(0, 31_536_000, 'seconds'), 3600)
  .option('--quiet', 'do not log each message')
  .addOption(new Option('--fault <id...>', 'run a faulty variant (for the project\'s own tests)'))
  .showHelpAfterError()
  .exitOverride();

interface Opts {
  region: string; as: 'gemeente' | 'aanbieder'; port: number; host: string; peer?: string; party?: string; counterparty?: string;
  journal?: string; drainTimeout: number; maxRuns: number; runIdle: number; quiet?: boolean; fault?: string[];
}

const fail = (message: string): never => {
  process.stderr.write(`error: ${message}\n`);
  process.exit(2);
};

async function main(): Promise<void> {
  const earlyExit = parseArgs(program);
  if (earlyExit !== undefined) process.exit(earlyExit);
  const o = program.opts<Opts>();
  let profile;
  try {
    profile = getProfile(o.region);
  } catch (e) {
    return fail((e as Error).message);
  }
  const faults = faultsById(o.fault ?? []);
  const peerUrl = o.peer ?? process.env.IJW_HARNESS_URL;
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const beforeProcessing = testDelayFromEnv(process.env);
  let sim;
  try {
    sim = await startSimulatorServer({
      role: o.as,
      region: profile.id,
      faults,
      port: o.port,
      host: o.host,
      maxRuns: o.maxRuns,
      runIdleMs: o.runIdle * 1000,
      ...(o.party ? { party: o.party } : {}),
      ...(o.counterparty ? { counterparty: o.counterparty } : {}),
      ...(peerUrl ? { peerUrl } : {}),
      ...(o.quiet ? {} : { log }),
      ...(o.journal ? { journalDir: o.journal } : {}),
      ...(beforeProcessing ? { beforeProcessing } : {}),
    });
  } catch (e) {
    if (e instanceof JournalError) return fail(e.message);
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') return fail(`${o.host}:${o.port} is in use; pick another --port (0: a free one)`);
    throw e;
  }
  const server = sim;
  log(`simulated ${o.as} of ${profile.name} listening on ${server.url}${faults.length ? ` (faulty variant: ${faults.map((f) => f.id).join(', ')})` : ''}${server.journal ? `; journal ${server.journal.file}` : ''}`);
  // As PID 1 in a container Node ignores SIGTERM unless handled. A second signal stops at once.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      log(`${signal}: stopping now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: stopping: no new requests; waiting up to ${o.drainTimeout} ms for ${server.http.inFlight} in flight`);
    const { drained, unanswered } = await server.shutdown(o.drainTimeout);
    if (drained) {
      log('stopped: every accepted message answered');
      process.exit(0);
    }
    log(`stopped with ${server.http.inFlight} request(s) unfinished${server.journal ? `; ${unanswered.length} accepted message(s) unanswered, reported again at the next start with this journal` : ''}`);
    process.exit(1);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main();
