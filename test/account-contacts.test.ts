import { describe, expect, it } from 'vitest';
import { CHANNELS, parseAccount, RELATIONSHIPS, safeParseAccount, type Issue } from '../src/index';

const base = { id: 'A-1', currency: 'USD', amountDue: 100_00, dueDate: '2026-11-01', debtor: { timeZone: 'America/New_York' } };
const withContacts = (contacts: unknown): unknown => ({ ...base, contacts });

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParseAccount(input);
  if (result.success) throw new Error('expected the account to be refused');
  return result.issues;
}

describe('contacts[]', () => {
  it.each(RELATIONSHIPS)('accepts the relationship %s', (relationship) => {
    expect(parseAccount(withContacts([{ id: 'c', relationship }])).contacts[0]?.relationship).toBe(relationship);
  });

  it('fills in defaults: not verified, no channels', () => {
    expect(parseAccount(withContacts([{ id: 'self', relationship: 'self', name: 'Ann', timeZone: 'America/Chicago' }])).contacts).toEqual([
      { id: 'self', relationship: 'self', name: 'Ann', timeZone: 'America/Chicago', verified: false, channels: [] },
    ]);
  });

  it.each([
    ['an unknown relationship', { id: 'c', relationship: 'cousin' }, 'invalid_value', ['relationship']],
    ['an empty id', { id: '', relationship: 'self' }, 'too_small', ['id']],
    ['no relationship', { id: 'c' }, 'invalid_value', ['relationship']],
    ['an invalid zone', { id: 'c', relationship: 'self', timeZone: 'Mars/Olympus' }, 'invalid_time_zone', ['timeZone']],
    ['a non-boolean verified', { id: 'c', relationship: 'self', verified: 'yes' }, 'invalid_type', ['verified']],
    ['a name longer than 512', { id: 'c', relationship: 'self', name: 'n'.repeat(513) }, 'too_big', ['name']],
    ['an unknown key', { id: 'c', relationship: 'self', phone: '555' }, 'unrecognized_keys', []],
  ])('refuses a contact with %s', (_, contact, code, path) => {
    expect(issuesOf(withContacts([contact]))).toEqual([expect.objectContaining({ code, path: ['contacts', 0, ...path] })]);
  });

  it('names the allowed relationships when one is wrong', () => {
    const [issue] = issuesOf(withContacts([{ id: 'c', relationship: 'cousin' }]));
    for (const relationship of RELATIONSHIPS) expect(issue?.message).toContain(relationship);
  });

  it('refuses two contacts with the same id', () => {
    expect(issuesOf(withContacts([{ id: 'c', relationship: 'self' }, { id: 'c', relationship: 'spouse' }]))).toEqual([
      { code: 'duplicate_id', path: ['contacts', 1, 'id'], message: "duplicate contact id 'c'" },
    ]);
  });
});

describe('contacts[].channels[]', () => {
  const contact = (channels: unknown): unknown => withContacts([{ id: 'self', relationship: 'self', channels }]);

  it.each(CHANNELS)('accepts the %s channel with defaults filled in', (channel) => {
    expect(parseAccount(contact([{ channel }])).contacts[0]?.channels).toEqual([
      { channel, verified: false, optedOut: false, invalid: false, workplace: false },
    ]);
  });

  it('accepts every field of a method', () => {
    const method = {
      channel: 'phone',
      address: '+1 617 555 0100',
      verified: true,
      optedOut: false,
      invalid: false,
      workplace: true,
      timeZone: 'America/Los_Angeles',
      consentUntil: '2026-12-31T23:59:59-05:00',
    };
    expect(parseAccount(contact([method])).contacts[0]?.channels).toEqual([method]);
  });

  it.each([
    ['an unknown channel', { channel: 'fax' }, 'invalid_value', ['channel']],
    ['no channel', { address: 'x' }, 'invalid_value', ['channel']],
    ['an address longer than 512', { channel: 'email', address: 'a'.repeat(513) }, 'too_big', ['address']],
    ['a non-boolean optedOut', { channel: 'sms', optedOut: 1 }, 'invalid_type', ['optedOut']],
    ['a non-boolean invalid', { channel: 'sms', invalid: 'no' }, 'invalid_type', ['invalid']],
    ['a non-boolean workplace', { channel: 'sms', workplace: null }, 'invalid_type', ['workplace']],
    ['an offset as zone', { channel: 'phone', timeZone: '+08:00' }, 'invalid_time_zone', ['timeZone']],
    ['a consent date without time', { channel: 'phone', consentUntil: '2026-12-31' }, 'invalid_instant', ['consentUntil']],
    ['a consent time without offset', { channel: 'phone', consentUntil: '2026-12-31T23:59:59' }, 'missing_offset', ['consentUntil']],
    ['an unknown key', { channel: 'phone', number: '555' }, 'unrecognized_keys', []],
  ])('refuses a method with %s', (_, method, code, path) => {
    expect(issuesOf(contact([{ channel: 'sms' }, method]))).toEqual([expect.objectContaining({ code, path: ['contacts', 0, 'channels', 1, ...path] })]);
  });
});
