import { Operator } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { ArrearsError, parseAccount, parsePolicy, safeParseAccount, safeParsePolicy } from '../src/index';
import { DEFAULT_LIMITS, LIMITS, resolveLimits } from '../src/limits';

/* The `limits` and `operators` options are checked like any input: OPTIONS_INVALID, with paths. */

const account = { id: 'A-1', currency: 'USD', amountDue: 100, dueDate: '2026-11-01', debtor: { timeZone: 'UTC' } };
const policy = { id: 'p', version: '1', jurisdiction: 'US', actions: { sms: { channel: 'sms' } } };

describe('the limits option', () => {
  it('defaults are documented values, frozen', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxDepth: 128,
      maxNodes: 1_000_000,
      maxStringLength: 10_000,
      maxArrayLength: 10_000,
      maxObjectKeys: 10_000,
      maxRules: 1_000,
      maxConditionDepth: 32,
      maxConditionReferences: 16,
      maxAttempts: 10_000,
      maxContacts: 200,
    });
    expect(Object.isFrozen(DEFAULT_LIMITS)).toBe(true);
    for (const spec of Object.values(LIMITS)) expect(spec.default).toBeLessThanOrEqual(spec.ceiling);
  });

  it('resolveLimits fills in the defaults', () => {
    expect(resolveLimits({ maxRules: 5 })).toEqual({ ...DEFAULT_LIMITS, maxRules: 5 });
    expect(resolveLimits()).toBe(DEFAULT_LIMITS);
  });

  it.each([
    ['zero', { maxRules: 0 }, ['limits', 'maxRules']],
    ['a fraction', { maxAttempts: 1.5 }, ['limits', 'maxAttempts']],
    ['a string', { maxDepth: '10' }, ['limits', 'maxDepth']],
    ['above the ceiling (zod would overflow the stack)', { maxDepth: 100_000 }, ['limits', 'maxDepth']],
    ['Infinity', { maxNodes: Infinity }, ['limits', 'maxNodes']],
    ['an unknown limit (a typo)', { maxRule: 5 }, ['limits']],
    ['not an object', 5, ['limits']],
  ])('%s → OPTIONS_INVALID at its path', (_, limits, path) => {
    expect(safeParseAccount(account, { limits } as never)).toMatchObject({ success: false, code: 'OPTIONS_INVALID', issues: [{ path }] });
    expect(safeParsePolicy(policy, { limits } as never)).toMatchObject({ success: false, code: 'OPTIONS_INVALID', issues: [{ path }] });
    expect(() => parseAccount(account, { limits } as never)).toThrow(ArrearsError);
    expect(() => resolveLimits(limits as never)).toThrow(expect.objectContaining({ code: 'OPTIONS_INVALID' }));
  });

  it('says what is accepted', () => {
    expect(safeParseAccount(account, { limits: { maxDepth: 0 } })).toEqual({
      success: false,
      code: 'OPTIONS_INVALID',
      issues: [{ code: 'too_small', path: ['limits', 'maxDepth'], message: 'limits.maxDepth must be a whole number from 1 to 512' }],
    });
  });

  it('an unknown option name is refused, not ignored', () => {
    expect(safeParseAccount(account, { limit: { maxDepth: 3 } } as never)).toMatchObject({ success: false, code: 'OPTIONS_INVALID', issues: [{ code: 'unrecognized_keys' }] });
    expect(safeParsePolicy(policy, { operator: [] } as never)).toMatchObject({ success: false, code: 'OPTIONS_INVALID', issues: [{ code: 'unrecognized_keys' }] });
  });
});

describe('the operators option of parsePolicy', () => {
  const divisibleBy = { name: 'divisibleBy', cb: (a: number, b: number) => a % b === 0, validator: (a: number) => typeof a === 'number' };
  const uses = (operator: string): unknown => ({ ...policy, rules: [{ id: 'r', when: { all: [{ fact: 'daysPastDue', operator, value: 7 }] }, then: ['sms'] }] });

  it('accepts json-rules-engine Operators and { name, cb, validator? }', () => {
    expect(parsePolicy(uses('divisibleBy'), { operators: [divisibleBy] }).id).toBe('p');
    expect(parsePolicy(uses('odd'), { operators: [new Operator('odd', (a: number) => a % 2 === 1)] }).id).toBe('p');
  });

  it.each([
    ['null', null, ['operators']],
    ['an object', { divisibleBy }, ['operators']],
    ['a name that is not a string', [{ ...divisibleBy, name: 5 }], ['operators', 0, 'name']],
    ['an empty name', [{ ...divisibleBy, name: '' }], ['operators', 0, 'name']],
    ['a callback that is not a function', [{ name: 'x', cb: 'a % b' }], ['operators', 0, 'cb']],
    ['a validator that is not a function', [{ ...divisibleBy, validator: true }], ['operators', 0, 'validator']],
  ])('%s → OPTIONS_INVALID at its path', (_, operators, path) => {
    expect(safeParsePolicy(policy, { operators } as never)).toMatchObject({ success: false, code: 'OPTIONS_INVALID', issues: [{ path }] });
  });

  it('reports the operators and the limits together', () => {
    const result = safeParsePolicy(policy, { operators: [5], limits: { maxRules: -1 } } as never);
    expect(result.success ? [] : result.issues.map((i) => i.path)).toEqual([['operators', 0], ['limits', 'maxRules']]);
  });
});
