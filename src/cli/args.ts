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

/**
 * Runs `parse` (a parseArgs call) and converts its errors into `UsageError`s for `command`.
 *
 * @example
 * const { values } = parseCommand('decide', ['--policy', 'p.json'], () => parseArgs({ args, options }), ['policy']);
 */
export function parseCommand<T>(command: string, optionNames: readonly string[], parse: () => T): T {
  try {
    return parse();
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
      throw new UsageError(message.includes('argument missing') ? `option '${option}' needs a value` : `option '${option}' does not take a value`, command);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(`unexpected argument '${quoted}'`, command);
    }
    throw error;
  }
}

/** A positive integer option, or a usage error. */
export function integerOption(command: string, name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not '${value}'`, command);
  return n;
}
