import { addDuration, longestDurationMs } from '../time/duration';
import { formatInstant, LONGEST_DAY_MS } from '../time/instant';
import { WEEKDAYS } from '../vocabulary';
import { mayBeAction } from '../constraints/attempts';
import type { AttemptCountParams, FactName , FLAG_FACTS } from './catalogue';
import { attemptCountParamsSchema } from './catalogue';
import { type EvaluationContext, firstAttemptAfter, type HistoryReading, type IndexedAttempt } from './context';
import { dayOf, flagActive, instantMs, isReachable, promiseStatuses, RIGHT_PARTY_OUTCOMES } from './history';

type Params = Readonly<Record<string, unknown>> | undefined;
type Compute = (ctx: EvaluationContext, params: Params) => unknown;

const list = <T>(v: T | readonly T[] | undefined): readonly T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v as T]);

/** Day number of the oldest unpaid due date, or null when nothing is unpaid. */
function oldestUnpaidDay(ctx: EvaluationContext): number | null {
  // Nothing due, nothing unpaid: a paid-off account is not 53 days past due.
  if (ctx.account.amountDue === 0) return null;
  if (ctx.account.dueDate !== undefined) return dayOf(ctx.account.dueDate);
  const unpaid = ctx.account.instalments.filter((i) => i.paid < i.amount).map((i) => dayOf(i.dueDate));
  return unpaid.length === 0 ? null : Math.min(...unpaid);
}

function daysPastDue(ctx: EvaluationContext): number {
  const oldest = oldestUnpaidDay(ctx);
  return oldest === null ? 0 : ctx.today - oldest;
}

const outbound = (ctx: EvaluationContext) => ctx.attempts.filter((a) => a.attempt.direction === 'outbound');
const lastOf = (attempts: readonly IndexedAttempt[]) => attempts[attempts.length - 1];
const daysSince = (ctx: EvaluationContext, ms: number | undefined) => (ms === undefined ? null : ctx.today - ctx.clock.dayNumber(ms));
// `right_party_contact` says the debtor answered, whichever number was dialled; a promise, refusal
// or dispute voiced by the employer or a relative is not the debtor being reached (an attempt that
// names no contact is taken as the debtor's: reached sooner, third parties are called less).
const rightParty = (ctx: EvaluationContext) =>
  ctx.attempts.filter(
    (a) =>
      a.attempt.outcome === 'right_party_contact' ||
      (RIGHT_PARTY_OUTCOMES.includes(a.attempt.outcome) && (a.relationship === undefined || a.relationship === 'self')),
  );

/** The params of `attemptCount` written without any: parsed once, not on every decision. */
const NO_PARAMS: AttemptCountParams = Object.freeze(attemptCountParamsSchema.parse({}));

/**
 * Whether an attempt was on one of `channels`: as the history says, any of its action's channels
 * (absent reading); all of them (`'certain'`: an SMS-or-call action is no proof of a call); or any,
 * an attempt on no known channel included (`'possible'`).
 */
function onChannels(a: IndexedAttempt, channels: readonly string[], reading: HistoryReading | undefined): boolean {
  // Loops rather than `every`/`some` with a closure: this runs for every attempt a count reads.
  const own = a.channels;
  if (reading === 'certain') {
    for (let i = 0; i < own.length; i++) if (!channels.includes(own[i] as string)) return false;
    return own.length > 0;
  }
  if (reading === 'possible' && a.anyChannel) return true;
  for (let i = 0; i < own.length; i++) if (channels.includes(own[i] as string)) return true;
  return false;
}

/**
 * Whether an attempt carried out one of `actions`. Read `'possible'`, one logged without an action
 * the policy knows may have, if one of them could have been made on its channel (a text is no call).
 */
function ofAction(a: IndexedAttempt, actions: readonly string[], ctx: EvaluationContext): boolean {
  if (ctx.reading === 'possible') return mayBeAction(a, actions, ctx.policy.actions);
  return a.attempt.action !== undefined && actions.includes(a.attempt.action);
}

