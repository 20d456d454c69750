/**
 * Reading the user's files: clear messages for missing, unreadable and invalid ones.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Context } from './io';
import { FileError, InputError, syntaxFindings } from './report';
import { isJsoncName, type JsonDocument, parseJson } from './source';

/** `-` means standard input. */
export const STDIN = '-';

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

/** Reads and parses one JSON (or, by its extension, JSONC) document; syntax errors throw `InputError` with their positions. */
export async function readDocument(ctx: Context, path: string): Promise<JsonDocument> {
  const { name, text } = await readText(ctx, path);
  const parsed = parseJson(name, text, { jsonc: isJsoncName(name) || path === STDIN });
  if (!parsed.ok) throw new InputError(syntaxFindings(name, parsed.errors));
  return parsed.document;
}

/**
 * The lines of a file (or stdin), one at a time, with their numbers: constant memory whatever the size.
 * Opening errors surface as `FileError` before the first line.
 */
export async function* readLines(ctx: Context, path: string): AsyncGenerator<{ line: number; text: string }> {
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
    yield { line: n, text: n === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
}
