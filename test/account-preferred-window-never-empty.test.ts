import { describe, expect, it } from 'vitest';
import { safeParseAccount } from '../src/index';

/* A preferred window whose `to` equals its `from` would read as "past midnight", i.e. open all
   day, and replace a regulation's hours the debtor may override (Reg F honours the times a
   consumer states): a typo must not do that, so it is refused as empty_window. */

const debtor = (windows: unknown[]) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 10000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/Chicago', contactPreferences: { windows } },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
});

describe('contactPreferences.windows[]: from === to', () => {
  it('is refused with empty_window at `to`, saying how to write a whole day', () => {
    const r = safeParseAccount(debtor([{ from: '03:00', to: '03:00' }]));
    expect(r).toMatchObject({ success: false, code: 'ACCOUNT_INVALID', issues: [{ code: 'empty_window', path: ['debtor', 'contactPreferences', 'windows', 0, 'to'] }] });
    expect(r.success ? '' : r.issues[0]?.message).toContain("'00:00' to '24:00'");
  });

  it('a whole day is written 00:00–24:00', () => {
    expect(safeParseAccount(debtor([{ from: '00:00', to: '24:00' }])).success).toBe(true);
  });

  it('past midnight (to earlier than from) is still a window', () => {
    expect(safeParseAccount(debtor([{ from: '22:00', to: '02:00' }])).success).toBe(true);
  });
});
