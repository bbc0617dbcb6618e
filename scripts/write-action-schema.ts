/** Writes docs/schemas/actions.schema.json from simulators/action-schema.ts. */
import { writeFileSync } from 'node:fs';
import { actionsSchema } from '../simulators/action-schema.ts';

writeFileSync('docs/schemas/actions.schema.json', `${JSON.stringify(actionsSchema, null, 2)}\n`);
console.log('wrote docs/schemas/actions.schema.json');
