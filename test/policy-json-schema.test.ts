import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { policyJsonSchema, policySchema, presets } from '../src/index';

type Schema = Record<string, unknown>;

const schema = policyJsonSchema();
const examplesDir = new URL('../examples/policies/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')) as unknown] as const);

/**
 * A small structural check of a value against the JSON Schema (the keywords zod emits for
 * policies: $ref, anyOf/oneOf, type, const, enum, properties, required, additionalProperties,
 * items, pattern, min/max items). It answers the paths where the value does not fit — enough to
 * prove the published schema accepts real policies and refuses broken ones, without a validator
 * dependency. Refinements zod cannot express (a date that exists, an IANA zone) are not checked.
 */
function mismatches(value: unknown, node: Schema, path = '$'): string[] {
  if (typeof node.$ref === 'string') {
    const target = node.$ref === '#' ? schema : ((schema.$defs as Record<string, Schema>)[node.$ref.replace('#/$defs/', '')] ?? {});
    return mismatches(value, target, path);
  }
  const union = (node.anyOf ?? node.oneOf) as Schema[] | undefined;
  if (union) {
    const results = union.map((branch) => mismatches(value, branch, path));
    return results.some((r) => r.length === 0) ? [] : (results.sort((a, b) => a.length - b.length)[0] ?? [`${path}: no branch`]);
  }
  if ('const' in node && value !== node.const) return [`${path}: expected ${JSON.stringify(node.const)}`];
  if (Array.isArray(node.enum) && !node.enum.includes(value)) return [`${path}: not one of ${node.enum.join(', ')}`];
  const type = node.type as string | undefined;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (type !== undefined && type !== actual && !(type === 'number' && actual === 'integer')) return [`${path}: expected ${type}, got ${actual}`];
  const out: string[] = [];
  if (typeof value === 'string' && typeof node.pattern === 'string' && !new RegExp(node.pattern).test(value)) out.push(`${path}: does not match ${node.pattern}`);
  if (Array.isArray(value)) {
    if (typeof node.minItems === 'number' && value.length < node.minItems) out.push(`${path}: fewer than ${node.minItems} items`);
    if (typeof node.maxItems === 'number' && value.length > node.maxItems) out.push(`${path}: more than ${node.maxItems} items`);
    if (node.items) value.forEach((v, i) => out.push(...mismatches(v, node.items as Schema, `${path}[${i}]`)));
  }
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (node.properties ?? {}) as Record<string, Schema>;
    for (const key of (node.required ?? []) as string[]) if (!(key in object)) out.push(`${path}.${key}: required`);
    for (const [key, v] of Object.entries(object)) {
      const property = properties[key];
      if (property) out.push(...mismatches(v, property, `${path}.${key}`));
      else if (node.additionalProperties === false) out.push(`${path}.${key}: not allowed`);
      else if (typeof node.additionalProperties === 'object') out.push(...mismatches(v, node.additionalProperties as Schema, `${path}.${key}`));
    }
  }
  return out;
}

describe('policyJsonSchema()', () => {
  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://unpkg.com/arrears/dist/policy.schema.json',
      title: 'arrears policy',
      type: 'object',
      additionalProperties: false,
      required: ['id', 'version', 'jurisdiction'],
    });
  });

  it('has a property for every field of policySchema, with its description', () => {
    const properties = schema.properties as Record<string, Schema>;
    expect(Object.keys(properties).sort()).toEqual(Object.keys(policySchema.shape).sort());
    expect(properties.id?.description).toBe('The policy id, shown in every decision.');
  });

  it('is plain JSON (it is shipped as a file)', () => {
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('returns a fresh object each call', () => {
    const a = policyJsonSchema();
    (a as { title: string }).title = 'changed';
    expect(policyJsonSchema().title).toBe('arrears policy');
  });

  it.each(examples)('accepts examples/policies/%s', (_, policy) => {
    expect(mismatches(policy, schema)).toEqual([]);
  });

  it.each(Object.entries(presets))('accepts the preset %s', (_, preset) => {
    expect(mismatches(JSON.parse(JSON.stringify(preset)), schema)).toEqual([]);
  });

  it.each([
    ['an unknown top-level key', { rulez: [] }, '$.rulez: not allowed'],
    ['an unknown channel', { actions: { x: { channel: 'fax' } } }, '$.actions.x.channel'],
    ['a constraint of an unknown kind', { compliance: [{ id: 'L', constraints: [{ kind: 'windw', id: 'w' }] }] }, '$.compliance[0].constraints[0]'],
    ['a rule without then', { rules: [{ id: 'r', when: { all: [] } }] }, '$.rules[0].then: required'],
    ['a rule without when', { rules: [{ id: 'r', then: ['a'] }] }, '$.rules[0].when: required'],
    ['a condition with neither all, any, not nor condition', { rules: [{ id: 'r', when: { priority: 2 }, then: ['a'] }] }, '$.rules[0].when'],
    ['a named condition with neither all, any, not nor condition', { conditions: { late: { name: 'late' } } }, '$.conditions.late'],
    ['a time without leading zero', { compliance: [{ id: 'L', constraints: [{ kind: 'window', id: 'w', from: '8:00', to: '20:00' }] }] }, '$.compliance[0].constraints[0]'],
  ])('refuses %s', (_, patch, where) => {
    const found = mismatches({ id: 'p', version: '1', jurisdiction: 'US', ...patch }, schema);
    expect(found.some((m) => m.startsWith(where))).toBe(true);
  });

  it('leaves a block’s `when` optional, as parsePolicy does', () => {
    const block = { kind: 'block', id: 'b', message: 'Ceased.' };
    expect(mismatches({ id: 'p', version: '1', jurisdiction: 'US', compliance: [{ id: 'L', constraints: [block] }] }, schema)).toEqual([]);
  });

  it('requires a rule’s `when`, as parsePolicy does', () => {
    const rules = (schema.properties as Record<string, Schema>).rules as Schema;
    expect((rules.items as Schema).required).toEqual(['id', 'when', 'then']);
    expect(mismatches({ id: 'p', version: '1', jurisdiction: 'US', rules: [{ id: 'r', then: ['a'] }] }, schema)).toContain('$.rules[0].when: required');
  });
});

describe('the shipped schema files (written by `npm run build`; skipped before a build)', () => {
  it.each(['dist/policy.schema.json', 'policy.schema.json'])('%s is exactly policyJsonSchema()', (path) => {
    const file = new URL(`../${path}`, import.meta.url);
    if (!existsSync(file)) return;
    const shipped: unknown = JSON.parse(readFileSync(file, 'utf8'));
    expect(shipped, `${path} is stale: run npm run build`).toEqual(policyJsonSchema());
  });
});

describe('example policies point their $schema at the published schema', () => {
  it.each(examples)('%s', (_, policy) => {
    expect((policy as { $schema?: string }).$schema).toMatch(/policy\.schema\.json$/);
  });
});
