import type { z } from 'zod';
import { checkCondition, didYouMean, topLevelConditionSchema } from '../conditions';
import type { CheckContext, OperatorRegistry, ParamsProblem, TopLevelCondition } from '../conditions';
import { formatPath, type Issue } from '../errors';
import { FACT_NAMES, FACTS, factValues, isKnownFact } from '../facts/catalogue';
import { idSchema } from '../model/primitives';
import { fromZodIssues, missingValueError, quoteAll } from '../zod-issues';
import { type Constraint, constraintSchema, layerSchema } from './schema/constraints';
import { type Action, actionSchema, type Bucket, type Policy, policySchema, ruleSchema } from './schema/policy';
import type { Selector } from './schema/selector';
import { REACHING_KINDS } from './actions';

type Path = (string | number)[];

/*
 * The cross-checks read a policy through `Parts`, a view that can also be built from a document
 * whose shape is partly wrong: every part is there or `undefined` (it did not parse), and the
 * names a document defines are gathered apart from whether their definitions parsed. So a typo
 * in one action's channel does not also turn every reference to that action into an
 * `unknown_action`: the user would fix the typo and see those vanish, which is noise. Likewise a
 * section that is itself misshapen (`actions` given as a list, `conditions` as a string, a layer
 * whose `constraints` is not a list) defines names no one can read: its names are `undefined`,
 * and the references into it are not checked — the section's own shape error is the one to fix.
 */

interface RulePart {
  readonly id: string | undefined;
  readonly when: TopLevelCondition | undefined;
  /** Each reference, `undefined` where it is not a valid id (zod reports those). */
  readonly then: readonly (string | undefined)[];
}

interface ConstraintPart {
  readonly id: string | undefined;
  readonly constraint: Constraint | undefined;
}

interface LayerPart {
  readonly id: string | undefined;
  readonly constraints: readonly ConstraintPart[];
}

interface Parts {
  /**
   * Every action id defined, whether its definition parsed or not: references to it resolve.
   * Undefined (here and below): the section is misshapen, references into it are not checked.
   */
  readonly actionIds: readonly string[] | undefined;
  /** The action definitions that parsed. */
  readonly actions: readonly (readonly [string, Action])[];
  /** Every holiday calendar id defined. */
  readonly calendars: readonly string[] | undefined;
  /** Every named condition, as references see it: name → tree. */
  readonly conditionRefs: Readonly<Record<string, unknown>> | undefined;
  /** The named conditions that parsed, to be checked. */
  readonly conditions: readonly (readonly [string, TopLevelCondition])[];
  readonly rules: readonly (RulePart | undefined)[];
  readonly layers: readonly (LayerPart | undefined)[];
  /** Every id of a `contactOrder` constraint, whether the constraint parsed or not. */
  readonly contactOrders: ReadonlySet<string> | undefined;
  /** The buckets, when the whole list parsed (their checks compare neighbours). */
  readonly buckets: readonly Bucket[] | undefined;
}

/**
 * Cross-checks a policy whose shape is valid: references resolve, ids are unique, conditions use
 * known facts, operators and params, windows can open. Returns every issue found (empty: consistent).
 *
 * @example
 * const issues = checkPolicy(policySchema.parse(json), createOperatorRegistry());
 * issues.forEach((i) => console.error(formatPath(i.path), i.message));
 */
export function checkPolicy(policy: Policy, operators: OperatorRegistry, options: CheckPolicyOptions = {}): Issue[] {
  const contactOrders = new Set(policy.compliance.flatMap((l) => l.constraints.filter((c) => c.kind === 'contactOrder').map((c) => c.id)));
  return checkParts(
    {
      actionIds: Object.keys(policy.actions),
      actions: Object.entries(policy.actions),
      calendars: Object.keys(policy.holidays),
      conditionRefs: policy.conditions,
      conditions: Object.entries(policy.conditions),
      rules: policy.rules,
      layers: policy.compliance.map((l) => ({ id: l.id, constraints: l.constraints.map((c) => ({ id: c.id, constraint: c })) })),
      contactOrders,
      buckets: policy.buckets,
    },
    operators,
    options,
  );
}

/**
 * The cross-checks of `checkPolicy` on a document whose shape may be wrong in places, so that one
 * run reports the shape mistakes and the reference mistakes together. Each part (an action, a
 * named condition, a rule's `id`, `when` and each of its `then`, a constraint, a layer's id, the
 * bucket list) is checked only if it parses on its own; the rest is left to the shape errors.
 * For a document whose shape is valid it returns what `checkPolicy` returns. The whole-policy
 * check for windows that never overlap is not run: it needs every layer.
 *
 * Call it after the input passed the input guard and `policySchema.safeParse` returned (failed or
 * not): it re-parses parts with the same schemas, so it is as safe as that call was.
 *
 * @example
 * const shape = policySchema.safeParse(input);
 * const issues = shape.success
 *   ? checkPolicy(shape.data, operators)
 *   : [...fromZodIssues(shape.error.issues), ...checkPolicyLoosely(input, operators)];
 */
