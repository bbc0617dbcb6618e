/**
 * Every command parses its arguments with commander's exitOverride, so a usage error comes back
 * here (commander has printed it) instead of exiting inside the library.
 */
import type { Command } from 'commander';

/** undefined when the command goes on; otherwise its exit code: 0 after --help or --version, 2 after a usage error. */
export function parseArgs(program: Command, argv: readonly string[] = process.argv): number | undefined {
  try {
    program.parse([...argv]);
    return undefined;
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
}
