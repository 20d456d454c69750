import { describe, expect, it } from 'vitest';
import { simulate } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';
import { simulation } from './support/simulation';

/* simulate's options are checked like every option of the library: ArrearsError, a code, a path. */

const { policy, account, from, to } = simulation;

const bad = (options: unknown) => arrearsErrorOf(() => simulate(policy, account, options as never));

describe('simulate refuses bad options', () => {
  it('missing options: says from and to are required, not a TypeError', () => {
    // @ts-expect-error: options are required (checked at run time too)
    const e = arrearsErrorOf(() => simulate(policy, account));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: [], message: expect.stringMatching(/needs its options.*`from` and `to`/) }]);
  });

  it.each([null, 5, 'P7D', [from, to]])('options %j: OPTIONS_INVALID, invalid_type at the root', (options) => {
    const e = bad(options);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'invalid_type', path: [] }]);
  });

  it('an unknown option is refused with a did-you-mean, not ignored', () => {
    const e = bad({ from, to, maxStep: 3 });
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unrecognized_keys', path: [], message: "unknown key 'maxStep'; remove it or check the spelling; did you mean 'maxSteps'?" }]);
  });

  it('`to` before `from` is an error naming `to`, not an empty timeline', () => {
    const e = bad({ from: to, to: from });
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'ends_before_start', path: ['to'], message: expect.stringMatching(/^`to` \(2026-11-23T14:00:00Z\) is before `from` \(2026-11-25T14:00:00Z\)/) }]);
  });

  it('`to` equal to `from` is an error too: `to` is exclusive, nothing would be simulated', () => {
    expect(bad({ from, to: from }).issues).toMatchObject([{ code: 'ends_before_start', path: ['to'], message: expect.stringMatching(/equals `from`/) }]);
  });

  it('valid options still run', () => {
    expect(simulate(policy, account, { from, to }).stopped).toBe('end');
  });
});

describe('a responder that returns something else than an outcome', () => {
  it.each([
    [42, 'the responder returned 42, not an outcome'],
    [null, 'the responder returned null, not an outcome'],
    [undefined, 'the responder returned undefined, not an outcome'],
    [{}, 'the responder returned {}, not an outcome'],
    [{ outcome: 'picked_up' }, 'the responder returned "picked_up", not an outcome'],
  ])('%j: says what it returned', (value, message) => {
    const e = bad({ from, to, respond: () => value });
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues[0]?.path).toEqual(['respond']);
    expect(e.issues[0]?.message.startsWith(message)).toBe(true);
  });
});
