import { ArrearsError, type Issue } from '../errors';
import type { AccountInput, JsonValue } from '../model';
import { safeParseAccount } from '../model/parse';
import { formatInstant, isValidTimeZone, MAX_INSTANT_EXCLUSIVE, MIN_INSTANT, MS_PER_DAY, ZoneClocks, type ZoneClock } from '../time';
import { CHANNELS, type Channel, type Flag, type LegalStage, type Relationship } from '../vocabulary';
import type {
  ApprovalOptions,
  AttemptSpec,
  CalledOptions,
  ContactOptions,
  FlagOptions,
  InstalmentOptions,
  MethodFields,
  PaymentOptions,
  PreferenceOptions,
  PromiseOptions,
} from './builder-types';
import { describeValue } from './options';
import { type DateLike, type InstantLike, dateOrIso, dayNumberOf, isIsoDate, isoDate, spread, toIso, toMs } from './time';

/** Everything a builder was told, unresolved: ids, dates and amounts are settled by `buildAccount`. */
export interface BuilderState {
  readonly id: string;
  readonly currency: string;
  readonly amountDue: number;
  readonly due: { readonly date: string } | { readonly days: number; readonly asOf: DateLike } | null;
  readonly zone: string | readonly string[];
  readonly jurisdiction: string | undefined;
  readonly contacts: readonly { readonly relationship: Relationship; readonly options: ContactOptions }[];
  readonly defaultSelf: boolean;
  readonly history: readonly ({ readonly n: number; readonly called: CalledOptions } | { readonly raw: AttemptSpec })[];
  readonly promises: readonly PromiseOptions[];
  readonly payments: readonly PaymentOptions[];
  readonly flags: Readonly<Partial<Record<Flag, FlagOptions>>>;
  readonly approvals: readonly { readonly action: string; readonly options: ApprovalOptions }[];
  readonly preferences: readonly PreferenceOptions[];
  readonly instalments: readonly InstalmentOptions[];
  readonly tags: readonly string[];
  readonly attributes: Readonly<Record<string, JsonValue>>;
  readonly legalStage: LegalStage | undefined;
}

/** The defaults of `anAccount()`; see docs/testing.md. */
export const DEFAULT_STATE: BuilderState = {
  id: 'A-1',
  currency: 'CNY',
  amountDue: 100_000,
  due: null,
  zone: 'Asia/Shanghai',
  jurisdiction: undefined,
  contacts: [],
  defaultSelf: true,
  history: [],
  promises: [],
  payments: [],
  flags: {},
  approvals: [],
  preferences: [],
  instalments: [],
  tags: [],
  attributes: {},
  legalStage: undefined,
};

type Json = { [key: string]: unknown };

const defined = (o: Json): Json => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function method(channel: Channel, fields: MethodFields, workplace: boolean | undefined, path: (string | number)[]): Json {
  const { consentUntil, consentGivenAt, ...rest } = fields;
  const instant = (value: InstantLike | undefined, key: string) => (value === undefined ? undefined : toIso(value, [...path, key]));
  return defined({ channel, ...rest, workplace: rest.workplace ?? workplace, consentUntil: instant(consentUntil, 'consentUntil'), consentGivenAt: instant(consentGivenAt, 'consentGivenAt') });
}

function contactJson(id: string, relationship: Relationship, options: ContactOptions, path: (string | number)[]): Json {
  const channels: Json[] = [];
  for (const key of Object.keys(options)) {
    if (!(CHANNELS as readonly string[]).includes(key)) continue;
    const channel = key as Channel;
    const spec = options[channel];
    if (spec === undefined) continue;
    const list: readonly MethodFields[] = spec === true ? [{}] : Array.isArray(spec) ? spec : [spec as MethodFields];
    list.forEach((m) => channels.push(method(channel, m, options.workplace, [...path, channel])));
  }
  return defined({ id, relationship, name: options.name, timeZone: options.timeZone, verified: options.verified, channels });
}

function contactsOf(state: BuilderState): Json[] {
  const taken = new Set<string>();
  const unique = (rel: string) => {
    let id = rel;
    for (let k = 2; taken.has(id); k++) id = `${rel}-${k}`;
    return id;
  };
  const explicitSelf = state.contacts.some((c) => c.relationship === 'self');
  const drafts = state.defaultSelf && !explicitSelf ? [{ relationship: 'self' as const, options: { phone: true, sms: true } as ContactOptions }, ...state.contacts] : state.contacts;
  return drafts.map(({ relationship, options }, i) => {
    const id = options.id ?? unique(relationship);
    taken.add(id);
    return contactJson(id, relationship, options, ['contacts', i]);
  });
}

