/**
 * What the CLI touches of the outside world, as one object: the bin entry passes the real process,
 * tests pass captured streams and a fixed clock.
 */
import type { Readable } from 'node:stream';

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

const sgr = (open: number, close: number): Paint => (s) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain: Paint = (s) => s;

/**
 * Colours only on a terminal, and never when `NO_COLOR` is set to a non-empty value
 * (https://no-color.org). `FORCE_COLOR` (non-empty, not `0`) forces them on.
 */
export function colorsFor(stream: OutputStream, env: CliIo['env']): Colors {
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = force || (stream.isTTY === true && !noColor && env.TERM !== 'dumb');
  if (!enabled) return { enabled, red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };
  return { enabled, red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

/** A stream with colours, line helpers and back-pressure (await `write` in loops that may produce a lot). */
export interface Printer {
  readonly c: Colors;
  /** Writes one line (a newline is appended). */
  line(text?: string): void;
  /** Writes text and waits for the stream to drain when its buffer is full: constant memory when streaming. */
  write(text: string): Promise<void>;
}

export function printer(stream: OutputStream, env: CliIo['env']): Printer {
  const write = (text: string): Promise<void> => (stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve())));
  return {
    c: colorsFor(stream, env),
    line: (text = '') => void stream.write(`${text}\n`),
    write,
  };
}

/** Everything a command needs. */
export interface Context {
  readonly io: CliIo;
  readonly out: Printer;
  readonly err: Printer;
}

export function contextOf(io: CliIo): Context {
  return { io, out: printer(io.stdout, io.env), err: printer(io.stderr, io.env) };
}
