import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDocs } from '../scripts/generate-docs';

/*
 * docs/policy.md, docs/model.md, docs/facts.md and docs/errors.md are generated from the code by
 * scripts/generate-docs.ts. When a schema, a fact or a code changes, regenerate them:
 *   npx tsx scripts/generate-docs.ts
 */
const generated = generateDocs();

describe('generated docs are up to date', () => {
  it('generates the four reference files', () => {
    expect(Object.keys(generated).sort()).toEqual(['docs/errors.md', 'docs/facts.md', 'docs/model.md', 'docs/policy.md']);
  });

  it.each(Object.entries(generated))('%s matches the code (run `npx tsx scripts/generate-docs.ts`)', (file, content) => {
    const onDisk = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(onDisk === content, `${file} is out of date: run npx tsx scripts/generate-docs.ts`).toBe(true);
  });

  it('is deterministic', () => {
    expect(generateDocs()).toEqual(generated);
  });
});
