/**
 * Freezes a preset and everything it holds (objects and arrays, at any depth), so that nobody can
 * change a shipped regulation or strategy for every later `composePolicies` in the process: a
 * write throws in strict mode (every ES module) and does nothing otherwise. Values already frozen
 * are still walked (a frozen object may hold a mutable one). Presets are plain, acyclic JSON.
 *
 * @example
 * export const myPreset = deepFreeze({ id: 'x', version: '1', compliance: [] } as const);
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
