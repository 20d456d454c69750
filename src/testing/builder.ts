import { ArrearsError, type Issue } from '../errors';
import { probeValue, screenInput, unreadableIssue } from '../input-guard';
import { DEFAULT_LIMITS } from '../limits';
import type { Account, AccountInput, JsonValue } from '../model';
import { parseAccount } from '../model/parse';
import { CHANNELS, type Flag, type LegalStage, type Relationship } from '../vocabulary';
import { type BuilderState, buildAccount, DEFAULT_STATE } from './build-account';
import type {
  ApprovalOptions,
  AttemptSpec,
  CalledOptions,
  ContactOptions,
  FlagOptions,
  InstalmentOptions,
  OverdueOptions,
  PaymentOptions,
  PreferenceOptions,
  PromiseOptions,
} from './builder-types';
import { checkOptions, describeValue, optionKeys } from './options';

type Path = readonly (string | number)[];

// The options each method takes: an unknown one (a typo) is refused at the call, not ignored.
// Options spread into the account as they are (attempt, prefers, instalment) are checked by the
// account schema when built; only their being an object is checked here.
const OVERDUE = optionKeys(['asOf']);
const CONTACT = optionKeys([...CHANNELS, 'id', 'name', 'verified', 'timeZone', 'workplace']);
const CALLED = optionKeys(['at', 'before', 'within', 'outcome', 'contact', 'channel', 'action', 'address', 'consented']);
const PROMISE = optionKeys(['on', 'amount', 'madeAt', 'status', 'id']);
const PAYMENT = optionKeys(['at', 'amount']);
const FLAG = optionKeys(['since', 'until', 'note']);
const APPROVAL = optionKeys(['at', 'by', 'expiresAt']);

/**
 * A copy of what a method was given, taken at the call: `Date`s, arrays and plain objects are
 * copied all the way down, so changing (or reusing) them afterwards does not change the builder.
 * Anything else (a class instance, a function, a bigint) is kept as it is, for `build()` to refuse.
 * Cycles are kept as cycles (the account schema says what is wrong with them).
 *
 * The value is screened first, as `parseAccount` screens an account (input-guard): the copy
 * recurses, so a value nested 100,000 deep would overflow the stack, and one whose getter or
 * Proxy throws would throw from inside it. Over a limit it is refused at the call with
 * `LIMIT_EXCEEDED` (the built account, checked against the default limits, would be too), and
 * unreadable with `OPTIONS_INVALID`, at `path` — where the value goes in the account.
 *
 * @example
 * const at = new Date('2026-11-20T10:00:00Z');
 * const b = anAccount().paid({ at, amount: 100 }); at.setUTCDate(21); // b's payment is still on the 20th
 */
function copyOf<T>(value: T, path: Path): T {
  const at = (issues: readonly Issue[]): Issue[] => issues.map((i) => ({ ...i, path: [...path, ...i.path] }));
  const itself = probeValue(value, path);
  if (itself !== null) throw new ArrearsError('OPTIONS_INVALID', [itself]);
  const screening = screenInput(value, DEFAULT_LIMITS);
  if (screening.verdict === 'limit') throw new ArrearsError('LIMIT_EXCEEDED', at(screening.issues));
  if (!screening.readable) throw new ArrearsError('OPTIONS_INVALID', at(screening.issues.filter((i) => i.code === 'unreadable')));
  try {
    return copied(value, new Map());
  } catch (error) {
    // The screening read every value once; only a Proxy whose traps change their mind gets here.
    throw new ArrearsError('OPTIONS_INVALID', [unreadableIssue(path, error, 'copying this value')]);
  }
}

/**
 * A name that becomes a key of the account (a flag, an attribute): a string, or refused at the call
 * with `OPTIONS_INVALID` (`invalid_type`, at `path`) — anything else would be converted to a key,
 * which throws for some values and silently renames others.
 */
