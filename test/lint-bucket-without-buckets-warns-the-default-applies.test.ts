import { describe, expect, it } from 'vitest';
import { composePolicies, lintPolicy, presets, safeParsePolicy } from '../src/index';
import { policyWhen } from './support/policies';

/* No silent default: a policy that compares the `bucket` fact but defines no `buckets` reads the
   default 30-day M-buckets, which its author may not know (and a name of another policy's buckets,
   'early', never matches them). Warned at each comparison; a policy with `buckets`, or composed
   with one that has them, is not. */

const warningsOf = (input: unknown) => {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  return result.warnings.filter((w) => w.code === 'undefined_bucket');
};
const pathsOf = (input: unknown) => warningsOf(input).map((w) => w.path);
const inM2 = { fact: 'bucket', operator: 'equal', value: 'M2' };

describe('undefined_bucket', () => {
  it('warns at a comparison of bucket in a policy without buckets, saying what applies and what to do', () => {
    expect(warningsOf(policyWhen(inM2))).toEqual([
      {
        code: 'undefined_bucket',
        path: ['rules', 0, 'when', 'all', 0],
        message:
          'the policy defines no `buckets`, so `bucket` is read with the default 30-day buckets: M0 (not overdue), M1 (1-30 days past due), M2 (31-60)…; define `buckets` to name your own (or compose with a policy that does), or compare `daysPastDue`',
      },
    ]);
  });

  it('not when the policy defines buckets, nor for other facts', () => {
    expect(pathsOf({ ...policyWhen({ fact: 'bucket', operator: 'equal', value: 'late' }), buckets: [{ id: 'early', upTo: 30 }, { id: 'late' }] })).toEqual([]);
    expect(pathsOf(policyWhen({ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }))).toEqual([]);
  });

  it('in every tree: under any and not, in a block, and as a { fact } value', () => {
    const policy = {
      ...policyWhen({ any: [{ fact: 'daysPastDue', operator: 'lessThan', value: 0 }, { not: inM2 }] }),
      compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'b', message: 'm', when: { all: [{ fact: 'lastOutcome', operator: 'equal', value: { fact: 'bucket' } }] } }] }],
    };
    expect(pathsOf(policy)).toEqual([
      ['rules', 0, 'when', 'all', 0, 'any', 1, 'not'],
      ['compliance', 0, 'constraints', 0, 'when', 'all', 0],
    ]);
  });

  it('a named condition is warned where it compares bucket, once however many trees refer to it', () => {
    const policy = {
      ...policyWhen({ condition: 'late' }),
      conditions: { late: { all: [{ fact: 'bucket', operator: 'in', value: ['M3', 'M4'] }] } },
      rules: [0, 1].map((r) => ({ id: `r${r}`, when: { all: [{ condition: 'late' }] }, then: ['call'] })),
    };
    expect(pathsOf(policy)).toEqual([['conditions', 'late', 'all', 0]]);
  });

  it("composed: a rule book naming a strategy's buckets is warned alone, not once composed with the strategy", () => {
    const rulebook = {
      id: 'company',
      version: '1',
      jurisdiction: 'CN',
      compliance: [{ id: 'company-rules', constraints: [{ kind: 'block', id: 'no-visits-early', appliesTo: { kinds: ['communication'], channels: ['visit'] }, when: { all: [{ fact: 'bucket', operator: 'equal', value: 'early' }] }, message: 'not yet' }] }],
    };
    expect(pathsOf(rulebook)).toEqual([['compliance', 0, 'constraints', 0, 'when', 'all', 0]]);
    expect(lintPolicy(composePolicies(presets.chinaCba, rulebook, presets.strategies.bankCard)).filter((w) => w.code === 'undefined_bucket')).toEqual([]);
    // Composed with policies none of which has buckets, the composed policy still reads the default ones.
    expect(lintPolicy(composePolicies(presets.chinaCba, rulebook)).filter((w) => w.code === 'undefined_bucket').map((w) => w.path)).toEqual([['compliance', 1, 'constraints', 0, 'when', 'all', 0]]);
  });

  it('the presets and seed strategies that ship with the library are not warned', () => {
    const shipped = [...Object.values(presets), ...Object.values(presets.strategies)];
    expect(shipped.length).toBeGreaterThan(5);
    for (const preset of shipped) expect(pathsOf(preset)).toEqual([]);
  });
});
