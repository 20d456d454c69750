import { z } from 'zod';
import { policySchema } from './schema/policy';

/**
 * The JSON Schema of policy documents (draft 2020-12), generated from the same zod schema that
 * validates them. Shipped as `arrears/policy.schema.json` for editors.
 *
 * @example
 * const schema = policyJsonSchema(); // { $schema: 'https://json-schema.org/draft/2020-12/schema', … }
 */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    $id: 'https://unpkg.com/arrears/dist/policy.schema.json',
    title: 'arrears policy',
  };
}
