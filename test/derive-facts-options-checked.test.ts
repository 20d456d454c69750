import { describe, expect, it } from 'vitest';
import { type ArrearsError, deriveFacts, presets } from '../src/index';
import { arrearsErrorOf } from './support/errors';

/* deriveFacts(account, now, policy, { facts: [...] }): an explicit list is checked like a
   condition's fact references, so a typo is OPTIONS_INVALID at its path, not a raw ZodError. */

const account = {
  id: 'A-1',
  currency: 'USD',
  amountDue: 100,
  dueDate: '2026-11-01',
  debtor: { timeZone: 'America/Chicago' },
  contacts: [{ id: 'self', relationship: 'self', channels: [{ channel: 'phone' }] }],
};
const now = '2026-11-23T15:00:00Z';
const derive = (facts: unknown): ArrearsError => arrearsErrorOf(() => deriveFacts(account, now, presets.usRegulationF, { facts: facts as never }));

describe('deriveFacts with an explicit facts list', () => {
  it('computes the facts asked for, with their params', () => {
    const facts = deriveFacts(account, now, presets.usRegulationF, { facts: [{ fact: 'daysPastDue' }, { fact: 'attemptCount', params: { within: 'P7D' } }] });
    expect(facts).toEqual({ daysPastDue: 22, 'attemptCount{"within":"P7D"}': 0 });
  });

  it('an attributes.<key> fact is computed like any other', () => {
    const facts = deriveFacts({ ...account, attributes: { segment: 'retail' } }, now, presets.usRegulationF, { facts: [{ fact: 'attributes.segment' }] });
    expect(facts).toEqual({ 'attributes.segment': 'retail' });
  });

  it('params on a fact that takes none → invalid_params', () => {
    expect(derive([{ fact: 'daysPastDue', params: { x: 1 } }]).issues).toMatchObject([{ code: 'invalid_params', path: ['facts', 0, 'params'] }]);
  });

  it('an unknown option → unrecognized_keys, with a did-you-mean', () => {
    const error = arrearsErrorOf(() => deriveFacts(account, now, presets.usRegulationF, { fact: 'all' } as never));
    expect(error.issues).toMatchObject([{ code: 'unrecognized_keys', path: [] }]);
    expect(error.issues[0]?.message).toContain("'facts'");
  });

  it('an unknown fact → OPTIONS_INVALID / unknown_fact, with a did-you-mean', () => {
    const error = derive([{ fact: 'dayPastDue' }]);
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues).toMatchObject([{ code: 'unknown_fact', path: ['facts', 0, 'fact'] }]);
    expect(error.issues[0]?.message).toMatch(/did you mean 'daysPastDue'\?$/);
  });

  it('invalid params → OPTIONS_INVALID at the param', () => {
    const error = derive([{ fact: 'daysPastDue' }, { fact: 'attemptCount', params: { within: 5 } }]);
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues[0]?.path).toEqual(['facts', 1, 'params', 'within']);
  });

  it('a list of the wrong shape → OPTIONS_INVALID at facts', () => {
    const error = derive('some');
    expect(error.code).toBe('OPTIONS_INVALID');
    expect(error.issues[0]?.path).toEqual(['facts']);
  });
});
