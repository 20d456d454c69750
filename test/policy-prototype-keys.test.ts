import { afterEach, describe, expect, it } from 'vitest';
import { composePolicies, safeParsePolicy, type Policy } from '../src/index';

/*
 * `__proto__`, `constructor` and `prototype` keys anywhere in policy JSON. JSON.parse makes them
 * own properties, as they arrive from a file. They are refused or inert, and never reach
 * Object.prototype — not while parsing, not while composing.
 */

const HEAD = '"id":"p","version":"1","jurisdiction":"US"';
const ACTIONS = '"actions":{"sms":{"channel":"sms"}}';
const PAYLOAD = '{"polluted":"yes"}';
const rules = (when: string): string => `"rules":[{"id":"r","when":${when},"then":["sms"]}]`;

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted;
});

const CASES: readonly (readonly [string, string])[] = [
  ['the root', `{${HEAD},${ACTIONS},"__proto__":${PAYLOAD}}`],
  ['the root (constructor)', `{${HEAD},${ACTIONS},"constructor":{"prototype":${PAYLOAD}}}`],
  ['the actions map', `{${HEAD},"actions":{"__proto__":{"channel":"sms"},"sms":{"channel":"sms"}}}`],
  ['the actions map (constructor)', `{${HEAD},"actions":{"constructor":{"channel":"sms"}}}`],
  ['the actions map (prototype)', `{${HEAD},"actions":{"prototype":{"channel":"sms"}}}`],
  ['an action', `{${HEAD},"actions":{"sms":{"channel":"sms","__proto__":${PAYLOAD}}}}`],
  ['the holidays map', `{${HEAD},${ACTIONS},"holidays":{"__proto__":["2026-01-01"]}}`],
  ['the holidays map (constructor)', `{${HEAD},${ACTIONS},"holidays":{"constructor":["2026-01-01"]}}`],
  ['the conditions map', `{${HEAD},${ACTIONS},"conditions":{"__proto__":{"all":[]}}}`],
  ['the conditions map (constructor)', `{${HEAD},${ACTIONS},"conditions":{"constructor":{"all":[]}}}`],
  ['a rule', `{${HEAD},${ACTIONS},"rules":[{"id":"r","when":{"all":[]},"then":["sms"],"__proto__":${PAYLOAD}}]}`],
  ['a rule id', `{${HEAD},${ACTIONS},"rules":[{"id":"constructor","when":{"all":[]},"then":["sms"]}]}`],
  ['a reference to a named condition', `{${HEAD},${ACTIONS},${rules('{"condition":"__proto__"}')}}`],
  ['a reference to a named condition (constructor)', `{${HEAD},${ACTIONS},${rules('{"condition":"constructor"}')}}`],
  ['a condition node', `{${HEAD},${ACTIONS},${rules(`{"all":[],"__proto__":${PAYLOAD}}`)}}`],
  ['a comparison value', `{${HEAD},${ACTIONS},${rules(`{"all":[{"fact":"attributes","operator":"equal","value":{"__proto__":${PAYLOAD}}}]}`)}}`],
  // A comparison value is data: an own `constructor` key in it is kept as data, compared by value.
  ['a nested comparison value', `{${HEAD},${ACTIONS},${rules(`{"all":[{"fact":"attributes","operator":"equal","value":[{"constructor":{"prototype":{"x":1}}}]}]}`)}}`],
  ['fact params', `{${HEAD},${ACTIONS},${rules(`{"all":[{"fact":"attemptCount","params":{"__proto__":${PAYLOAD}},"operator":"equal","value":1}]}`)}}`],
  ['a fact name', `{${HEAD},${ACTIONS},${rules('{"all":[{"fact":"constructor","operator":"equal","value":1}]}')}}`],
  ['an operator name', `{${HEAD},${ACTIONS},${rules('{"all":[{"fact":"daysPastDue","operator":"__proto__","value":1}]}')}}`],
  ['a layer', `{${HEAD},${ACTIONS},"compliance":[{"id":"L","constraints":[],"__proto__":${PAYLOAD}}]}`],
  ['a constraint', `{${HEAD},${ACTIONS},"compliance":[{"id":"L","constraints":[{"kind":"window","id":"w","from":"08:00","to":"20:00","__proto__":${PAYLOAD}}]}]}`],
  ['a constraint id', `{${HEAD},${ACTIONS},"compliance":[{"id":"L","constraints":[{"kind":"window","id":"__proto__","from":"08:00","to":"20:00"}]}]}`],
  ['a selector', `{${HEAD},${ACTIONS},"compliance":[{"id":"L","constraints":[{"kind":"window","id":"w","from":"08:00","to":"20:00","appliesTo":{"__proto__":${PAYLOAD}}}]}]}`],
];

function expectClean(policy: Policy | undefined): void {
  expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  if (policy === undefined) return;
  for (const map of [policy.actions, policy.holidays, policy.conditions]) {
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).not.toContain('__proto__');
  }
  expect(JSON.stringify(policy)).not.toContain('polluted');
}

describe.each(CASES)('a reserved key in %s', (_, json) => {
  it('is refused or inert when parsing', () => {
    const result = safeParsePolicy(JSON.parse(json));
    expectClean(result.success ? result.policy : undefined);
    if (!result.success) for (const issue of result.issues) expect(issue).toEqual({ code: expect.any(String), path: expect.any(Array), message: expect.any(String) });
  });

  it('is refused or inert when composing', () => {
    let composed: Policy | undefined;
    try {
      composed = composePolicies(JSON.parse(json), JSON.parse(`{"id":"other","version":"1","jurisdiction":"US",${ACTIONS}}`));
    } catch {
      composed = undefined;
    }
    expectClean(composed);
  });
});

describe('reserved ids and map keys are refused with forbidden_key', () => {
  it.each([
    ['a rule id', `{${HEAD},${ACTIONS},"rules":[{"id":"constructor","when":{"all":[]},"then":["sms"]}]}`, ['rules', 0, 'id']],
    ['a constraint id', `{${HEAD},${ACTIONS},"compliance":[{"id":"L","constraints":[{"kind":"window","id":"prototype","from":"08:00","to":"20:00"}]}]}`, ['compliance', 0, 'constraints', 0, 'id']],
  ])('%s', (_, json, path) => {
    const result = safeParsePolicy(JSON.parse(json));
    expect(result.success ? [] : result.issues).toEqual([expect.objectContaining({ code: 'forbidden_key', path })]);
  });

  it.each([
    ['actions', `{${HEAD},"actions":{"constructor":{"channel":"sms"}}}`],
    ['holidays', `{${HEAD},"holidays":{"prototype":["2026-01-01"]}}`],
    ['conditions', `{${HEAD},"conditions":{"constructor":{"all":[]}}}`],
  ])('a reserved key in %s', (map, json) => {
    const result = safeParsePolicy(JSON.parse(json));
    expect(result.success ? [] : result.issues).toEqual([
      { code: 'forbidden_key', path: [map, expect.any(String)], message: expect.stringContaining('reserved (it could reach Object.prototype)') },
    ]);
  });

  // zod's record parser skips `__proto__` keys; the input guard refuses them before it runs.
  it('__proto__ as an action id is refused, not silently dropped', () => {
    const result = safeParsePolicy(JSON.parse(`{${HEAD},"actions":{"__proto__":{"channel":"sms"}}}`));
    expect(result.success ? [] : result.issues).toEqual([expect.objectContaining({ code: 'forbidden_key', path: ['actions', '__proto__'] })]);
  });
});
