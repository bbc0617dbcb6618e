// Preloaded by the npm scripts (`node --import ./cli/compile-cache.mjs cli/….ts`): Node's
// on-disk compile cache keeps each module's type-stripped, compiled code, checked against its
// source, so a command starts without loading Node's TypeScript stripper or compiling again
// (about 0.25 s of CPU per start). Plain JavaScript on purpose: a .ts preload would itself need
// stripping. The cache lives in node_modules/.cache; where that cannot be written (a read-only
// install) in the system's temporary folder, and without either the command simply runs.
import { constants, enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const r = enableCompileCache(new URL('../node_modules/.cache/node-compile/', import.meta.url).pathname);
if (r.status === constants.compileCacheStatus.FAILED) enableCompileCache(join(tmpdir(), 'ijw-conformance-node-compile'));
