import { describe, expect, it } from 'vitest';
import { anAccount } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/* docs/testing.md §3: a bad argument is refused at the call (OPTIONS_INVALID) or listed by build()
   — never a TypeError from converting it to text or to a key. overdueDays(10n) is listed like
   overdueDays(NaN); a name that becomes a key (a flag, an attribute) must be a string; any
   argument that throws when read is `unreadable` at the call, at its path in the account. */

const asOf = '2026-11-23';
const due = () => anAccount().dueOn('2026-11-01');

describe('overdueDays(n) with n a bigint or a symbol', () => {
  it.each([
    ['10n', 10n, 'bigint'],
    ['a symbol', Symbol('n'), 'symbol'],
  ])('%s: build() lists it at dueDate, as for NaN', (_what, n, kind) => {
    const e = arrearsErrorOf(() => anAccount().overdueDays(n as never, { asOf }).build());
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['dueDate'], message: `overdueDays(n, { asOf }): n must be a whole number of days; received ${kind}` }]);
  });
});

describe('called(n, { within }) with within a bigint', () => {
  it('OPTIONS_INVALID at the attempt, naming the kind', () => {
    const e = arrearsErrorOf(() => due().called(2, { before: '2026-11-23T10:00:00Z', within: 10n as never }).build());
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues[0]?.message).toMatch(/^bigint is not an ISO 8601 duration/);
  });
});

describe('a name that becomes a key must be a string', () => {
  const names: [string, () => unknown][] = [
    ['an object without a prototype', () => Object.create(null)],
    ['an object whose toString is not a function', () => ({ toString: 'x' })],
    ['a number', () => 42],
    ['a symbol', () => Symbol('s')],
  ];
  it.each(names)('flag(%s): OPTIONS_INVALID invalid_type at debtor.flags', (_what, name) => {
    const e = arrearsErrorOf(() => due().flag(name() as never, { since: '2026-11-01' }));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['debtor', 'flags'], message: expect.stringContaining('name must be a flag') }]);
  });
  it.each(names)('attribute(%s, value): OPTIONS_INVALID invalid_type at attributes', (_what, key) => {
    const e = arrearsErrorOf(() => due().attribute(key() as never, 1));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['attributes'], message: expect.stringContaining('key must be the name of the attribute') }]);
  });
});

describe('an argument that throws when read is refused at the call, at its path', () => {
  const getThrows = (): never => new Proxy({}, { get: () => { throw new Error('get trap'); } }) as never;
  const protoThrows = (): never => new Proxy({}, { getPrototypeOf: () => { throw new Error('getPrototypeOf trap'); } }) as never;
  it.each([
    ['overdueDays n', () => anAccount().overdueDays(getThrows(), { asOf }), ['dueDate']],
    ['id', () => anAccount().id(getThrows()), ['id']],
    ['inZone', () => anAccount().inZone(getThrows()), ['debtor', 'timeZone']],
    ['inZone, an item', () => anAccount().inZone(['UTC', protoThrows()]), ['debtor', 'timeZone', 1]],
    ['amount', () => anAccount().amount(getThrows()), ['amountDue']],
    ['amount currency', () => anAccount().amount(5, getThrows()), ['currency']],
    ['dueOn', () => anAccount().dueOn(getThrows()), ['dueDate']],
    ['called n', () => due().called(getThrows(), { before: '2026-11-23T10:00:00Z' }), ['history', 0]],
    ['flag name', () => due().flag(getThrows(), { since: '2026-11-01' }), ['debtor', 'flags']],
    ['approved action', () => due().approved(getThrows(), { at: '2026-11-01T00:00:00Z' }), ['approvals', 0, 'action']],
    ['tag', () => due().tag('a', getThrows()), ['tags', 1]],
    ['attribute key', () => due().attribute(getThrows(), 1), ['attributes']],
  ])('%s', (_name, call, path) => {
    const e = arrearsErrorOf(call);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'unreadable', path, message: expect.stringMatching(/threw: (get|getPrototypeOf) trap/) }]);
  });
});