export function checkPolicyLoosely(input: unknown, operators: OperatorRegistry, options: CheckPolicyOptions = {}): Issue[] {
  if (!isRecord(input)) return [];
  const conditions = ownEntries(input.conditions).map(([name, tree]) => [name, parsed(topLevelConditionSchema, tree)] as const);
  const layers = list(input.compliance);
  // Every layer's constraints must be readable for the contact orders to be known.
  const orderLists = readableList(input.compliance) && layers.every((l) => isRecord(l) && Array.isArray(l.constraints)) ? layers.map((l) => list((l as Record<string, unknown>).constraints)) : undefined;
  const contactOrders = orderLists && new Set(orderLists.flat().flatMap((c) => (isRecord(c) && c.kind === 'contactOrder' && typeof c.id === 'string' ? [c.id] : [])));
  return checkParts(
    {
      actionIds: readableMap(input.actions) ? ownEntries(input.actions).map(([id]) => id) : undefined,
      actions: ownEntries(input.actions).flatMap(([id, a]) => {
        const action = parsed(actionSchema, a);
        return action === undefined ? [] : [[id, action] as const];
      }),
      calendars: readableMap(input.holidays) ? ownEntries(input.holidays).map(([id]) => id) : undefined,
      // A tree that did not parse still defines its name; it is read as having no references
      // (its raw form could be anything, even cyclic when built in code).
      conditionRefs: readableMap(input.conditions) ? Object.fromEntries(conditions.map(([name, tree]) => [name, tree ?? {}])) : undefined,
      conditions: conditions.flatMap(([name, tree]) => (tree === undefined ? [] : [[name, tree] as const])),
      rules: list(input.rules).map((r) =>
        isRecord(r)
          ? { id: parsed(ruleSchema.shape.id, r.id), when: parsed(ruleSchema.shape.when, r.when), then: list(r.then).map((a) => parsed(ruleSchema.shape.then.element, a)) }
          : undefined,
      ),
      layers: layers.map((l) =>
        isRecord(l)
          ? {
              id: parsed(layerSchema.shape.id, l.id),
              constraints: list(l.constraints).map((c) => ({ id: isRecord(c) ? parsed(idSchema, c.id) : undefined, constraint: parsed(constraintSchema, c) })),
            }
          : undefined,
      ),
      contactOrders,
      buckets: parsed(policySchema.shape.buckets, input.buckets),
    },
    operators,
    options,
  );
}

/** Options of `checkPolicy` and `checkPolicyLoosely`. */
export interface CheckPolicyOptions {
  /** Deepest condition nesting accepted; `parsePolicy` passes `limits.maxConditionDepth`. */
  readonly maxConditionDepth?: number;
}

