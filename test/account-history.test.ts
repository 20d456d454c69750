import { describe, expect, it } from 'vitest';
import { CHANNELS, OUTCOMES, parseAccount, safeParseAccount, type Issue } from '../src/index';

const base = {
  id: 'A-1',
  currency: 'CNY',
  amountDue: 356_000,
  dueDate: '2026-11-20',
  debtor: { timeZone: 'Asia/Shanghai' },
  contacts: [
    { id: 'li-wei', relationship: 'self', channels: [{ channel: 'phone' }] },
    { id: 'zhang', relationship: 'guarantor' },
  ],
};
const withHistory = (history: unknown): unknown => ({ ...base, history });
const attempt = { at: '2026-11-21T10:02:00+08:00', action: 'call_self', channel: 'phone', contactId: 'li-wei', outcome: 'no_answer' };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('history[]: attempts', () => {
  it('accepts an attempt and fills in direction and consent', () => {
    expect(parseAccount(withHistory([attempt])).history).toEqual([{ ...attempt, direction: 'outbound', consented: false }]);
  });

  it('accepts every field', () => {
    const full = { ...attempt, id: 'att-1', address: '+86 138 0000 0001', direction: 'inbound', outcome: 'promise_to_pay', consented: true };
    expect(parseAccount(withHistory([full])).history).toEqual([full]);
  });

  it('accepts attempts in any order and keeps the order given', () => {
    const later = { ...attempt, at: '2026-11-22T10:00:00+08:00' };
    expect(parseAccount(withHistory([later, attempt])).history.map((a) => a.at)).toEqual([later.at, attempt.at]);
  });

  it.each(OUTCOMES)('accepts the outcome %s', (outcome) => {
    expect(parseAccount(withHistory([{ ...attempt, outcome }])).history[0]?.outcome).toBe(outcome);
  });

  it.each(CHANNELS)('accepts the channel %s', (channel) => {
    expect(parseAccount(withHistory([{ ...attempt, channel }])).history[0]?.channel).toBe(channel);
  });

  it('accepts an internal action without channel nor contact', () => {
    expect(parseAccount(withHistory([{ at: '2026-11-21T00:00:00Z', action: 'credit_report', outcome: 'completed' }])).history).toHaveLength(1);
  });

  it.each([
    ['an unknown outcome', { ...attempt, outcome: 'answered' }, 'invalid_value', ['outcome']],
    ['no outcome', { at: attempt.at }, 'invalid_value', ['outcome']],
    ['an unknown channel', { ...attempt, channel: 'pigeon' }, 'invalid_value', ['channel']],
    ['an unknown direction', { ...attempt, direction: 'sideways' }, 'invalid_value', ['direction']],
    ['a non-boolean consent', { ...attempt, consented: 'yes' }, 'invalid_type', ['consented']],
    ['an action longer than 128', { ...attempt, action: 'a'.repeat(129) }, 'too_big', ['action']],
    ['an unknown key', { ...attempt, result: 'ok' }, 'unrecognized_keys', []],
  ])('refuses an attempt with %s', (_, bad, code, path) => {
    expect(issuesOf(withHistory([attempt, bad]))).toEqual([expect.objectContaining({ code, path: ['history', 1, ...path] })]);
  });
});

describe('history[].at: an instant with an offset', () => {
  it.each(['2026-11-21T10:02:00+08:00', '2026-11-21T02:02:00Z', '2026-11-21T02:02:00.250Z', '2026-11-21T10:02+08:00', '2026-11-21T10:02:00+0800'])(
    'accepts %s as written',
    (at) => {
      expect(parseAccount(withHistory([{ ...attempt, at }])).history[0]?.at).toBe(at);
    },
  );

  it('refuses a local date-time with missing_offset and says why', () => {
    const [issue, ...rest] = issuesOf(withHistory([{ ...attempt, at: '2026-11-21T10:02:00' }]));
    expect(rest).toEqual([]);
    expect(issue).toEqual({
      code: 'missing_offset',
      path: ['history', 0, 'at'],
      message:
        '"2026-11-21T10:02:00" has no UTC offset: a local date-time is ambiguous (it is a different instant in every time zone). Add Z for UTC or an offset like +08:00, e.g. "2026-11-21T10:02:00+08:00".',
    });
  });

  it('accepts a Date and stores it as an ISO string', () => {
    const account = parseAccount(withHistory([{ ...attempt, at: new Date('2026-11-21T02:02:00.000Z') }]));
    expect(account.history[0]?.at).toBe('2026-11-21T02:02:00Z');
  });

  it('refuses an impossible date and says why', () => {
    expect(issuesOf(withHistory([{ ...attempt, at: '2026-02-30T10:00:00Z' }]))).toEqual([
      { code: 'invalid_instant', path: ['history', 0, 'at'], message: '"2026-02-30T10:00:00Z" is not a valid instant: 2026-02 has 28 days, not 30' },
    ]);
  });

  it.each([
    ['a date alone', '2026-11-21'],
    ['words', 'yesterday at noon'],
    ['an hour 24', '2026-11-21T24:00:00Z'],
    ['an offset beyond ±23:59', '2026-11-21T10:00:00+24:00'],
    ['an offset without minutes', '2026-11-21T10:00:00+08'],
  ])('refuses %s with invalid_instant', (_, at) => {
    expect(issuesOf(withHistory([{ ...attempt, at }]))).toEqual([expect.objectContaining({ code: 'invalid_instant', path: ['history', 0, 'at'] })]);
  });

  it('refuses an attempt without instant', () => {
    const { at: _omitted, ...noInstant } = attempt;
    expect(issuesOf(withHistory([noInstant]))).toEqual([expect.objectContaining({ path: ['history', 0, 'at'] })]);
  });

  it('refuses an invalid Date with invalid_instant and says why', () => {
    expect(issuesOf(withHistory([{ ...attempt, at: new Date('not a date') }]))).toEqual([
      { code: 'invalid_instant', path: ['history', 0, 'at'], message: 'the Date is invalid (its time value is NaN)' },
    ]);
  });

  it('says what an instant is when given epoch milliseconds', () => {
    const issues = issuesOf(withHistory([{ ...attempt, at: 1_763_690_520_000 }]));
    expect(issues).toEqual([expect.objectContaining({ path: ['history', 0, 'at'] })]);
    expect(issues[0]?.message).toContain('ISO 8601');
    expect(issues[0]?.message).toContain('received number (epoch milliseconds are not taken: pass new Date(ms))');
  });
});

describe('history[].contactId', () => {
  it('accepts a contact of the account, or none (counts against every contact)', () => {
    const { contactId: _omitted, ...anyone } = attempt;
    expect(parseAccount(withHistory([attempt, { ...attempt, contactId: 'zhang' }, anyone])).history).toHaveLength(3);
  });

  it('refuses an unknown contact and lists the known ones', () => {
    expect(issuesOf(withHistory([{ ...attempt, contactId: 'li-wie' }]))).toEqual([
      { code: 'unknown_contact', path: ['history', 0, 'contactId'], message: "unknown contact 'li-wie'; contacts are 'li-wei', 'zhang'" },
    ]);
  });

  it('says there are no contacts when the account has none', () => {
    expect(issuesOf({ ...base, contacts: [], history: [attempt] })).toEqual([
      { code: 'unknown_contact', path: ['history', 0, 'contactId'], message: "unknown contact 'li-wei'; contacts are (none)" },
    ]);
  });
});