function nameOf(name: unknown, path: Path, usage: string): string {
  if (typeof name === 'string') return name;
  throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path, message: `${usage}; received ${describeValue(copyOf(name, path))}` }]);
}

function copied<T>(value: T, seen: Map<object, unknown>): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value === null || typeof value !== 'object') return value;
  const known = seen.get(value);
  if (known !== undefined) return known as T;
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    seen.set(value, list);
    for (let i = 0; i < value.length; i++) list.push(copied(value[i] as unknown, seen));
    return list as T;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = Object.create(proto) as Record<string, unknown>;
  seen.set(value, copy);
  // defineProperty, not assignment: an own `__proto__` key (from JSON.parse) stays a key.
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, { value: copied((value as Record<string, unknown>)[key], seen), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}

/** A channel of `withContact`: `true`, the method's fields, or a list of them — not `false`, `null` or a number. */
function checkChannels(options: ContactOptions, path: Path): void {
  for (const channel of CHANNELS) {
    const spec: unknown = options[channel];
    if (spec === undefined || spec === true) continue;
    const list: unknown[] = Array.isArray(spec) ? spec : [spec];
    if (list.every((m) => m !== null && typeof m === 'object' && !Array.isArray(m))) continue;
    throw new ArrearsError('OPTIONS_INVALID', [
      { code: 'invalid_type', path: [...path, channel], message: `must be true, the method's fields ({ address?, optedOut?, … }) or a list of them; received ${describeValue(spec)}` },
    ]);
  }
}

/**
 * A fluent, immutable builder of accounts for tests: every method returns a new builder and
 * leaves the one it was called on unchanged, so a base builder can be shared between tests. What
 * a method is given is copied at the call: a `Date` or an options object changed (or reused in a
 * loop) afterwards does not change the builder.
 * Nothing reads the clock: dates are always given (`overdueDays(n, { asOf })`, `called(n, { before })`).
 *
 * Defaults: id `'A-1'`, 1,000.00 CNY due, debtor in `Asia/Shanghai`, no jurisdiction, and a debtor
 * contact `'self'` reachable by phone and SMS (dropped once you add a `self` contact yourself).
 *
 * @example
 * const base = anAccount().inZone('America/New_York').overdueDays(30, { asOf: '2026-11-23' });
 * const called = base.called(3, { before: '2026-11-23T15:00:00Z' }); // `base` is unchanged
 * engine.decide(called.build(), { now: '2026-11-23T15:00:00Z' });
 */
export class AccountBuilder {
  readonly #state: BuilderState;

  /** Use `anAccount()`. @internal */
  constructor(state: BuilderState = DEFAULT_STATE) {
    this.#state = Object.freeze({ ...state });
  }

