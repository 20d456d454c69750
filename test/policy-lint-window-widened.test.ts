import { describe, expect, it } from 'vitest';
import { lintPolicy, safeParsePolicy, type Issue } from '../src/index';

/** `window_widened`: a window for every proposal opens minutes a narrower window of its layer does not. */
const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms: { channel: 'sms' } } };

function warningsOf(...constraints: object[]): readonly Issue[] {
  const result = safeParsePolicy({ ...base, compliance: [{ id: 'L', constraints }] });
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings.filter((w) => w.code === 'window_widened');
}

const calls = { kind: 'window', id: 'calls', from: '09:00', to: '18:00', appliesTo: { channels: ['phone'] } };
const widened: Issue = {
  code: 'window_widened',
  path: ['compliance', 0, 'constraints', 0],
  message: "windows of one layer are a union: 'wide' (all proposals) widens 'calls'; put 'calls' in a layer of its own to restrict",
};

describe('window_widened', () => {
  it('the wide window opens earlier than the narrow one', () => {
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '08:00', to: '12:00' })).toEqual([widened]);
  });

  it('not when the wide window lies inside the narrow one: nothing is widened', () => {
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '10:00', to: '12:00' })).toEqual([]);
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '09:00', to: '18:00', days: ['mon', 'tue'] })).toEqual([]);
  });

  it('the wide window is open on a day the narrow one is not', () => {
    const weekdays = { ...calls, days: ['mon', 'tue', 'wed', 'thu', 'fri'] };
    expect(warningsOf(weekdays, { kind: 'window', id: 'wide', from: '10:00', to: '12:00' })).toEqual([widened]);
  });

  it('past midnight: compared minute by minute over the week', () => {
    const night = { ...calls, from: '20:00', to: '02:00' };
    expect(warningsOf(night, { kind: 'window', id: 'wide', from: '00:00', to: '01:00' })).toEqual([]);
    expect(warningsOf(night, { kind: 'window', id: 'wide', from: '01:00', to: '03:00' })).toEqual([widened]);
  });

  it('in different zones the wide window may open at other instants: still a warning', () => {
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '10:00', to: '12:00', zone: 'Asia/Shanghai' })).toEqual([widened]);
  });

  it('still a warning when the debtor may override either, or the narrow one closes on holidays the wide one does not', () => {
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '10:00', to: '12:00', debtorMayOverride: true })).toEqual([widened]);
    expect(warningsOf({ ...calls, debtorMayOverride: true }, { kind: 'window', id: 'wide', from: '10:00', to: '12:00' })).toEqual([widened]);
    const holidays = { us: ['2026-12-25'] };
    const result = safeParsePolicy({ ...base, holidays, compliance: [{ id: 'L', constraints: [{ ...calls, closedOn: ['us'] }, { kind: 'window', id: 'wide', from: '10:00', to: '12:00' }] }] });
    expect(result.success && result.warnings).toEqual([widened]);
  });

  it('appliesTo: {} selects every proposal, like no appliesTo', () => {
    expect(warningsOf(calls, { kind: 'window', id: 'wide', from: '08:00', to: '12:00', appliesTo: {} })).toEqual([widened]);
    // An empty selector is not a narrow window either.
    expect(warningsOf({ ...calls, appliesTo: {} }, { kind: 'window', id: 'wide', from: '08:00', to: '12:00' })).toEqual([]);
  });
});
