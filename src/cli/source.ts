/**
 * JSON and JSONC documents with source positions: the CLI reports every problem as
 * `file:line:column`, pointing at the offending value in the user's own file.
 */
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { DEFAULT_LIMITS, type IssuePath } from '../index';

/** A place in a source file; `line` and `column` are 1-based (columns count UTF-16 code units, as editors do). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** A parsed document: its value (built as `JSON.parse` would), its syntax tree and a way to locate paths. */
export interface JsonDocument {
  /** The name shown in messages: the path as the user typed it, or `<stdin>`. */
  readonly name: string;
  readonly value: unknown;
  /**
   * The position of the value at `path` (of its key with `{ key: true }`), or of its nearest
   * ancestor present in the file (`exact: false`).
   */
  locate(path: IssuePath, options?: { readonly key?: boolean }): Position & { readonly exact: boolean };
  /** Keys defined twice in one object (JSON.parse keeps the last): legal, but almost always a mistake. */
  readonly duplicateKeys: readonly { readonly path: IssuePath; readonly key: string; readonly position: Position }[];
}

/** A syntax error, already located. */
export interface SyntaxProblem extends Position {
  readonly code: string;
  readonly message: string;
  /** Where in the document, for a problem that has a path (`too_deep`). */
  readonly path?: IssuePath;
}

export type ParseJsonResult = { readonly ok: true; readonly document: JsonDocument } | { readonly ok: false; readonly errors: readonly SyntaxProblem[] };

export interface ParseJsonOptions {
  /** Allow comments and trailing commas (JSONC). */
  readonly jsonc: boolean;
  /** The line of the file the text starts on (NDJSON records); default 1. */
  readonly firstLine?: number;
  /**
   * A leading byte-order mark: `'refuse'` it (what the command does with every file: `JSON.parse`
   * in the user's service refuses it too), or `'strip'` it (default: the text as an editor shows it).
   */
  readonly bom?: 'refuse' | 'strip';
  /**
   * Why a second value after the first is an error, in the message: by default, that a file holds
   * one document and `.ndjson` holds one per line — right where NDJSON is taken, wrong elsewhere.
   */
  readonly afterEnd?: string;
}

/** The message of a refused byte-order mark, at line 1, column 1 of the file (or of the NDJSON line). */
const BOM_MESSAGE = 'starts with a byte-order mark (BOM), which JSON.parse refuses: save it as UTF-8 without BOM';

/** Whether a text starts with a byte-order mark (U+FEFF). */
function startsWithBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The reason after "unexpected content after the end of the JSON value" where NDJSON is taken by its name. */
export const ONE_DOCUMENT_PER_FILE = 'one document per file; use .ndjson for one per line';

