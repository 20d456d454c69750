/**
 * Command-line parsing on `node:util` parseArgs, with its errors turned into short usage errors
 * that suggest the option the user probably meant.
 */
import { UsageError } from './report';

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length] as number;
}

/** The closest of `candidates` to `word`, when it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(word, c);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** How a command declares its options to `parseArgs` (the part `parseCommand` reads). */
export type OptionSpecs = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean; readonly short?: string }>>;

/** The option an argument names: `--days` and `--days=3` name `days`; anything else, none. */
function optionName(arg: string): string | null {
  return arg.startsWith('--') && arg.length > 2 ? (arg.slice(2).split('=')[0] as string) : null;
}

/**
 * The arguments with every `--option <value>` whose value starts with a dash written
 * `--option=<value>`: parseArgs refuses `--days -1` as "ambiguous", and the user then hears that
 * `--days` "does not take a value" — when the answer is that -1 is not a number of days. The
 * value is then checked by the option itself. A next argument that is an option (`--at`, `-h`)
 * is left alone: the value was forgotten, and parseArgs says so.
 */
function attachDashValues(args: readonly string[], options: OptionSpecs): string[] {
  const shorts = new Set(Object.values(options).flatMap((o) => (o.short === undefined ? [] : [`-${o.short}`])));
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      out.push(...args.slice(i));
      break;
    }
    const name = optionName(arg);
    const next = args[i + 1];
    const takesValue = name !== null && !arg.includes('=') && Object.hasOwn(options, name) && options[name]?.type === 'string';
    if (takesValue && next !== undefined && next.length > 1 && next.startsWith('-') && !next.startsWith('--') && !shorts.has(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/**
 * Options given more than once that keep one value: parseArgs silently keeps the last, so
 * `--at A … --at B` would decide at B without a word. Refused instead.
 */
function repeatedOption(args: readonly string[], options: OptionSpecs): { name: string; values: string[] } | null {
  const seen = new Map<string, string[]>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') break;
    const name = optionName(arg);
    const spec = name === null || !Object.hasOwn(options, name) ? undefined : options[name];
    if (name === null || spec === undefined || spec.type !== 'string' || spec.multiple === true) continue;
    const eq = arg.indexOf('=');
    const value = eq >= 0 ? arg.slice(eq + 1) : (args[++i] ?? '');
    seen.set(name, [...(seen.get(name) ?? []), value]);
  }
  for (const [name, values] of seen) if (values.length > 1) return { name, values };
  return null;
}

/**
 * Runs `parse` (a parseArgs call, given the arguments to parse) and converts its errors into
 * `UsageError`s for `command`. Values that start with a dash are taken as values (`--days -1`
 * is then refused by `--days` itself); an option that keeps one value, given twice, is refused.
 *
 * @example
 * const options = { at: { type: 'string' } } as const;
 * const { values } = parseCommand('decide', options, argv, (args) => parseArgs({ args, options, strict: true }));
 */
export function parseCommand<T>(command: string, options: OptionSpecs, argv: readonly string[], parse: (args: string[]) => T): T {
  const args = attachDashValues(argv, options);
  const optionNames = Object.keys(options);
  let parsed: T;
  try {
    parsed = parse(args);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = quoted.replace(/^-+/, '').replace(/=.*$/, '');
      const guess = closest(name, optionNames);
      throw new UsageError(`unknown option '${quoted}'${guess === null ? '' : `; did you mean '--${guess}'?`}`, command);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /'(--?[\w-]+)/.exec(message)?.[1] ?? quoted;
      // "argument missing" (last on the line) and "ambiguous" (followed by another option): the value was left out.
      if (message.includes('argument missing') || message.includes('ambiguous')) throw new UsageError(`option '${option}' needs a value`, command);
      throw new UsageError(`option '${option}' does not take a value`, command);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`unexpected argument '${quoted}'`, command);
    }
    throw error;
  }
  const repeated = repeatedOption(args, options);
  if (repeated !== null) {
    const values = repeated.values.map((v) => `'${v}'`).join(' and ');
    throw new UsageError(`--${repeated.name} is given ${repeated.values.length === 2 ? 'twice' : `${repeated.values.length} times`} (${values}); give it once`, command);
  }
  return parsed;
}

/** A positive integer option, or a usage error. */
export function integerOption(command: string, name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not '${value}'`, command);
  return n;
}
