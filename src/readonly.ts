/**
 * A type that accepts both mutable and `as const` values: inputs are never mutated, so they can
 * be typed readonly all the way down (dates and functions kept as they are).
 */
export type DeepReadonly<T> = T extends Date | ((...args: never[]) => unknown)
  ? T
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
