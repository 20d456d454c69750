import { ArrearsError, formatPath, type Issue, type IssuePath } from '../errors';
import { canonicalJsonOf as canonicalJson } from '../canonical-json';
import { readOptions } from '../options';
import { type ParsePolicyOptions, parsePolicy, safeParsePolicy } from './parse';
import type { Policy } from './schema/policy';
import { quoteAll } from '../zod-issues';

/**
 * Composes a regulation, a company rule book and a strategy (any number of policies, in that
 * order) into one policy. Compliance can only restrict: every layer of every input is kept, so
 * windows intersect, the stricter cap binds and blocks add up — nothing an input says can loosen
 * another. Actions, rules, named conditions and holiday calendars are merged; the same id with
 * different content is a conflict (`COMPOSE_INVALID`). Inputs may be parsed policies or raw JSON.
 *
 * Every issue is reported in the input it comes from: its path starts with the input's index,
 * then the path inside that input (`[2, 'rules', 0, 'id']`), also for problems that only appear
 * once composed (a rule id two inputs use, windows of two inputs that never overlap).
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
export function composePoliciesWith(given: ParsePolicyOptions, ...inputs: readonly unknown[]): Policy {
  if (inputs.length === 0) throw new ArrearsError('COMPOSE_INVALID', [{ code: 'nothing_to_compose', path: [], message: 'give at least one policy' }]);
  // Read once, not once per input: a getter or a Proxy could answer each parse differently.
  const options = readOptions(given, ['limits', 'operators']) as ParsePolicyOptions;
  const issues: Issue[] = [];
  // Every input is parsed, even after one fails, so that one error lists the problems of all.
  const parsed = inputs.map((input, i) => {
    try {
      return parsePolicy(input, options);
    } catch (error) {
      if (!(error instanceof ArrearsError)) throw error;
      // Invalid options are the caller's, not an input's; an input over a size limit stops here,
      // as it would alone (its code says so).
      if (error.code === 'OPTIONS_INVALID') throw error;
      const located = error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] }));
      if (error.code === 'LIMIT_EXCEEDED') throw new ArrearsError('LIMIT_EXCEEDED', located);
      issues.push(...located);
      return undefined;
    }
  });
  if (issues.length > 0) throw new ArrearsError('COMPOSE_INVALID', issues);
  const policies = parsed.filter((p): p is Policy => p !== undefined);

  issues.push(...duplicateIds(policies), ...bucketsChangingCompliance(policies));
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
  // The composed policy is checked as a whole (references across inputs, windows of different
  // inputs that never overlap); its issues are mapped back to the inputs the user wrote.
  const result = safeParsePolicy(JSON.parse(JSON.stringify(merged)), options);
  if (!result.success) {
    // Inputs within the size limits can add up to a composed policy over them (rules, say).
    const code = 'code' in result && result.code === 'LIMIT_EXCEEDED' ? 'LIMIT_EXCEEDED' : 'COMPOSE_INVALID';
    throw new ArrearsError(code, result.issues.map((issue) => inInput(issue, policies)));
  }
  return result.policy;
}

/**
 * Ids that must be unique across the composed policy and that two inputs both use: rules, layers,
 * constraints. Reported at the later input (duplicates inside one input were reported by its parse).
 */
function duplicateIds(policies: readonly Policy[]): Issue[] {
  const issues: Issue[] = [];
  const rules = new Map<string, IssuePath>();
  const layers = new Map<string, IssuePath>();
  const constraints = new Map<string, IssuePath>();
  const claim = (seen: Map<string, IssuePath>, what: string, id: string, at: IssuePath): void => {
    const first = seen.get(id);
    if (first === undefined) seen.set(id, at);
    // Within one input the input's own parse already reported it, at its own paths.
    else if (first[0] !== at[0]) {
      const [index, ...rest] = first;
      const owner = typeof index === 'number' ? policies[index]?.id : undefined;
      issues.push({ code: 'duplicate_id', path: [...at, 'id'], message: `${what} id '${id}' is already used by policy '${owner ?? '?'}' (input ${String(index)}) at ${formatPath(rest)}` });
    }
  };
  policies.forEach((p, i) => {
    p.rules.forEach((rule, r) => claim(rules, 'rule', rule.id, [i, 'rules', r]));
    p.compliance.forEach((layer, l) => {
      claim(layers, 'layer', layer.id, [i, 'compliance', l]);
      layer.constraints.forEach((c, k) => claim(constraints, 'constraint', c.id, [i, 'compliance', l, 'constraints', k]));
    });
  });
  return issues;
}

