import { describe, expect, it } from 'vitest';
import type { ArrearsError} from '../src/index';
import { composePolicies, decide, parsePolicy, policyHash, type Issue } from '../src/index';
import { arrearsErrorOf } from './support/errors';

const regulation = {
  id: 'reg',
  version: '2026.1',
  jurisdiction: 'US',
  holidays: { US: ['2026-07-04', '2026-12-25'] },
  compliance: [{ id: 'regulation', constraints: [{ kind: 'window', id: 'reg-hours', from: '08:00', to: '21:00' }] }],
};
const company = {
  id: 'company',
  version: '3',
  jurisdiction: ['US', 'US-MA'],
  holidays: { US: ['2026-12-25', '2026-12-26'], MA: ['2026-04-20'] },
  actions: { call: { channel: 'phone' } },
  compliance: [{ id: 'company', constraints: [{ kind: 'cap', id: 'two-calls-a-day', max: 2, period: { calendar: 'day' } }] }],
};
const strategy = {
  id: 'strategy',
  version: '7',
  jurisdiction: 'US-MA',
  actions: { call: { channel: 'phone' }, sms: { channel: 'sms' } },
  conditions: { late: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] } },
  rules: [{ id: 'call-late', when: { all: [{ condition: 'late' }] }, then: ['call', 'sms'] }],
  compliance: [{ id: 'strategy', constraints: [{ kind: 'window', id: 'strategy-hours', from: '06:00', to: '23:00' }] }],
};

const composeError = (...inputs: unknown[]): ArrearsError => arrearsErrorOf(() => composePolicies(...inputs));

describe('composePolicies(regulation, company, strategy)', () => {
  const composed = composePolicies(regulation, company, strategy);

  it('keeps every layer, in order: compliance only ever adds restrictions', () => {
    expect(composed.compliance.map((l) => l.id)).toEqual(['regulation', 'company', 'strategy']);
    expect(composed.compliance.flatMap((l) => l.constraints.map((c) => c.id))).toEqual(['reg-hours', 'two-calls-a-day', 'strategy-hours']);
  });

  it('a wider window later cannot widen an earlier one: windows of different layers intersect', () => {
    const account = {
      id: 'A-1',
      currency: 'USD',
      amountDue: 100_00,
      dueDate: '2026-10-01',
      debtor: { timeZone: 'America/New_York' },
      contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
    };
    const decision = decide(composed, account, { now: '2026-11-23T07:30:00-05:00' });
    const call = decision.proposals.find((p) => p.action === 'call');
    expect(call).toMatchObject({ status: 'deferred', allowedFrom: '2026-11-23T13:00:00Z' });
  });

  it('joins ids and versions, unions jurisdictions', () => {
    expect(composed.id).toBe('reg+company+strategy');
    expect(composed.version).toBe('2026.1+3+7');
    expect(composed.jurisdiction).toEqual(['US', 'US-MA']);
  });

  it('merges holiday calendars, each date once', () => {
    expect(composed.holidays).toEqual({ US: ['2026-07-04', '2026-12-25', '2026-12-26'], MA: ['2026-04-20'] });
  });

  it('merges actions (the same definition twice is fine), conditions and rules', () => {
    expect(Object.keys(composed.actions)).toEqual(['call', 'sms']);
    expect(Object.keys(composed.conditions)).toEqual(['late']);
    expect(composed.rules.map((r) => r.id)).toEqual(['call-late']);
  });

  it('returns a parsed policy: composing parsed policies gives the same result as raw JSON', () => {
    const fromParsed = composePolicies(parsePolicy(regulation), parsePolicy(company), parsePolicy(strategy));
    expect(fromParsed).toEqual(composed);
    expect(policyHash(fromParsed)).toBe(policyHash(composed));
  });

  it('one policy composes to itself (jurisdiction as a list)', () => {
    expect(composePolicies(strategy)).toEqual({ ...parsePolicy(strategy), jurisdiction: ['US-MA'] });
  });
});