  #with(patch: Partial<BuilderState>): AccountBuilder {
    return new AccountBuilder({ ...this.#state, ...patch });
  }

  /** @example anAccount().id('CARD-1001') */
  id(id: string): AccountBuilder {
    return this.#with({ id: copyOf(id, ['id']) });
  }

  /** The debtor's zone, or every zone they may be in (windows must hold in all). @example anAccount().inZone(['America/New_York', 'America/Los_Angeles']) */
  inZone(zone: string | readonly string[]): AccountBuilder {
    // Anything else is kept as given, for build() to refuse with the account's other problems.
    return this.#with({ zone: copyOf(zone, ['debtor', 'timeZone']) });
  }

  /** @example anAccount().jurisdiction('US-MA') */
  jurisdiction(jurisdiction: string): AccountBuilder {
    return this.#with({ jurisdiction: copyOf(jurisdiction, ['jurisdiction']) });
  }

  /** The oldest unpaid due date (debtor-local). @example anAccount().dueOn('2026-11-01') */
  dueOn(date: string): AccountBuilder {
    return this.#with({ due: { date: copyOf(date, ['dueDate']) } });
  }

  /**
   * Makes the account `days` days past due on `asOf`: the due date is `asOf` minus `days` local days
   * (an instant `asOf` is read as its date in the debtor's primary zone, whenever `inZone` is called).
   *
   * @example
   * anAccount().overdueDays(10, { asOf: '2026-11-23' }).build().dueDate; // '2026-11-13'
   */
  overdueDays(days: number, given: OverdueOptions): AccountBuilder {
    const options = copyOf(given, ['dueDate']);
    if (options !== undefined) checkOptions(OVERDUE, options, 'overdueDays(n, { asOf })', ['dueDate']);
    if (options?.asOf === undefined) {
      throw new ArrearsError('OPTIONS_INVALID', [{ code: 'missing_as_of', path: ['asOf'], message: 'overdueDays(n, { asOf }) needs the date it is n days overdue on: nothing reads the clock' }]);
    }
    return this.#with({ due: { days: copyOf(days, ['dueDate']), asOf: options.asOf } });
  }

  /** Amount due in minor units, and optionally the currency. @example anAccount().amount(250_00, 'USD') */
  amount(minorUnits: number, currency?: string): AccountBuilder {
    return this.#with({ amountDue: copyOf(minorUnits, ['amountDue']), ...(currency === undefined ? {} : { currency: copyOf(currency, ['currency']) }) });
  }

  /**
   * Adds a contact; each channel key (`phone`, `sms`, `email`, `letter`, `visit`, `app`) is `true`,
   * the method's fields, or a list of methods — in the order you write them.
   *
   * @example
   * anAccount().withContact('employer', { phone: { address: '+1 212 555 0100', workplace: true } })
   */
  withContact(relationship: Relationship, given: ContactOptions = {}): AccountBuilder {
    // Its index in the built account, where the default `self` contact comes first while it is there.
    const selfFirst = this.#state.defaultSelf && relationship !== 'self' && !this.#state.contacts.some((c) => c.relationship === 'self');
    const path = ['contacts', this.#state.contacts.length + (selfFirst ? 1 : 0)];
    const options = copyOf(given, path);
    checkOptions(CONTACT, options, 'withContact(relationship, { phone?, sms?, email?, letter?, visit?, app?, id?, name?, verified?, timeZone?, workplace? })', path);
    checkChannels(options, path);
    return this.#with({ contacts: [...this.#state.contacts, { relationship: copyOf(relationship, [...path, 'relationship']), options }] });
  }

  /** Drops the default `self` contact (to test accounts nobody can be reached on). @example anAccount().withoutDefaultContact() */
  withoutDefaultContact(): AccountBuilder {
    return this.#with({ defaultSelf: false });
  }

  /**
   * Records `n` outbound attempts (default: phone calls to the debtor, no answer): at the given
   * instants, or spread evenly strictly inside the `within` period (default `P1D`, trimmed to whole
   * local days) that ends at `before` — so rolling and calendar-day caps count every one.
   *
   * @example
   * anAccount().called(7, { within: 'P7D', before: '2026-11-23T10:00:00-05:00' })
   * anAccount().called(1, { at: '2026-11-20T15:00:00Z', outcome: 'right_party_contact' })
   */
  called(n: number, given: CalledOptions): AccountBuilder {
    const path = ['history', this.#state.history.length];
    const options = copyOf(given, path);
    checkOptions(CALLED, options, 'called(n, { before, within? } or { at })', path);
    // Exact instants and a spread before an instant are two ways to say when: given both, one
    // would be silently ignored (an `at` after `before`, a `within` that changes nothing).
    const { at, before, within } = options as { at?: unknown; before?: unknown; within?: unknown };
    if (at !== undefined && (before !== undefined || within !== undefined)) {
      const extra = before !== undefined ? 'before' : 'within';
      throw new ArrearsError('OPTIONS_INVALID', [
        { code: 'invalid_option', path: [...path, extra], message: `called(n, …) takes exact instants (\`at\`) or attempts spread before an instant (\`before\`, \`within\`), not both: remove \`${extra}\` or \`at\`` },
      ]);
    }
    n = copyOf(n, path);
    if (!Number.isInteger(n) || n < 1) {
      throw new ArrearsError('OPTIONS_INVALID', [{ code: 'invalid_type', path, message: `called(n, …): n must be a whole number of attempts, at least 1; received ${describeValue(n)}` }]);
    }
    return this.#with({ history: [...this.#state.history, { n, called: options }] });
  }

  /** Adds one attempt exactly as written (any channel, direction or outcome). @example anAccount().attempt({ at: '2026-11-20T02:00:00Z', channel: 'sms', contactId: 'self', outcome: 'delivered' }) */
  attempt(given: AttemptSpec): AccountBuilder {
    const path = ['history', this.#state.history.length];
    const attempt = copyOf(given, path);
    checkOptions(null, attempt, 'attempt({ at, outcome, channel?, contactId?, … })', path);
    return this.#with({ history: [...this.#state.history, { raw: attempt }] });
  }

  /** A promise to pay (amount: the amount due unless given). @example anAccount().promised({ on: '2026-12-01', madeAt: '2026-11-20T03:00:00Z' }) */
  promised(given: PromiseOptions): AccountBuilder {
    const path = ['promises', this.#state.promises.length];
    const promise = copyOf(given, path);
    checkOptions(PROMISE, promise, 'promised({ on, amount?, madeAt?, status?, id? })', path);
    return this.#with({ promises: [...this.#state.promises, promise] });
  }

  /**
   * A payment received. Without `amount` the debtor paid in full: the payment is the amount due
   * (whenever `.amount()` is called) and the built account's `amountDue` is 0 — settled, so
   * nothing is chased — its instalments paid oldest first. With `amount` it is recorded as given
   * and `amountDue` stays what `.amount()` says (the account schema's `amountDue` is what is due
   * now, which payments do not change by themselves).
   *
   * @example
   * anAccount().paid({ at: '2026-11-30T04:00:00Z' }).build().amountDue; // 0
   * anAccount().paid({ at: '2026-11-30T04:00:00Z', amount: 500_00 }).build().amountDue; // 100000
   */
  paid(given: PaymentOptions): AccountBuilder {
    const path = ['payments', this.#state.payments.length];
    const payment = copyOf(given, path);
    checkOptions(PAYMENT, payment, 'paid({ at, amount? })', path);
    if (payment.amount === undefined && this.#state.payments.some((p) => p.amount === undefined)) {
      throw new ArrearsError('OPTIONS_INVALID', [
        { code: 'invalid_option', path: [...path, 'amount'], message: 'paid({ at }) without `amount` pays everything due, and an earlier paid({ at }) already did: give this payment its `amount`' },
      ]);
    }
    return this.#with({ payments: [...this.#state.payments, payment] });
  }

  /** Sets a status flag from a date (or instant). @example anAccount().flag('disputed', { since: '2026-11-20' }) */
  flag(flag: Flag, given: FlagOptions): AccountBuilder {
    const path = ['debtor', 'flags', nameOf(flag, ['debtor', 'flags'], 'flag(name, { since, until?, note? }): name must be a flag such as \'disputed\'')];
    const options = copyOf(given, path);
    checkOptions(FLAG, options, 'flag(name, { since, until?, note? })', path);
    return this.#with({ flags: { ...this.#state.flags, [flag]: options } });
  }

  /** Records an approval of an action. @example anAccount().approved('litigation', { at: '2026-11-20T00:00:00Z', by: 'owner' }) */
  approved(action: string, given: ApprovalOptions): AccountBuilder {
    const path = ['approvals', this.#state.approvals.length];
    const options = copyOf(given, path);
    checkOptions(APPROVAL, options, 'approved(action, { at, by?, expiresAt? })', path);
    return this.#with({ approvals: [...this.#state.approvals, { action: copyOf(action, [...path, 'action']), options }] });
  }

  /** A window the debtor said is convenient (their zone). @example anAccount().prefers({ from: '18:00', to: '20:00', days: ['sat'] }) */
  prefers(given: PreferenceOptions): AccountBuilder {
    const path = ['debtor', 'contactPreferences', 'windows', this.#state.preferences.length];
    const window = copyOf(given, path);
    checkOptions(null, window, 'prefers({ from, to, days?, channels? })', path);
    return this.#with({ preferences: [...this.#state.preferences, window] });
  }

  /** An instalment of the debt (gives the account its due date when `overdueDays`/`dueOn` are not used). @example anAccount().instalment({ dueDate: '2026-10-01', amount: 500_00 }) */
  instalment(given: InstalmentOptions): AccountBuilder {
    const path = ['instalments', this.#state.instalments.length];
    const instalment = copyOf(given, path);
    checkOptions(null, instalment, 'instalment({ dueDate, amount, paid?, id? })', path);
    return this.#with({ instalments: [...this.#state.instalments, instalment] });
  }

  /** @example anAccount().legalStage('lawyer_letter') */
  legalStage(stage: LegalStage): AccountBuilder {
    return this.#with({ legalStage: copyOf(stage, ['legalStage']) });
  }

  /** @example anAccount().tag('vip', 'restructured') */
  tag(...tags: string[]): AccountBuilder {
    return this.#with({ tags: [...this.#state.tags, ...tags.map((tag, i) => copyOf(tag, ['tags', this.#state.tags.length + i]))] });
  }

  /** One of your own facts, readable by rules as `attributes.<key>`. @example anAccount().attribute('segment', 'prime') */
  attribute(key: string, value: JsonValue): AccountBuilder {
    const name = nameOf(key, ['attributes'], 'attribute(key, value): key must be the name of the attribute');
    return this.#with({ attributes: { ...this.#state.attributes, [name]: copyOf(value, ['attributes', name]) } });
  }

  /**
   * The account as plain JSON (a fresh object each call), validated: throws `ArrearsError`
   * (`ACCOUNT_INVALID`) listing every problem, e.g. a missing due date or an unknown contact.
   *
   * @example
   * const json = anAccount().overdueDays(10, { asOf: '2026-11-23' }).build();
   */
  build(): AccountInput {
    return buildAccount(this.#state);
  }

  /**
   * The built account, so that `JSON.stringify(builder)` writes it (handy to keep fixtures as JSON).
   *
   * @example
   * JSON.stringify({ account: anAccount().overdueDays(3, { asOf: '2026-11-23' }) });
   */
  toJSON(): AccountInput {
    return this.build();
  }

  /**
   * The account parsed, defaults filled in (what `parseAccount` returns).
   *
   * @example
   * anAccount().overdueDays(3, { asOf: '2026-11-23' }).parse().contacts[0]?.channels.length; // 2
   */
  parse(): Account {
    return parseAccount(this.build());
  }
}

/**
 * Starts an account builder with the defaults described on `AccountBuilder`.
 *
 * @example
 * const account = anAccount()
 *   .inZone('America/Chicago')
 *   .overdueDays(12, { asOf: '2026-11-23' })
 *   .withContact('employer', { phone: true })
 *   .called(3, { within: 'P7D', before: '2026-11-23T09:00:00-06:00' })
 *   .build();
 */
export function anAccount(): AccountBuilder {
  return new AccountBuilder();
}

/**
 * A builder's account, or the value itself.
 *
 * @example
 * accountOf(anAccount().dueOn('2026-11-01')); // the built JSON; accountOf(json) === json
 */
export function accountOf(value: unknown): unknown {
  // A value that cannot even be told apart is no builder: the account check names it `unreadable`.
  return probeValue(value, []) === null && value instanceof AccountBuilder ? value.build() : value;
}