function checkParts(parts: Parts, operators: OperatorRegistry, options: CheckPolicyOptions): Issue[] {
  const issues: Issue[] = [];
  const { actionIds } = parts;
  const ctx: CheckContext = {
    operators,
    conditions: parts.conditionRefs,
    isKnownFact,
    factNames: FACT_NAMES,
    checkParams: (fact, params) => factParams(fact, params, actionIds),
    factType: (fact) => (Object.hasOwn(FACTS, fact) ? FACTS[fact as keyof typeof FACTS].type : undefined),
    // Not for `bucket`: its values are the policy's own bucket ids, which may be numbers ('90').
    factNumbers: (fact) => {
      const domain = fact === 'bucket' ? undefined : factValues(fact, undefined);
      return domain?.kind === 'string' ? domain.numbers : undefined;
    },
    ...(options.maxConditionDepth === undefined ? {} : { maxDepth: options.maxConditionDepth }),
  };

  // Each named condition is checked once, where it is defined, not at every rule using it.
  for (const [name, tree] of parts.conditions) issues.push(...checkCondition(tree, ctx, ['conditions', name]));

  const ruleIds = new Map<string, number>();
  parts.rules.forEach((rule, r) => {
    if (rule === undefined) return;
    if (rule.id !== undefined) {
      const seen = ruleIds.get(rule.id);
      if (seen !== undefined) issues.push(dup(['rules', r, 'id'], `rule id '${rule.id}' is already used by rules[${seen}]`));
      else ruleIds.set(rule.id, r);
    }
    rule.then.forEach((action, a) => {
      if (action !== undefined && actionIds !== undefined && !actionIds.includes(action)) {
        issues.push({ code: 'unknown_action', path: ['rules', r, 'then', a], message: `unknown action '${action}'${didYouMean(action, actionIds)}` });
      }
    });
    if (rule.when !== undefined) issues.push(...checkCondition(rule.when, ctx, ['rules', r, 'when']));
  });

  const constraintIds = new Map<string, Path>();
  const layerIds = new Set<string>();
  parts.layers.forEach((layer, l) => {
    if (layer === undefined) return;
    if (layer.id !== undefined) {
      if (layerIds.has(layer.id)) issues.push(dup(['compliance', l, 'id'], `layer id '${layer.id}' is used twice`));
      layerIds.add(layer.id);
    }
    layer.constraints.forEach(({ id, constraint }, k) => {
      const at: Path = ['compliance', l, 'constraints', k];
      if (id !== undefined) {
        const seen = constraintIds.get(id);
        if (seen !== undefined) issues.push(dup([...at, 'id'], `constraint id '${id}' is already used at ${formatPath(seen)}`));
        else constraintIds.set(id, at);
      }
      if (constraint !== undefined) issues.push(...checkConstraint(constraint, parts, ctx, at));
    });
  });

  for (const [id, action] of parts.actions) {
    const target = action.target;
    if (target !== undefined && action.channel === undefined) {
      issues.push({ code: 'target_without_channel', path: ['actions', id, 'target'], message: 'an action without a channel reaches no one: remove `target` or add a `channel`' });
    }
    // The presets protect people by the kinds that reach them: a kind that reaches no one on an
    // action that does would slip past every block and window that selects by kind.
    const kind = action.kind;
    if (kind !== undefined && action.channel !== undefined && !REACHING_KINDS.includes(kind)) {
      issues.push({
        code: 'kind_channel_mismatch',
        path: ['actions', id, 'kind'],
        message: `an action with a channel reaches a person, so its kind is 'communication' or 'notice', not '${kind}' (a lawyer's letter or a field visit is a communication): remove \`kind\`, or remove \`channel\` if it reaches no one`,
      });
    }
    if (target !== undefined && typeof target === 'object' && !Array.isArray(target) && parts.contactOrders !== undefined && !parts.contactOrders.has(target.order)) {
      issues.push({
        code: 'unknown_contact_order',
        path: ['actions', id, 'target', 'order'],
        message: `unknown contact order '${target.order}'; it must be the id of a contactOrder constraint${didYouMean(target.order, [...parts.contactOrders])}`,
      });
    }
  }

  if (parts.buckets) issues.push(...checkBuckets(parts.buckets));
  return issues;
}

/** `consentLasts` bounds consent a constraint heeds: without `excludeConsented` it would silently do nothing. */
function checkConsentLasts(c: { excludeConsented: boolean; consentLasts?: string | undefined }, at: Path): Issue[] {
  if (c.consentLasts === undefined || c.excludeConsented) return [];
  return [{ code: 'consent_not_excluded', path: [...at, 'consentLasts'], message: '`consentLasts` bounds consent this constraint does not heed: set `excludeConsented: true`, or remove `consentLasts`' }];
}

function checkConstraint(c: Constraint, parts: Parts, ctx: CheckContext, at: Path): Issue[] {
  const issues: Issue[] = [];
  const { actionIds, calendars } = parts;
  if (c.appliesTo) issues.push(...checkSelector(c.appliesTo, actionIds, [...at, 'appliesTo']));
  switch (c.kind) {
    case 'window':
      if (c.from === c.to) issues.push({ code: 'empty_window', path: [...at, 'to'], message: `the window opens and closes at ${c.from}: it is never open` });
      if (c.days.length === 0) issues.push({ code: 'empty_window', path: [...at, 'days'], message: 'the window has no days: it is never open' });
      c.closedOn.forEach((cal, i) => {
        if (calendars !== undefined && !calendars.includes(cal)) {
          // The hint goes last: it ends in '?', and anything after it would read as a second sentence.
          issues.push({ code: 'unknown_calendar', path: [...at, 'closedOn', i], message: `unknown holiday calendar '${cal}'; calendars are defined in \`holidays\`${didYouMean(cal, calendars)}` });
        }
      });
      break;
    case 'cap':
      issues.push(...checkConsentLasts(c, at));
      break;
    case 'cooldown':
      issues.push(...checkConsentLasts(c, at));
      c.after.actions?.forEach((a, i) => {
        if (actionIds !== undefined && actionIds.length > 0 && !actionIds.includes(a)) issues.push({ code: 'unknown_action', path: [...at, 'after', 'actions', i], message: `unknown action '${a}'${didYouMean(a, actionIds)}` });
      });
      break;
    case 'contactOrder': {
      const seenRel = new Map<string, number>();
      c.ranks.forEach((rank, r) =>
        rank.forEach((rel, i) => {
          const first = seenRel.get(rel);
          if (first !== undefined) {
            issues.push({
              code: 'duplicate_relationship',
              path: [...at, 'ranks', r, i],
              message: first === r ? `'${rel}' appears twice in rank ${r + 1}` : `'${rel}' appears in more than one rank (${first + 1} and ${r + 1})`,
            });
          }
          if (first === undefined) seenRel.set(rel, r);
        }),
      );
      break;
    }
    case 'block':
      if (c.when) issues.push(...checkCondition(c.when, ctx, [...at, 'when']));
      if (c.except) issues.push(...checkSelector(c.except, actionIds, [...at, 'except']));
      break;
    default:
      break;
  }
  return issues;
}

