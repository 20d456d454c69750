/** Stable codes of the errors `arrears` throws; every `ArrearsError` carries one. */
export const ERROR_CODES = [
  'POLICY_INVALID',
  'ACCOUNT_INVALID',
  'OPTIONS_INVALID',
  'COMPOSE_INVALID',
  'LIMIT_EXCEEDED',
  'CONDITION_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A path into the input, as zod reports it: `['rules', 3, 'then', 0]`. */
export type IssuePath = readonly (string | number)[];

/** One problem found in an input: a machine-readable code, where it is, and what to do. */
export interface Issue {
  /** Machine-readable: zod's own codes for shape problems, ours for cross-checks. */
  readonly code: string;
  readonly path: IssuePath;
  readonly message: string;
}

/** One path segment that is neither a key nor an index, written so the path still reads (zod paths may hold symbols). */
function otherSegment(part: unknown): string {
  if (typeof part === 'symbol') return `[${part.toString()}]`;
  try {
    const json = JSON.stringify(part);
    if (json !== undefined) return `[${json}]`;
  } catch {
    // a bigint or a cycle: named by its kind below
  }
  return typeof part === 'bigint' ? `[${String(part)}]` : `[${typeof part}]`;
}

/** A value that is not a path, in a message: its kind, and a short string as written. */
function kindOfPath(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)})`;
  if (typeof value === 'object') return 'an object that is not an array';
  return value === undefined ? 'undefined' : `a ${typeof value}`;
}

/**
 * Formats an issue path the way a user reads it in their JSON: `rules[3].then[0]`.
 * Any segment is written (a symbol as `[Symbol(x)]`); a path that is not an array is refused with
 * `ArrearsError` (`OPTIONS_INVALID`) — a string would otherwise be read letter by letter.
 *
 * @example
 * formatPath(['rules', 3, 'then', 0]); // 'rules[3].then[0]'
 * formatPath([]); // '(root)'
 */
export function formatPath(path: IssuePath): string {
  // Public: callers from plain JavaScript may pass anything, and a formatter must not crash
  // with a TypeError from inside a loop.
  if (!Array.isArray(path)) {
    throw new ArrearsError('OPTIONS_INVALID', [
      { code: 'invalid_type', path: [], message: `formatPath takes an issue path, an array of keys and indices such as ['rules', 3, 'then']; received ${kindOfPath(path)}` },
    ]);
  }
  let out = '';
  for (const part of path as readonly unknown[]) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part !== 'string') out += otherSegment(part);
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(root)' : out;
}

const TITLES: Record<ErrorCode, string> = {
  POLICY_INVALID: 'Invalid policy',
  ACCOUNT_INVALID: 'Invalid account',
  OPTIONS_INVALID: 'Invalid options',
  COMPOSE_INVALID: 'Policies cannot be composed',
  LIMIT_EXCEEDED: 'Input exceeds a limit',
  CONDITION_FAILED: 'A condition cannot be evaluated for this account',
};

/** Marks an ArrearsError, whichever copy of the library made it (`Symbol.for` is shared by all). */
const BRAND: unique symbol = Symbol.for('arrears.ArrearsError');

/**
 * The one error class `arrears` throws. Only `parse*`-style entry points throw; everything else
 * returns data. `issues` lists every problem found, not only the first.
 *
 * @example
 * try { parsePolicy(json) } catch (e) {
 *   if (e instanceof ArrearsError && e.code === 'POLICY_INVALID') console.log(e.issues);
 * }
 */
export class ArrearsError extends Error {
  /**
   * `instanceof` across copies of the library: the ESM and CJS builds (or two installed versions)
   * each define the class, and an error from one must still be an `ArrearsError` to the other.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    try {
      return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[BRAND] === true;
    } catch {
      return false; // a thrown Proxy whose get trap throws: not ours, and `catch` blocks test this first
    }
  }

  override readonly name = 'ArrearsError';
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];
  /** The path of the first issue, for callers that only show one. */
  readonly path: IssuePath;

  constructor(code: ErrorCode, issues: readonly Issue[]) {
    const lines = issues.map((i) => `  - ${formatPath(i.path)}: ${i.message}`);
    const count = issues.length === 1 ? '1 issue' : `${issues.length} issues`;
    super(`${TITLES[code]} (${count}):\n${lines.join('\n')}`);
    this.code = code;
    this.issues = issues;
    this.path = issues[0]?.path ?? [];
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * Plain JSON form, for logs and CLI output.
   *
   * @example
   * try { parsePolicy(json) } catch (e) {
   *   if (e instanceof ArrearsError) console.error(JSON.stringify(e)); // {"name":"ArrearsError","code":"POLICY_INVALID",…}
   * }
   */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}
