import { describe, expect, it } from 'vitest';
import { parsePolicy, safeParsePolicy } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } } };
const withPeriod = (period: unknown) => ({ ...base, compliance: [{ id: 'L', constraints: [{ kind: 'cap', id: 'c', max: 3, period }] }] });

describe("a cap period's weekStartsOn is refused on every calendar but 'week'", () => {
  it.each(['day', 'month'])("calendar '%s' with weekStartsOn is refused at the key, saying it is for weeks", (calendar) => {
    const result = safeParsePolicy(withPeriod({ calendar, weekStartsOn: 'sun' }));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      {
        code: 'unrecognized_keys',
        path: ['compliance', 0, 'constraints', 0, 'period', 'weekStartsOn'],
        message: `applies to calendar 'week' only, and this period is a calendar '${calendar}': remove \`weekStartsOn\`, or set \`calendar: 'week'\``,
      },
    ]);
  });

  it("calendar 'week' takes it, and starts on Monday without it", () => {
    const period = (p: ReturnType<typeof parsePolicy>) => (p.compliance[0]?.constraints[0] as { period: unknown }).period;
    expect(period(parsePolicy(withPeriod({ calendar: 'week', weekStartsOn: 'sun' })))).toEqual({ calendar: 'week', weekStartsOn: 'sun' });
    expect(period(parsePolicy(withPeriod({ calendar: 'week' })))).toEqual({ calendar: 'week', weekStartsOn: 'mon' });
  });

  it('a parsed policy with a day or month period parses again (its output carries no weekStartsOn)', () => {
    for (const calendar of ['day', 'month']) {
      const parsed = parsePolicy(withPeriod({ calendar }));
      expect(safeParsePolicy(JSON.parse(JSON.stringify(parsed))).success).toBe(true);
    }
  });
});