/**
 * Where an issue of the composed policy lies in the inputs: rules and layers are the inputs'
 * lists end to end; an action, a named condition, a calendar or the buckets belong to the first
 * input that defines them (later definitions are equal, or composition refused them as a
 * conflict). What only the composed policy has (its joined `id` and `version`) is reported at
 * the root, saying which field.
 */
function inInput(issue: Issue, policies: readonly Policy[]): Issue {
  const [section, key, ...rest] = issue.path;
  if ((section === 'rules' || section === 'compliance') && typeof key === 'number') {
    let offset = 0;
    for (const [i, p] of policies.entries()) {
      const length = section === 'rules' ? p.rules.length : p.compliance.length;
      if (key < offset + length) return { ...issue, path: [i, section, key - offset, ...rest] };
      offset += length;
    }
  }
  if ((section === 'actions' || section === 'conditions' || section === 'holidays') && typeof key === 'string') {
    const i = policies.findIndex((p) => Object.hasOwn(p[section], key));
    // A merged calendar's dates are the union of every input's, so an index into it means nothing in one input.
    if (i >= 0) return { ...issue, path: section === 'holidays' ? [i, section, key] : [i, section, key, ...rest] };
  }
  if (section === 'buckets') {
    const i = policies.findIndex((p) => p.buckets !== undefined);
    if (i >= 0) return { ...issue, path: [i, ...issue.path] };
  }
  return { ...issue, path: [], message: `the composed policy's ${formatPath(issue.path)}: ${issue.message}` };
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

/**
 * Buckets that would change what another input's compliance means: a rule book without buckets
 * whose block names a default bucket (`M1`: 1–30 days past due) wrote it against the default
 * ones, and a strategy giving `M1` fewer days ('M2' from day 10) would lift the block on them.
 * Compliance can only restrict, so that is a conflict, reported at the buckets. More days (a
 * longer M0) only make such a block stricter; naming the strategy's own buckets (`early`,
 * `late`) is what a rule book without buckets may do.
 */
function bucketsChangingCompliance(policies: readonly Policy[]): Issue[] {
  const definer = policies.findIndex((p) => p.buckets !== undefined);
  const buckets = policies[definer]?.buckets;
  if (buckets === undefined) return [];
  const issues: Issue[] = [];
  policies.forEach((p, i) => {
    if (p.buckets !== undefined) return; // its own buckets: a difference is a conflict of mergeSingle's
    const comparisons = defaultBucketComparisons(p);
    const fewer = new Set(comparisons.flatMap(({ names, sign }) => (sign >= 0 && !coversDefault(names, buckets) ? names : [])));
    const more = new Set(comparisons.flatMap(({ names, sign }) => (sign <= 0 && !withinDefault(names, buckets) ? names : [])));
    const bucketsNamed = (names: ReadonlySet<string>) => `bucket${names.size > 1 ? 's' : ''} ${quoteAll(names)}`;
    const changes = [
      ...(fewer.size > 0 ? [`blocks that hold in the default ${bucketsNamed(fewer)}, which these buckets give fewer days`] : []),
      ...(more.size > 0 ? [`blocks that hold outside the default ${bucketsNamed(more)}, which these buckets give more days`] : []),
    ];
    if (changes.length === 0) return;
    issues.push({
      code: 'conflict',
      path: [definer, 'buckets'],
      message: `policy '${p.id}' (input ${i}) has ${changes.join(', and ')}: its blocks would hold on fewer days. Give '${p.id}' the same buckets, or compare daysPastDue in its blocks`,
    });
  });
  return issues;
}

/**
 * A comparison of a policy's blocks on `bucket`: the default bucket names (`M0`, `M1`…) it names,
 * and which way it reads them — `1` the block holds more where they hold more days (`in`, `equal`),
 * `-1` less (`notIn`, `notEqual`, or under a `not`), `0` not known (another operator).
 */
interface BucketComparison {
  readonly names: readonly string[];
  readonly sign: -1 | 0 | 1;
}

const BUCKET_SIGNS: Readonly<Record<string, 1 | -1>> = { equal: 1, in: 1, notEqual: -1, notIn: -1 };

/** Every comparison of a policy's blocks on `bucket` that names default buckets, named conditions followed. */
function defaultBucketComparisons(policy: Policy): BucketComparison[] {
  const out: BucketComparison[] = [];
  const followed = new Set<string>();
  const walk = (root: unknown, polarity: 1 | -1): void =>
    forEachNode(root, polarity, (node, sign) => {
      if (typeof node.condition === 'string' && Object.hasOwn(policy.conditions, node.condition) && !followed.has(`${sign}:${node.condition}`)) {
        followed.add(`${sign}:${node.condition}`);
        walk(policy.conditions[node.condition], sign);
      }
      if (node.fact !== 'bucket') return;
      const names = (Array.isArray(node.value) ? node.value : [node.value]).filter((v): v is string => typeof v === 'string' && /^M\d+$/.test(v));
      if (names.length > 0) out.push({ names, sign: (sign * operatorSign(node.operator)) as -1 | 0 | 1 });
    });
  for (const layer of policy.compliance) for (const c of layer.constraints) if (c.kind === 'block' && c.when !== undefined) walk(c.when, 1);
  return out;
}

/** Which way an operator reads its values (see `BucketComparison`); each `not:` decorator flips it. */
function operatorSign(operator: unknown): -1 | 0 | 1 {
  if (typeof operator !== 'string') return 0;
  const parts = operator.split(':');
  const base = BUCKET_SIGNS[parts[parts.length - 1] as string];
  const decorators = parts.slice(0, -1);
  if (base === undefined || decorators.some((d) => d !== 'not')) return 0;
  return decorators.length % 2 === 0 ? base : base === 1 ? -1 : 1;
}

/** Visits every node of a condition with its polarity: -1 under an odd number of `not`s. */
function forEachNode(node: unknown, polarity: 1 | -1, visit: (node: Readonly<Record<string, unknown>>, polarity: 1 | -1) => void): void {
  if (node === null || typeof node !== 'object') return;
  const n = node as Readonly<Record<string, unknown>>;
  visit(n, polarity);
  for (const key of ['all', 'any'] as const) if (Array.isArray(n[key])) for (const child of n[key] as unknown[]) forEachNode(child, polarity, visit);
  if (n.not !== undefined) forEachNode(n.not, polarity === 1 ? -1 : 1, visit);
}

/** The days past due a bucket of `buckets` holds, or of the default one (M0: up to day 0; Mk: days 30k−29 to 30k). */
function daysOf(name: string, buckets: NonNullable<Policy['buckets']> | undefined): [number, number] | null {
  if (buckets === undefined) {
    const k = Number(name.slice(1));
    return k === 0 ? [Number.NEGATIVE_INFINITY, 0] : [30 * k - 29, 30 * k];
  }
  const i = buckets.findIndex((b) => b.id === name);
  if (i < 0) return null;
  return [i === 0 ? Number.NEGATIVE_INFINITY : (buckets[i - 1]?.upTo ?? Number.NaN) + 1, buckets[i]?.upTo ?? Number.POSITIVE_INFINITY];
}

/** Days past due a policy can express: -3650 to 36500 (the buckets' bounds), one more each side. */
const FIRST_DAY = -3651;
const LAST_DAY = 36501;

/** Whether every day of `outer`'s buckets `names` (clamped to what a policy can express) is in one of `inner`'s. */
function allDaysIn(names: readonly string[], outer: NonNullable<Policy['buckets']> | undefined, inner: NonNullable<Policy['buckets']> | undefined): boolean {
  const ranges = names.map((n) => daysOf(n, inner));
  // A name the strategy's buckets do not define is refused by the composed policy itself (unknown_value).
  if (ranges.some((r) => r === null)) return true;
  for (const name of names) {
    const [from, to] = daysOf(name, outer) as [number, number];
    for (let d = Math.max(from, FIRST_DAY); d <= Math.min(to, LAST_DAY); d++) if (!ranges.some((r) => r !== null && r[0] <= d && d <= r[1])) return false;
  }
  return true;
}

/**
 * Whether `buckets` give the default buckets a comparison names at least their days together: a
 * block on them then still holds on every one of those days (a longer M0, a grace period, is
 * stricter; an open-ended last bucket covers its default days).
 */
function coversDefault(names: readonly string[], buckets: NonNullable<Policy['buckets']>): boolean {
  return allDaysIn(names, undefined, buckets);
}

/**
 * Whether `buckets` give the default buckets a comparison names at most their days together: a
 * block that holds outside them (`notIn`) then still holds on every day it did.
 */
function withinDefault(names: readonly string[], buckets: NonNullable<Policy['buckets']>): boolean {
  const defined = names.filter((n) => daysOf(n, buckets) !== null);
  if (defined.length < names.length) return true;
  return allDaysIn(names, buckets, undefined);
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