function contactIdFor(contacts: readonly Json[], wanted: string | undefined): string | undefined {
  if (wanted === undefined) return contacts.find((c) => c.relationship === 'self')?.id as string | undefined;
  return (contacts.find((c) => c.id === wanted) ?? contacts.find((c) => c.relationship === wanted))?.id as string | undefined ?? wanted;
}

function attemptsOf(state: BuilderState, contacts: readonly Json[], clock: ZoneClock): Json[] {
  return state.history.flatMap((entry, i): Json[] => {
    const path = ['history', i];
    if ('raw' in entry) return [defined({ ...entry.raw, at: toIso(entry.raw.at, [...path, 'at']) })];
    const { n, called } = entry;
    if (called.at === undefined && called.before === undefined) {
      throw new ArrearsError('OPTIONS_INVALID', [{ code: 'missing_anchor', path, message: `called(${n}) needs \`at\` or \`before\`: nothing reads the clock` }]);
    }
    const instants =
      called.at !== undefined
        ? (Array.isArray(called.at) ? called.at : [called.at]).map((x: string | Date) => toIso(x, [...path, 'at']))
        : spread(n, toMs(called.before, [...path, 'before']), called.within ?? 'P1D', clock, path).map(formatInstant);
    if (instants.length !== n) {
      throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_option', path: [...path, 'at'], message: `called(${n}) was given ${instants.length} instant(s)` }]);
    }
    const contactId = contactIdFor(contacts, called.contact);
    return instants.map((at) =>
      defined({ at, action: called.action, channel: called.channel ?? 'phone', contactId, address: called.address, outcome: called.outcome ?? 'no_answer', consented: called.consented }),
    );
  });
}

const MISSING_DUE = 'the account has no due date: call .overdueDays(n, { asOf }), .dueOn(date) or .instalment({ dueDate, amount })';

/** The due date the builder was told, or the issue with it (`overdueDays` with a count that is not one). */
function dueDateOf(due: BuilderState['due'], clock: ZoneClock): { readonly date?: string; readonly issue?: Issue } {
  if (due === null) return {};
  if ('date' in due) return { date: due.date };
  if (!Number.isInteger(due.days)) {
    return { issue: { code: 'invalid_type', path: ['dueDate'], message: `overdueDays(n, { asOf }): n must be a whole number of days; received ${typeof due.days === 'number' ? String(due.days) : describeValue(due.days)}` } };
  }
  const day = dayNumberOf(due.asOf, clock, ['asOf']) - due.days;
  if (day * MS_PER_DAY < MIN_INSTANT || day * MS_PER_DAY >= MAX_INSTANT_EXCLUSIVE) {
    return { issue: { code: 'invalid_date', path: ['dueDate'], message: `overdueDays(${due.days}, { asOf }) puts the due date outside 1900-2200` } };
  }
  return { date: isoDate(day) };
}

/**
 * Resolves a builder's state into a plain-JSON account and validates it. Throws `ArrearsError`
 * (ACCOUNT_INVALID or OPTIONS_INVALID) listing the problems.
 *
 * @example
 * buildAccount({ ...DEFAULT_STATE, due: { date: '2026-11-01' } }).dueDate; // '2026-11-01'
 */