/** Files read as JSONC: comments and trailing commas allowed. Everything else is strict JSON. */
export function isJsoncName(name: string): boolean {
  return /\.jsonc$/i.test(name);
}

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: "expected ':' after the property name",
  CommaExpected: "expected ',' between values",
  CloseBraceExpected: "expected '}' to close the object",
  CloseBracketExpected: "expected ']' to close the array",
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON; remove it, or name the file .jsonc',
  UnexpectedEndOfComment: 'unterminated /* comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character in string',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/** Start offsets of every line of `text`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function positionOf(starts: readonly number[], offset: number, firstLine: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: firstLine + lo, column: offset - (starts[lo] as number) + 1 };
}

/** A trailing comma reads as "expected a value": say what it is. */
function isTrailingComma(text: string, error: ParseError): boolean {
  if (error.error !== 4 && error.error !== 3) return false; // ValueExpected, PropertyNameExpected
  const next = text.slice(error.offset).trimStart()[0];
  const before = text.slice(0, error.offset).replace(/(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*$/, '');
  return before.endsWith(',') && (next === '}' || next === ']');
}

/** The issue code of a document nested too deep to read: the library's own, for the same limit. */
export const TOO_DEEP = 'too_deep';

/**
 * The nesting the CLI reads: the library's default `limits.maxDepth`, which every policy and
 * account it reads is held to anyway (the CLI has no option to raise it).
 */
const MAX_DEPTH = DEFAULT_LIMITS.maxDepth;

/** An object or array open at the point of the scan, with the key or index of the value being read in it. */
interface Frame {
  readonly kind: 'object' | 'array';
  /** In an array: the index of the current item. */
  index: number;
  /** In an object: the offsets of the current key, quotes included (null before the first). */
  key: readonly [number, number] | null;
  /** In an object: after `{` or `,`, where a string is a key. */
  expectingKey: boolean;
}

/** Where the nesting first goes past the limit. */
interface TooDeep {
  readonly offset: number;
  readonly path: IssuePath;
}

const isLineBreak = (code: number): boolean => code === 10 || code === 13;

/** The offset after a string opened at `start`; strings end at a line break, as jsonc-parser ends them. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (isLineBreak(code)) return i;
    i += code === 92 ? 2 : 1; // a backslash escapes the next character, whatever it is
  }
  return text.length;
}

/** The offset after a comment opened at `start` (`//` or `/*`), or `start` when there is none. */
function endOfComment(text: string, start: number): number {
  const next = text.charCodeAt(start + 1);
  if (next === 47) {
    let i = start + 2;
    while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
    return i;
  }
  if (next !== 42) return start;
  const close = text.indexOf('*/', start + 2);
  return close === -1 ? text.length : close + 2;
}

/** A key as JSON.parse reads it; as written when its escapes are invalid (the parser reports them). */
function keyAt(text: string, [start, end]: readonly [number, number]): string {
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return text.slice(start + 1, end - 1);
  }
}

function pathOf(text: string, frames: readonly Frame[]): IssuePath {
  return frames.flatMap((f): (string | number)[] => (f.kind === 'array' ? [f.index] : f.key === null ? [] : [keyAt(text, f.key)]));
}

/**
 * The first place where objects and arrays nest deeper than `maxDepth` (the document itself is
 * level 1), or null. Iterative, and run before anything recursive: jsonc-parser and the walks
 * over its tree recurse once per level, and a few thousand levels overflow the stack. Strings
 * and comments are skipped as the parser skips them; the text need not be valid JSON.
 */
function findTooDeep(text: string, maxDepth: number): TooDeep | null {
  const frames: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (code === 34) {
      const end = endOfString(text, i);
      if (top?.kind === 'object' && top.expectingKey) {
        top.key = [i, end];
        top.expectingKey = false;
      }
      i = end;
      continue;
    }
    if (code === 47) {
      const end = endOfComment(text, i);
      if (end > i) {
        i = end;
        continue;
      }
    } else if (code === 123 || code === 91) {
      if (frames.length === maxDepth) return { offset: i, path: pathOf(text, frames) };
      frames.push({ kind: code === 123 ? 'object' : 'array', index: 0, key: null, expectingKey: code === 123 });
    } else if (code === 125 || code === 93) {
      // Only a closer of the open level's kind closes it: jsonc-parser skips a stray one and keeps
      // nesting ('[},' repeated), so popping on it would let a stack-deep file through.
      if (top !== undefined && (code === 125) === (top.kind === 'object')) frames.pop();
    } else if (code === 44 && top !== undefined) {
      if (top.kind === 'array') top.index++;
      else top.expectingKey = true;
    }
    i++;
  }
  return null;
}

/** The value of a tree, with JSON.parse's semantics: own data properties (even `__proto__`), last duplicate wins. */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (key === undefined) continue;
        Object.defineProperty(out, String(key.value), { value: value === undefined ? null : valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value as unknown;
  }
}

/** The last property of an object node named `key` (JSON.parse keeps the last duplicate). */
function propertyNamed(node: Node, key: string): Node | undefined {
  let found: Node | undefined;
  for (const prop of node.children ?? []) if (prop.children?.[0]?.value === key) found = prop;
  return found;
}

function child(node: Node, segment: string | number): Node | undefined {
  if (node.type === 'object') return propertyNamed(node, String(segment))?.children?.[1];
  if (node.type === 'array' && typeof segment === 'number') return node.children?.[segment];
  return undefined;
}

