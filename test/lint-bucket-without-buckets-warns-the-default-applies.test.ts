import { describe, expect, it } from 'vitest';
import { composePolicies, lintPolicy, presets, safeParsePolicy } from '../src/index';
import { policyWhen } from './support/policies';

/* A policy without `buckets` reads the default ones, M0, M1 (1-30 days past due), M2 (31-60)…:
   the domain's own, so comparing them is not warned. A name only a policy's own `buckets` could
   define ('early') never matches them: `undefined_bucket` at each comparison naming one. A rule
   book written for a strategy's buckets is warned alone and not once composed with the strategy. */

const warningsOf = (input: unknown) => {
  const result = safeParsePolicy(input);
  if (!result.success) throw new Error(`expected the policy to parse: ${JSON.stringify(result.issues)}`);
  return result.warnings.filter((w) => w.code === 'undefined_bucket');
};
const pathsOf = (input: unknown) => warningsOf(input).map((w) => w.path);
const bucket = (operator: string, value: unknown) => ({ fact: 'bucket', operator, value });

describe('undefined_bucket', () => {
  it('warns at a comparison naming a bucket the policy does not define, saying what applies and what to do', () => {
    expect(warningsOf(policyWhen(bucket('equal', 'early')))).toEqual([
      {
        code: 'undefined_bucket',
        path: ['rules', 0, 'when', 'all', 0],
        message:
          "'early' is no bucket of this policy: it defines no `buckets`, so `bucket` is one of the default ones, M0 (not overdue), M1 (1-30 days past due), M2 (31-60)…; define `buckets` that name it (or compose with a policy that does), or compare `daysPastDue`",
      },
    ]);
    expect(warningsOf(policyWhen(bucket('in', ['M1', 'middle', 'late'])))[0]?.message).toMatch(/^'middle', 'late' are no buckets of this policy: .* define `buckets` that name them /);
  });

  it('not for the default buckets, not when the policy defines its buckets, nor for other facts', () => {
    expect(pathsOf(policyWhen(bucket('in', ['M0', 'M1', 'M2', 'M12'])))).toEqual([]);
    expect(pathsOf(policyWhen(bucket('notEqual', 'M3')))).toEqual([]);
    expect(pathsOf({ ...policyWhen(bucket('equal', 'late')), buckets: [{ id: 'early', upTo: 30 }, { id: 'late' }] })).toEqual([]);
    expect(pathsOf(policyWhen({ fact: 'attributes.segment', operator: 'equal', value: 'early' }))).toEqual([]);
  });

  it('in every tree: under any and not, and in a block', () => {
    const policy = {
      ...policyWhen({ any: [{ fact: 'daysPastDue', operator: 'lessThan', value: 0 }, { not: bucket('equal', 'late') }] }),
      compliance: [{ id: 'L', constraints: [{ kind: 'block', id: 'b', message: 'm', when: { all: [bucket('notIn', ['early'])] } }] }],
    };
    expect(pathsOf(policy)).toEqual([
      ['rules', 0, 'when', 'all', 0, 'any', 1, 'not'],
      ['compliance', 0, 'constraints', 0, 'when', 'all', 0],
    ]);
  });

  it('a named condition is warned where it compares bucket, once however many trees refer to it', () => {
    const policy = {
      ...policyWhen({ condition: 'late' }),
      conditions: { late: { all: [bucket('in', ['late', 'written_off'])] } },
      rules: [0, 1].map((r) => ({ id: `r${r}`, when: { all: [{ condition: 'late' }] }, then: ['call'] })),
    };
    expect(pathsOf(policy)).toEqual([['conditions', 'late', 'all', 0]]);
  });

  it("composed: a rule book naming a strategy's buckets is warned alone, not once composed with the strategy", () => {
    const rulebook = {
      id: 'company',
      version: '1',
      jurisdiction: 'CN',
      compliance: [{ id: 'company-rules', constraints: [{ kind: 'block', id: 'no-visits-early', appliesTo: { kinds: ['communication'], channels: ['visit'] }, when: { all: [bucket('equal', 'early')] }, message: 'not yet' }] }],
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
