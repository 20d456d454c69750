import { describe, expect, it } from 'vitest';
import { createEngine, safeParseAccount } from '../src/index';
import { callPolicy } from './support/policies';

// ICU keeps three-letter aliases tzdb does not have, each for one of the places it can mean:
// 'CST' is Chicago to Intl, China Standard Time to a system in Beijing.
const account = (timeZone: string) => ({
  id: 'A',
  currency: 'CNY',
  amountDue: 100_000,
  dueDate: '2026-10-01',
  debtor: { timeZone },
  contacts: [{ id: 'me', relationship: 'self', channels: [{ channel: 'phone' }] }],
});

describe("a person's zone given as an abbreviation", () => {
  it.each(['CST', 'BST', 'IST', 'JST', 'PST', 'SST', 'ART', 'AST', 'cst'])('%s is refused, naming places to write instead', (zone) => {
    const r = safeParseAccount(account(zone));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toMatchObject({ code: 'invalid_time_zone', path: ['debtor', 'timeZone'], message: expect.stringContaining("'Asia/Shanghai'") });
  });

  it.each(['UTC', 'GMT', 'PRC', 'Japan', 'GB', 'EST5EDT', 'CET', 'Asia/Shanghai', 'US/Central'])('%s (a tzdb name) is accepted', (zone) => {
    expect(safeParseAccount(account(zone)).success).toBe(true);
  });

  it('so a Beijing debtor written as CST is never called at 23:30 Beijing time as if in Chicago', () => {
    const engine = createEngine(callPolicy([{ kind: 'window', id: 'day', from: '08:00', to: '22:00' }]));
    expect(() => engine.decide(account('CST'), { now: '2026-11-23T23:30:00+08:00' })).toThrow(/abbreviation/);
    expect(engine.decide(account('Asia/Shanghai'), { now: '2026-11-23T23:30:00+08:00' }).proposals[0]?.status).toBe('deferred');
  });
});
