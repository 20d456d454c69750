import { describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

const AT = '2026-11-23T10:00:00-06:00';

describe('several --policy files: every file is reported before the command stops', () => {
  it('a syntax error in the first file does not hide the schema errors of the second', async () => {
    const r = await run(['decide', '--policy', 'policy-syntax.json', '--policy', 'policy-invalid.json', '--account', 'account.json', '--at', AT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('policy-syntax.json:2:3: error: comments are not allowed in JSON');
    expect(r.stderr).toContain("policy-invalid.json:5:40: error: actions.call_self: unknown key 'tagret'");
    expect(r.stderr).toContain('stopped on 6 errors in the input');
  });

  it('in either order', async () => {
    const r = await run(['simulate', '--policy', 'policy-invalid.json', '--policy', 'policy-syntax.json', '--account', 'account.json', '--from', AT, '--days', '1']);
    expect(r.code).toBe(1);
    const files = r.stderr.split('\n').flatMap((line) => /^(policy-[a-z]+\.json):/.exec(line)?.[1] ?? []);
    expect([...new Set(files)]).toEqual(['policy-invalid.json', 'policy-syntax.json']);
  });

  it('a missing file is still an error of its own, named', async () => {
    const r = await run(['decide', '--policy', 'no-such-policy.json', '--policy', 'policy-syntax.json', '--account', 'account.json', '--at', AT]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no-such-policy.json');
  });
});
