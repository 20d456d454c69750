/**
 * What the CLI touches of the outside world, as one object: the bin entry passes the real process,
 * tests pass captured streams and a fixed clock.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { escapeControls } from '../escape-controls';

/** The part of a writable stream the CLI uses (process.stdout satisfies it). */
export interface OutputStream {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  readonly isTTY?: boolean;
}

export interface CliIo {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against it. */
  readonly cwd: string;
  /** The clock: read only when the user gives no `--at`. */
  now(): Date;
}

type Paint = (s: string) => string;

/** ANSI styles, or identity functions when colours are off. */
export interface Colors {
  readonly enabled: boolean;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly green: Paint;
  readonly cyan: Paint;
  readonly dim: Paint;
  readonly bold: Paint;
}

/*
 * Terminal safety. Human output carries the user's data (policy keys, labels, account ids, file
 * names, arguments), and data may come from anyone: an ESC, a CR or a C1 control in it would be
 * run by the terminal (clear the screen, set the window title, rewrite the line just printed).
 * So the printer escapes them (`escapeControls`) in everything it writes, at this one place
 * rather than at each of the hundred places data is interpolated — one that is missed would be a
 * hole.
 *
 * That leaves the printer to tell the CLI's own colour codes from injected ones in one finished
 * string. No character is safe as a marker: JSON can spell any of them ("\u001b", "\ue000"). So
 * the colour helpers write no escape codes at all but a token holding a secret drawn afresh for
 * every run (128 random bits), which data — written before the run — cannot know; the printer
 * turns the tokens back into SGR codes once everything else is escaped. Escaping the data before
 * colouring it would be the other way, but it asks every call site to remember.
 */

/** The secret of one run's colour tokens: a private-use character (to find tokens fast), then 32 hex digits. */
export interface ColorKey {
  readonly prefix: string;
  /** Matches a token; group 1 is the SGR parameter. */
  readonly token: RegExp;
}

/** A fresh key, from the operating system's random source: one per run of the command. */
export function colorKey(): ColorKey {
  const prefix = `\ue000${randomBytes(16).toString('hex')}`;
  return { prefix, token: new RegExp(`${prefix}(\\d+);`, 'g') };
}

const tokenPaint = (key: ColorKey, open: number, close: number): Paint => (s) => `${key.prefix}${open};${s}${key.prefix}${close};`;
const plain: Paint = (s) => s;

/**
 * Colours only on a terminal, and never when `NO_COLOR` is set to a non-empty value
 * (https://no-color.org). `FORCE_COLOR` (non-empty, not `0`) forces them on. The helpers write
 * tokens of `key`, which only a printer of the same key turns into colours.
 *
 * @example
 * const c = colorsFor(process.stdout, process.env, colorKey());
 * printer(process.stdout, process.env, key).line(c.red('error'));
 */
export function colorsFor(stream: OutputStream, env: CliIo['env'], key: ColorKey): Colors {
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = force || (stream.isTTY === true && !noColor && env.TERM !== 'dumb');
  if (!enabled) return { enabled, red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
  const sgr = (open: number, close: number) => tokenPaint(key, open, close);
  return { enabled, red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

/**
 * Text as the terminal gets it: data escaped, then the tokens of `key` turned into SGR codes (or
 * dropped, where this stream has no colours: a string painted for stdout printed on stderr).
 */
function render(text: string, key: ColorKey, colors: boolean): string {
  if (!text.includes('\ue000')) return escapeControls(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(key.token)) {
    out += escapeControls(text.slice(last, m.index)) + (colors ? `\u001b[${m[1] as string}m` : '');
    last = m.index + m[0].length;
  }
  return out + escapeControls(text.slice(last));
}

/** A stream with colours, line helpers and back-pressure (await `write` in loops that may produce a lot). */
export interface Printer {
  readonly c: Colors;
  /** Writes one line of text for people (a newline is appended); see `render` for what is escaped. */
  line(text?: string): void;
  /** Writes text for people and waits for the stream to drain when its buffer is full: constant memory when streaming. */
  write(text: string): Promise<void>;
  /**
   * Writes JSON as it is, with back-pressure like `write`: JSON.stringify has escaped the controls,
   * and what it leaves (DEL, C1, U+2028) must stay byte for byte what the program reading it gets.
   */
  json(text: string): Promise<void>;
  /** How many columns `text` takes once printed: escapes counted, colour codes not (for tables). */
  width(text: string): number;
}

/**
 * The printer of one stream; the streams of one run share `key`.
 *
 * @example
 * const out = printer(process.stdout, process.env, colorKey());
 * out.line(`${out.c.green('✓')} ${fileName}`); // a control character in fileName is shown escaped
 */
export function printer(stream: OutputStream, env: CliIo['env'], key: ColorKey): Printer {
  const c = colorsFor(stream, env, key);
  const send = (text: string): Promise<void> => (stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve())));
  return {
    c,
    line: (text = '') => void stream.write(`${render(text, key, c.enabled)}\n`),
    write: (text) => send(render(text, key, c.enabled)),
    json: send,
    width: (text) => render(text, key, false).length,
  };
}

/** Everything a command needs. */
export interface Context {
  readonly io: CliIo;
  readonly out: Printer;
  readonly err: Printer;
}

export function contextOf(io: CliIo): Context {
  const key = colorKey();
  return { io, out: printer(io.stdout, io.env, key), err: printer(io.stderr, io.env, key) };
}
