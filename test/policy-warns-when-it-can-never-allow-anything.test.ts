import { describe, expect, it } from 'vitest';
import { createEngine, formatPath, type Issue, lintPolicy, safeParsePolicy } from '../src/index';
import { anAccount } from '../src/testing/index';

/* Legal policies that can never allow what they propose, and fixed-offset zones: warnings (never
   errors), beside the policy from safeParsePolicy and from lintPolicy alike. */

const base = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  actions: { call_self: { channel: 'phone' }, call_family: { channel: ['phone', 'sms'], target: 'family' }, escalate: { kind: 'internal' } },
  rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, then: ['call_self', 'call_family'] }],
};
const withConstraints = (...constraints: object[]) => ({ ...base, compliance: [{ id: 'L', constraints }] });

function warningsOf(input: unknown): { code: string; path: string; message: string }[] {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings.map((w: Issue) => ({ code: w.code, path: formatPath(w.path), message: w.message }));
}

describe('always_blocked: a block with no when, appliesTo or except', () => {
  it('blocks every proposal of every account, so it is warned about', () => {
    const input = withConstraints({ kind: 'block', id: 'stop', message: 'stop' });
    expect(warningsOf(input)).toEqual([
      {
        code: 'always_blocked',
        path: 'compliance[0].constraints[0]',
        message: "block 'stop' has no `when`, no `appliesTo` and no `except`: it blocks every proposal of every account; add a `when` (or an `appliesTo`) saying what it stops",
      },
    ]);
    const account = anAccount().inZone('America/Chicago').overdueDays(10, { asOf: '2026-11-23' }).build();
    expect(createEngine(input).decide(account, { now: '2026-11-23T10:00:00-06:00' }).proposals.every((p) => p.status === 'blocked')).toBe(true);
  });

  it('not when it says when, what, or what it lets through', () => {
    expect(
      warningsOf({
        ...base,
        compliance: [
          { id: 'A', constraints: [{ kind: 'block', id: 'stop', message: 'stop' }] },
          { id: 'B', constraints: [{ kind: 'block', id: 'when', message: 'm', when: { all: [{ fact: 'disputed', operator: 'equal', value: true }] } }] },
          { id: 'C', constraints: [{ kind: 'block', id: 'what', message: 'm', appliesTo: { channels: ['sms'] } }] },
          { id: 'D', constraints: [{ kind: 'block', id: 'only-notices', message: 'm', except: { kinds: ['notice'] } }] },
        ],
      }).map((w) => w.path),
    ).toEqual(['compliance[0].constraints[0]']);
  });
});

describe("always_blocked: a contact order with unranked 'forbidden' that ranks none of an action's relationships", () => {
  it('names the actions it always blocks', () => {
    expect(warningsOf(withConstraints({ kind: 'contactOrder', id: 'order', ranks: [['spouse']], unranked: 'forbidden' }))).toEqual([
      {
        code: 'always_blocked',
        path: 'compliance[0].constraints[0].ranks',
        message:
          "contact order 'order' ranks none of the relationships 'call_self' (self), 'call_family' (family) reach, and `unranked` is 'forbidden': they are always blocked; rank those relationships, or set `unranked` to 'last'",
      },
    ]);
    expect(warningsOf(withConstraints({ kind: 'contactOrder', id: 'order', ranks: [['self']], unranked: 'forbidden' }))[0]?.message).toContain(
      "ranks none of the relationships 'call_family' (family) reaches, and `unranked` is 'forbidden': it is always blocked",
    );
  });

  it("not when the order ranks them, lets the rest come last, or applies to some of the action's proposals only", () => {
    const orders = [
      { kind: 'contactOrder', id: 'ranked', ranks: [['self'], ['family']], unranked: 'forbidden' },
      { kind: 'contactOrder', id: 'last', ranks: [['spouse']], unranked: 'last' },
      { kind: 'contactOrder', id: 'sms-only', ranks: [['spouse']], unranked: 'forbidden', appliesTo: { channels: ['sms'], actions: ['call_family'] } },
      { kind: 'contactOrder', id: 'at-work', ranks: [['spouse']], unranked: 'forbidden', appliesTo: { workplace: true } },
      { kind: 'contactOrder', id: 'forbids', ranks: [['spouse']], unranked: 'forbidden' },
    ];
    const input = { ...base, compliance: orders.map((c, i) => ({ id: `L${i}`, constraints: [c] })) };
    expect(warningsOf(input).map((w) => w.path)).toEqual(['compliance[4].constraints[0].ranks']);
  });
});

describe('fixed_offset_zone: a window, cap or cool-down read in a fixed UTC offset', () => {
  it("is legal in a policy, but warned, with the place zone to write if a place was meant", () => {
    const input = withConstraints(
      { kind: 'window', id: 'office', from: '08:00', to: '21:00', zone: 'EST' },
      { kind: 'cap', id: 'daily', max: 3, period: { calendar: 'day' }, zone: 'Etc/GMT+5' },
      { kind: 'cooldown', id: 'pause', wait: { duration: 'PT4H' }, zone: 'HST' },
      { kind: 'window', id: 'ny', from: '08:00', to: '21:00', zone: 'America/New_York' },
      { kind: 'cap', id: 'utc', max: 3, period: { calendar: 'day' }, zone: 'UTC' },
    );
    const warnings = warningsOf(input).filter((w) => w.code === 'fixed_offset_zone');
    expect(warnings.map((w) => w.path)).toEqual(['compliance[0].constraints[0].zone', 'compliance[0].constraints[1].zone', 'compliance[0].constraints[2].zone']);
    expect(warnings[0]?.message).toBe(
      "'EST' is a fixed UTC offset with no daylight-saving rules, not a location: use the IANA name of where the person is, 'America/New_York' (or 'America/Panama' for UTC−05:00 all year). A policy may mean a fixed offset (the same UTC offset all year): keep it only then, or write 'contact' for the zone of the person reached",
    );
    expect(warnings[2]?.message).toContain("'Pacific/Honolulu'");
  });
});
