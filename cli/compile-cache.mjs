// Preloaded by the npm scripts (`node --import ./cli/compile-cache.mjs cli/….ts`): Node's
// on-disk compile cache keeps each module's type-stripped, compiled code keyed by its content,
// so a command starts without stripping TypeScript again (about 0.3 s of the start-up). Plain
// JavaScript on purpose: a .ts preload would itself need stripping. Where the cache cannot be
// written (a read-only install) Node runs without it.
import { enableCompileCache } from 'node:module';

enableCompileCache(new URL('../node_modules/.cache/node-compile/', import.meta.url).pathname);
