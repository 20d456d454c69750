import { parseArgs } from 'node:util';
import { ArrearsError, createEngine, formatPath, safeParseAccount } from '../../index';
import { RESPONDERS, type ResponderName, simulate as simulateTimeline, type Timeline } from '../../testing';
import { formatInstant } from '../../time/instant';
import { integerOption, parseCommand } from '../args';
import { readDocument, readStdinOnce } from '../files';
import { HELP } from '../help';
import { chooseInstant, clockNote } from '../instant';
import type { Context } from '../io';
import { table, wallClock } from '../local-time';
import { loadPolicies } from '../policies';
import { EXIT, findingsOf, InputError, UsageError } from '../report';

const DAY = 86_400_000;

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const nextDate = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

type Step = Timeline['steps'][number];

/** What the simulation was waiting for over steps without an attempt: the first next action, every reason met. */
function waiting(steps: readonly Step[]): string {
  // No decision at all in the stretch: the run was pausing after its last attempt (`--pause`).
  if (steps.length === 0) return 'no decision, pausing after the last attempt (--pause)';
  const next = (steps.find((s) => s.next !== null && s.next.status !== 'allowed') ?? steps.find((s) => s.next !== null))?.next;
  if (next === null || next === undefined) return 'no rule proposes an action';
  // Allowed, yet not carried out: it was, already, at that instant, and nothing else was allowed.
  if (next.status === 'allowed') return `${next.action} already done, nothing else allowed`;
  const codes = [...new Set(steps.flatMap((s) => (s.next?.action === next.action ? s.next.codes : [])))];
  return `${next.action} ${next.status.replace('_', ' ')}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
}

/** The day-by-day table: one row per attempt, one row per stretch of days without any. */
function timelineRows(ctx: Context, timeline: Timeline, zone: string): string[][] {
  const { c } = ctx.out;
  const ms = (iso: string) => Date.parse(iso);
  const firstDate = wallClock(ms(timeline.from), zone).date;
  const endDate = wallClock(ms(timeline.to) - 1, zone).date;
  // Stopped by --max-steps: days after the last decision were never simulated, and must not read
  // "nothing done" with a reason taken from an earlier day.
  const lastStep = timeline.steps[timeline.steps.length - 1];
  const lastDate = timeline.stopped === 'maxSteps' && lastStep !== undefined ? wallClock(ms(lastStep.at), zone).date : endDate;
  // Across a clock change a local time alone is ambiguous (a fall-back night has two 01:30s), so
  // every time then carries its UTC offset.
  const offsets = new Set([ms(timeline.from), ms(timeline.to) - 1, ...timeline.steps.map((s) => ms(s.at))].map((t) => wallClock(t, zone).offset));
  const withOffset = offsets.size > 1;
  const rows: string[][] = [['Date', 'Day', 'Time', 'Action', 'To', 'Outcome'].map((h) => c.bold(h))];
  let covered = nextDate(firstDate, -1); // the last date shown so far
  let idle: Step[] = [];
  const quiet = (until: string) => {
    if (nextDate(covered, 1) > until) return;
    const from = nextDate(covered, 1);
    const days = from === until ? from : `${from} … ${until}`;
    rows.push([c.dim(days), '', '', c.dim('—'), '', c.dim(`nothing done: ${waiting(idle)}`)]);
  };
  for (const step of timeline.steps) {
    if (step.attempt === null) {
      idle.push(step);
      continue;
    }
    const { date, time, weekday, offset } = wallClock(ms(step.at), zone);
    if (date !== covered) quiet(nextDate(date, -1));
    const a = step.attempt;
    const to = a.channel === undefined ? 'internal' : `${a.channel} → ${a.contactId ?? '?'}`;
    rows.push([date === covered ? '' : date, date === covered ? '' : weekday, withOffset ? `${time} ${offset}` : time, a.action ?? '', to, a.outcome]);
    covered = date;
    idle = [];
  }
  quiet(lastDate);
  if (lastDate < endDate) {
    const from = nextDate(lastDate, 1);
    rows.push([c.dim(from === endDate ? from : `${from} … ${endDate}`), '', '', c.dim('—'), '', c.yellow('not simulated: stopped by --max-steps')]);
  }
  return rows;
}

function totals(timeline: Timeline): string {
  const byChannel = new Map<string, Map<string, number>>();
  for (const a of timeline.attempts) {
    const channel = a.channel ?? 'internal';
    const outcomes = byChannel.get(channel) ?? new Map<string, number>();
    outcomes.set(a.outcome, (outcomes.get(a.outcome) ?? 0) + 1);
    byChannel.set(channel, outcomes);
  }
  const parts = [...byChannel].map(([channel, outcomes]) => {
    const n = [...outcomes.values()].reduce((x, y) => x + y, 0);
    return `${channel} ${n} (${[...outcomes].map(([o, k]) => `${k} ${o}`).join(', ')})`;
  });
  const count = timeline.attempts.length;
  return `${count} attempt${count === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join('; ')}` : ''}. ${plural(timeline.steps.length, 'decision')}.`;
}

