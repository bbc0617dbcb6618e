/**
 * npm run gen:region-schema: publishes the JSON Schema of a region pack's profile.yaml
 * (regions/profile-schema.ts) as docs/schemas/region.schema.json; test/region-packs.test.ts fails
 * when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionProfileSchema } from '../regions/profile-schema.ts';

export const REGION_SCHEMA_PATH = 'docs/schemas/region.schema.json';
export const regionSchemaText = () => `${JSON.stringify(regionProfileSchema, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), REGION_SCHEMA_PATH), regionSchemaText());
  process.stdout.write(`wrote ${REGION_SCHEMA_PATH}\n`);
}
