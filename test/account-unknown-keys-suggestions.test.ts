import { describe, expect, it } from 'vitest';
import { safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'USD', amountDue: 100_00, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('an unknown key in an account names the known key it is likely a typo of', () => {
  it.each([
    ['the account', { ...base, contacs: [] }, [], 'contacs', 'contacts'],
    ['the debtor', { ...base, debtor: { timeZone: 'UTC', jurisdction: 'US' } }, ['debtor'], 'jurisdction', 'jurisdiction'],
    ['a flag name', { ...base, debtor: { timeZone: 'UTC', flags: { decease: { since: '2026-01-01' } } } }, ['debtor', 'flags'], 'decease', 'deceased'],
    ['a contact method', { ...base, contacts: [{ id: 'c', relationship: 'self', channels: [{ channel: 'sms', optedout: true }] }] }, ['contacts', 0, 'channels', 0], 'optedout', 'optedOut'],
    ['an attempt', { ...base, history: [{ at: '2026-11-01T10:00:00Z', outcome: 'no_answer', chanel: 'phone' }] }, ['history', 0], 'chanel', 'channel'],
  ])('in %s', (_, input, path, typo, known) => {
    expect(issuesOf(input)).toEqual([
      { code: 'unrecognized_keys', path, message: `unknown key '${typo}'; remove it or check the spelling; did you mean '${known}'?` },
    ]);
  });

  it('a symbol key in a map of known keys (flags) is named, not a crash', () => {
    const issues = issuesOf({ ...base, debtor: { timeZone: 'UTC', flags: { [Symbol('hardship')]: { since: '2026-01-01' } } } });
    expect(issues).toEqual([{ code: 'unrecognized_keys', path: ['debtor', 'flags'], message: "unknown key 'Symbol(hardship)'; remove it or check the spelling" }]);
  });

  it('gives no hint when no known key is close', () => {
    expect(issuesOf({ ...base, banana: 1 })).toEqual([
      { code: 'unrecognized_keys', path: [], message: "unknown key 'banana'; remove it or check the spelling" },
    ]);
  });

  it('does not suggest a key the input already has', () => {
    expect(issuesOf({ ...base, amountdue: 1 })[0]?.message).toBe("unknown key 'amountdue'; remove it or check the spelling");
  });

  it('hints for each of several unknown keys that has a close known key, at the end', () => {
    expect(issuesOf({ ...base, contacs: [], banana: 1, histroy: [] })).toEqual([
      {
        code: 'unrecognized_keys',
        path: [],
        message: "unknown keys 'contacs', 'banana', 'histroy'; remove them or check the spelling; did you mean 'contacts' for 'contacs', 'history' for 'histroy'?",
      },
    ]);
  });
});
