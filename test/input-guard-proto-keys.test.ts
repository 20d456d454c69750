import { afterEach, describe, expect, it } from 'vitest';
import { safeParseAccount, safeParsePolicy } from '../src/index';

/*
 * JSON.parse makes `"__proto__"` an own key, and zod's record parser silently drops it. The input
 * guard refuses it anywhere, as forbidden_key (an invalid input, not a limit), and lets
 * validation go on so every other problem is reported with it.
 */

const HEAD = '"id":"A-1","currency":"USD","amountDue":100,"dueDate":"2026-11-01","debtor":{"timeZone":"UTC"}';
const POLICY = '"id":"p","version":"1","jurisdiction":"US"';

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe('an own __proto__ key → forbidden_key', () => {
  it('in an object that knows its keys: reported once, not also as an unknown key', () => {
    const forbidden = { code: 'forbidden_key', path: ['__proto__'], message: 'this key is reserved (it could reach Object.prototype); rename it' };
    expect(safeParseAccount(JSON.parse(`{"__proto__":{"x":1},${HEAD}}`))).toEqual({ success: false, code: 'ACCOUNT_INVALID', issues: [forbidden] });
    expect(safeParsePolicy(JSON.parse(`{"__proto__":{"x":1},${POLICY},"actions":{},"rules":[]}`))).toEqual({ success: false, code: 'POLICY_INVALID', issues: [forbidden] });
    // Another unknown key beside it is still named, alone.
    const both = safeParseAccount(JSON.parse(`{"__proto__":{"x":1},"colour":1,${HEAD}}`));
    expect(both.success ? [] : both.issues.map((i) => [i.code, i.message])).toEqual([
      ['forbidden_key', forbidden.message],
      ['unrecognized_keys', "unknown key 'colour'; remove it or check the spelling"],
    ]);
  });

  it('anywhere in an account, with its path and the reason', () => {
    const result = safeParseAccount(JSON.parse(`{${HEAD},"attributes":{"a":[{"b":{"__proto__":{"polluted":1}}}]}}`));
    expect(result).toEqual({
      success: false,
      code: 'ACCOUNT_INVALID',
      issues: [{ code: 'forbidden_key', path: ['attributes', 'a', 0, 'b', '__proto__'], message: 'this key is reserved (it could reach Object.prototype); rename it' }],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('in a policy comparison value (data elsewhere, but never this key)', () => {
    const json = `{${POLICY},"actions":{"sms":{"channel":"sms"}},"rules":[{"id":"r","when":{"all":[{"fact":"attributes.segment","operator":"equal","value":{"__proto__":{"polluted":1}}}]},"then":["sms"]}]}`;
    expect(safeParsePolicy(JSON.parse(json))).toMatchObject({
      success: false,
      code: 'POLICY_INVALID',
      issues: [{ code: 'forbidden_key', path: ['rules', 0, 'when', 'all', 0, 'value', '__proto__'] }],
    });
  });

  it('comes with every other issue of the input', () => {
    const result = safeParseAccount(JSON.parse(`{${HEAD},"amountDue":-1,"attributes":{"__proto__":1}}`));
    expect(result.success ? [] : result.issues.map((i) => i.code)).toEqual(['forbidden_key', 'too_small']);
  });

  it('an object built in code has no own __proto__ key: nothing to refuse', () => {
    expect(safeParseAccount({ ...JSON.parse(`{${HEAD}}`), attributes: { __proto__: { x: 1 } } }).success).toBe(true);
  });

  it('100 of them stop the walk, and validation does not run on the unchecked rest', () => {
    const attributes = `{${Array.from({ length: 150 }, (_, i) => `"k${i}":{"__proto__":1}`).join(',')}}`;
    const result = safeParseAccount(JSON.parse(`{${HEAD},"attributes":${attributes}}`));
    expect(result).toMatchObject({ success: false, code: 'ACCOUNT_INVALID' });
    expect(result.success ? 0 : result.issues.length).toBe(100);
  });
});
