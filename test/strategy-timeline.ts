/**
 * The deterministic day-by-day loop of the strategy timeline tests: every day at one local time the
 * engine decides; whatever `next` allows now is carried out and recorded (the scripted debtor never
 * answers), and the engine decides again at the same instant until nothing more is allowed now.
 * A scripted owner approves what needs approval the next morning at 09:00.
 */
import type { AccountInput, Decision, Engine, Outcome, Proposal } from '../src/index';

/** One attempt the loop carried out. */
export interface Step {
  /** Days from `origin` (the due date, usually). */
  readonly day: number;
  /** The local date. */
  readonly date: string;
  readonly action: string;
  readonly channel: string | null;
  readonly contactId: string | null;
  readonly outcome: Outcome;
}

/** What the loop saw and did. */
export interface Timeline {
  readonly steps: readonly Step[];
  /** Actions that needed an approval, with the day (from `origin`) they were first proposed. */
  readonly approvalsAsked: readonly { readonly day: number; readonly action: string }[];
  /** The account with its final history. */
  readonly account: AccountInput;
  /** The decision of the last iteration of each day. */
  readonly lastDecisions: readonly Decision[];
}

export interface TimelineOptions {
  /** First local date, YYYY-MM-DD. */
  readonly from: string;
  /** Last local date, inclusive. */
  readonly to: string;
  /** The date numbered day 0 in steps (default `from`). */
  readonly origin?: string;
  /** Promises and payments that appear on the account from a given day (numbered from `origin`). */
  readonly events?: Readonly<Record<number, Pick<AccountInput, 'promises' | 'payments'>>>;
  /** Local time of the daily run, HH:mm. Default 10:00. */
  readonly at?: string;
  /** What the debtor does: default no answer on phone and visits, delivered otherwise, completed for internal actions. */
  readonly outcome?: (p: Proposal, day: number) => Outcome;
  /** Whether the scripted owner approves an action (default: yes). */
  readonly approve?: (action: string) => boolean;
  /** Safety bound on decisions per instant. */
  readonly maxPerInstant?: number;
}

/** The instant (ISO, UTC) whose wall clock in `zone` reads `date` `time`. */
export function localInstant(date: string, time: string, zone: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const offsetAt = (ms: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
        .formatToParts(new Date(ms))
        .map((p) => [p.type, p.value]),
    );
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - ms;
  };
  let ms = wall - offsetAt(wall);
  ms = wall - offsetAt(ms);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** Days from `a` to `b` (dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** `date` plus `n` days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const defaultOutcome = (p: Proposal): Outcome => (p.channel === null ? 'completed' : p.channel === 'phone' || p.channel === 'visit' ? 'no_answer' : 'delivered');

/** Runs the loop. The input account is not mutated. */
export function runTimeline(engine: Engine, account: AccountInput, options: TimelineOptions): Timeline {
  const zones = account.debtor.timeZone;
  const zone = typeof zones === 'string' ? zones : (zones[0] as string);
  const history = [...(account.history ?? [])];
  const approvals = [...(account.approvals ?? [])];
  const steps: Step[] = [];
  const asked = new Map<string, number>();
  const lastDecisions: Decision[] = [];
  const outcome = options.outcome ?? defaultOutcome;
  const approve = options.approve ?? (() => true);
  const promises = [...(account.promises ?? [])];
  const payments = [...(account.payments ?? [])];
  const origin = options.origin ?? options.from;
  let current: AccountInput = account;
  const first = daysBetween(origin, options.from);
  const last = daysBetween(origin, options.to);
  for (let day = first; day <= last; day++) {
    const date = addDays(origin, day);
    promises.push(...(options.events?.[day]?.promises ?? []));
    payments.push(...(options.events?.[day]?.payments ?? []));
    for (const [action, askedOn] of asked) {
      if (askedOn === day - 1 && approve(action)) approvals.push({ action, at: localInstant(date, '09:00', zone), by: 'owner' });
    }
    const now = localInstant(date, options.at ?? '10:00', zone);
    let decision: Decision | null = null;
    for (let i = 0; i < (options.maxPerInstant ?? 50); i++) {
      current = { ...account, history: [...history], approvals: [...approvals], promises: [...promises], payments: [...payments] };
      decision = engine.decide(current, { now });
      for (const p of decision.proposals) if (p.status === 'needs_approval' && !asked.has(p.action)) asked.set(p.action, day);
      const next = decision.next;
      if (next === null || next.status !== 'allowed') break;
      const result = outcome(next, day);
      history.push({
        at: now,
        action: next.action,
        outcome: result,
        ...(next.channel === null ? {} : { channel: next.channel }),
        ...(next.contactId === null ? {} : { contactId: next.contactId }),
        ...(next.address === null ? {} : { address: next.address }),
      });
      steps.push({ day, date, action: next.action, channel: next.channel, contactId: next.contactId, outcome: result });
      if (i === (options.maxPerInstant ?? 50) - 1) throw new Error(`more than ${i + 1} actions allowed at ${now}: a strategy without a bound`);
    }
    if (decision) lastDecisions.push(decision);
  }
  return { steps, approvalsAsked: [...asked].map(([action, day]) => ({ action, day })), account: { ...current, history }, lastDecisions };
}

/** Steps as `day:action` strings (with `@contact` when the action reaches a contact other than 'me'). */
export function ladder(steps: readonly Step[], filter: (s: Step) => boolean = () => true): string[] {
  return steps.filter(filter).map((s) => `${s.day}:${s.action}${s.contactId !== null && s.contactId !== 'me' ? `@${s.contactId}` : ''}`);
}

/** The days on which `action` was carried out (to `contactId` when given). */
export function daysOf(steps: readonly Step[], action: string, contactId?: string): number[] {
  return steps.filter((s) => s.action === action && (contactId === undefined || s.contactId === contactId)).map((s) => s.day);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a date. */
export function weekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Integers from `a` to `b` inclusive. */
export function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
