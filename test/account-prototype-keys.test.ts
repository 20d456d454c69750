import { afterEach, describe, expect, it } from 'vitest';
import { safeParseAccount } from '../src/index';

/*
 * `__proto__`, `constructor` and `prototype` keys in account JSON. JSON.parse makes them own
 * properties (an object literal would not), which is what arrives from a file or a request. They
 * are refused or inert; none ever reaches Object.prototype.
 */

const HEAD = '"id":"A-1","currency":"USD","amountDue":100,"dueDate":"2026-11-01"';
const DEBTOR = '"debtor":{"timeZone":"UTC"}';
const PAYLOAD = '{"polluted":"yes","toString":"x"}';

const polluted = (): unknown => (Object.prototype as Record<string, unknown>).polluted;

afterEach(() => {
  // Defensive: a failure must not leak into other tests.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

type Case = readonly [where: string, json: string];

const CASES: readonly Case[] = [
  ['the root', `{${HEAD},${DEBTOR},"__proto__":${PAYLOAD}}`],
  ['the root (constructor.prototype)', `{${HEAD},${DEBTOR},"constructor":{"prototype":${PAYLOAD}}}`],
  ['debtor', `{${HEAD},"debtor":{"timeZone":"UTC","__proto__":${PAYLOAD}}}`],
  ['debtor.flags', `{${HEAD},"debtor":{"timeZone":"UTC","flags":{"__proto__":{"since":"2026-01-01"}}}}`],
  ['debtor.flags (constructor)', `{${HEAD},"debtor":{"timeZone":"UTC","flags":{"constructor":{"since":"2026-01-01"}}}}`],
  ['a contact', `{${HEAD},${DEBTOR},"contacts":[{"id":"c","relationship":"self","__proto__":${PAYLOAD}}]}`],
  ['attributes', `{${HEAD},${DEBTOR},"attributes":{"__proto__":${PAYLOAD}}}`],
  ['attributes (constructor)', `{${HEAD},${DEBTOR},"attributes":{"constructor":{"prototype":${PAYLOAD}}}}`],
  ['attributes (prototype)', `{${HEAD},${DEBTOR},"attributes":{"prototype":${PAYLOAD}}}`],
  ['nested attributes', `{${HEAD},${DEBTOR},"attributes":{"a":{"b":[{"__proto__":${PAYLOAD}}]}}}`],
  ['nested attributes (constructor)', `{${HEAD},${DEBTOR},"attributes":{"a":[{"constructor":{"prototype":${PAYLOAD}}}]}}`],
];

describe.each(CASES)('a reserved key in %s', (_, json) => {
  it('is refused or inert, and Object.prototype stays clean', () => {
    const input: unknown = JSON.parse(json);
    const result = safeParseAccount(input);
    expect(polluted()).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.success) {
      // Inert: the parsed account carries no trace of the payload, anywhere.
      expect(JSON.stringify(result.account)).not.toContain('polluted');
      expect(Object.getPrototypeOf(result.account.attributes)).toBe(Object.prototype);
      expect(result.account.attributes.toString).toBe(Object.prototype.toString);
    } else {
      for (const issue of result.issues) expect(issue).toEqual({ code: expect.any(String), path: expect.any(Array), message: expect.any(String) });
    }
  });
});

describe('reserved keys in attributes are refused with a reason', () => {
  it.each(['constructor', 'prototype'])('%s → forbidden_key', (key) => {
    const result = safeParseAccount(JSON.parse(`{${HEAD},${DEBTOR},"attributes":{"${key}":1}}`));
    expect(result.success ? [] : result.issues).toEqual([
      { code: 'forbidden_key', path: ['attributes', key], message: 'this key is reserved (it could reach Object.prototype); rename it' },
    ]);
  });

  // zod's record parser skips a `__proto__` key; the input guard refuses it before it runs.
  it('__proto__ → forbidden_key (not silently dropped)', () => {
    const result = safeParseAccount(JSON.parse(`{${HEAD},${DEBTOR},"attributes":{"__proto__":{"x":1},"segment":"a"}}`));
    expect(result.success ? [] : result.issues).toEqual([expect.objectContaining({ code: 'forbidden_key', path: ['attributes', '__proto__'] })]);
  });
});
