/**
 * `--packs <dirs>`: more region-pack folders for this command, as IJW_REGION_PACKS (separated by
 * ':' — ';' on Windows). Imported first by the commands, so the packs are known before the
 * region list is loaded (module evaluation follows import order); each command also declares the
 * option for its help.
 */
import { delimiter } from 'node:path';

export const PACKS_OPTION_HELP = 'more region-pack folders (a pack or a folder of packs), like IJW_REGION_PACKS';

const argv = process.argv;
for (let i = 0; i < argv.length; i++) {
  const a = argv[i]!;
  const value = a === '--packs' ? argv[i + 1] : a.startsWith('--packs=') ? a.slice('--packs='.length) : undefined;
  if (value) process.env.IJW_REGION_PACKS = [process.env.IJW_REGION_PACKS, value].filter(Boolean).join(delimiter);
}
