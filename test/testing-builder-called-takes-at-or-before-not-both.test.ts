import { describe, expect, it } from 'vitest';
import { ArrearsError } from '../src/index';
import { anAccount } from '../src/testing/index';

/* docs/testing.md: `called(n, { before, within? })` spreads n attempts before an instant,
   `called(n, { at })` places them at exact instants; an option a method cannot take is refused at
   the call (OPTIONS_INVALID). Given both, the builder used `at` and silently dropped the rest —
   an `at` after `before`, or a `within` the test author thought applied, changed nothing. */

const base = anAccount().inZone('America/New_York').overdueDays(10, { asOf: '2026-11-23' });
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    if (error instanceof ArrearsError) return { code: error.code, issues: error.issues.map((i) => ({ code: i.code, path: i.path })) };
    throw error;
  }
  return null;
};

describe('called(n, …) takes `at` or `before`/`within`, not both', () => {
  it.each([
    [{ at: '2026-11-22T15:00:00Z', before: '2026-11-21T15:00:00Z' }, 'before'],
    [{ at: ['2026-11-20T15:00:00Z', '2026-11-21T15:00:00Z'], within: 'P7D' }, 'within'],
    [{ at: '2026-11-22T15:00:00Z', before: '2026-11-23T15:00:00Z', within: 'P1D' }, 'before'],
  ])('%j is refused at the call, at %s', (options, key) => {
    const n = Array.isArray(options.at) ? options.at.length : 1;
    expect(refusal(() => base.called(n, options as never))).toEqual({ code: 'OPTIONS_INVALID', issues: [{ code: 'invalid_option', path: ['history', 0, key] }] });
  });

  it('either one alone is accepted as before', () => {
    expect(base.called(1, { at: '2026-11-22T15:00:00Z' }).build().history?.map((a) => a.at)).toEqual(['2026-11-22T15:00:00Z']);
    expect(base.called(2, { before: '2026-11-23T15:00:00Z', within: 'P2D' }).build().history).toHaveLength(2);
  });
});
