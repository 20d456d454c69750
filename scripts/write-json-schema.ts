/**
 * Build step (after tsup, which cleans dist/): writes the policy JSON Schema and the presets as
 * JSON files into dist/, from the same code the library runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { policyJsonSchema, presets } from '../src/index';

mkdirSync('dist/presets', { recursive: true });
writeFileSync('dist/policy.schema.json', `${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
for (const preset of Object.values(presets)) {
  writeFileSync(`dist/presets/${preset.id}.json`, `${JSON.stringify(preset, null, 2)}\n`);
}
console.log(`wrote dist/policy.schema.json and ${Object.keys(presets).length} presets`);
