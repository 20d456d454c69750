import { describe, expect, it } from 'vitest';
import { lintPolicy, OUTCOMES, safeParsePolicy, type Issue } from '../src/index';

/** `constraint_never_applies`: a cap that counts no outcome, a block whose exception is itself. */
const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' }, sms: { channel: 'sms' } } };

function warningsOf(...constraints: object[]): readonly Issue[] {
  const result = safeParsePolicy({ ...base, compliance: [{ id: 'L', constraints }] });
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  expect(lintPolicy(result.policy)).toEqual(result.warnings);
  return result.warnings;
}

const cap = { kind: 'cap', id: 'c', max: 1, period: { rolling: 'P1D' } };
const block = { kind: 'block', id: 'b', message: 'no calls' };

describe('a cap whose excludeOutcomes lists every outcome', () => {
  it('without outcomes, it counts every outcome, and excludes them all', () => {
    expect(warningsOf({ ...cap, excludeOutcomes: [...OUTCOMES].reverse() })).toEqual([
      { code: 'constraint_never_applies', path: ['compliance', 0, 'constraints', 0, 'excludeOutcomes'], message: "cap 'c' excludes every outcome: it counts no attempt and never restricts" },
    ]);
  });

  it('not when one outcome is left to count', () => {
    expect(warningsOf({ ...cap, excludeOutcomes: OUTCOMES.filter((o) => o !== 'right_party_contact') })).toEqual([]);
  });
});

describe('a block whose except covers its appliesTo', () => {
  const excepted: Issue = {
    code: 'constraint_never_applies',
    path: ['compliance', 0, 'constraints', 0, 'except'],
    message: "block 'b' excepts exactly what it applies to: it never blocks anything",
  };

  it('the same lists in another order', () => {
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone', 'sms'] }, except: { channels: ['sms', 'phone'] } })).toEqual([excepted]);
    expect(
      warningsOf({ ...block, appliesTo: { relationships: ['self', 'guarantor'], workplace: true }, except: { workplace: true, relationships: ['guarantor', 'self'] } }),
    ).toEqual([excepted]);
  });

  it('no appliesTo and an empty except both select everything', () => {
    expect(warningsOf({ ...block, except: {} })).toEqual([excepted]);
  });

  it('not when a list differs, the exception is narrower, or a field differs', () => {
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone', 'sms'] }, except: { channels: ['sms'] } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { channels: ['phone'] }, except: { channels: ['phone'], workplace: true } })).toEqual([]);
    expect(warningsOf({ ...block, appliesTo: { workplace: true }, except: { workplace: false } })).toEqual([]);
  });
});
