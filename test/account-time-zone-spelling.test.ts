import { describe, expect, it } from 'vitest';
import { createEngine, parseAccount, presets, safeParseAccount } from '../src/index';

/* Zone names are matched ignoring ASCII case, exactly as Intl matches them, and kept as given. */

const account = (timeZone: string | string[]) => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 10000,
  dueDate: '2026-10-01',
  debtor: { timeZone },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone', timeZone: 'AMERICA/DENVER' }] }],
});

describe('time-zone spelling', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__'])(
    "a zone named like an Object.prototype key ('%s') is refused, never handed to the zone library (it aborted V8)",
    (zone) => {
      const r = safeParseAccount(account(zone));
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues).toContainEqual(expect.objectContaining({ code: 'invalid_time_zone', path: ['debtor', 'timeZone'] }));
      const policy = { ...presets.usRegulationF, compliance: [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00', zone }] }] };
      expect(() => createEngine(policy)).toThrow(expect.objectContaining({ code: 'POLICY_INVALID' }));
      // decideMany reports it as a failed decision and goes on with the book.
      const results = [...createEngine(presets.usRegulationF).decideMany([account(zone), account('UTC')], { now: '2026-11-23T13:30:00Z' })];
      expect(results.map((x) => x.ok)).toEqual([false, true]);
    },
  );

  it('a name in any ASCII case is accepted, written back in its canonical spelling', () => {
    const parsed = parseAccount(account(['america/new_york', 'ASIA/SHANGHAI']));
    expect(parsed.debtor.timeZone).toEqual(['America/New_York', 'Asia/Shanghai']);
  });

  it('decides as the canonical spelling does (same allowedFrom, same statuses)', () => {
    const engine = createEngine(presets.usRegulationF);
    const now = '2026-11-23T13:30:00Z';
    const shape = (d: ReturnType<typeof engine.decide>) => d.proposals.map((p) => [p.action, p.status, p.allowedFrom, p.reasons.map((r) => r.code)]);
    expect(shape(engine.decide(account('america/CHICAGO'), { now }))).toEqual(shape(engine.decide(account('America/Chicago'), { now })));
  });

  it('a look-alike that is not ASCII (a Kelvin sign for K) is refused, not a crash', () => {
    const r = safeParseAccount(account('Asia/\u212Aathmandu'));
    expect(r).toMatchObject({ success: false, issues: [{ code: 'invalid_time_zone', path: ['debtor', 'timeZone'] }] });
  });
});
