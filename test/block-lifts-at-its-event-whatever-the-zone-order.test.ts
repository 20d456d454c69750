import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/index';

/*
 * concepts.md: `allowedFrom` is the earliest instant every constraint allows the proposal, and
 * the order of `debtor.timeZone` changes nothing. A block lifted by a dated event of the account
 * — a flag starting, an open promise's date ending — must lift at that event, for a debtor in
 * several zones too, whichever zone is listed first: deciding again at `allowedFrom` allows, and
 * one millisecond earlier does not.
 */

const policy = (action: Record<string, unknown>, when: unknown) => ({
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { reach: action },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['reach'] }],
  compliance: [{ id: 'own', constraints: [{ kind: 'block', id: 'hold', code: 'BLOCKED', message: 'held', when }] }],
});

const statusAt = (engine: ReturnType<typeof createEngine>, account: unknown, now: string) => {
  const d = engine.decide(account, { now });
  if (!d.ok || d.next === null) throw new Error('expected a proposal');
  return { status: d.next.status, allowedFrom: d.next.allowedFrom };
};

const expectLiftAt = (engine: ReturnType<typeof createEngine>, account: unknown, now: string, lift: string) => {
  expect(statusAt(engine, account, now)).toEqual({ status: 'deferred', allowedFrom: lift });
  expect(statusAt(engine, account, lift).status).toBe('allowed');
  expect(statusAt(engine, account, new Date(Date.parse(lift) - 1).toISOString()).status).toBe('deferred');
};

describe('a block lifted by a dated event lifts at it, whatever the order of the debtor zones', () => {
  // The flag starts on 3 November at the first of the debtor's midnights: London's, 3½ hours before St John's.
  const flagged = policy({ kind: 'credit_report' }, { all: [{ fact: 'bankrupt', operator: 'equal', value: false }] });
  for (const timeZone of [
    ['Europe/London', 'America/St_Johns'],
    ['America/St_Johns', 'Europe/London'],
  ]) {
    it(`a flag starting on a date, zones ${timeZone.join(' then ')}`, () => {
      const account = {
        id: 'A',
        currency: 'USD',
        amountDue: 100,
        dueDate: '2026-09-01',
        debtor: { timeZone, flags: { bankrupt: { since: '2026-11-03' } } },
      };
      expectLiftAt(createEngine(flagged), account, '2026-10-24T12:00:00Z', '2026-11-03T00:00:00Z');
    });
  }

  // An open promise is broken once its date has ended in every zone: UTC's midnight, 5 h 45 min after Kathmandu's.
  const promised = policy({ channel: 'letter' }, { all: [{ fact: 'hasOpenPromise', operator: 'equal', value: true }] });
  for (const timeZone of [
    ['Asia/Kathmandu', 'UTC'],
    ['UTC', 'Asia/Kathmandu'],
  ]) {
    it(`an open promise's date ending, zones ${timeZone.join(' then ')}`, () => {
      const account = {
        id: 'A',
        currency: 'USD',
        amountDue: 10_000,
        dueDate: '2030-10-01',
        debtor: { timeZone },
        contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'letter' }] }],
        promises: [{ dueDate: '2030-12-31', amount: 615, status: 'open', madeAt: '2030-12-13T00:00:00Z' }],
      };
      expectLiftAt(createEngine(promised), account, '2030-12-20T00:00:00Z', '2031-01-01T00:00:00Z');
    });
  }
});

describe('property: blocks on flags and promises lift at one instant in every zone order', () => {
  const zoneList = ['Europe/London', 'America/St_Johns', 'Asia/Kathmandu', 'UTC', 'Pacific/Chatham', 'Australia/Lord_Howe', 'America/Los_Angeles'];
  const engine = createEngine(
    policy({ channel: 'letter' }, { any: [{ fact: 'bankrupt', operator: 'equal', value: false }, { fact: 'hasOpenPromise', operator: 'equal', value: true }] }),
  );
  const DAY = 86_400_000;
  const start = Date.parse('2026-10-20T00:00:00Z');
  const date = (days: number) => new Date(start + days * DAY).toISOString().slice(0, 10);

  it('the same allowedFrom whichever zone is listed first, allowed there and not 1 ms before', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(zoneList, { minLength: 2, maxLength: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (zones, flagDay, promiseDay, minute) => {
          const account = (timeZone: string[]) => ({
            id: 'A',
            currency: 'USD',
            amountDue: 10_000,
            dueDate: '2026-09-01',
            debtor: { timeZone, flags: { bankrupt: { since: date(flagDay) } } },
            contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'letter' }] }],
            promises: [{ dueDate: date(promiseDay), amount: 500, madeAt: '2026-10-01T00:00:00Z' }],
          });
          const now = new Date(start + minute * 60_000).toISOString();
          const first = statusAt(engine, account(zones), now);
          expect(statusAt(engine, account([...zones].reverse()), now)).toEqual(first);
          expect(first.status).toBe('deferred');
          const lift = first.allowedFrom as string;
          expect(statusAt(engine, account(zones), lift).status).toBe('allowed');
          expect(statusAt(engine, account(zones), new Date(Date.parse(lift) - 1).toISOString()).status).toBe('deferred');
        },
      ),
      { numRuns: 120 },
    );
  });
});
