/**
 * npm run gen:region-schema: publishes the JSON Schema of a region pack's profile.yaml
 * (regions/profile-schema.ts) as docs/schemas/region.schema.json, and that of its variants.yaml
 * (regions/variant-schema.ts) as docs/schemas/variants.schema.json; test/region-packs.test.ts fails
 * when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regionProfileSchema } from '../regions/profile-schema.ts';
import { regionVariantsSchema } from '../regions/variant-schema.ts';

export const REGION_SCHEMA_PATH = 'docs/schemas/region.schema.json';
export const regionSchemaText = () => `${JSON.stringify(regionProfileSchema, null, 2)}\n`;
/** The schema of a pack's variants.yaml (regions/variant-schema.ts). */
export const VARIANTS_SCHEMA_PATH = 'docs/schemas/variants.schema.json';
export const variantsSchemaText = () => `${JSON.stringify(regionVariantsSchema, null, 2)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
  writeFileSync(join(root, REGION_SCHEMA_PATH), regionSchemaText());
  writeFileSync(join(root, VARIANTS_SCHEMA_PATH), variantsSchemaText());
  process.stdout.write(`wrote ${REGION_SCHEMA_PATH}, ${VARIANTS_SCHEMA_PATH}\n`);
}
