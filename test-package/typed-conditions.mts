// Type-checks against the BUILT typings that policies' conditions and accounts' attributes are
// typed all the way down: declaration files cut a deep inferred type to `any`, which would let
// any condition through a user's `PolicyInput`.
import type { Account, AccountInput, Condition, Policy, PolicyInput } from 'arrears';

type IsAny<T> = 0 extends 1 & T ? true : false;
type Expect<T extends false> = T;

const policy = (when: NonNullable<PolicyInput['rules']>[number]['when']): PolicyInput => ({ id: 'p', version: '1', jurisdiction: 'US', actions: {}, rules: [{ id: 'r', when, then: [] }] });

export const fine = policy({ all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 3 }, { not: { any: [{ all: [{ condition: 'named' }] }] } }] });
// @ts-expect-error a comparison's fact is a name
export const numberFact = policy({ all: [{ fact: 3, operator: 'equal', value: 1 }] });
// @ts-expect-error unknown key, deep in the tree
export const deepTypo = policy({ any: [{ not: { all: [{ fact: 'x', operater: 'equal', value: 1 }] } }] });
// @ts-expect-error a condition is an object
export const notAnObject = policy({ all: [42] });
// @ts-expect-error no such form
export const noForm = policy({ wrong: [] });

type Nested = Extract<Extract<Condition, { all: unknown }>['all'][number], { any: unknown }>['any'][number];
export type NestedIsTyped = Expect<IsAny<Nested>>;
export type RuleWhenIsTyped = Expect<IsAny<Policy['rules'][number]['when']>>;

type Deep<T> = IsAny<T> extends true ? T : T extends readonly (infer U)[] ? U : never;
type Attribute = Account['attributes'][string];
export type AttributesAreTyped = Expect<IsAny<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Deep<Attribute>>>>>>>>>>>>>>>>;
export const attributes: AccountInput['attributes'] = { score: { history: [[[[[[[[[[[[[[1]]]]]]]]]]]]]] } };
