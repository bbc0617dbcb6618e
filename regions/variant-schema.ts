/**
 * The JSON Schema of a region pack's variants.yaml (its faulty variants as data), as data: the
 * loader (simulators/faults/pack-variants.ts) validates every variants.yaml against it, and
 * `npm run gen:region-schema` publishes it as docs/schemas/variants.schema.json.
 */

type Schema = Record<string, unknown>;

const str = (description: string): Schema => ({ type: 'string', minLength: 1, description });

const variant: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Unique among all variants (code and packs), e.g. zlm-gemeente-accepts-partial-credit.' },
    role: { enum: ['gemeente', 'aanbieder'], description: 'Whose reference implementation is made faulty.' },
    rule: str('The rule it breaks (a testable rule of this pack or a national one); a scenario tagged @rule:<rule> must catch it.'),
    description: str('What the faulty system does, in words.'),
    affectsEveryFlow: str('Why the variant also fails scenarios of other flows; without it, the smoke scenarios of other flows must still pass.'),
    skip: { type: 'string', pattern: '^[a-z-]+\\.[a-z]+\\.[A-Za-z]+$', description: '<table>.<entry>: the named check never rejects, or the named policy does nothing (docs/REGION-PACKS.md lists the entries).' },
    profile: {
      type: 'object', minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*$' },
      description: 'Dotted profile.yaml path → new value, or null to remove the field: the party runs with its own copy of the profile so changed.',
    },
    refuses: { type: 'string', pattern: '^JW3\\d\\d$', description: 'A message of the region the party does not take (answers HTTP 400).' },
  },
  required: ['id', 'role', 'rule', 'description'],
  oneOf: [{ required: ['skip'] }, { required: ['profile'] }, { required: ['refuses'] }],
};

export const regionVariantsSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ijw-conformance/schemas/variants.schema.json',
  title: 'iJw region pack: faulty variants (variants.yaml)',
  description: 'Each variant breaks one rule for one role by exactly one of: skip (a check or policy), profile (changed values), refuses (a message).',
  type: 'array',
  items: variant,
};
