import { readFileSync } from 'node:fs';
import type { AccountInput } from '../../src/index';

/** Reads a JSON file of the repository. */
export const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8'));

/** The date `days` before an ISO date (UTC calendar arithmetic; dates only). */
export function daysBefore(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A debtor with every channel, overdue `dpd` days on `asOf`, in `zone`. */
export function overdue(dpd: number, asOf: string, extra: Partial<AccountInput> = {}, zone = 'Asia/Shanghai'): AccountInput {
  return {
    id: `A-${dpd}`,
    currency: 'CNY',
    amountDue: 100_000,
    dueDate: daysBefore(asOf, dpd),
    debtor: { timeZone: zone },
    contacts: [
      {
        id: 'me',
        relationship: 'self',
        channels: [{ channel: 'phone' }, { channel: 'sms' }, { channel: 'app' }, { channel: 'visit' }, { channel: 'letter' }, { channel: 'email' }],
      },
    ],
    ...extra,
  };
}
