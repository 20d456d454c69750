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

/**
 * Formats an issue path the way a user reads it in their JSON: `rules[3].then[0]`.
 *
 * @example
 * formatPath(['rules', 3, 'then', 0]); // 'rules[3].then[0]'
 */
export function formatPath(path: IssuePath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
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
    return value !== null && typeof value === 'object' && (value as Record<symbol, unknown>)[BRAND] === true;
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

  /** Plain JSON form, for logs and CLI output. */
  toJSON(): { name: string; code: ErrorCode; message: string; issues: readonly Issue[] } {
    return { name: this.name, code: this.code, message: this.message, issues: this.issues };
  }
}
