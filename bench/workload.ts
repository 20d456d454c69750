/**
 * The reference workload: synthetic accounts from a seeded generator (deterministic: the same
 * book on every run and every machine), with realistic histories — 0 to 40 attempts over the
 * last 60 days on several channels, three contacts (debtor, guarantor, family), debtors in four
 * zones on both sides of the Pacific, and a tenth of them with a promise to pay (some kept by a
 * payment) so the strategy's `noOpenPromise` condition goes both ways.
 */
import type { AccountInput } from '../src/index';

/**
 * Mulberry32: a small seeded PRNG, so every run sees the same book.
 *
 * @example
 * const rnd = prng(42); rnd(); // 0.6011037519201636, on every run
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OUTCOMES = ['no_answer', 'no_answer', 'no_answer', 'voicemail', 'busy', 'right_party_contact', 'promise_to_pay', 'delivered'] as const;
const ZONES = ['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai', 'America/New_York', 'America/Los_Angeles', 'Asia/Kolkata'] as const;
const DAY = 86_400_000;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `n` accounts overdue -5 to 194 days at `now` (epoch ms), generated lazily: a book of any size
 * streams in constant memory.
 *
 * @example
 * for (const account of syntheticBook(1_000, Date.parse('2026-11-23T02:30:00Z'))) engine.decide(account, { now });
 */
export function* syntheticBook(n: number, now: number, seed = 42): Generator<AccountInput> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  for (let i = 0; i < n; i++) {
    const dpd = Math.floor(rnd() * 200) - 5;
    const contacts = [
      { id: 'self', relationship: 'self' as const, channels: [{ channel: 'phone' as const }, { channel: 'sms' as const }, { channel: 'visit' as const }, { channel: 'letter' as const }, { channel: 'app' as const }] },
      { id: 'g', relationship: 'guarantor' as const, channels: [{ channel: 'phone' as const }] },
      { id: 'f', relationship: 'family' as const, channels: [{ channel: 'phone' as const }] },
    ];
    const attempts = Math.floor(rnd() * 41);
    const history = Array.from({ length: attempts }, () => {
      const at = new Date(now - Math.floor(rnd() * 60 * DAY)).toISOString();
      const channel = pick(['phone', 'phone', 'phone', 'sms'] as const);
      return { at, action: channel === 'phone' ? 'call_self' : 'sms_reminder', channel, contactId: pick(['self', 'self', 'self', 'g', 'f']), outcome: pick(OUTCOMES) };
    });
    const account: AccountInput = {
      id: `B-${i}`,
      currency: 'CNY',
      amountDue: 1000 + Math.floor(rnd() * 1_000_000),
      dueDate: isoDate(now - dpd * DAY),
      debtor: { timeZone: pick(ZONES) },
      contacts,
      history,
    };
    if (rnd() < 0.1) {
      // A promise made in the last 10 days, due 1 to 11 days after it was made (some passed, some
      // to come: the day after in UTC is never before the day it was made in any zone); a third kept.
      const madeAt = now - Math.floor(rnd() * 10 * DAY);
      const amount = 10_000 + Math.floor(rnd() * 100_000);
      const promise = { madeAt: new Date(madeAt).toISOString(), dueDate: isoDate(madeAt + Math.floor(1 + rnd() * 11) * DAY), amount };
      const kept = rnd() < 1 / 3;
      yield { ...account, promises: [promise], payments: kept ? [{ at: new Date(madeAt + DAY).toISOString(), amount }] : [] };
    } else yield account;
  }
}
