import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'GBP', amountDue: 500_00, dueDate: '2026-10-01', debtor: { timeZone: 'Europe/London' } };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('promises[]', () => {
  const promise = { id: 'p-1', madeAt: '2026-10-05T10:00:00+01:00', dueDate: '2026-10-20', amount: 250_00 };

  it('accepts a promise, its status optional', () => {
    expect(parseAccount({ ...base, promises: [promise] }).promises).toEqual([promise]);
  });

  it.each(['open', 'kept', 'broken', 'cancelled'])('accepts the status %s', (status) => {
    expect(parseAccount({ ...base, promises: [{ ...promise, status }] }).promises[0]?.status).toBe(status);
  });

  it.each([
    ['an impossible date', { ...promise, dueDate: '2026-11-31' }, 'invalid_date', ['dueDate']],
    ['no date', { amount: 1 }, 'invalid_type', ['dueDate']],
    ['a fractional amount', { ...promise, amount: 12.34 }, 'invalid_type', ['amount']],
    ['a negative amount', { ...promise, amount: -1 }, 'too_small', ['amount']],
    ['an unknown status', { ...promise, status: 'pending' }, 'invalid_value', ['status']],
    ['an unknown key', { ...promise, kept: true }, 'unrecognized_keys', []],
  ])('refuses a promise with %s', (_, bad, code, path) => {
    expect(issuesOf({ ...base, promises: [bad] })).toEqual([expect.objectContaining({ code, path: ['promises', 0, ...path] })]);
  });
});

describe('payments[]', () => {
  it('accepts a payment', () => {
    const payment = { at: '2026-10-06T09:00:00Z', amount: 100_00 };
    expect(parseAccount({ ...base, payments: [payment] }).payments).toEqual([payment]);
  });

  it.each([
    ['a fractional amount', { at: '2026-10-06T09:00:00Z', amount: 0.5 }, 'invalid_type', ['amount']],
    ['no amount', { at: '2026-10-06T09:00:00Z' }, 'invalid_type', ['amount']],
    ['a local time', { at: '2026-10-06T09:00:00', amount: 1 }, 'missing_offset', ['at']],
    ['a method', { at: '2026-10-06T09:00:00Z', amount: 1, method: 'card' }, 'unrecognized_keys', []],
  ])('refuses a payment with %s', (_, bad, code, path) => {
    expect(issuesOf({ ...base, payments: [bad] })).toEqual([expect.objectContaining({ code, path: ['payments', 0, ...path] })]);
  });
});

describe('approvals[]', () => {
  it('accepts an approval with who gave it and when it expires', () => {
    const approval = { action: 'litigation', at: '2026-10-07T12:00:00Z', by: 'supervisor-7', expiresAt: '2026-11-07T12:00:00Z' };
    expect(parseAccount({ ...base, approvals: [approval] }).approvals).toEqual([approval]);
  });

  it.each([
    ['an empty action', { action: '', at: '2026-10-07T12:00:00Z' }, 'too_small', ['action']],
    ['no instant', { action: 'litigation' }, 'invalid_type', ['at']],
    ['an expiry without offset', { action: 'litigation', at: '2026-10-07T12:00:00Z', expiresAt: '2026-11-07' }, 'invalid_instant', ['expiresAt']],
  ])('refuses an approval with %s', (_, bad, code, path) => {
    expect(issuesOf({ ...base, approvals: [bad] })).toEqual([expect.objectContaining({ code, path: ['approvals', 0, ...path] })]);
  });
});
