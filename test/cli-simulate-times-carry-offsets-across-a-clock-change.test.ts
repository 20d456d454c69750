import { describe, expect, it } from 'vitest';
import { run } from './fixtures/cli/harness';

/*
 * The simulate table shows local times. Across a clock change a local time alone is ambiguous (a
 * fall-back night has two 01:30s, and 09:00 on Friday and 09:00 on Monday are an hour apart in UTC
 * terms), so then every time carries its UTC offset; a span without a change reads as before.
 */

describe('arrears simulate across a clock change', () => {
  it('gives every time its UTC offset when the span crosses a change', async () => {
    // Chicago falls back on Sunday 2026-11-01: CDT (-05:00) before, CST (-06:00) after.
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-10-30T09:00:00-05:00', '--days', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from 2026-10-30 09:00 -05:00 to 2026-11-03 08:00 -06:00 (4 days)');
    const rows = r.stdout.split('\n');
    expect(rows).toContainEqual(expect.stringMatching(/^2026-10-30\s+Fri\s+09:00 -05:00\s+call_self/));
    expect(rows).toContainEqual(expect.stringMatching(/^2026-11-02\s+Mon\s+09:00 -06:00\s+call_self/));
  });

  it('shows bare local times when the offset never changes', async () => {
    const r = await run(['simulate', '--policy', 'policy.json', '--account', 'account.json', '--from', '2026-11-23T09:00:00-06:00', '--days', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from 2026-11-23 09:00 to 2026-11-25 09:00 (2 days)');
    expect(r.stdout.split('\n')).toContainEqual(expect.stringMatching(/^2026-11-23\s+Mon\s+09:00\s+call_self/));
    expect(r.stdout).not.toMatch(/\d\d:\d\d [+-]\d\d:\d\d/);
  });
});
