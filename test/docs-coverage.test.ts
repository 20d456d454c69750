import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDocs, issueCodesInSource, syncDocs } from '../scripts/generate-docs';
import { CONDITION_ISSUE_CODES } from '../src/conditions';
import { accountSchema, ERROR_CODES, policySchema, REASON_CODES } from '../src/index';

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(join(root, file), 'utf8');

/** Every property name a JSON Schema declares, at any depth (through unions, items, maps, $defs). */
function propertyNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => propertyNames(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value !== null && typeof value === 'object') Object.keys(value).forEach((k) => out.add(k));
      propertyNames(value, out);
    }
  }
  return out;
}

describe('every field is documented', () => {
  it.each([
    ['docs/policy.md', policySchema],
    ['docs/model.md', accountSchema],
  ] as const)('%s has a row for every field of its schema', (file, schema) => {
    const doc = read(file);
    const names = [...propertyNames(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }))];
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => !doc.includes(`| \`${name}\` |`))).toEqual([]);
  });
});

describe('docs/errors.md lists every code', () => {
  const doc = read('docs/errors.md');
  const codes = [...ERROR_CODES, ...REASON_CODES, ...CONDITION_ISSUE_CODES, ...issueCodesInSource().keys()];

  it.each(codes)('%s', (code) => {
    expect(doc).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });

  it('says which codes are warnings', () => {
    const warnings = doc.slice(doc.indexOf('### Warnings'), doc.indexOf('## Reasons'));
    for (const code of ['cap_blocks_channel', 'window_widened', 'duplicate_action']) expect(warnings).toContain(`\`${code}\``);
  });
});

describe('scripts/generate-docs.ts --check', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'arrears-docs-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports the files that differ, writes them without --check, then reports none', () => {
    cpSync(join(root, 'docs'), join(scratch, 'docs'), { recursive: true });
    writeFileSync(join(scratch, 'docs/facts.md'), 'stale\n');
    rmSync(join(scratch, 'docs/errors.md'));
    expect(syncDocs(scratch, true).sort()).toEqual(['docs/errors.md', 'docs/facts.md']);
    expect(read('docs/facts.md')).not.toBe('stale\n');
    expect(syncDocs(scratch, false).sort()).toEqual(['docs/errors.md', 'docs/facts.md']);
    expect(syncDocs(scratch, true)).toEqual([]);
    expect(readFileSync(join(scratch, 'docs/facts.md'), 'utf8')).toBe(generateDocs()['docs/facts.md']);
  });

  it('exits 0 on the repository, whose docs are up to date', () => {
    expect(() => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-docs.ts', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
