import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAccount, safeParseAccount } from '../src/index';

const bankCardAccounts = JSON.parse(readFileSync(new URL('../examples/accounts/bank-card-accounts.json', import.meta.url), 'utf8')) as unknown[];

/** An account using every default and a Date, so parsing has something to fill in and convert. */
const sparse = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 100_00,
  instalments: [{ dueDate: '2026-10-01', amount: 100_00 }],
  debtor: { timeZone: ['America/New_York', 'America/Chicago'], flags: { hardship: { since: new Date('2026-10-01T00:00:00Z') } } },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [{ at: new Date('2026-10-02T14:00:00Z'), contactId: 'self', outcome: 'no_answer' }],
  attributes: { nested: { list: [1, { deep: true }] } },
};

describe('parseAccount never mutates its input', () => {
  const cases: [string, unknown][] = [['a sparse account with Dates', sparse], ...bankCardAccounts.map((a, i): [string, unknown] => [`bank-card account ${i}`, a])];

  it.each(cases)('%s', (_, input) => {
    const before = structuredClone(input);
    parseAccount(input);
    safeParseAccount(input);
    expect(input).toEqual(before);
  });

  it('leaves a refused input untouched too', () => {
    const bad = { ...sparse, amountDue: 1.5, history: [{ at: '2026-10-02T14:00:00', outcome: 'nope' }] };
    const before = structuredClone(bad);
    expect(safeParseAccount(bad).success).toBe(false);
    expect(bad).toEqual(before);
  });

  it('returns new objects: changing the input afterwards does not change the account', () => {
    const input = structuredClone(sparse);
    const account = parseAccount(input);
    input.attributes.nested.list.push(2);
    input.contacts[0]?.channels.push({ channel: 'sms' });
    input.debtor.timeZone.push('UTC');
    expect(account.attributes).toEqual({ nested: { list: [1, { deep: true }] } });
    expect(account.contacts[0]?.channels).toHaveLength(1);
    expect(account.debtor.timeZone).toEqual(['America/New_York', 'America/Chicago']);
  });
});
