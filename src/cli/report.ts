/**
 * Problems as the CLI shows them: `file:line:column: error: path: message [code]`, the format
 * compilers use, so terminals and editors turn it into a link to the offending value.
 */
import { formatPath, type Issue, type IssuePath } from '../index';
import type { Colors } from './io';
import { type JsonDocument, locateQuotedKey, type Position, type SyntaxProblem } from './source';

export interface Finding {
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly position: Position | null;
  /** The path in the document as the user reads it (`rules[0].then[1]`), or null for file-level problems. */
  readonly path: string | null;
  readonly code: string;
  readonly message: string;
}

/** The exit codes, documented in `arrears --help` and docs/cli.md. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

/** A problem with the command line itself (exit 2). */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at. */
    readonly command: string | null = null,
  ) {
    super(message);
  }
}

/** A file that cannot be read (exit 2). */
export class FileError extends Error {
  constructor(
    readonly path: string,
    /** Why, in a few words: 'no such file'. */
    readonly reason: string,
  ) {
    super(`cannot read '${path}': ${reason}`);
  }
}

/** Invalid input: bad JSON, an invalid policy or account (exit 1). */
export class InputError extends Error {
  constructor(readonly findings: readonly Finding[]) {
    super(findings.map((f) => f.message).join('\n'));
  }
}

/** Locates every issue of a validation in the document it came from. */
export function findingsOf(document: JsonDocument, issues: readonly Issue[], severity: Finding['severity'], prefix: IssuePath = []): Finding[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const quoted = issue.code === 'unrecognized_keys' ? locateQuotedKey(document, path, issue.message) : null;
    // A property that is missing is located at the object that should hold it.
    const at = quoted ?? document.locate(path);
    return { severity, file: document.name, position: { line: at.line, column: at.column }, path: formatPath(path), code: issue.code, message: issue.message };
  });
}

export function syntaxFindings(file: string, errors: readonly SyntaxProblem[]): Finding[] {
  return errors.map((e) => ({ severity: 'error', file, position: { line: e.line, column: e.column }, path: e.path === undefined ? null : formatPath(e.path), code: e.code, message: e.message }));
}

export function duplicateKeyFindings(document: JsonDocument): Finding[] {
  return document.duplicateKeys.map((d) => ({
    severity: 'warning',
    file: document.name,
    position: d.position,
    path: formatPath(d.path),
    code: 'duplicate_key',
    message: `'${d.key}' is defined twice in this object; only the last one counts`,
  }));
}

/** In file order (files as first met), then by line and column. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const files = [...new Set(findings.map((f) => f.file))];
  return [...findings].sort(
    (a, b) => files.indexOf(a.file) - files.indexOf(b.file) || (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

export function formatFinding(f: Finding, c: Colors): string {
  const where = f.position === null ? f.file : `${f.file}:${f.position.line}:${f.position.column}`;
  const severity = f.severity === 'error' ? c.red(c.bold('error')) : c.yellow(c.bold('warning'));
  const path = f.path === null ? '' : `${c.cyan(f.path)}: `;
  return `${c.bold(where)}: ${severity}: ${path}${f.message} ${c.dim(`[${f.code}]`)}`;
}

/** `3 errors, 1 warning` */
export function countText(errors: number, warnings: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [errors > 0 ? plural(errors, 'error') : null, warnings > 0 ? plural(warnings, 'warning') : null].filter((x) => x !== null).join(', ') || 'no problems';
}
