import { forEachComparison } from '../conditions/values';
import type { Issue } from '../errors';
import { DEFAULT_BUCKETS, isDefaultBucket } from '../facts/catalogue';
import { quoteAll } from '../zod-issues';
import type { Policy } from './schema/policy';

type Path = (string | number)[];

/**
 * Every condition tree of a policy, each once, where it is written: named conditions (at
 * `conditions.<name>`, so a comparison a rule reads through `{ condition }` is found there, once
 * however many trees refer to it), rules' `when`, blocks' `when`.
 *
 * @example
 * for (const [tree, path] of conditionTrees(policy)) forEachComparison(tree, path, (node, at) => console.log(at.join('.'), node.fact));
 */
export function conditionTrees(policy: Policy): [unknown, Path][] {
  return [
    ...Object.entries(policy.conditions).map(([name, tree]): [unknown, Path] => [tree, ['conditions', name]]),
    ...policy.rules.map((rule, r): [unknown, Path] => [rule.when, ['rules', r, 'when']]),
    ...policy.compliance.flatMap((layer, l) => layer.constraints.flatMap((c, k): [unknown, Path][] => (c.kind === 'block' && c.when !== undefined ? [[c.when, ['compliance', l, 'constraints', k, 'when']]] : []))),
  ];
}

/**
 * Comparisons of the `bucket` fact, in a policy without `buckets`, that name a bucket other than
 * the default ones (`DEFAULT_BUCKETS`): `bucket equal 'early'` never holds there. A rule book
 * written for a strategy's buckets is meant to be composed with it; alone, it is warned, at each
 * comparison. The default names (M0, M1…) are the domain's own (one bucket per 30 days) and are
 * not warned; a name the `bucket` fact can never take even composed (`m1`) is refused at parse.
 *
 * @example
 * undefinedBuckets(policy).map((w) => w.path); // [['rules', 0, 'when', 'all', 0]]
 */
export function undefinedBuckets(policy: Policy): Issue[] {
  if (policy.buckets !== undefined) return [];
  const warnings: Issue[] = [];
  for (const [tree, path] of conditionTrees(policy)) {
    forEachComparison(tree, path, (node, at) => {
      if (node.fact !== 'bucket') return;
      const named = (Array.isArray(node.value) ? node.value : [node.value]).filter((v): v is string => typeof v === 'string' && !isDefaultBucket(v));
      if (named.length === 0) return;
      warnings.push({
        code: 'undefined_bucket',
        path: at,
        message: `${quoteAll(named)} ${named.length === 1 ? 'is no bucket' : 'are no buckets'} of this policy: it defines no \`buckets\`, so \`bucket\` is one of the default ones, ${DEFAULT_BUCKETS}; define \`buckets\` that name ${named.length === 1 ? 'it' : 'them'} (or compose with a policy that does), or compare \`daysPastDue\``,
      });
    });
  }
  return warnings;
}