export function buildAccount(state: BuilderState): AccountInput {
  // A zone that is not one is left for the account schema to report, beside every other problem.
  const zones: readonly unknown[] = Array.isArray(state.zone) ? state.zone : [state.zone];
  const primary = zones[0];
  const clock = new ZoneClocks().get(typeof primary === 'string' && isValidTimeZone(primary) ? primary : 'UTC');
  const due = dueDateOf(state.due, clock);
  const date = (value: DateLike, path: (string | number)[]) => (isIsoDate(value) ? value : isoDate(dayNumberOf(value, clock, path)));
  const contacts = contactsOf(state);
  const flags = Object.fromEntries(
    Object.entries(state.flags).map(([flag, f]) => [
      flag,
      defined({ since: dateOrIso(f.since, ['debtor', 'flags', flag, 'since']), until: f.until === undefined ? undefined : dateOrIso(f.until, ['debtor', 'flags', flag, 'until']), note: f.note }),
    ]),
  );
  // `paid({ at })` without an amount: paid in full, so nothing is due any more.
  const inFull = state.payments.some((p) => p.amount === undefined);
  const instalments = state.instalments.map((x) => defined({ ...x }));
  const account = defined({
    id: state.id,
    currency: state.currency,
    amountDue: inFull ? 0 : state.amountDue,
    dueDate: due.date,
    instalments: instalments.length > 0 ? (inFull ? payInstalments(instalments, state.amountDue) : instalments) : undefined,
    debtor: defined({
      timeZone: Array.isArray(state.zone) ? [...state.zone] : state.zone,
      jurisdiction: state.jurisdiction,
      flags: Object.keys(flags).length > 0 ? flags : undefined,
      contactPreferences: state.preferences.length > 0 ? { windows: state.preferences.map((p) => defined({ ...p, days: Array.isArray(p.days) ? [...p.days] : p.days, channels: Array.isArray(p.channels) ? [...p.channels] : p.channels })) } : undefined,
    }),
    contacts,
    history: attemptsOf(state, contacts, clock),
    promises: nonEmpty(state.promises.map((p, i) => defined({ id: p.id, madeAt: p.madeAt === undefined ? undefined : toIso(p.madeAt, ['promises', i, 'madeAt']), dueDate: date(p.on, ['promises', i, 'on']), amount: p.amount ?? state.amountDue, status: p.status }))),
    payments: nonEmpty(state.payments.map((p, i) => ({ at: toIso(p.at, ['payments', i, 'at']), amount: p.amount ?? state.amountDue }))),
    approvals: nonEmpty(state.approvals.map(({ action, options: o }, i) => defined({ action, at: toIso(o.at, ['approvals', i, 'at']), by: o.by, expiresAt: o.expiresAt === undefined ? undefined : toIso(o.expiresAt, ['approvals', i, 'expiresAt']) }))),
    legalStage: state.legalStage,
    tags: nonEmpty([...state.tags]),
    // Copied once validated: JSON.stringify would throw on a bigint and drop a function unnoticed.
    attributes: Object.keys(state.attributes).length > 0 ? { ...state.attributes } : undefined,
  });
  const parsed = safeParseAccount(account);
  // Every problem at once: the due date first (the schema checks it only once the shape is valid,
  // and the builder knows which method to call), then the schema's findings.
  const missing = state.due === null && state.instalments.length === 0 ? { code: 'missing_due_date', path: ['dueDate'], message: MISSING_DUE } : undefined;
  const own = due.issue ?? missing;
  const issues = [...(own === undefined ? [] : [own]), ...(parsed.success ? [] : parsed.issues.filter((i) => i.code !== 'missing_due_date'))];
  if (issues.length > 0) throw new ArrearsError(parsed.success ? 'ACCOUNT_INVALID' : parsed.code, issues);
  if (account.attributes !== undefined) account.attributes = JSON.parse(JSON.stringify(account.attributes));
  return account as AccountInput;
}

/**
 * Instalments with `amount` (minor units) paid into them, oldest due date first, each up to what
 * is left of it — as a payment is applied. Instalments the schema will refuse (an amount or date
 * that is not one) are left as given, for it to say so.
 *
 * @example
 * payInstalments([{ dueDate: '2026-11-01', amount: 300 }, { dueDate: '2026-10-01', amount: 300 }], 400);
 * // [{ dueDate: '2026-11-01', amount: 300, paid: 100 }, { dueDate: '2026-10-01', amount: 300, paid: 300 }]
 */
export function payInstalments<T extends { readonly dueDate?: unknown; readonly amount?: unknown; readonly paid?: unknown }>(instalments: readonly T[], amount: number): T[] {
  if (!Number.isSafeInteger(amount)) return [...instalments];
  const paidOf = (i: T) => (i.paid === undefined ? 0 : i.paid);
  const payable = (i: T) => isIsoDate(i.dueDate) && Number.isSafeInteger(i.amount) && Number.isSafeInteger(paidOf(i));
  const order = instalments
    .map((instalment, index) => ({ instalment, index }))
    .filter(({ instalment }) => payable(instalment))
    .sort((a, b) => ((a.instalment.dueDate as string) < (b.instalment.dueDate as string) ? -1 : (a.instalment.dueDate as string) > (b.instalment.dueDate as string) ? 1 : a.index - b.index));
  const result = [...instalments];
  let left = amount;
  for (const { instalment, index } of order) {
    if (left <= 0) break;
    const paid = paidOf(instalment) as number;
    const part = Math.min(left, (instalment.amount as number) - paid);
    if (part <= 0) continue;
    result[index] = { ...instalment, paid: paid + part };
    left -= part;
  }
  return result;
}

function nonEmpty<T>(list: T[]): T[] | undefined {
  return list.length > 0 ? list : undefined;
}
