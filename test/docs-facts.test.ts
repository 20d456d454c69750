import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FACT_NAMES, FACTS } from '../src/index';

/** docs/facts.md documents the closed catalogue of facts exactly: every fact, its type, its params. */
const doc = readFileSync(new URL('../docs/facts.md', import.meta.url), 'utf8');
const catalogue = doc.slice(0, doc.indexOf('## Params'));
const rows = new Map(
  [...catalogue.matchAll(/^\| `([^`]+)` \| ([^|]+(?:\\\|[^|]+)*) \| ([^|]+) \| (.+) \|$/gm)].map((m) => [m[1] ?? '', { type: (m[2] ?? '').replace(/\\\|/g, '|'), params: m[3] ?? '', description: m[4] ?? '' }]),
);

describe('docs/facts.md', () => {
  it.each(FACT_NAMES)('documents %s with its type and description', (name) => {
    const row = rows.get(name);
    expect(row, `${name} is missing from docs/facts.md`).toBeDefined();
    expect(row?.type.trim()).toBe(FACTS[name].type);
    expect(row?.description).toBe(FACTS[name].description);
    expect(row?.params.trim() !== '—').toBe('params' in FACTS[name]);
  });

  it('documents no fact the code does not have (besides attributes.<key>)', () => {
    expect([...rows.keys()].filter((name) => name !== 'attributes.<key>' && !FACT_NAMES.includes(name as never))).toEqual([]);
  });

  it.each(FACT_NAMES.filter((name) => 'params' in FACTS[name]))('documents the params of %s', (name) => {
    expect(doc).toContain(`### \`${name}\` params`);
  });
});
