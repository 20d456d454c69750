import { describe, expect, it } from 'vitest';
import { createEngine, type Decision, explain } from '../src/index';
import { arrearsErrorOf } from './support/errors';
import { callPolicy, debtor, window } from './support/policies';
import { MISSING, type Path, storedDecision } from './support/stored-decision';

/*
 * A decision is plain JSON, stored as an audit record and explained later, when it may have been
 * edited or mangled. explain used to meet such a record with a raw RangeError ('x' as an instant,
 * 'Mars/X' as a zone) or TypeError (a field missing); it now refuses it as an ArrearsError naming
 * the path of every corrupted value.
 */

const engine = createEngine(callPolicy([window('hours', '09:00', '20:00')]));
// 21:05 in Chicago: the call is deferred to 09:00 the next day, so the decision has instants, zones and reasons.
const decision = engine.decide(debtor('America/Chicago'), { now: '2026-11-23T21:05:00-06:00' });
const { stored, corrupted } = storedDecision(decision);

// [what, path of the corrupted value, the value, the issue code expected]
const CORRUPTIONS: readonly [string, Path, unknown, string][] = [
  ['now is not an instant', ['now'], 'x', 'invalid_instant'],
  ['now is a date that does not exist', ['now'], '2026-02-30T00:00:00Z', 'invalid_instant'],
  ["a proposal's allowedFrom past 2200 is a date that does not exist", ['proposals', 0, 'allowedFrom'], '2201-02-30T00:00:00Z', 'invalid_instant'],
  ['the zone is no zone', ['timeZone'], 'Mars/X', 'invalid_time_zone'],
  ["a proposal's zone is no zone", ['proposals', 0, 'zones', 0], 'Mars/X', 'invalid_time_zone'],
  ["a proposal's allowedFrom is not an instant", ['proposals', 0, 'allowedFrom'], 'soon', 'invalid_instant'],
  ["a reason's until is a number", ['proposals', 0, 'reasons', 0, 'until'], 12, 'invalid_type'],
  ['trace is missing', ['trace'], MISSING, 'invalid_type'],
  ['policy is null', ['policy'], null, 'invalid_type'],
  ["a proposal's reasons are not a list", ['proposals', 0, 'reasons'], 3, 'invalid_type'],
  ["a proposal's status is unknown", ['proposals', 0, 'status'], 'maybe', 'invalid_value'],
];

describe('explain of a stored decision', () => {
  it('explains the uncorrupted JSON round trip exactly as the decision itself', () => {
    expect(decision.proposals[0]).toMatchObject({ status: 'deferred', zones: ['America/Chicago'] });
    expect(explain(stored() as unknown as Decision)).toBe(explain(decision));
    expect(engine.explain(stored() as unknown as Decision)).toContain('deferred until 2026-11-24 09:00 (America/Chicago, UTC-06:00)');
  });

  it.each(CORRUPTIONS)('%s: ArrearsError OPTIONS_INVALID at its path, saying what went wrong', (_, path, value, code) => {
    const e = arrearsErrorOf(() => explain(corrupted(path, value) as Decision));
    expect(e.name).toBe('ArrearsError');
    expect(e.code).toBe('OPTIONS_INVALID');
    expect(e.path).toEqual(path);
    expect(e.issues).toEqual([{ code, path, message: expect.stringContaining('explain takes a decision as decide returned it') }]);
  });

  it('lists every corrupted value, not only the first', () => {
    const d = { ...stored(), now: 'x', timeZone: 'Mars/X' };
    expect(arrearsErrorOf(() => explain(d as unknown as Decision)).issues.map((i) => i.path)).toEqual([['now'], ['timeZone']]);
  });

  it('explains a deferral past 2200, the last year taken as input, after a round trip', () => {
    const late = engine.decide(debtor('Asia/Shanghai'), { now: '2200-12-31T21:05:00+08:00' });
    expect(late.next?.allowedFrom).toBe('2201-01-01T01:00:00Z');
    expect(explain(JSON.parse(JSON.stringify(late)) as Decision)).toContain('deferred until 2201-01-01 09:00 (Asia/Shanghai, UTC+08:00)');
  });

  it('keeps keys it does not read: a record from another version stays explainable', () => {
    expect(explain({ ...stored(), storedAt: '2027-01-01' } as unknown as Decision)).toBe(explain(decision));
  });
});
