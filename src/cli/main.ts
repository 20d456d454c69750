/**
 * The `arrears` command: dispatches to a command and turns every error into a message and an
 * exit code. Takes its world (streams, environment, clock) as an argument, so tests run it in
 * process; `index.ts` passes the real process.
 */
import { version } from '../../package.json';
import { closest } from './args';
import { COMMANDS, HELP, TOP_HELP } from './help';
import { type CliIo, type Context, contextOf } from './io';
import { EXIT, FileError, formatFinding, InputError, sortFindings, UsageError } from './report';

type Command = (ctx: Context, args: readonly string[]) => Promise<number>;

// Loaded on demand: `arrears validate` never loads the simulation kit, and starts faster.
const RUN: Record<Exclude<(typeof COMMANDS)[number], 'help'>, () => Promise<Command>> = {
  validate: async () => (await import('./commands/validate')).validate,
  decide: async () => (await import('./commands/decide')).decide,
  explain: async () => (await import('./commands/decide')).explainCommand,
  simulate: async () => (await import('./commands/simulate')).simulate,
  check: async () => (await import('./commands/check')).check,
  schema: async () => (await import('./commands/info')).schema,
  presets: async () => (await import('./commands/info')).presetsCommand,
};

function isCommand(name: string): name is keyof typeof RUN {
  return Object.hasOwn(RUN, name);
}

async function dispatch(ctx: Context, argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    ctx.err.line(TOP_HELP);
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h') {
    ctx.out.line(TOP_HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v' || first === '-V') {
    ctx.out.line(version);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic === undefined) ctx.out.line(TOP_HELP);
    else if (isCommand(topic)) ctx.out.line(HELP[topic]);
    else throw new UsageError(`unknown command '${topic}'`);
    return EXIT.ok;
  }
  if (!isCommand(first)) {
    const guess = closest(first, COMMANDS);
    throw new UsageError(first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'${guess === null ? '' : `; did you mean '${guess}'?`}`);
  }
  const command = await RUN[first]();
  return command(ctx, rest);
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to the exit code.
 *
 * @example
 * const code = await main(['validate', 'policy.json'], io);
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = contextOf(io);
  const { c } = ctx.err;
  try {
    return await dispatch(ctx, argv);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.err.line(`arrears${error.command === null ? '' : ` ${error.command}`}: ${c.red('error')}: ${error.message}`);
      ctx.err.line(c.dim(`Run 'arrears ${error.command === null ? '' : `${error.command} `}--help' for usage.`));
      return EXIT.usage;
    }
    if (error instanceof FileError) {
      ctx.err.line(`arrears: ${c.red('error')}: ${error.message}`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      for (const f of sortFindings(error.findings)) ctx.err.line(formatFinding(f, c));
      const errors = error.findings.filter((f) => f.severity === 'error').length;
      const command = argv[0] !== undefined && isCommand(argv[0]) ? ` ${argv[0]}` : '';
      ctx.err.line(`arrears${command}: stopped on ${errors === 1 ? '1 error' : `${errors} errors`} in the input.`);
      return EXIT.invalid;
    }
    ctx.err.line(`arrears: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    ctx.err.line('This is a bug in arrears. Please report it with the command you ran.');
    return EXIT.internal;
  }
}
