import { describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';
import { callPolicy, debtor } from './support/policies';

const issuesOf = (r: ReturnType<typeof safeParseAccount> | ReturnType<typeof safeParsePolicy>) => (r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message })));

describe('a missing value where one of a fixed set is expected says "is required"', () => {
  it('an attempt without its outcome', () => {
    const account = debtor('UTC', { history: [{ at: '2026-10-01T10:00:00Z', channel: 'phone', contactId: 'me' }] });
    expect(issuesOf(safeParseAccount(account))).toEqual([{ code: 'invalid_value', path: 'history.0.outcome', message: expect.stringMatching(/^is required \(one of 'no_answer', .*'completed'\)$/) }]);
  });

  it('a contact without its relationship, a method without its channel', () => {
    const account = debtor('UTC', { contacts: [{ id: 'me', channels: [{ address: '+1 212 555 0100' }] }] });
    expect(issuesOf(safeParseAccount(account))).toEqual([
      { code: 'invalid_value', path: 'contacts.0.relationship', message: expect.stringMatching(/^is required \(one of 'self', /) },
      { code: 'invalid_value', path: 'contacts.0.channels.0.channel', message: expect.stringMatching(/^is required \(one of 'phone', /) },
    ]);
  });

  it('a missing value where several forms are accepted is invalid_type, like any missing value, and names the forms', () => {
    expect(issuesOf(safeParsePolicy({ id: 'p', version: '1' }))).toEqual([{ code: 'invalid_type', path: 'jurisdiction', message: 'is required (a string or an array)' }]);
    const noZone = debtor('UTC');
    expect(issuesOf(safeParseAccount({ ...noZone, debtor: {} }))).toEqual([{ code: 'invalid_type', path: 'debtor.timeZone', message: 'is required (a string or an array)' }]);
  });

  it('a wrong value still names the accepted ones', () => {
    const account = debtor('UTC', { history: [{ at: '2026-10-01T10:00:00Z', outcome: 'answered' }] });
    expect(issuesOf(safeParseAccount(account))[0]?.message).toMatch(/^must be one of 'no_answer', .*, not 'answered'$/);
    const nulled = debtor('UTC', { history: [{ at: '2026-10-01T10:00:00Z', outcome: null }] });
    expect(issuesOf(safeParseAccount(nulled))[0]?.message).toMatch(/^must be one of 'no_answer', .*, not null$/);
  });

  it('a union reports the form whose keys the object has: a calendar period with a wrong calendar', () => {
    const policy = callPolicy([{ kind: 'cap', id: 'c', max: 3, period: { calendar: 'fortnight' } }]);
    expect(issuesOf(safeParsePolicy(policy))).toEqual([{ code: 'invalid_value', path: 'compliance.0.constraints.0.period.calendar', message: "must be one of 'day', 'week', 'month', not 'fortnight'" }]);
    // Keys no form knows: every form is as far off, and the union's own message lists them.
    const unknown = callPolicy([{ kind: 'cap', id: 'c', max: 3, period: { fortnight: 1 } }]);
    expect(issuesOf(safeParsePolicy(unknown))[0]?.path).toMatch(/^compliance\.0\.constraints\.0\.period/);
  });
});