function checkBuckets(buckets: readonly Bucket[]): Issue[] {
  const issues: Issue[] = [];
  buckets.forEach((b, i) => {
    const last = i === buckets.length - 1;
    const prev = i > 0 ? buckets[i - 1]?.upTo : undefined;
    if (last && b.upTo !== undefined) issues.push({ code: 'invalid_buckets', path: ['buckets', i, 'upTo'], message: 'the last bucket must have no `upTo` so that every day past due falls in a bucket' });
    if (!last && b.upTo === undefined) issues.push({ code: 'invalid_buckets', path: ['buckets', i], message: 'every bucket but the last needs `upTo`' });
    if (prev !== undefined && b.upTo !== undefined && b.upTo <= prev) issues.push({ code: 'invalid_buckets', path: ['buckets', i, 'upTo'], message: `buckets must ascend: ${b.upTo} is not above ${prev}` });
  });
  const ids = new Set<string>();
  buckets.forEach((b, i) => {
    if (ids.has(b.id)) issues.push(dup(['buckets', i, 'id'], `bucket id '${b.id}' is used twice`));
    ids.add(b.id);
  });
  return issues;
}

function dup(path: Path, message: string): Issue {
  return { code: 'duplicate_id', path, message };
}

function checkSelector(selector: Selector, actionIds: readonly string[] | undefined, path: Path): Issue[] {
  // A pure compliance layer (a preset) names no actions of its own; composition re-checks.
  if (actionIds === undefined || actionIds.length === 0 || !selector.actions) return [];
  return selector.actions.flatMap((a, i) =>
    actionIds.includes(a) ? [] : [{ code: 'unknown_action', path: [...path, 'actions', i], message: `unknown action '${a}'${didYouMean(a, actionIds)}` }],
  );
}

/** The catalogue's params check, for `CheckContext.checkParams`. */
function factParams(fact: string, params: unknown, actionIds: readonly string[] | undefined): ParamsProblem[] {
  // `attributes.<key>` reads one of the account's own attributes, as `attributes` does: no params.
  const attribute = fact !== 'attributes' && isKnownFact(fact) && !Object.hasOwn(FACTS, fact);
  if (!Object.hasOwn(FACTS, fact) && !attribute) return [];
  const schema = attribute ? undefined : (FACTS as Readonly<Record<string, { readonly params?: z.ZodType }>>)[fact]?.params;
  if (schema === undefined) {
    // json-rules-engine would pass them on and the fact ignore them: a mistake, never an effect.
    const given = isRecord(params) ? Object.keys(params) : [];
    return given.length === 0 ? [] : [{ path: [], message: `takes no params; remove ${quoteAll(given)}` }];
  }
  const result = schema.safeParse(params, { error: missingValueError });
  if (!result.success) return fromZodIssues(result.error.issues).map((issue) => ({ path: issue.path, message: issue.message }));
  // Params that name policy actions (an approval, attempts of an action): one the policy does not
  // define is a typo that makes the comparison read nothing (never approved, never attempted), and
  // a block on it silently never holds. A preset without actions of its own is checked when composed.
  const named = isRecord(params) ? params['action'] : undefined;
  if (actionIds === undefined || actionIds.length === 0 || (typeof named !== 'string' && !Array.isArray(named))) return [];
  const list: readonly unknown[] = typeof named === 'string' ? [named] : named;
  return list.flatMap((a, i) =>
    typeof a !== 'string' || actionIds.includes(a) ? [] : [{ path: typeof named === 'string' ? ['action'] : ['action', i], message: `unknown action '${a}'${didYouMean(a, actionIds)}` }],
  );
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function ownEntries(value: unknown): [string, unknown][] {
  return isRecord(value) ? Object.entries(value) : [];
}

/** A section of definitions by name (`actions`, `conditions`, `holidays`) that can be read: absent (the default, none) or an object. */
const readableMap = (value: unknown): boolean => value === undefined || isRecord(value);
/** A list section that can be read: absent (the default, empty) or a list. */
const readableList = (value: unknown): boolean => value === undefined || Array.isArray(value);

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
