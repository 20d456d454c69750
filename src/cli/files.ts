/**
 * Reading the user's files: clear messages for missing, unreadable and invalid ones.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Context } from './io';
import { FileError, InputError, syntaxFindings, UsageError } from './report';
import { isJsoncName, type JsonDocument, parseJson, type ParseJsonResult, TOO_DEEP } from './source';

/** `-` means standard input. */
export const STDIN = '-';

/**
 * Refuses a command line that reads standard input twice: the first reader takes all of it and
 * the second finds nothing — a command that then prints nothing and succeeds. `given` lists the
 * options (`''` for positional arguments) with their values.
 *
 * @example
 * readStdinOnce('decide', [['--policy', values.policy], ['--account', values.account]]);
 */
export function readStdinOnce(command: string, given: readonly (readonly [string, string | readonly string[] | undefined])[]): void {
  const readers = given.flatMap(([label, value]) => (value === undefined ? [] : typeof value === 'string' ? [value] : value).filter((v) => v === STDIN).map(() => label));
  if (readers.length < 2) return;
  const labels = [...new Set(readers)];
  const times = readers.length === 2 ? 'twice' : `${readers.length} times`;
  const why = 'standard input can be read only once';
  if (labels.length > 1) {
    const list = `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
    throw new UsageError(`only one of ${list} can be read from standard input (${why}); give the ${labels.length === 2 ? 'other' : 'others'} a file`, command);
  }
  const who = labels[0] === '' ? `'-' is given ${times}` : `${labels[0]} is given '-' ${times}`;
  throw new UsageError(`${who} (${why}); give all but one of them a file`, command);
}

/** Files whose every line is one JSON value. */
export function isNdjsonName(name: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(name);
}

function fileError(path: string, error: unknown): FileError {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return new FileError(path, 'no such file');
    case 'EISDIR':
      return new FileError(path, 'it is a directory, not a file');
    case 'EACCES':
    case 'EPERM':
      return new FileError(path, 'permission denied');
    default:
      return new FileError(path, error instanceof Error ? error.message : String(error));
  }
}

async function readAll(stream: Readable): Promise<string> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}

/** Reading `-` from a terminal waits for typing: say so, rather than seem to hang. */
function hintIfTerminal(ctx: Context): void {
  if ((ctx.io.stdin as { isTTY?: boolean }).isTTY === true) ctx.err.line('arrears: reading standard input (paste, then Ctrl-D; or pipe a file in)…');
}

/**
 * The most a document read whole (a policy, an account, a log) may weigh: past it, parsing it into
 * a located tree runs Node out of memory (a crash, not a message) long before the limits on its
 * values are checked. Books of accounts stream as NDJSON, a line at a time, with no such bound.
 */
const MAX_DOCUMENT_SIZE = 64 * 1024 * 1024;

function tooLarge(name: string, size: number): InputError {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return new InputError([
    {
      severity: 'error',
      file: name,
      position: null,
      path: null,
      code: 'too_large',
      message: `${mb(size)}: a policy, an account or a log is read whole, and at most ${mb(MAX_DOCUMENT_SIZE)}; give a book of accounts as NDJSON (one account per line, streamed), or split the file`,
    },
  ]);
}

/** Refuses a file too large to be read whole before reading it (its size from the file system). */
async function refuseHugeFile(ctx: Context, path: string): Promise<void> {
  let size: number;
  try {
    size = (await stat(resolve(ctx.io.cwd, path))).size;
  } catch {
    return; // reading it says what is wrong (no such file, a directory…)
  }
  if (size > MAX_DOCUMENT_SIZE) throw tooLarge(path, size);
}

/** The whole text of a file, or of stdin for `-`. */
export async function readText(ctx: Context, path: string): Promise<{ name: string; text: string }> {
  if (path === STDIN) {
    hintIfTerminal(ctx);
    return { name: '<stdin>', text: await readAll(ctx.io.stdin) };
  }
  try {
    return { name: path, text: await readFile(resolve(ctx.io.cwd, path), 'utf8') };
  } catch (error) {
    throw fileError(path, error);
  }
}

/**
 * Reads and parses one JSON (or, by its extension, JSONC) document; syntax errors — and a
 * byte-order mark, which `JSON.parse` refuses — throw `InputError` with their positions.
 * `afterEnd` says why a second value is wrong here (see `ParseJsonOptions`): whether NDJSON is
 * an alternative depends on the option.
 *
 * @example
 * const document = await readDocument(ctx, 'account.json', '--account takes one account, as one JSON document');
 */
export async function readDocument(ctx: Context, path: string, afterEnd: string): Promise<JsonDocument> {
  if (path !== STDIN) await refuseHugeFile(ctx, path);
  const { name, text } = await readText(ctx, path);
  if (text.length > MAX_DOCUMENT_SIZE) throw tooLarge(name, text.length);
  // Standard input is strict JSON too (cli.md): only a file named `.jsonc` may hold comments.
  const parsed = parseJson(name, text, { jsonc: isJsoncName(name), bom: 'refuse', afterEnd });
  if (!parsed.ok) throw new InputError(syntaxFindings(name, parsed.errors));
  return parsed.document;
}

/**
 * Refuses standard input that, read as one document, nests too deep: read as NDJSON instead, its
 * lines would cut the nesting apart and each report a syntax error, hiding the one problem.
 *
 * @example
 * refuseTooDeep('-', parseJson('-', '['.repeat(10_000))); // throws InputError: too_deep at -:1:129
 */
export function refuseTooDeep(name: string, whole: ParseJsonResult): void {
  if (whole.ok) return;
  const deep = whole.errors.filter((e) => e.code === TOO_DEEP);
  if (deep.length > 0) throw new InputError(syntaxFindings(name, deep));
}

/** One line of an NDJSON input, numbered from 1. */
export interface NumberedLine {
  readonly line: number;
  readonly text: string;
}

/** NDJSON records, one per line, or — for standard input that turned out to be one — a whole JSON document. */
export type Records = { readonly kind: 'lines'; readonly lines: AsyncIterable<NumberedLine> } | { readonly kind: 'document'; readonly document: JsonDocument };

/**
 * Whether a line holds an NDJSON record: a JSON value that is not an array. An array is never
 * one account, so an array on the first line is the start of one document (`jq -c` output), not
 * a stream whose every record would be refused.
 */
function isNdjsonRecord(text: string): boolean {
  try {
    return !Array.isArray(JSON.parse(text));
  } catch {
    return false;
  }
}

async function* replay(head: readonly NumberedLine[], rest: AsyncIterable<NumberedLine> | Iterable<NumberedLine>): AsyncGenerator<NumberedLine> {
  yield* head;
  yield* rest;
}

/**
 * The records of an NDJSON file (by its name, line by line in constant memory) or of standard
 * input. Standard input has no name to say which it is: when its first record is a JSON value on
 * its line (other than an array), it is NDJSON and streamed; when it is not (`{` opening a
 * pretty-printed account, or an array of accounts, compact or not), the
 * rest is read and, if the whole is one JSON document, that document is returned — else the
 * lines are NDJSON after all, with their syntax errors.
 *
 * @example
 * const records = await readRecords(ctx, '-');
 * if (records.kind === 'document') decideDocument(records.document);
 */
export async function readRecords(ctx: Context, path: string): Promise<Records> {
  const lines = readLines(ctx, path);
  if (path !== STDIN) return { kind: 'lines', lines };
  const head: NumberedLine[] = [];
  // `next()` by hand: leaving a for-await loop early would close the generator, and the lines
  // after the first are still to be read.
  for (let r = await lines.next(); r.done !== true; r = await lines.next()) {
    head.push(r.value);
    if (r.value.text.trim() !== '') break;
  }
  const first = head[head.length - 1];
  if (first === undefined || first.text.trim() === '' || isNdjsonRecord(first.text)) return { kind: 'lines', lines: replay(head, lines) };
  // A whole document must be held in memory to be parsed anyway. The price: a stream whose first
  // NDJSON record is damaged is read whole before its lines are decided (memory, not results).
  for await (const line of lines) head.push(line);
  const whole = parseJson('<stdin>', head.map((l) => l.text).join('\n'), { jsonc: false, bom: 'refuse' });
  refuseTooDeep('<stdin>', whole);
  return whole.ok ? { kind: 'document', document: whole.document } : { kind: 'lines', lines: replay(head, []) };
}

/**
 * The lines of a file (or stdin), one at a time, with their numbers: constant memory whatever the size.
 * Opening errors surface as `FileError` before the first line.
 */
export async function* readLines(ctx: Context, path: string): AsyncGenerator<NumberedLine> {
  let input: Readable;
  if (path === STDIN) {
    hintIfTerminal(ctx);
    input = ctx.io.stdin;
  } else {
    const full = resolve(ctx.io.cwd, path);
    const info = await stat(full).catch((error: unknown) => {
      throw fileError(path, error);
    });
    if (info.isDirectory()) throw fileError(path, Object.assign(new Error('directory'), { code: 'EISDIR' }));
    const stream = createReadStream(full, { encoding: 'utf8' });
    await new Promise<void>((ok, fail) => {
      stream.once('ready', () => ok());
      stream.once('error', (error) => fail(fileError(path, error)));
    });
    input = stream;
  }
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    // A byte-order mark is kept: the line's parser refuses it, as JSON.parse would.
    yield { line: n, text };
  }
}
