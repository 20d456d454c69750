import { describe, expect, it } from 'vitest';
import { safeParsePolicy } from '../src/index';

/*
 * A section that is itself misshapen (`conditions` given as a list or a string, `actions` as a
 * list, `holidays` as a list, `compliance` or a layer's `constraints` not a list) defines names no
 * one can read: the references into it cannot be checked. Only the section is reported — not
 * every reference into it as unknown as well, which the user would see vanish once the section
 * is fixed. A section of the right shape still gets its unknown references reported.
 */

const late = { fact: 'daysPastDue', operator: 'greaterThan', value: 30 };
const base = {
  id: 'p',
  version: '1',
  jurisdiction: 'US',
  conditions: { late: { all: [late] } },
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'r', when: { all: [{ condition: 'late' }] }, then: ['call'] }],
};

function issuesOf(policy: Record<string, unknown>) {
  const r = safeParsePolicy({ ...base, ...policy });
  if (r.success) throw new Error('expected the policy to be refused');
  return r.issues.map((i) => [i.code, i.path.join('.')]);
}

describe('references into a misshapen section are not reported', () => {
  it.each([
    ['a list', [{ all: [late] }], 'must be an object, not an array'],
    ['a string', 'late', "must be an object, not 'late'"],
    ['null', null, 'must be an object, not null'],
  ])('conditions given as %s: no unknown_condition', (_, conditions, message) => {
    const r = safeParsePolicy({ ...base, conditions });
    expect(!r.success && r.issues).toEqual([{ code: 'invalid_type', path: ['conditions'], message }]);
    // Conditions of the right shape without it: the reference is reported.
    expect(issuesOf({ version: '', conditions: {} })).toEqual([
      ['too_small', 'version'],
      ['unknown_condition', 'rules.0.when.all.0.condition'],
    ]);
  });

  it('actions given as a list: no unknown_action in rules, selectors, cool-downs or params', () => {
    const policy = {
      actions: [{ channel: 'phone' }],
      rules: [{ id: 'r', when: { all: [{ fact: 'hasApproval', params: { action: 'call' }, operator: 'equal', value: false }] }, then: ['call'] }],
      compliance: [
        {
          id: 'l',
          constraints: [
            { kind: 'block', id: 'b', message: 'no', when: { all: [late] }, appliesTo: { actions: ['call'] }, except: { actions: ['sms'] } },
            { kind: 'cooldown', id: 'c', after: { actions: ['call'] }, wait: { duration: 'P1D' } },
          ],
        },
      ],
    };
    expect(issuesOf(policy)).toEqual([['invalid_type', 'actions']]);
    // The same references into actions of the right shape that lack them are reported.
    expect(issuesOf({ ...policy, version: '', actions: { sms: { channel: 'sms' } } })).toEqual([
      ['too_small', 'version'],
      ['unknown_action', 'rules.0.then.0'],
      ['invalid_params', 'rules.0.when.all.0.params.action'],
      ['unknown_action', 'compliance.0.constraints.0.appliesTo.actions.0'],
      ['unknown_action', 'compliance.0.constraints.1.after.actions.0'],
    ]);
  });

  it('holidays given as a list: no unknown_calendar', () => {
    const compliance = [{ id: 'l', constraints: [{ kind: 'window', id: 'w', from: '08:00', to: '21:00', closedOn: ['us'] }] }];
    expect(issuesOf({ holidays: [], compliance })).toEqual([['invalid_type', 'holidays']]);
  });

  it("compliance, or a layer's constraints, not a list: no unknown_contact_order", () => {
    const actions = { call: { channel: 'phone', target: { order: 'family' } } };
    expect(issuesOf({ actions, compliance: { id: 'l', constraints: [{ kind: 'contactOrder', id: 'family', ranks: [['self']] }] } })).toEqual([['invalid_type', 'compliance']]);
    expect(issuesOf({ actions, compliance: [{ id: 'l', constraints: { family: { kind: 'contactOrder', ranks: [['self']] } } }] })).toEqual([['invalid_type', 'compliance.0.constraints']]);
  });

});
