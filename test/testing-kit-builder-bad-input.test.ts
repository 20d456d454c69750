import { describe, expect, it } from 'vitest';
import type { ArrearsError } from '../src/index';
import { anAccount } from '../src/testing/index';
import { arrearsErrorOf } from './support/errors';

/*
 * anAccount(): build() lists every problem of what the builder was told, like parseAccount; an
 * argument that cannot even be recorded (an options object that is not one, an unknown option) is
 * refused at the call. Always ArrearsError with a path, never a TypeError or RangeError.
 */

const asOf = '2026-11-23';
const paths = (e: ArrearsError) => e.issues.map((i) => i.path.join('.'));

describe('overdueDays(n) with n that is not a whole number of days', () => {
  it.each([Number.NaN, 1.5, Infinity, '3', null])('n = %j: ACCOUNT_INVALID at dueDate, saying what n is', (n) => {
    const e = arrearsErrorOf(() => anAccount().overdueDays(n as never, { asOf }).build());
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path: ['dueDate'], message: expect.stringMatching(/^overdueDays\(n, \{ asOf \}\): n must be a whole number of days; received /) }]);
  });

  it('n so large the due date leaves the calendar: invalid_date at dueDate, not a RangeError', () => {
    const e = arrearsErrorOf(() => anAccount().overdueDays(1e9, { asOf }).build());
    expect(e.issues).toEqual([{ code: 'invalid_date', path: ['dueDate'], message: expect.stringMatching(/^overdueDays\(1000000000, \{ asOf \}\) puts the due date outside 1900-2200/) }]);
  });

  it('is reported beside the other problems', () => {
    const e = arrearsErrorOf(() => anAccount().overdueDays(Number.NaN, { asOf }).inZone('Mars/Olympus').amount(-5, 'usd').build());
    expect(paths(e)).toEqual(['dueDate', 'currency', 'amountDue', 'debtor.timeZone']);
  });
});

describe('a missing due date does not hide the other problems', () => {
  it('reports the missing due date, the bad zone and the bad amount together', () => {
    const e = arrearsErrorOf(() => anAccount().inZone('Mars/Olympus').amount(-5, 'usd').build());
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(paths(e)).toEqual(['dueDate', 'currency', 'amountDue', 'debtor.timeZone']);
    expect(e.issues.find((i) => i.code === 'missing_due_date')?.message).toBe('the account has no due date: call .overdueDays(n, { asOf }), .dueOn(date) or .instalment({ dueDate, amount })');
  });
});

describe('arguments that are not what the method takes are refused at the call', () => {
  const b = anAccount().dueOn('2026-11-01');
  it.each([
    ['overdueDays(3, 5)', () => anAccount().overdueDays(3, 5 as never), ['dueDate']],
    ['withContact(rel, null)', () => b.withContact('employer', null as never), ['contacts', 1]],
    ['called(2)', () => b.called(2, undefined as never), ['history', 0]],
    ['called(2, null)', () => b.called(2, null as never), ['history', 0]],
    ['attempt()', () => b.attempt(undefined as never), ['history', 0]],
    ['promised()', () => b.promised(undefined as never), ['promises', 0]],
    ['paid(null)', () => b.paid(null as never), ['payments', 0]],
    ['flag(f)', () => b.flag('disputed', undefined as never), ['debtor', 'flags', 'disputed']],
    ['approved(a)', () => b.approved('sue', undefined as never), ['approvals', 0]],
    ['prefers()', () => b.prefers(undefined as never), ['debtor', 'contactPreferences', 'windows', 0]],
    ['instalment(5)', () => b.instalment(5 as never), ['instalments', 0]],
    ['called(0, …)', () => b.called(0, { before: '2026-11-20T10:00:00Z' }), ['history', 0]],
    ['called(NaN, …)', () => b.called(Number.NaN, { before: '2026-11-20T10:00:00Z' }), ['history', 0]],
    ['called(1.5, …)', () => b.called(1.5, { before: '2026-11-20T10:00:00Z' }), ['history', 0]],
  ])('%s: OPTIONS_INVALID invalid_type at its path', (_, call, path) => {
    const e = arrearsErrorOf(call);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toEqual([{ code: 'invalid_type', path, message: expect.stringMatching(/^(must be |called\(n, …\): n must be a whole number of attempts)/) }]);
  });

  it.each([
    ['overdueDays', () => anAccount().overdueDays(3, { asof: asOf } as never), ['dueDate'], 'asOf'],
    ['withContact', () => b.withContact('employer', { phon: true } as never), ['contacts', 1], 'phone'],
    ['called', () => b.called(1, { before: '2026-11-20T10:00:00Z', outcom: 'busy' } as never), ['history', 0], 'outcome'],
    ['promised', () => b.promised({ on: '2026-12-01', amonut: 5 } as never), ['promises', 0], 'amount'],
    ['paid', () => b.paid({ at: '2026-11-20T10:00:00Z', amout: 5 } as never), ['payments', 0], 'amount'],
    ['flag', () => b.flag('disputed', { since: '2026-11-01', untill: '2026-11-05' } as never), ['debtor', 'flags', 'disputed'], 'until'],
    ['approved', () => b.approved('sue', { at: '2026-11-20T10:00:00Z', expires: '2026-12-01T00:00:00Z' } as never), ['approvals', 0], 'expiresAt'],
  ])('%s: an unknown option is refused with a did-you-mean, not ignored', (_, call, path, meant) => {
    const e = arrearsErrorOf(call);
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'unrecognized_keys', path, message: expect.stringContaining(`did you mean '${meant}'?`) }]);
  });

  it.each([
    ['null', null],
    ['5', 5],
    ['[null]', [null]],
    ['false', false],
  ])('a channel of withContact given %s: invalid_type at the channel, not silently a plain method', (_, spec) => {
    const e = arrearsErrorOf(() => b.withContact('employer', { phone: spec } as never));
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.issues).toMatchObject([{ code: 'invalid_type', path: ['contacts', 1, 'phone'] }]);
  });

  it('a zone that is not a string nor a list is reported by build() beside the other problems, not a TypeError', () => {
    for (const zone of [5, null]) {
      const e = arrearsErrorOf(() => anAccount().inZone(zone as never).amount(-5).build());
      expect(e.code).toBe('ACCOUNT_INVALID');
      expect(paths(e)).toEqual(['dueDate', 'amountDue', 'debtor.timeZone']);
    }
  });

  it('preferred days that are not a list are refused by the account schema, not a TypeError', () => {
    const e = arrearsErrorOf(() => b.prefers({ from: '10:00', to: '11:00', days: 5 } as never).build());
    expect(e.code).toBe('ACCOUNT_INVALID');
    expect(paths(e)).toEqual(['debtor.contactPreferences.windows.0.days']);
  });

  it('an attribute JSON cannot hold is refused by the account schema, not a TypeError nor dropped', () => {
    for (const value of [10n, () => 1, undefined]) {
      const e = arrearsErrorOf(() => b.attribute('x', value as never).build());
      expect(e.code).toBe('ACCOUNT_INVALID');
      expect(paths(e)).toEqual(['attributes.x']);
    }
  });
});
