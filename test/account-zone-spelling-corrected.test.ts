import { describe, expect, it } from 'vitest';
import { accountSchema, createEngine, explain, parseAccount, presets } from '../src/index';
import { compileFastParse, FAIL } from '../src/model/fast-parse';
import { zoneSpelling } from '../src/time/zone-name';

/*
 * Intl matches zone names ignoring ASCII case, so 'america/chicago' is a valid zone. The parsed
 * account keeps it in its proper spelling, so that decisions and `explain` print the zone as it
 * is written everywhere else, and two spellings of one zone are one zone. Accepted and corrected
 * rather than refused: the name is unambiguous.
 */

const account = (timeZone: string | string[], contactZone = 'AMERICA/DENVER') => ({
  id: 'A-1',
  currency: 'USD',
  amountDue: 10000,
  dueDate: '2026-10-01',
  debtor: { timeZone },
  contacts: [{ id: 'self', relationship: 'self', timeZone: contactZone, channels: [{ channel: 'phone', timeZone: contactZone }] }],
});

describe('zone names are kept in their proper spelling', () => {
  it('a canonical name in another case gets its canonical spelling, on the debtor, a contact and a method', () => {
    const parsed = parseAccount(account(['america/new_york', 'ASIA/SHANGHAI']));
    expect(parsed.debtor.timeZone).toEqual(['America/New_York', 'Asia/Shanghai']);
    expect(parsed.contacts[0]?.timeZone).toBe('America/Denver');
    expect(parsed.contacts[0]?.channels[0]?.timeZone).toBe('America/Denver');
  });

  it('an all-lower-case alias gets the spelling Intl resolves it to', () => {
    expect(parseAccount(account('utc')).debtor.timeZone).toBe('UTC');
    expect(parseAccount(account('us/eastern')).debtor.timeZone).toBe(zoneSpelling('us/eastern'));
    expect(zoneSpelling('us/eastern')).toMatch(/^[A-Z]/);
  });

  it('a name written with capitals is kept as written (the writer chose it)', () => {
    expect(parseAccount(account('US/Eastern')).debtor.timeZone).toBe('US/Eastern');
    expect(parseAccount(account('Asia/Kolkata')).debtor.timeZone).toBe('Asia/Kolkata');
    expect(parseAccount(account('America/Chicago')).debtor.timeZone).toBe('America/Chicago');
  });

  it('explain prints the proper spelling, and the decision is the same as for it', () => {
    const engine = createEngine(presets.usRegulationF);
    const now = '2026-11-24T03:30:00Z'; // 21:30 in Chicago: deferred to the next morning
    const lower = engine.decide(account('america/chicago', 'america/chicago'), { now });
    const proper = engine.decide(account('America/Chicago', 'America/Chicago'), { now });
    expect(lower.proposals).toEqual(proper.proposals);
    const text = explain(lower);
    expect(text).toContain('(America/Chicago, UTC-06:00)');
    expect(text).not.toContain('america/chicago');
    expect(text).toBe(explain(proper));
  });

  it('the fast path corrects the spelling exactly as zod does', () => {
    const fast = compileFastParse(accountSchema);
    for (const zone of ['america/chicago', ['ASIA/SHANGHAI', 'utc'], 'US/Eastern']) {
      const input = account(zone);
      const out = fast(input);
      expect(out).not.toBe(FAIL);
      expect(out).toStrictEqual(accountSchema.parse(input));
    }
  });
});