function attemptCount(ctx: EvaluationContext, raw: Params): number {
  const p: AttemptCountParams = raw === undefined ? NO_PARAMS : ctx.cache.attemptParams(raw);
  const channels = list(p.channel);
  const outcomes = list(p.outcome);
  const actions = list(p.action);
  const relationships = list(p.relationship);
  const contactIds = list(p.contactId);
  // A rolling `within` counts an attempt until the attempt + the duration, as a cap's rolling
  // period does: `now − P1M` jumps back at month ends, so an attempt would leave and come back.
  const duration = typeof p.within === 'string' ? ctx.cache.duration(p.within) : null;
  const sinceDay = p.within !== undefined && typeof p.within !== 'string' ? ctx.today - p.within.calendarDays + 1 : null;
  // Attempts are sorted: the scan starts at the first one that can be in `within`.
  const attempts = ctx.attempts;
  const start =
    duration !== null ? ctx.now - longestDurationMs(duration) : sinceDay !== null ? ctx.clock.startOfDay(sinceDay) - LONGEST_DAY_MS : Number.NEGATIVE_INFINITY;
  let n = 0;
  for (let i = start > Number.NEGATIVE_INFINITY ? firstAttemptAfter(attempts, start) : 0; i < attempts.length; i++) {
    const a = attempts[i] as IndexedAttempt;
    // Every test is pure, so their order changes only the cost: the plain field reads come first,
    // then the channel and action lists, then the zone's calendar.
    if (p.direction !== 'any' && a.attempt.direction !== p.direction) continue;
    if (outcomes && !outcomes.includes(a.attempt.outcome)) continue;
    if (relationships && !(a.relationship === undefined ? ctx.reading === 'possible' : relationships.includes(a.relationship))) continue;
    if (contactIds && !(a.attempt.contactId === undefined ? ctx.reading === 'possible' : contactIds.includes(a.attempt.contactId))) continue;
    if (channels && !onChannels(a, channels, ctx.reading)) continue;
    if (actions && !ofAction(a, actions, ctx)) continue;
    if (sinceDay !== null && ctx.clock.dayNumber(a.ms) < sinceDay) continue;
    if (p.minAgeDays !== undefined && ctx.clock.dayNumber(a.ms) > ctx.today - p.minAgeDays) continue;
    if (duration !== null && addDuration(a.ms, duration, ctx.clock, 1) <= ctx.now) continue;
    n++;
  }
  return n;
}

function bucket(ctx: EvaluationContext): string {
  const dpd = daysPastDue(ctx);
  if (ctx.policy.buckets) {
    const found = ctx.policy.buckets.find((b) => b.upTo === undefined || dpd <= b.upTo);
    return (found ?? ctx.policy.buckets[ctx.policy.buckets.length - 1])?.id ?? 'M0';
  }
  return dpd <= 0 ? 'M0' : `M${Math.ceil(dpd / 30)}`;
}

function overdueInstalments(ctx: EvaluationContext) {
  return ctx.account.instalments.filter((i) => i.paid < i.amount && dayOf(i.dueDate) < ctx.today);
}

function openPromises(ctx: EvaluationContext) {
  const statuses = promiseStatuses(ctx);
  return ctx.account.promises.filter((_, i) => statuses[i] === 'open').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1));
}

const flag = (name: keyof typeof FLAG_FACTS): Compute => (ctx) => flagActive(ctx, name);

/**
 * How each fact of the catalogue is computed. Typed as a record over `FactName`, so a fact cannot
 * be documented without being computed, nor computed without being documented.
 */
