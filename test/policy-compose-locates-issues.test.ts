import { describe, expect, it } from 'vitest';
import { ArrearsError, composePolicies, composePoliciesWith } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/*
 * Problems that only exist once policies are composed are reported in the input the user wrote:
 * the path starts with the input's index, then the path inside that input.
 */

const regulation = {
  id: 'reg',
  version: '1',
  jurisdiction: 'US',
  compliance: [{ id: 'regulation', constraints: [{ kind: 'window', id: 'reg-hours', from: '08:00', to: '21:00' }] }],
};
const strategy = {
  id: 'strategy',
  version: '1',
  jurisdiction: 'US',
  actions: { call: { channel: 'phone' } },
  rules: [{ id: 'call-late', when: { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] }, then: ['call'] }],
  compliance: [{ id: 'strategy', constraints: [{ kind: 'cap', id: 'strategy-cap', max: 3, period: { calendar: 'day' } }] }],
};
const evening = {
  id: 'evening',
  version: '1',
  jurisdiction: 'US',
  compliance: [{ id: 'evening', constraints: [{ kind: 'window', id: 'evening-hours', from: '21:30', to: '23:00' }] }],
};

const composeError = (...inputs: unknown[]): ArrearsError => arrearsErrorOf(() => composePolicies(...inputs));

describe('composePolicies locates issues of the composed policy in its inputs', () => {
  it('windows of two inputs that never overlap: at the action, naming the layers', () => {
    const error = composeError(regulation, evening, strategy);
    expect(error.code).toBe('COMPOSE_INVALID');
    expect(error.issues).toEqual([
      {
        code: 'unsatisfiable_windows',
        path: [2, 'actions', 'call', 'channel'],
        message: "the contact windows of layers 'regulation', 'evening' that apply to 'call' on phone (zone contact) never overlap: it could never be allowed. Widen or move the windows 'reg-hours' (layer 'regulation'), 'evening-hours' (layer 'evening') until every layer shares some open minute, or take the channel off the action",
      },
    ]);
  });

  it('a regulation naming an action the strategy lacks: in the regulation', () => {
    const capLetters = { id: 'letters', version: '1', jurisdiction: 'US', compliance: [{ id: 'letters', constraints: [{ kind: 'cap', id: 'one-letter', max: 1, period: { rolling: 'P30D' }, appliesTo: { actions: ['cal'] } }] }] };
    expect(composeError(regulation, capLetters, strategy).issues).toEqual([
      { code: 'unknown_action', path: [1, 'compliance', 0, 'constraints', 0, 'appliesTo', 'actions', 0], message: "unknown action 'cal'; did you mean 'call'?" },
    ]);
  });

  it('a layer id and a constraint id used by two inputs: at the later input', () => {
    const copy = { ...regulation, id: 'reg-copy' };
    expect(composeError(regulation, copy).issues).toEqual([
      { code: 'duplicate_id', path: [1, 'compliance', 0, 'id'], message: "layer id 'regulation' is already used by policy 'reg' (input 0) at compliance[0]" },
      { code: 'duplicate_id', path: [1, 'compliance', 0, 'constraints', 0, 'id'], message: "constraint id 'reg-hours' is already used by policy 'reg' (input 0) at compliance[0].constraints[0]" },
    ]);
  });

  it('a field only the composed policy has (its joined version): at the root, saying which field', () => {
    const long = (p: object, id: string): object => ({ ...p, id, version: 'v'.repeat(30) });
    const issues = composeError(long(regulation, 'a'), long(evening, 'b'), long({ ...strategy, compliance: [] }, 'c')).issues;
    expect(issues).toEqual([expect.objectContaining({ path: [], message: expect.stringMatching(/^the composed policy's version: /) })]);
  });

  it('inputs within a size limit that add up to a composed policy over it: LIMIT_EXCEEDED, at the root', () => {
    const other = { ...strategy, id: 'other', rules: [{ ...strategy.rules[0], id: 'other-rule' }], compliance: [] };
    try {
      composePoliciesWith({ limits: { maxRules: 1 } }, strategy, other);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ArrearsError);
      expect((error as ArrearsError).code).toBe('LIMIT_EXCEEDED');
      expect((error as ArrearsError).issues).toEqual([expect.objectContaining({ code: 'too_many_rules', path: [], message: expect.stringMatching(/^the composed policy's rules: /) })]);
    }
  });

  it('every invalid input, not only the first', () => {
    const issues = composeError({ ...regulation, version: '' }, evening, { ...strategy, rules: [{ ...strategy.rules[0], then: ['cal'] }] }).issues;
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['too_small', [0, 'version']],
      ['unknown_action', [2, 'rules', 0, 'then', 0]],
    ]);
  });
});
