/**
 * A decision as a store gives it back (a JSON round trip), and the same record corrupted at one
 * path: for the tests of what `explain` accepts.
 */

export type Path = readonly (string | number)[];

/** Stands for a key removed from the record. */
export const MISSING = Symbol('missing');

/** `corrupted(path, value)`: the stored decision with the value at `path` replaced (or removed, with `MISSING`). */
export function storedDecision(decision: unknown): { stored: () => Record<string, unknown>; corrupted: (path: Path, value: unknown) => unknown } {
  const stored = (): Record<string, unknown> => JSON.parse(JSON.stringify(decision)) as Record<string, unknown>;
  const corrupted = (path: Path, value: unknown): unknown => {
    const root = stored();
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === MISSING) delete parent[last];
    else parent[last] = value;
    return root;
  };
  return { stored, corrupted };
}
