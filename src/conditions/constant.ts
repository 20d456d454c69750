import { conditionKind } from './schema';

/**
 * The answer a condition tree gives whatever the facts, when its shape alone decides it: an empty
 * `all` or `any` holds (as in json-rules-engine, see `compileCondition`), and `all`, `any`, `not`
 * and named references are folded over such constant parts. `undefined` when a comparison can
 * decide it. Comparisons are never folded: what a fact holds is the account's. A constant tree
 * with a comparison beside its constant part still evaluates that comparison, and throws where it
 * throws: the answer is the tree's whenever it gives one.
 *
 * Named conditions are read from `conditions`; a name that is missing, or that refers back to
 * itself (both refused by `checkNamedConditions`), decides nothing.
 *
 * @summary What a condition tree always answers, if its shape decides it.
 * @param root - a condition (or a tree's root).
 * @param conditions - the policy's named conditions.
 * @returns `true` or `false` when the tree always answers so; `undefined` otherwise.
 * @example
 * constantCondition({ not: { any: [] } }, {}); // false
 * constantCondition({ all: [{ condition: 'always' }] }, { always: { all: [] } }); // true
 */
export function constantCondition(root: unknown, conditions: Readonly<Record<string, unknown>>): boolean | undefined {
  const following = new Set<string>();
  const known = new Map<string, boolean | undefined>();
  const fold = (c: unknown): boolean | undefined => {
    const kind = conditionKind(c);
    if (kind === undefined || kind === 'fact') return undefined;
    const node = c as Readonly<Record<string, unknown>>;
    if (kind === 'not') {
      const inner = fold(node.not);
      return inner === undefined ? undefined : !inner;
    }
    if (kind === 'condition') {
      const name = node.condition;
      if (typeof name !== 'string' || !Object.hasOwn(conditions, name) || following.has(name)) return undefined;
      // Once per name: a chain of names each referring ten times to the next is small as JSON,
      // and following every reference would take minutes.
      if (known.has(name)) return known.get(name);
      following.add(name);
      try {
        const value = fold(conditions[name]);
        known.set(name, value);
        return value;
      } finally {
        following.delete(name);
      }
    }
    const children = node[kind];
    if (!Array.isArray(children)) return undefined;
    // Not the rule below: an empty `any` holds too.
    if (children.length === 0) return true;
    // One child that decides the group decides it, whatever the order of the priority sets: a
    // false child fails `all` and a true child passes `any` whichever set it is in.
    const values = children.map(fold);
    const decisive = kind === 'all' ? false : true;
    if (values.includes(decisive)) return decisive;
    return values.every((v) => v === !decisive) ? !decisive : undefined;
  };
  return fold(root);
}