export const COMPUTE: { readonly [K in FactName]: Compute } = {
  daysPastDue,
  bucket,
  amountDue: (ctx) => ctx.account.amountDue,
  overdueAmount: (ctx) =>
    ctx.account.instalments.length === 0
      ? daysPastDue(ctx) > 0
        ? ctx.account.amountDue
        : 0
      : overdueInstalments(ctx).reduce((s, i) => s + i.amount - i.paid, 0),
  overdueInstalments: (ctx) => overdueInstalments(ctx).length,
  currency: (ctx) => ctx.account.currency,
  settled: (ctx) => ctx.account.amountDue === 0,
  legalStage: (ctx) => ctx.account.legalStage,
  tags: (ctx) => [...ctx.account.tags],
  jurisdiction: (ctx) => ctx.account.debtor.jurisdiction ?? null,
  attributes: (ctx) => ctx.account.attributes,
  localDate: (ctx) => ctx.clock.local(ctx.now).isoDate,
  localHour: (ctx) => ctx.clock.local(ctx.now).hour,
  localMinute: (ctx) => ctx.clock.local(ctx.now).minute,
  localMinuteOfDay: (ctx) => ctx.clock.local(ctx.now).minuteOfDay,
  localWeekday: (ctx) => WEEKDAYS[ctx.clock.local(ctx.now).weekday - 1],
  localDayOfMonth: (ctx) => ctx.clock.local(ctx.now).day,
  daysToMonthEnd: (ctx) => {
    const l = ctx.clock.local(ctx.now);
    return new Date(Date.UTC(l.year, l.month, 0)).getUTCDate() - l.day;
  },
  isWeekend: (ctx) => ctx.clock.local(ctx.now).weekday >= 6,
  isHoliday: (ctx) => [...ctx.holidays.values()].some((days) => days.has(ctx.today)),
  totalAttempts: (ctx) => outbound(ctx).length,
  attemptsToday: (ctx) => outbound(ctx).filter((a) => ctx.clock.dayNumber(a.ms) === ctx.today).length,
  attemptCount,
  lastAttemptAt: (ctx) => {
    const last = lastOf(outbound(ctx));
    return last ? formatInstant(last.ms) : null;
  },
  daysSinceLastAttempt: (ctx) => daysSince(ctx, lastOf(outbound(ctx))?.ms),
  lastOutcome: (ctx) => lastOf(ctx.attempts)?.attempt.outcome ?? null,
  rightPartyContacts: (ctx) => rightParty(ctx).length,
  lastRightPartyContactAt: (ctx) => {
    const last = lastOf(rightParty(ctx));
    return last ? formatInstant(last.ms) : null;
  },
  daysSinceLastRightPartyContact: (ctx) => daysSince(ctx, lastOf(rightParty(ctx))?.ms),
  daysSinceLastAction: (ctx, params) => {
    const actions = list(params?.['action'] as string | string[] | undefined) ?? [];
    return daysSince(ctx, lastOf(ctx.attempts.filter((a) => a.attempt.action !== undefined && actions.includes(a.attempt.action)))?.ms);
  },
  hasOpenPromise: (ctx) => openPromises(ctx).length > 0,
  openPromiseAmount: (ctx) => openPromises(ctx).reduce((s, p) => s + p.amount, 0),
  nextPromiseDate: (ctx) => openPromises(ctx)[0]?.dueDate ?? null,
  daysUntilPromise: (ctx) => {
    const next = openPromises(ctx)[0];
    return next ? dayOf(next.dueDate) - ctx.today : null;
  },
  brokenPromises: (ctx) => promiseStatuses(ctx).filter((s) => s === 'broken').length,
  keptPromises: (ctx) => promiseStatuses(ctx).filter((s) => s === 'kept').length,
  totalPaid: (ctx) => ctx.account.payments.filter((p) => instantMs(p.at) <= ctx.now).reduce((s, p) => s + p.amount, 0),
  paymentCount: (ctx) => ctx.account.payments.filter((p) => instantMs(p.at) <= ctx.now).length,
  lastPaymentAt: (ctx) => {
    const times = ctx.account.payments.map((p) => instantMs(p.at)).filter((ms) => ms <= ctx.now);
    return times.length === 0 ? null : formatInstant(Math.max(...times));
  },
  daysSinceLastPayment: (ctx) => {
    const times = ctx.account.payments.map((p) => instantMs(p.at)).filter((ms) => ms <= ctx.now);
    return times.length === 0 ? null : daysSince(ctx, Math.max(...times));
  },
  deceased: flag('deceased'),
  bankrupt: flag('bankrupt'),
  disputed: flag('disputed'),
  ceaseCommunication: flag('cease_communication'),
  hardship: flag('hardship'),
  attorneyRepresented: flag('attorney_represented'),
  workplaceContactProhibited: flag('workplace_contact_prohibited'),
  sold: flag('sold'),
  legalHold: flag('legal_hold'),
  badFaith: flag('bad_faith'),
  daysSinceFlag: (ctx, params) => {
    const name = params?.['flag'] as keyof typeof FLAG_FACTS;
    const state = ctx.account.debtor.flags[name];
    if (!state || !flagActive(ctx, name)) return null;
    // Never below 0 while the flag holds: a date flag starts at the first of the debtor's zones to
    // reach it, which may be before that day begins in the zone facts are read in.
    return Math.max(0, ctx.today - (/^\d{4}-\d{2}-\d{2}$/.test(state.since) ? dayOf(state.since) : ctx.clock.dayNumber(instantMs(state.since))));
  },
  hasApproval: (ctx, params) => {
    const actions = list(params?.['action'] as string | string[] | undefined) ?? [];
    return ctx.account.approvals.some(
      (a) => actions.includes(a.action) && instantMs(a.at) <= ctx.now && (a.expiresAt === undefined || ctx.now < instantMs(a.expiresAt)),
    );
  },
  contactCount: (ctx) => ctx.account.contacts.length,
  selfReachable: (ctx) => ctx.account.contacts.some((c) => c.relationship === 'self' && isReachable(ctx, c)),
};
