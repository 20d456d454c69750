import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOperatorRegistry } from '../src/conditions';
import { presets } from '../src/index';
import { checkPolicy, checkPolicyLoosely } from '../src/policy/check';
import { policySchema } from '../src/policy/schema/policy';
import { sound } from './support/policies';

/*
 * checkPolicyLoosely runs the cross-checks on the parts of a policy that parse, so that a policy
 * with shape mistakes also gets its reference mistakes reported in the same run.
 */

const operators = createOperatorRegistry();
const loosely = (input: unknown) => checkPolicyLoosely(input, operators);


const examplesDir = new URL('../examples/policies/', import.meta.url);
const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, examplesDir), 'utf8')) as unknown] as const);

describe('on a policy whose shape is valid, it finds what checkPolicy finds', () => {
  const crossMistakes = {
    ...sound,
    conditions: { late: { all: [{ fact: 'attemptCount', params: { within: 'P1X' }, operator: 'lessThan', value: 3 }] } },
    actions: { ...sound.actions, call_family: { channel: 'phone', target: { order: 'family-frist' } } },
    rules: [
      { id: 'early', when: { all: [{ fact: 'dayPastDue', operator: 'lessThan', value: 8 }, { condition: 'lat' }] }, then: ['sms_reminder'] },
      { id: 'early', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThen', value: 7 }] }, then: ['cal_self'] },
    ],
    compliance: [
      { id: 'company', constraints: [{ kind: 'window', id: 'hours', from: '09:00', to: '09:00', closedOn: ['CN'] }] },
      { id: 'company', constraints: [{ kind: 'contactOrder', id: 'hours', ranks: [['self'], ['self']] }] },
    ],
    buckets: [{ id: 'a', upTo: 30 }, { id: 'a', upTo: 10 }],
  };

  it.each([...examples, ...Object.entries(presets), ['a policy with a mistake of every kind', crossMistakes] as const])('%s', (_, input) => {
    const raw: unknown = JSON.parse(JSON.stringify(input));
    const expected = checkPolicy(policySchema.parse(raw), operators);
    expect(loosely(raw)).toEqual(expected);
  });

  it('(the policy with a mistake of every kind has them all)', () => {
    expect(new Set(loosely(crossMistakes).map((i) => i.code))).toEqual(
      new Set(['invalid_params', 'unknown_fact', 'unknown_condition', 'duplicate_id', 'unknown_action', 'unknown_operator', 'empty_window', 'unknown_calendar', 'duplicate_relationship', 'unknown_contact_order', 'invalid_buckets']),
    );
  });
});

describe('on a policy whose shape is wrong in places', () => {
  it('checks the references of the parts that parse', () => {
    const policy = { ...sound, version: '', rules: [{ ...sound.rules[0], then: ['sms_remider'] }, sound.rules[1]] };
    expect(loosely(policy)).toEqual([{ code: 'unknown_action', path: ['rules', 0, 'then', 0], message: "unknown action 'sms_remider'; did you mean 'sms_reminder'?" }]);
  });

  it("checks a rule's then when its when is broken, and its when when its then is broken", () => {
    const policy = {
      ...sound,
      rules: [
        { id: 'a', when: { all: [{ fact: 'daysPastDue', operater: 'lessThan', value: 8 }] }, then: ['cal_self'] },
        { id: 'b', when: { all: [{ fact: 'dayPastDue', operator: 'lessThan', value: 8 }] }, then: [], priority: 0 },
      ],
    };
    expect(loosely(policy).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['unknown_action', 'rules.0.then.0'],
      ['unknown_fact', 'rules.1.when.all.0.fact'],
    ]);
  });

  it('reports nothing a shape error already covers (an invalid id is not also an unknown action)', () => {
    const policy = { ...sound, rules: [{ ...sound.rules[0], then: ['not an id!', 'sms_remider'] }] };
    expect(loosely(policy)).toEqual([expect.objectContaining({ code: 'unknown_action', path: ['rules', 0, 'then', 1] })]);
  });

  it('a definition with a shape mistake still defines its name: no unknown_action, unknown_condition or unknown_contact_order follows', () => {
    const policy = {
      ...sound,
      actions: { call_self: { channel: 'fax' }, sms_reminder: { channel: 'sms' }, call_family: { channel: 'phone', target: { order: 'family' } } },
      conditions: { late: { all: [{ fact: 'daysPastDue', operator: 'greaterThan' }] } },
      rules: [{ id: 'm1', when: { condition: 'late' }, then: ['call_self'] }],
      compliance: [{ id: 'company', constraints: [{ kind: 'contactOrder', id: 'family', ranks: [] }] }],
    };
    expect(loosely(policy)).toEqual([]);
  });

  it('checks the constraints that parse, next to one that does not', () => {
    const policy = {
      ...sound,
      compliance: [
        {
          id: 'company',
          constraints: [
            { kind: 'windw', id: 'hours', from: '09:00', to: '20:00', closedOn: ['nowhere'] },
            { kind: 'block', id: 'hours', message: 'Ceased.', when: { all: [{ fact: 'deceasd', operator: 'equal', value: true }] }, except: { actions: ['cal_self'] } },
          ],
        },
      ],
    };
    expect(loosely(policy).map((i) => [i.code, i.path.join('.')])).toEqual([
      ['duplicate_id', 'compliance.0.constraints.1.id'],
      ['unknown_fact', 'compliance.0.constraints.1.when.all.0.fact'],
      ['unknown_action', 'compliance.0.constraints.1.except.actions.0'],
    ]);
  });

  it('leaves buckets alone unless the whole list parses (their checks compare neighbours)', () => {
    expect(loosely({ ...sound, buckets: [{ id: 'a', upTo: 30 }, { id: 'a', upTo: 'x' }] })).toEqual([]);
  });

  // Each wrapped in a tuple: it.each spreads a bare array into arguments.
  it.each([[null], ['policy'], [42], [[]], [[sound]], [{ rules: 'none', actions: [], compliance: [null, 3, { constraints: 'x' }], conditions: 7 }]])('never throws on junk: %j', (junk) => {
    expect(loosely(junk)).toEqual([]);
  });

  it('reads a named condition it could not parse as referring to nothing (its raw form could be anything)', () => {
    const conditions = { a: { all: [{ condition: 'b' }], nme: 'typo' }, b: { not: { condition: 'a' } } };
    expect(loosely({ ...sound, conditions })).toEqual([]);
    const fixed = { a: { all: [{ condition: 'b' }] }, b: conditions.b };
    expect(loosely({ ...sound, conditions: fixed }).map((i) => i.code)).toEqual(['circular_condition', 'circular_condition']);
  });

  it('does not mutate its input', () => {
    const policy = JSON.parse(JSON.stringify({ ...sound, version: '' })) as object;
    const before = structuredClone(policy);
    loosely(policy);
    expect(policy).toEqual(before);
  });
});
