/**
 * The reference workload: synthetic accounts from a seeded generator (deterministic), with
 * realistic histories (0-40 attempts over the last 60 days, several contacts).
 */
import type { AccountInput } from '../src/index';

/** Mulberry32: a small seeded PRNG, so every run sees the same book. */
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

/** `n` accounts overdue 0-200 days at `now` (ms). */
export function* syntheticBook(n: number, now: number, seed = 42): Generator<AccountInput> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  for (let i = 0; i < n; i++) {
    const dpd = Math.floor(rnd() * 200) - 5;
    const due = new Date(now - dpd * 86_400_000).toISOString().slice(0, 10);
    const contacts = [
      { id: 'self', relationship: 'self' as const, channels: [{ channel: 'phone' as const }, { channel: 'sms' as const }, { channel: 'visit' as const }, { channel: 'letter' as const }, { channel: 'app' as const }] },
      { id: 'g', relationship: 'guarantor' as const, channels: [{ channel: 'phone' as const }] },
      { id: 'f', relationship: 'family' as const, channels: [{ channel: 'phone' as const }] },
    ];
    const attempts = Math.floor(rnd() * 41);
    const history = Array.from({ length: attempts }, () => {
      const at = new Date(now - Math.floor(rnd() * 60 * 86_400_000)).toISOString();
      const channel = pick(['phone', 'phone', 'phone', 'sms'] as const);
      return { at, action: channel === 'phone' ? 'call_self' : 'sms_reminder', channel, contactId: pick(['self', 'self', 'self', 'g', 'f']), outcome: pick(OUTCOMES) };
    });
    yield { id: `B-${i}`, currency: 'CNY', amountDue: 1000 + Math.floor(rnd() * 1_000_000), dueDate: due, debtor: { timeZone: pick(ZONES) }, contacts, history };
  }
}
