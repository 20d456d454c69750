import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIMIT_NAMES, LIMITS } from '../src/limits';

/* docs/limits.md and SECURITY.md list every limit with its default and code, as src/limits.ts defines them. */

const read = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const n = (x: number): string => x.toLocaleString('en-US');

describe('every limit is documented', () => {
  const limitsDoc = read('docs/limits.md');
  const security = read('SECURITY.md');

  it.each(LIMIT_NAMES)('%s', (name) => {
    const { default: value, ceiling, appliesTo, code, text } = LIMITS[name];
    expect(limitsDoc).toContain(`| \`${name}\` | ${n(value)} | ${n(ceiling)} | ${appliesTo} | \`${code}\` | ${text} |`);
    expect(security).toMatch(new RegExp(`^\\| \`${name}\` [^|]*\\| ${n(value)} \\| \`${code}\` \\|$`, 'm'));
  });

  it('and nothing else', () => {
    const rows = [...limitsDoc.matchAll(/^\| `(max\w+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual([...LIMIT_NAMES]);
  });
});
