/**
 * One simulated party served over HTTP, with its optional journal: what `npm run simulate`
 * starts, and what tests and the benchmark start in-process. On start it reports every
 * message an earlier life of the server accepted and never answered.
 */
import { Simulator, type SimulatorOptions } from './simulator.ts';
import { serveHandlers, unansweredLine, type StartedServer } from './server.ts';
import { Journal, type JournalOptions, type JournalEntry } from './journal.ts';
import type { Envelope } from './envelope.ts';

export interface SimulatorServerOptions extends Omit<SimulatorOptions, 'unanswered'> {
  port?: number;
  host?: string;
  /** Directory of the write-ahead journal; none: no journal. */
  journalDir?: string;
  journalOptions?: JournalOptions;
  /** Where unanswered messages and journal problems are reported (default: stderr). */
  warn?: (line: string) => void;
  /** Test hook, see ServeOptions.beforeProcessing. */
  beforeProcessing?: (envelope: Envelope) => Promise<void>;
}

export interface SimulatorServer {
  url: string;
  port: number;
  simulator: Simulator;
  journal?: Journal;
  http: StartedServer;
  /** Stops at once (tests); the journal keeps whatever was in flight as unanswered. */
  close(): Promise<void>;
  /** Graceful: stop accepting, drain for up to `drainMs`, close the journal. */
  shutdown(drainMs: number): Promise<{ drained: boolean; unanswered: JournalEntry[] }>;
}

export async function startSimulatorServer(opts: SimulatorServerOptions): Promise<SimulatorServer> {
  const warn = opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const journal = opts.journalDir ? Journal.open(opts.journalDir, opts.journalOptions) : undefined;
  if (journal) reportCarried(journal, warn);
  const { port, host, journalDir: _j, journalOptions: _o, warn: _w, beforeProcessing, ...simOptions } = opts;
  const simulator = new Simulator({ ...simOptions, ...(journal ? { unanswered: () => journal.unansweredEntries() } : {}) });
  const handlers = simulator.handlers('*');
  let http: StartedServer;
  try {
    http = await serveHandlers(() => handlers, {
      ...(port !== undefined ? { port } : {}),
      ...(host !== undefined ? { host } : {}),
      ...(journal ? { journal } : {}),
      ...(beforeProcessing ? { beforeProcessing } : {}),
      warn,
    });
  } catch (e) {
    journal?.close();
    throw e;
  }
  return {
    url: http.url,
    port: http.port,
    simulator,
    ...(journal ? { journal } : {}),
    http,
    close: async () => {
      await http.close();
      journal?.close();
    },
    shutdown: async (drainMs) => {
      const result = await http.shutdown(drainMs);
      journal?.close();
      return result;
    },
  };
}

function reportCarried(journal: Journal, warn: (line: string) => void): void {
  if (journal.unreadableLines) warn(`journal ${journal.file}: skipped ${journal.unreadableLines} unreadable line(s) (a write cut short by a crash)`);
  if (!journal.carried.length) return;
  warn(`journal ${journal.file}: ${journal.carried.length} message(s) accepted earlier were never answered; deliver them again (listed at GET /conformance/unanswered)`);
  for (const e of journal.carried) warn(unansweredLine(e));
}