/** `arrears simulate --policy <p>… --account <a> [--days N] [--from <instant>] [--respond <script>] [--json]` */
export async function simulate(ctx: Context, args: readonly string[]): Promise<number> {
  const options = {
    policy: { type: 'string', multiple: true },
    account: { type: 'string' },
    days: { type: 'string' },
    from: { type: 'string' },
    respond: { type: 'string' },
    'max-steps': { type: 'string' },
    pause: { type: 'string' },
    step: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values } = parseCommand('simulate', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) {
    ctx.out.line(HELP.simulate);
    return EXIT.ok;
  }
  if (values.policy === undefined) throw new UsageError('missing --policy <file | preset:id>', 'simulate');
  if (values.account === undefined) throw new UsageError('missing --account <file>', 'simulate');
  readStdinOnce('simulate', [
    ['--policy', values.policy],
    ['--account', values.account],
  ]);
  const days = integerOption('simulate', 'days', values.days, 30, 3660);
  const maxSteps = integerOption('simulate', 'max-steps', values['max-steps'], 5_000, 100_000);
  const respond = values.respond ?? 'never';
  if (!(RESPONDERS as readonly string[]).includes(respond)) {
    throw new UsageError(`unknown --respond '${respond}'; use one of ${RESPONDERS.join(', ')}`, 'simulate');
  }
  const from = chooseInstant(ctx, values.from, 'simulate', 'from');
  const policy = await loadPolicies(ctx, values.policy, 'simulate');
  const document = await readDocument(ctx, values.account, '--account takes one account, as one JSON document');
  if (Array.isArray(document.value)) {
    throw new InputError([{ severity: 'error', file: document.name, position: { line: 1, column: 1 }, path: null, code: 'not_one_account', message: 'simulate takes one account (an object); this file holds an array' }]);
  }
  const parsed = safeParseAccount(document.value);
  if (!parsed.success) throw new InputError(findingsOf(document, parsed.issues, 'error'));

  let timeline: Timeline;
  try {
    timeline = simulateTimeline(createEngine(policy), parsed.account, {
      from: from.iso,
      to: formatInstant(from.ms + days * DAY),
      respond: respond as ResponderName,
      maxSteps,
      ...(values.pause === undefined ? {} : { pause: values.pause }),
      ...(values.step === undefined ? {} : { step: values.step }),
    });
  } catch (error) {
    if (error instanceof ArrearsError && error.code === 'OPTIONS_INVALID') {
      const flags: Record<string, string> = { to: '--days', maxSteps: '--max-steps', pause: '--pause', step: '--step' };
      const option = (path: readonly (string | number)[]) => flags[String(path[0])] ?? `--${String(path[0])}`;
      // The kit's messages name its own options (`pause`); here the user typed flags.
      const flagged = (message: string) => message.replace(/`(maxSteps|pause|step)`/g, (_, name: string) => flags[name] ?? name);
      throw new UsageError(error.issues.map((i) => `${option(i.path)}: ${flagged(i.message)}`).join('; '), 'simulate');
    }
    if (error instanceof ArrearsError) {
      throw new InputError(error.issues.map((i) => ({ severity: 'error', file: '(simulation)', position: null, path: formatPath(i.path), code: i.code, message: i.message })));
    }
    throw error;
  }

  if (values.json) {
    if (from.fromClock) ctx.err.line(clockNote(from, 'from'));
    await ctx.out.json(`${JSON.stringify(timeline, null, 2)}\n`);
  } else {
    const { c } = ctx.out;
    const zones = timeline.account.debtor.timeZone;
    const zone = typeof zones === 'string' ? zones : (zones[0] as string);
    const start = wallClock(from.ms, zone);
    const end = wallClock(from.ms + days * DAY, zone);
    if (from.fromClock) ctx.out.line(clockNote(from, 'from'));
    ctx.out.line(`Account ${c.bold(timeline.account.id)} under policy ${c.bold(policy.id)} v${policy.version}, the debtor responding '${respond}'`);
    const [startAt, endAt] = start.offset === end.offset ? [start.time, end.time] : [`${start.time} ${start.offset}`, `${end.time} ${end.offset}`];
    ctx.out.line(`from ${start.date} ${startAt} to ${end.date} ${endAt} (${plural(days, 'day')}), local times in ${zone}:`);
    ctx.out.line();
    for (const line of table(timelineRows(ctx, timeline, zone), ctx.out.width)) await ctx.out.write(`${line}\n`);
    ctx.out.line();
    ctx.out.line(totals(timeline));
    if (timeline.stopped === 'maxSteps') ctx.out.line(c.yellow(`Stopped after ${plural(timeline.steps.length, 'decision')} (--max-steps): the timeline is incomplete.`));
  }
  return EXIT.ok;
}
