import { checkCondition, checkNamedConditions, collectFactRefs, didYouMean } from '../conditions';
import type { OperatorRegistry } from '../conditions';
import type { Issue } from '../errors';
import { FACT_NAMES, FACTS, isKnownFact } from '../facts/catalogue';
import { fromZodIssues } from '../zod-issues';
import type { Policy } from './schema/policy';
import type { Selector } from './schema/selector';

type Path = (string | number)[];

/**
 * Cross-checks a policy whose shape is valid: references resolve, ids are unique, conditions use
 * known facts and operators, windows can open. Returns every issue found (empty: consistent).
 */
export function checkPolicy(policy: Policy, operators: OperatorRegistry): Issue[] {
  const issues: Issue[] = [];
  const actionIds = Object.keys(policy.actions);
  const calendars = Object.keys(policy.holidays);
  const orders = new Set<string>();
  const ctx = { operators, conditions: policy.conditions, isKnownFact, factNames: FACT_NAMES };

  issues.push(...checkNamedConditions(policy.conditions, ctx));

  const ruleIds = new Map<string, number>();
  policy.rules.forEach((rule, r) => {
    const seen = ruleIds.get(rule.id);
    if (seen !== undefined) issues.push(dup(['rules', r, 'id'], `rule id '${rule.id}' is already used by rules[${seen}]`));
    else ruleIds.set(rule.id, r);
    rule.then.forEach((action, a) => {
      if (!Object.hasOwn(policy.actions, action)) {
        issues.push({ code: 'unknown_action', path: ['rules', r, 'then', a], message: `unknown action '${action}'${didYouMean(action, actionIds)}` });
      }
    });
    issues.push(...checkCondition(rule.when, ctx, ['rules', r, 'when']));
    issues.push(...checkFactParams(rule.when, policy, ['rules', r, 'when']));
  });

  const constraintIds = new Map<string, Path>();
  const layerIds = new Set<string>();
  policy.compliance.forEach((layer, l) => {
    if (layerIds.has(layer.id)) issues.push(dup(['compliance', l, 'id'], `layer id '${layer.id}' is used twice`));
    layerIds.add(layer.id);
    layer.constraints.forEach((c, k) => {
      const at: Path = ['compliance', l, 'constraints', k];
      const seen = constraintIds.get(c.id);
      if (seen !== undefined) issues.push(dup([...at, 'id'], `constraint id '${c.id}' is already used at ${seen.join('.')}`));
      else constraintIds.set(c.id, at);
      if (c.appliesTo) issues.push(...checkSelector(c.appliesTo, policy, [...at, 'appliesTo']));
      switch (c.kind) {
        case 'window':
          if (c.from === c.to) issues.push({ code: 'empty_window', path: [...at, 'to'], message: `the window opens and closes at ${c.from}: it is never open` });
          if (c.days.length === 0) issues.push({ code: 'empty_window', path: [...at, 'days'], message: 'the window has no days: it is never open' });
          c.closedOn.forEach((cal, i) => {
            if (!calendars.includes(cal)) issues.push({ code: 'unknown_calendar', path: [...at, 'closedOn', i], message: `unknown holiday calendar '${cal}'${didYouMean(cal, calendars)}; calendars are defined in \`holidays\`` });
          });
          break;
        case 'cooldown':
          c.after.actions?.forEach((a, i) => {
            if (actionIds.length > 0 && !actionIds.includes(a)) issues.push({ code: 'unknown_action', path: [...at, 'after', 'actions', i], message: `unknown action '${a}'${didYouMean(a, actionIds)}` });
          });
          break;
        case 'contactOrder': {
          orders.add(c.id);
          const seenRel = new Set<string>();
          c.ranks.forEach((rank, r) =>
            rank.forEach((rel, i) => {
              if (seenRel.has(rel)) issues.push({ code: 'duplicate_relationship', path: [...at, 'ranks', r, i], message: `'${rel}' appears in more than one rank` });
              seenRel.add(rel);
            }),
          );
          break;
        }
        case 'block':
          if (c.when) {
            issues.push(...checkCondition(c.when, ctx, [...at, 'when']));
            issues.push(...checkFactParams(c.when, policy, [...at, 'when']));
          }
          if (c.except) issues.push(...checkSelector(c.except, policy, [...at, 'except']));
          break;
        default:
          break;
      }
    });
  });

  for (const [id, action] of Object.entries(policy.actions)) {
    const target = action.target;
    if (target !== undefined && action.channel === undefined) {
      issues.push({ code: 'target_without_channel', path: ['actions', id, 'target'], message: 'an action without a channel reaches no one: remove `target` or add a `channel`' });
    }
    if (target !== undefined && typeof target === 'object' && !Array.isArray(target) && !orders.has(target.order)) {
      issues.push({ code: 'unknown_contact_order', path: ['actions', id, 'target', 'order'], message: `unknown contact order '${target.order}'${didYouMean(target.order, [...orders])}; it must be the id of a contactOrder constraint` });
    }
  }

  if (policy.buckets) {
    policy.buckets.forEach((b, i) => {
      const last = i === (policy.buckets?.length ?? 0) - 1;
      const prev = i > 0 ? policy.buckets?.[i - 1]?.upTo : undefined;
      if (last && b.upTo !== undefined) issues.push({ code: 'invalid_buckets', path: ['buckets', i, 'upTo'], message: 'the last bucket must have no `upTo` so that every day past due falls in a bucket' });
      if (!last && b.upTo === undefined) issues.push({ code: 'invalid_buckets', path: ['buckets', i], message: 'every bucket but the last needs `upTo`' });
      if (prev !== undefined && b.upTo !== undefined && b.upTo <= prev) issues.push({ code: 'invalid_buckets', path: ['buckets', i, 'upTo'], message: `buckets must ascend: ${b.upTo} is not above ${prev}` });
    });
    const ids = new Set<string>();
    policy.buckets.forEach((b, i) => {
      if (ids.has(b.id)) issues.push(dup(['buckets', i, 'id'], `bucket id '${b.id}' is used twice`));
      ids.add(b.id);
    });
  }
  return issues;
}

function dup(path: Path, message: string): Issue {
  return { code: 'duplicate_id', path, message };
}

function checkSelector(selector: Selector, policy: Policy, path: Path): Issue[] {
  const actionIds = Object.keys(policy.actions);
  // A pure compliance layer (a preset) names no actions of its own; composition re-checks.
  if (actionIds.length === 0 || !selector.actions) return [];
  return selector.actions.flatMap((a, i) =>
    actionIds.includes(a) ? [] : [{ code: 'unknown_action', path: [...path, 'actions', i], message: `unknown action '${a}'${didYouMean(a, actionIds)}` }],
  );
}

function checkFactParams(condition: unknown, policy: Policy, path: Path): Issue[] {
  const issues: Issue[] = [];
  for (const ref of collectFactRefs(condition as never, policy.conditions as never)) {
    if (!Object.hasOwn(FACTS, ref.fact)) continue;
    const spec = FACTS[ref.fact as keyof typeof FACTS] as { params?: { safeParse(v: unknown): { success: boolean; error?: { issues: never[] } } } };
    if (!spec.params) continue;
    const result = spec.params.safeParse(ref.params ?? {});
    if (!result.success) {
      for (const issue of fromZodIssues(result.error?.issues ?? [])) {
        issues.push({ code: 'invalid_params', path, message: `fact '${ref.fact}' params${issue.path.length ? '.' + issue.path.join('.') : ''}: ${issue.message}` });
      }
    }
  }
  return issues;
}
