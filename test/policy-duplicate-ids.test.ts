import { describe, expect, it } from 'vitest';
import { safeParsePolicy, type Issue } from '../src/index';

const base = { id: 'p', version: '1', jurisdiction: 'US', actions: { call_self: { channel: 'phone' } } };
const rule = (id: string): unknown => ({ id, when: { all: [] }, then: ['call_self'] });
const window = (id: string): unknown => ({ kind: 'window', id, from: '08:00', to: '21:00' });

function issuesOf(input: unknown): readonly Issue[] {
  const result = safeParsePolicy(input);
  if (result.success) throw new Error('expected the policy to be refused');
  return result.issues;
}

describe('duplicate_id', () => {
  it('two rules with one id', () => {
    expect(issuesOf({ ...base, rules: [rule('a'), rule('b'), rule('a')] })).toEqual([
      { code: 'duplicate_id', path: ['rules', 2, 'id'], message: "rule id 'a' is already used by rules[0]" },
    ]);
  });

  it('two constraints with one id, in one layer or across layers', () => {
    const compliance = [
      { id: 'regulation', constraints: [window('hours'), window('hours')] },
      { id: 'company', constraints: [window('hours')] },
    ];
    expect(issuesOf({ ...base, compliance })).toEqual([
      { code: 'duplicate_id', path: ['compliance', 0, 'constraints', 1, 'id'], message: "constraint id 'hours' is already used at compliance[0].constraints[0]" },
      { code: 'duplicate_id', path: ['compliance', 1, 'constraints', 0, 'id'], message: "constraint id 'hours' is already used at compliance[0].constraints[0]" },
    ]);
  });

  it('two layers with one id', () => {
    const compliance = [
      { id: 'company', constraints: [window('a')] },
      { id: 'company', constraints: [window('b')] },
    ];
    expect(issuesOf({ ...base, compliance })).toEqual([{ code: 'duplicate_id', path: ['compliance', 1, 'id'], message: "layer id 'company' is used twice" }]);
  });

  it('two buckets with one id', () => {
    expect(issuesOf({ ...base, buckets: [{ id: 'early', upTo: 30 }, { id: 'early' }] })).toEqual([
      { code: 'duplicate_id', path: ['buckets', 1, 'id'], message: "bucket id 'early' is used twice" },
    ]);
  });

  it('the same id for a rule, a layer, a constraint and a bucket is fine: they are different namespaces', () => {
    const policy = { ...base, rules: [rule('x')], buckets: [{ id: 'x' }], compliance: [{ id: 'x', constraints: [window('x')] }] };
    expect(safeParsePolicy(policy).success).toBe(true);
  });
});

describe('duplicate_relationship', () => {
  it('a relationship in two ranks of a contact order', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'contactOrder', id: 'order', ranks: [['self', 'spouse'], ['family', 'spouse']] }] }];
    expect(issuesOf({ ...base, compliance })).toEqual([
      { code: 'duplicate_relationship', path: ['compliance', 0, 'constraints', 0, 'ranks', 1, 1], message: "'spouse' appears in more than one rank (1 and 2)" },
    ]);
  });

  it('a relationship twice in one rank', () => {
    const compliance = [{ id: 'L', constraints: [{ kind: 'contactOrder', id: 'order', ranks: [['self', 'self']] }] }];
    expect(issuesOf({ ...base, compliance })).toEqual([
      { code: 'duplicate_relationship', path: ['compliance', 0, 'constraints', 0, 'ranks', 0, 1], message: "'self' appears twice in rank 1" },
    ]);
  });
});
