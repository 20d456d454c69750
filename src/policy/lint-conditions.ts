import { forEachComparison } from '../conditions/values';
import type { Issue } from '../errors';
import { DEFAULT_BUCKETS } from '../facts/catalogue';
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

/** Whether a comparison reads the `bucket` fact: as its fact, or as a `{ fact }` value. */
function readsBucket(node: Readonly<Record<string, unknown>>): boolean {
  const { value } = node;
  return node.fact === 'bucket' || (value !== null && typeof value === 'object' && (value as Readonly<Record<string, unknown>>).fact === 'bucket');
}

/**
 * Comparisons of the `bucket` fact in a policy without `buckets`: no silent default — the
 * default 30-day buckets (`DEFAULT_BUCKETS`) apply, which the author may not know, and a name of
 * another policy's buckets (`'early'`) never matches them. Reported at each comparison. A policy
 * composed with one that defines `buckets` has them, and is not warned.
 *
 * @example
 * undefinedBuckets(policy).map((w) => w.path); // [['rules', 0, 'when', 'all', 0]]
 */
export function undefinedBuckets(policy: Policy): Issue[] {
  if (policy.buckets !== undefined) return [];
  const warnings: Issue[] = [];
  for (const [tree, path] of conditionTrees(policy)) {
    forEachComparison(tree, path, (node, at) => {
      if (!readsBucket(node)) return;
      warnings.push({
        code: 'undefined_bucket',
        path: at,
        message: `the policy defines no \`buckets\`, so \`bucket\` is read with the default 30-day buckets: ${DEFAULT_BUCKETS}; define \`buckets\` to name your own (or compose with a policy that does), or compare \`daysPastDue\``,
      });
    });
  }
  return warnings;
}
