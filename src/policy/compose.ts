import { ArrearsError, type Issue } from '../errors';
import { canonicalJson } from './hash';
import { type ParsePolicyOptions, parsePolicy } from './parse';
import type { Policy } from './schema/policy';

/**
 * Composes a regulation, a company rule book and a strategy (any number of policies, in that
 * order) into one policy. Compliance can only restrict: every layer of every input is kept, so
 * windows intersect, the stricter cap binds and blocks add up — nothing an input says can loosen
 * another. Actions, rules, named conditions and holiday calendars are merged; the same id with
 * different content is a conflict (`COMPOSE_INVALID`). Inputs may be parsed policies or raw JSON.
 *
 * @example
 * const policy = composePolicies(presets.usRegulationF, presets.usMassachusetts, myStrategy);
 */
export function composePolicies(...inputs: readonly unknown[]): Policy {
  return composePoliciesWith({}, ...inputs);
}

/**
 * `composePolicies` with parse options (custom operators).
 *
 * @example
 * composePoliciesWith({ operators: [myOperator] }, presets.chinaCba, strategy);
 */
export function composePoliciesWith(options: ParsePolicyOptions, ...inputs: readonly unknown[]): Policy {
  if (inputs.length === 0) throw new ArrearsError('COMPOSE_INVALID', [{ code: 'nothing_to_compose', path: [], message: 'give at least one policy' }]);
  const policies = inputs.map((input, i) => {
    try {
      return parsePolicy(input, options);
    } catch (error) {
      if (error instanceof ArrearsError) {
        throw new ArrearsError('COMPOSE_INVALID', error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] })));
      }
      throw error;
    }
  });
  const issues: Issue[] = [];
  const merged = {
    id: policies.map((p) => p.id).join('+'),
    version: policies.map((p) => p.version).join('+'),
    jurisdiction: [...new Set(policies.flatMap((p) => (typeof p.jurisdiction === 'string' ? [p.jurisdiction] : p.jurisdiction)))],
    description: policies.map((p) => p.description).filter((d) => d !== undefined).join('\n\n') || undefined,
    buckets: mergeSingle(policies, 'buckets', issues),
    holidays: mergeCalendars(policies),
    conditions: mergeMaps(policies, 'conditions', issues),
    actions: mergeMaps(policies, 'actions', issues),
    rules: policies.flatMap((p) => p.rules),
    compliance: policies.flatMap((p) => p.compliance),
  };
  if (issues.length > 0) throw new ArrearsError('COMPOSE_INVALID', issues);
  return parsePolicy(JSON.parse(JSON.stringify(merged)), options);
}

function mergeMaps(policies: readonly Policy[], key: 'actions' | 'conditions', issues: Issue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  policies.forEach((p, i) => {
    for (const [id, value] of Object.entries(p[key])) {
      if (Object.hasOwn(out, id) && canonicalJson(out[id]) !== canonicalJson(value)) {
        issues.push({ code: 'conflict', path: [i, key, id], message: `'${id}' is defined differently by two of the composed policies` });
      }
      out[id] = value;
    }
  });
  return out;
}

function mergeSingle(policies: readonly Policy[], key: 'buckets', issues: Issue[]): unknown {
  const defined = policies.map((p, i) => ({ value: p[key], i })).filter((x) => x.value !== undefined);
  const first = defined[0];
  for (const other of defined.slice(1)) {
    if (canonicalJson(other.value) !== canonicalJson(first?.value)) {
      issues.push({ code: 'conflict', path: [other.i, key], message: `two of the composed policies define different ${key}` });
    }
  }
  return first?.value;
}

function mergeCalendars(policies: readonly Policy[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of policies) {
    for (const [id, dates] of Object.entries(p.holidays)) out[id] = [...new Set([...(out[id] ?? []), ...dates])];
  }
  return out;
}
