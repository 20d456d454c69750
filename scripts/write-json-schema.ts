/**
 * Build step (after tsup, which cleans dist/): writes the policy JSON Schema and the presets as
 * JSON files into dist/, from the same code the library runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { policyJsonSchema } from '../src/index';
import { regulations, strategies } from '../src/presets';

mkdirSync('dist/presets', { recursive: true });
const schema = `${JSON.stringify(policyJsonSchema(), null, 2)}\n`;
// At the package root too: `arrears/policy.schema.json` must resolve under node10 resolution as well.
writeFileSync('policy.schema.json', schema);
writeFileSync('dist/policy.schema.json', schema);
const all = [...Object.values(regulations), ...Object.values(strategies)];
for (const preset of all) writeFileSync(`dist/presets/${preset.id}.json`, `${JSON.stringify(preset, null, 2)}\n`);
console.log(`wrote policy.schema.json, dist/policy.schema.json and ${all.length} presets`);
