import { describe, expect, test } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';

/* A person's zone is a place with its DST rules. 'EST' or 'Etc/GMT+5' is a fixed offset: a New York
   debtor entered as 'EST' would be called at 21:30 EDT all summer. */

const account = (timeZone: unknown, contactZone?: string) => ({
  id: 'A',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-01-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone', ...(contactZone ? { timeZone: contactZone } : {}) }] }],
});
const issues = (input: unknown) => {
  const r = safeParseAccount(input);
  return r.success ? [] : r.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('fixed-offset zone names for a person', () => {
  test.each(['EST', 'MST', 'HST', 'est', 'Etc/GMT+5', 'Etc/GMT-8', 'etc/gmt+10'])('%s is refused with the place to write instead', (zone) => {
    const found = issues(account(zone));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'invalid_time_zone', path: 'debtor.timeZone' });
    expect(found[0]?.message).toMatch(/fixed UTC offset.*IANA name of where the person is/);
  });

  test('a name Intl does not know gets one issue, the unknown-zone one', () => {
    expect(issues(account('GMT+3'))).toEqual([{ code: 'invalid_time_zone', path: 'debtor.timeZone', message: expect.stringContaining('must be an IANA time zone name') }]);
  });

  test('EST suggests America/New_York', () => {
    expect(issues(account('EST'))[0]?.message).toContain("'America/New_York'");
  });

  test('in a list of zones and on a contact method, at their own paths', () => {
    expect(issues(account(['America/New_York', 'MST'])).map((i) => i.path)).toEqual(['debtor.timeZone.1']);
    expect(issues(account('America/New_York', 'Etc/GMT+5')).map((i) => i.path)).toEqual(['contacts.0.channels.0.timeZone']);
  });

  test.each(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/GMT+0', 'America/Phoenix', 'Pacific/Honolulu', 'Asia/Kathmandu', 'EST5EDT'])('%s is accepted', (zone) => {
    expect(issues(account(zone))).toEqual([]);
  });

  test("a policy's fixed zone may be an offset: the author chose it", () => {
    const policy = {
      id: 'p',
      version: '1',
      jurisdiction: 'US',
      actions: { call: { channel: 'phone' } },
      rules: [],
      compliance: [{ id: 'c', constraints: [{ kind: 'window', id: 'w', from: '09:00', to: '17:00', zone: 'Etc/GMT+5' }] }],
    };
    expect(safeParsePolicy(policy).success).toBe(true);
  });
});