function collectDuplicates(node: Node, path: (string | number)[], out: { path: IssuePath; key: string; node: Node }[]): void {
  if (node.type === 'object') {
    const seen = new Set<string>();
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key === undefined) continue;
      const name = String(key.value);
      if (seen.has(name)) out.push({ path: [...path, name], key: name, node: key });
      seen.add(name);
      if (value) collectDuplicates(value, [...path, name], out);
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((c, i) => collectDuplicates(c, [...path, i], out));
  }
}

/**
 * Parses JSON (or JSONC) keeping source positions. Every syntax error is reported (not only the
 * first), each with its line and column.
 *
 * @example
 * const r = parseJson('policy.json', text, { jsonc: false });
 * if (r.ok) r.document.locate(['rules', 0, 'then']); // { line: 12, column: 15, exact: true }
 */
export function parseJson(name: string, rawText: string, options: ParseJsonOptions): ParseJsonResult {
  const firstLine = options.firstLine ?? 1;
  if (startsWithBom(rawText) && options.bom === 'refuse') {
    return { ok: false, errors: [{ line: firstLine, column: 1, code: 'byte_order_mark', message: BOM_MESSAGE }] };
  }
  const text = startsWithBom(rawText) ? rawText.slice(1) : rawText;
  const starts = lineStarts(text);
  const deep = findTooDeep(text, MAX_DEPTH);
  if (deep !== null) {
    const message = `nested deeper than ${MAX_DEPTH} levels (limits.maxDepth); flatten the data`;
    return { ok: false, errors: [{ ...positionOf(starts, deep.offset, firstLine), code: TOO_DEEP, message, path: deep.path }] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !options.jsonc, allowTrailingComma: options.jsonc, allowEmptyContent: false });
  if (errors.length > 0 || root === undefined) {
    if (text.trim() === '') return { ok: false, errors: [{ line: firstLine, column: 1, code: 'ValueExpected', message: 'the file is empty: expected a JSON value' }] };
    const problems = errors.map((e) => {
      const code = printParseErrorCode(e.error);
      const known = SYNTAX_MESSAGES[code] ?? code;
      const message = isTrailingComma(text, e)
        ? 'trailing comma; remove it (trailing commas are allowed only in .jsonc files)'
        : code === 'EndOfFileExpected'
          ? `${known} (${options.afterEnd ?? ONE_DOCUMENT_PER_FILE})`
          : known;
      return { ...positionOf(starts, e.offset, firstLine), code, message };
    });
    // One mistake often cascades into several errors at the same place: keep the first of each.
    const seen = new Set<string>();
    return { ok: false, errors: problems.filter((p) => !seen.has(`${p.line}:${p.column}`) && seen.add(`${p.line}:${p.column}`)) };
  }
  const duplicates: { path: IssuePath; key: string; node: Node }[] = [];
  collectDuplicates(root, [], duplicates);
  return {
    ok: true,
    document: {
      name,
      value: valueOf(root),
      duplicateKeys: duplicates.map((d) => ({ path: d.path, key: d.key, position: positionOf(starts, d.node.offset, firstLine) })),
      locate(path, locateOptions) {
        let node = root;
        let exact = true;
        for (const [i, segment] of path.entries()) {
          if (locateOptions?.key === true && i === path.length - 1 && node.type === 'object') {
            const key = propertyNamed(node, String(segment))?.children?.[0];
            if (key !== undefined) return { ...positionOf(starts, key.offset, firstLine), exact: true };
          }
          const next = child(node, segment);
          if (next === undefined) {
            exact = false;
            break;
          }
          node = next;
        }
        return { ...positionOf(starts, node.offset, firstLine), exact };
      },
    },
  };
}

/**
 * The position of the first key of the object at `path` that `message` quotes (`'foo'`): zod
 * reports unknown keys on their object, the user wants to see the key itself.
 */
export function locateQuotedKey(document: JsonDocument, path: IssuePath, message: string): (Position & { exact: boolean }) | null {
  const value = path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), document.value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const key = Object.keys(value).find((k) => message.includes(`'${k}'`));
  return key === undefined ? null : document.locate([...path, key], { key: true });
}
