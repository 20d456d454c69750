import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PolicyInput } from '../src/index';
import { checkCompliance } from '../src/testing/index';
import { run } from './fixtures/cli/harness';

/*
 * An attempt both in the log and in the account's history counts once — whichever way its
 * instant is written. Compared as text, `16:00:00Z` and `10:00:00-06:00` were two attempts, and a
 * cap of two calls a day refused the second real call.
 */

const policy: PolicyInput = {
  id: 'same-instant',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone', target: 'self' } },
  rules: [{ id: 'r1', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self'] }],
  compliance: [
    {
      id: 'L',
      constraints: [
        { kind: 'window', id: 'w', from: '08:00', to: '21:00' },
        { kind: 'cap', id: 'c', appliesTo: { channels: ['phone'] }, max: 2, period: { calendar: 'day' } },
      ],
    },
  ],
};
const call = (at: string | Date) => ({ at, action: 'call_self', channel: 'phone', contactId: 'sam', outcome: 'no_answer' });
const account = {
  id: 'A1',
  currency: 'USD',
  amountDue: 52000,
  dueDate: '2026-10-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'sam', relationship: 'self', channels: [{ channel: 'phone' }] }],
  history: [call('2026-11-23T10:00:00-06:00')],
};

describe('checkCompliance counts an attempt in the log and the history once, however its instant is written', () => {
  it.each<[string, string | Date]>([
    ['Z', '2026-11-23T16:00:00Z'],
    ['Z with milliseconds', '2026-11-23T16:00:00.000Z'],
    ['another offset', '2026-11-24T00:00:00+08:00'],
    ['a Date', new Date('2026-11-23T16:00:00Z')],
  ])('written with %s: the second call of the day is within the cap', (_, at) => {
    expect(checkCompliance([call(at), call('2026-11-23T11:00:00-06:00')], policy, { account })).toEqual([]);
    // A second later is another attempt, and then the call at 11:00 is the third of the day.
    const later = checkCompliance([call('2026-11-23T16:00:01Z'), call('2026-11-23T11:00:00-06:00')], policy, { account });
    expect(later.map((v) => [v.index, v.code])).toEqual([[1, 'FREQUENCY_CAP']]);
  });
});

describe('arrears check agrees', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arrears-same-instant-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a log in Z against an account whose history says -06:00: no violation', async () => {
    writeFileSync(join(dir, 'policy.json'), JSON.stringify(policy));
    writeFileSync(join(dir, 'account.json'), JSON.stringify(account));
    const log = [call('2026-11-23T16:00:00Z'), call('2026-11-23T11:00:00-06:00')].map((a) => JSON.stringify(a)).join('\n');
    const r = await run(['check', '--policy', join(dir, 'policy.json'), '--account', join(dir, 'account.json'), '--log', '-'], { stdin: log });
    expect(r.stdout).toContain('No violations: 2 attempts checked');
    expect(r.code).toBe(0);
  });
});
