import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';
import { anAccount, expectAllowed, expectBlocked, expectDeferred, expectNeedsApproval, expectNext } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy } from './support/policies';

/* docs/testing.md §4: an action that is not an id is `invalid_type` at `action`, always — even one
   that cannot be converted to text (no prototype, a `toString` that is not a function, a bigint,
   a symbol). The verdict carries the error; nothing throws a TypeError on the way. The same for a
   filter's contact and channel and an option's code. A value that throws when read is `unreadable`. */

const engine = createEngine(callPolicy());
const decision = engine.decide(anAccount().overdueDays(5, { asOf: '2026-11-23' }).build(), { now: '2026-11-23T12:00:00Z' });
const inconvertible: [string, () => unknown][] = [
  ['an object without a prototype', () => Object.create(null)],
  ['an object whose toString is not a function', () => ({ toString: 'x' })],
  ['an object whose toString throws', () => ({ toString: () => { throw new Error('ts'); } })],
  ['a bigint', () => 10n],
  ['a symbol', () => Symbol('s')],
];
const verdicts = [
  ['expectAllowed', (action: unknown) => expectAllowed(decision, action as string)],
  ['expectDeferred', (action: unknown) => expectDeferred(decision, action as string)],
  ['expectBlocked', (action: unknown) => expectBlocked(decision, action as string)],
  ['expectNeedsApproval', (action: unknown) => expectNeedsApproval(decision, action as string)],
  ['expectNext', (action: unknown) => expectNext(decision, action as string)],
] as const;

describe.each(verdicts)('%s', (_name, check) => {
  it.each(inconvertible)('an action that is %s: a verdict carrying invalid_type at action', (_what, action) => {
    const verdict = check(action());
    expect(verdict.pass).toBe(false);
    expect(verdict.error?.code).toBe('OPTIONS_INVALID');
    expect(verdict.error?.issues).toEqual([{ code: 'invalid_type', path: ['action'], message: expect.stringContaining('must be an action id') }]);
    expect(typeof verdict.subject).toBe('string');
  });
});

describe('filters and codes that cannot become text', () => {
  it.each(inconvertible)('%s as contact, channel or code: a verdict with the error, at its key', (_what, value) => {
    expect(expectAllowed(decision, 'call', { contact: value() as string }).error?.issues).toMatchObject([{ code: 'invalid_type', path: ['contact'] }]);
    expect(expectAllowed(decision, 'call', { channel: value() as never }).error?.issues).toMatchObject([{ code: 'invalid_value', path: ['channel'] }]);
    expect(expectDeferred(decision, 'call', { code: value() as never }).error?.issues).toMatchObject([{ code: 'invalid_value', path: ['code'] }]);
    expect(expectBlocked(decision, 'call', { code: value() as never }).error?.issues).toMatchObject([{ code: 'invalid_value', path: ['code'] }]);
  });
});

describe('a value that throws when read', () => {
  const getThrows = () => new Proxy({}, { get: () => { throw new Error('get trap'); } });

  it('as the decision: a verdict carrying unreadable at the root', () => {
    const verdict = expectAllowed(getThrows(), 'call');
    expect(verdict.pass).toBe(false);
    expect(verdict.error?.issues).toEqual([{ code: 'unreadable', path: [], message: expect.stringContaining('threw: get trap') }]);
    expect(expectNext(getThrows(), null).error?.issues).toMatchObject([{ code: 'unreadable', path: [] }]);
  });

  it('as the filter or the options: OPTIONS_INVALID unreadable, thrown', () => {
    expect(arrearsErrorOf(() => expectAllowed(decision, 'call', { contact: getThrows() as never })).issues).toMatchObject([{ code: 'unreadable', path: ['contact'] }]);
    expect(arrearsErrorOf(() => expectBlocked(decision, 'call', getThrows() as never)).issues).toMatchObject([{ code: 'unreadable' }]);
  });
});