describe('composePolicies refuses, with COMPOSE_INVALID', () => {
  it('two definitions of one action, at the path of the second', () => {
    const error = composeError(company, { ...strategy, actions: { call: { channel: ['phone', 'sms'] } }, rules: [] });
    expect(error.code).toBe('COMPOSE_INVALID');
    expect(error.issues).toEqual([{ code: 'conflict', path: [1, 'actions', 'call'], message: "'call' is defined differently by two of the composed policies" }]);
    expect(error.message).toContain("[1].actions.call: 'call' is defined differently by two of the composed policies");
  });

  it('two definitions of one named condition, and different buckets', () => {
    const other = {
      id: 'other',
      version: '1',
      jurisdiction: 'US',
      buckets: [{ id: 'all' }],
      conditions: { late: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 60 }] } },
    };
    const error = composeError({ ...strategy, buckets: [{ id: 'early', upTo: 30 }, { id: 'late' }] }, other);
    expect(error.issues).toEqual([
      { code: 'conflict', path: [1, 'buckets'], message: 'two of the composed policies define different buckets' },
      { code: 'conflict', path: [1, 'conditions', 'late'], message: "'late' is defined differently by two of the composed policies" },
    ]);
  });

  it("buckets that would change what another input's blocks on `bucket` hold for (compliance can only restrict)", () => {
    const rulebook = {
      id: 'rulebook',
      version: '1',
      jurisdiction: 'US',
      conditions: { early: { all: [{ fact: 'bucket', operator: 'in', value: ['M0', 'M1'] }] } },
      compliance: [{ id: 'rb', constraints: [{ kind: 'block', id: 'no-suit-early', when: { all: [{ condition: 'early' }] }, appliesTo: { kinds: ['legal'] }, message: 'no suit in M0/M1' }] }],
    };
    const relabel = [{ id: 'M0', upTo: -1 }, { id: 'M1', upTo: 0 }, { id: 'M2', upTo: 30 }, { id: 'M3' }];
    const error = composeError(rulebook, { ...strategy, buckets: relabel });
    expect(error.issues).toEqual([
      {
        code: 'conflict',
        path: [1, 'buckets'],
        message:
          "policy 'rulebook' (input 0) has blocks that hold in the default buckets 'M0', 'M1', which these buckets give fewer days: its blocks would hold on fewer days. Give 'rulebook' the same buckets, or compare daysPastDue in its blocks",
      },
    ]);
    // The same buckets in both, or a rule book that does not read `bucket`: composed.
    expect(composePolicies({ ...rulebook, buckets: relabel }, { ...strategy, buckets: relabel }).buckets).toEqual(relabel);
    expect(composePolicies(regulation, { ...strategy, buckets: relabel }).buckets).toEqual(relabel);
    // Buckets that give M0 and M1 their default days, or more (a grace period; an open-ended
    // last bucket), change nothing or make the block stricter.
    for (const buckets of [
      [{ id: 'M0', upTo: 0 }, { id: 'M1', upTo: 30 }, { id: 'late' }],
      [{ id: 'M0', upTo: 3 }, { id: 'M1', upTo: 30 }, { id: 'M2' }],
      [{ id: 'M0', upTo: 0 }, { id: 'M1' }],
    ]) {
      expect(composePolicies(rulebook, { ...strategy, buckets }).buckets).toEqual(buckets);
    }
  });

  it('buckets that give more days to the buckets a block holds outside of (notIn, notEqual, not)', () => {
    const visitsFromM3 = (when: unknown) => ({
      id: 'rulebook',
      version: '1',
      jurisdiction: 'US',
      compliance: [{ id: 'rb', constraints: [{ kind: 'block', id: 'no-visits-before-m3', when, appliesTo: { channels: ['visit'] }, message: 'visits only from M3 on' }] }],
    });
    const late = ['M3', 'M4', 'M5', 'M6'];
    const buckets = (...upTo: number[]) => [...upTo.map((n, i) => ({ id: `M${i}`, upTo: n })), { id: `M${upTo.length}` }];
    // M3 from day 11 instead of day 61: the block would stop holding 50 days early.
    const early = buckets(0, 5, 10, 30, 60, 90);
    for (const when of [
      { all: [{ fact: 'bucket', operator: 'notIn', value: late }] },
      { not: { all: [{ fact: 'bucket', operator: 'in', value: late }] } },
      { all: [{ fact: 'bucket', operator: 'not:in', value: late }] },
      { any: [{ fact: 'bucket', operator: 'notEqual', value: 'M3' }] },
    ]) {
      expect(composeError(visitsFromM3(when), { ...strategy, buckets: early }).issues).toEqual([
        { code: 'conflict', path: [1, 'buckets'], message: expect.stringContaining("has blocks that hold outside the default bucket") },
      ]);
    }
    // Fewer days for M3 (61–80): a block on anything but M3 holds on more days, which only restricts.
    const shorter = buckets(0, 30, 60, 80, 120, 150);
    expect(composePolicies(visitsFromM3({ all: [{ fact: 'bucket', operator: 'notEqual', value: 'M3' }] }), { ...strategy, buckets: shorter }).buckets).toEqual(shorter);
    // Read to the letter: the default buckets go on (M7 is days 181–210), so a last bucket M6 that
    // runs on forever takes days `notIn [M3…M6]` held on.
    expect(composeError(visitsFromM3({ all: [{ fact: 'bucket', operator: 'notIn', value: late }] }), { ...strategy, buckets: buckets(0, 30, 60, 90, 120, 150) }).issues).toHaveLength(1);
    // Twice negated reads as `in`: more days for M3 on is then the stricter reading.
    expect(composePolicies(visitsFromM3({ not: { all: [{ fact: 'bucket', operator: 'notIn', value: late }] } }), { ...strategy, buckets: early }).buckets).toEqual(early);
  });

  it('an invalid input, its issues prefixed with its index', () => {
    const error = composeError(regulation, { ...strategy, rules: [{ id: 'r', when: { all: [] }, then: ['cal'] }] });
    expect(error.code).toBe('COMPOSE_INVALID');
    expect(error.issues).toEqual([{ code: 'unknown_action', path: [1, 'rules', 0, 'then', 0], message: "unknown action 'cal'; did you mean 'call'?" }]);
  });

  it('nothing to compose', () => {
    expect(composeError().issues).toEqual([{ code: 'nothing_to_compose', path: [], message: 'give at least one policy' }]);
  });

  it('layers that together leave an action no window', () => {
    const evening = { id: 'evening', version: '1', jurisdiction: 'US', compliance: [{ id: 'evening', constraints: [{ kind: 'window', id: 'evening-hours', from: '21:30', to: '23:00' }] }] };
    const issues: readonly Issue[] = composeError(regulation, evening, strategy).issues;
    expect(issues.map((i) => i.code)).toContain('unsatisfiable_windows');
  });

  it('a rule id used by two inputs → COMPOSE_INVALID at the second input', () => {
    const error = composeError(strategy, { ...strategy, id: 'strategy-2', compliance: [{ id: 'strategy-2', constraints: [] }] });
    expect(error.code).toBe('COMPOSE_INVALID');
    expect(error.issues).toEqual([
      { code: 'duplicate_id', path: [1, 'rules', 0, 'id'], message: "rule id 'call-late' is already used by policy 'strategy' (input 0) at rules[0]" },
    ]);
  });

  it('layers that leave no window → COMPOSE_INVALID', () => {
    const evening = { id: 'evening', version: '1', jurisdiction: 'US', compliance: [{ id: 'evening', constraints: [{ kind: 'window', id: 'evening-hours', from: '21:30', to: '23:00' }] }] };
    expect(composeError(regulation, evening, strategy).code).toBe('COMPOSE_INVALID');
  });
});
