import { describe, expect, it } from 'vitest';
import { safeParseAccount } from '../src/index';

/* Consent that ends before it was given is a typo, refused as an approval that expires before it is given is. */

const withConsent = (consent: Record<string, string>) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 5000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/New_York' },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'sms' }, { channel: 'phone', ...consent }] }],
});

describe("a contact method's consent that ends before it was given", () => {
  it('is refused with ends_before_start at consentUntil, whatever offsets the instants are written in', () => {
    const r = safeParseAccount(withConsent({ consentGivenAt: '2026-12-05T00:00:00Z', consentUntil: '2026-12-04T18:59:59-05:00' }));
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.code).toBe('ACCOUNT_INVALID');
    expect(r.issues).toEqual([
      { code: 'ends_before_start', path: ['contacts', 0, 'channels', 1, 'consentUntil'], message: 'consent ends before it was given (`consentGivenAt`); check both instants' },
    ]);
  });

  it('consent ending as it is given, or later, or with only one of the two instants, is accepted', () => {
    for (const consent of [
      { consentGivenAt: '2026-12-05T00:00:00Z', consentUntil: '2026-12-04T19:00:00-05:00' },
      { consentGivenAt: '2026-12-05T00:00:00Z', consentUntil: '2026-12-12T00:00:00Z' },
      { consentUntil: '2026-12-01T00:00:00Z' },
      { consentGivenAt: '2026-12-05T00:00:00Z' },
    ]) {
      expect(safeParseAccount(withConsent(consent)).success, JSON.stringify(consent)).toBe(true);
    }
  });
});
