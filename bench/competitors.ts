/**
 * The same strategy conditions, evaluated by the other engines the benchmark compares: the
 * policy's own json-rules-engine conditions through json-rules-engine's `Engine` (created once,
 * reused), the same conditions translated to JsonLogic for json-logic-js, and a hand-written
 * function (the limit). Each answers "which rules fire?" for a facts object.
 */
import { Engine } from 'json-rules-engine';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { Policy } from '../src/index';

type Facts = Readonly<Record<string, unknown>>;
type Json = Readonly<Record<string, unknown>>;

/**
 * A json-rules-engine `Engine` with the policy's rules and named conditions; `run(facts)` resolves
 * to the ids of the rules that fired.
 *
 * @example
 * const fired = await jsonRulesEngine(policy)({ daysPastDue: 12, bucket: 'early', hasOpenPromise: false });
 */
export function jsonRulesEngine(policy: Policy): (facts: Facts) => Promise<string[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, condition] of Object.entries(policy.conditions)) engine.setCondition(name, condition as never);
  for (const rule of policy.rules) engine.addRule({ name: rule.id, priority: rule.priority, conditions: rule.when as never, event: { type: rule.id } });
  return async (facts) => (await engine.run({ ...facts })).events.map((e) => e.type);
}

// json-rules-engine operator → JsonLogic operator, for the operators the reference strategy uses
// (and the other plain comparisons). Anything else is refused rather than mistranslated.
const OPERATORS: Readonly<Record<string, string>> = {
  equal: '===',
  notEqual: '!==',
  lessThan: '<',
  lessThanInclusive: '<=',
  greaterThan: '>',
  greaterThanInclusive: '>=',
};

/**
 * Translates a json-rules-engine condition to JsonLogic: all → and, any → or, not → !, named
 * conditions inlined, `{ fact, operator, value }` → `{ op: [{ var: fact }, value] }`, `in` and
 * `contains` to JsonLogic's `in`. Throws on what it does not translate (paths, params, priorities
 * that change evaluation order do not matter here: JsonLogic is side-effect free).
 *
 * @example
 * toJsonLogic({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] }, {});
 * // { and: [{ '>': [{ var: 'daysPastDue' }, 30] }] }
 */
export function toJsonLogic(condition: unknown, named: Readonly<Record<string, unknown>>): RulesLogic {
  const c = condition as Json;
  if (Array.isArray(c['all'])) return { and: (c['all'] as unknown[]).map((x) => toJsonLogic(x, named)) } as RulesLogic;
  if (Array.isArray(c['any'])) return { or: (c['any'] as unknown[]).map((x) => toJsonLogic(x, named)) } as RulesLogic;
  if ('not' in c) return { '!': [toJsonLogic(c['not'], named)] } as RulesLogic;
  if (typeof c['condition'] === 'string') return toJsonLogic(named[c['condition']], named);
  const { fact, operator, value, path, params } = c as { fact: string; operator: string; value: unknown; path?: string; params?: unknown };
  if (path !== undefined || params !== undefined) throw new Error(`toJsonLogic: paths and params are not translated (${fact})`);
  const v = { var: fact };
  if (operator === 'in') return { in: [v, value] } as RulesLogic;
  if (operator === 'notIn') return { '!': [{ in: [v, value] }] } as RulesLogic;
  if (operator === 'contains') return { in: [value, v] } as RulesLogic;
  const op = OPERATORS[operator];
  if (op === undefined) throw new Error(`toJsonLogic: operator '${operator}' is not translated`);
  return { [op]: [v, value] } as RulesLogic;
}

/**
 * The policy's rules as JsonLogic, applied with json-logic-js; returns the ids of the rules that
 * fire, in the policy's rule order.
 *
 * @example
 * jsonLogicRules(policy)({ daysPastDue: 12, bucket: 'early', hasOpenPromise: false }); // ['m1-calls']
 */
export function jsonLogicRules(policy: Policy): (facts: Facts) => string[] {
  const rules = policy.rules.map((r) => ({ id: r.id, logic: toJsonLogic(r.when, policy.conditions) }));
  return (facts) => {
    const fired: string[] = [];
    for (const r of rules) if (jsonLogic.apply(r.logic, facts) === true) fired.push(r.id);
    return fired;
  };
}

/**
 * The bank-card strategy written by hand: what a developer would write instead of a rules
 * engine, the ceiling of any engine. Returns the ids of the rules that fire, in rule order.
 *
 * @example
 * handWritten({ daysPastDue: 12, bucket: 'early', hasOpenPromise: false }); // ['m1-calls']
 */
export function handWritten(facts: Facts): string[] {
  const dpd = facts['daysPastDue'] as number;
  const bucket = facts['bucket'];
  const noPromise = facts['hasOpenPromise'] === false;
  const fired: string[] = [];
  if (dpd >= -3 && dpd <= -1) fired.push('pre-due-reminder');
  if (dpd >= 1 && dpd <= 7 && noPromise) fired.push('just-overdue-sms');
  if (bucket === 'early' && dpd >= 8 && noPromise) fired.push('m1-calls');
  if (dpd >= 45 && bucket === 'middle' && noPromise) fired.push('m2-m3-visits');
  if (bucket === 'middle' && noPromise) fired.push('m2-m3-firm-calls');
  if (bucket === 'late') fired.push('legal-route');
  return fired;
}

/** The rule ids `handWritten` knows, to check it still matches the strategy file. */
export const HAND_WRITTEN_RULES = ['pre-due-reminder', 'just-overdue-sms', 'm1-calls', 'm2-m3-visits', 'm2-m3-firm-calls', 'legal-route'] as const;
