import { describe, expect, it } from 'vitest';
import { safeParseAccount } from '../src/index';

/* limits.maxContacts (default 200) → too_many_contacts, LIMIT_EXCEEDED: a decision proposes per contact and channel. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const contacts = (n: number): unknown[] => Array.from({ length: n }, (_, i) => ({ id: `c${i}`, relationship: 'reference', channels: [{ channel: 'phone' }] }));

describe('more contacts than limits.maxContacts → too_many_contacts', () => {
  it('by default', () => {
    expect(safeParseAccount({ ...account, contacts: contacts(201) })).toEqual({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [
        {
          code: 'too_many_contacts',
          path: ['contacts'],
          message: 'the account has 201 contacts, over the limit of 200 (limits.maxContacts); raise the limit if that is expected',
        },
      ],
    });
    expect(safeParseAccount({ ...account, contacts: contacts(200) }).success).toBe(true);
  });

  it('with a configured limit', () => {
    expect(safeParseAccount({ ...account, contacts: contacts(3) }, { limits: { maxContacts: 2 } })).toMatchObject({
      success: false,
      code: 'LIMIT_EXCEEDED',
      issues: [{ code: 'too_many_contacts', path: ['contacts'] }],
    });
  });

  it('raising the limit admits more contacts', () => {
    expect(safeParseAccount({ ...account, contacts: contacts(201) }, { limits: { maxContacts: 500 } }).success).toBe(true);
  });
});
