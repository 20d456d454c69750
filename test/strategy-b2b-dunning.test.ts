/**
 * The B2B receivables dunning cadence, day by day over 120 days with a customer who never answers:
 * a reminder 7 days before the payment date; e-mail + phone every 2 days in the first week overdue;
 * daily from the second week (calls on office days); supervisor after 2 weeks without progress,
 * manager after 1 month, general manager after 2, account lock (approval) after 3; then formal
 * demand, statement of account and lawyer's letter (approval). Never skips a level.
 */
import { describe, expect, it } from 'vitest';
import { type AccountInput, createEngine, explain, presets } from '../src/index';
import { addDays, daysOf, range, runTimeline, weekday } from './strategy-timeline';

const engine = createEngine(presets.strategies.b2bDunning);
const DUE = '2026-03-02'; // a Monday: the contractual payment date (day 0)
const customer: AccountInput = {
  id: 'AR-2026-0142',
  currency: 'CNY',
  amountDue: 8_600_000,
  dueDate: DUE,
  debtor: { name: 'Huadong Components Ltd.', timeZone: 'Asia/Shanghai' },
  contacts: [
    {
      id: 'me',
      relationship: 'self',
      name: 'Accounts payable',
      channels: [
        { channel: 'email', address: 'ap@huadong.example' },
        { channel: 'phone', address: '+86 21 5555 0100' },
        { channel: 'letter', address: 'No. 8 Industrial Road, Shanghai' },
      ],
    },
  ],
};
const run = (account = customer, events = {}) => runTimeline(engine, account, { from: addDays(DUE, -10), to: addDays(DUE, 120), origin: DUE, events });
const officeDay = (day: number) => weekday(addDays(DUE, day)) <= 5;

describe('B2B dunning cadence: a customer who never answers, 120 days', () => {
  const { steps, approvalsAsked } = run();

  it('one reminder, exactly one week before the payment date', () => {
    expect(daysOf(steps, 'reminder_email')).toEqual([-7]);
    expect(steps.filter((s) => s.day <= 0).map((s) => s.action)).toEqual(['reminder_email']);
  });

  it('first week overdue: an e-mail every 2 days; calls every 2 days on office days (day 5 is a Saturday)', () => {
    expect(daysOf(steps, 'followup_email').filter((d) => d <= 7)).toEqual([1, 3, 5, 7]);
    expect(daysOf(steps, 'followup_call').filter((d) => d <= 7)).toEqual([1, 3, 7]);
  });

  it('from the second week until the lock: an e-mail every day, a call every office day', () => {
    expect(daysOf(steps, 'followup_email').filter((d) => d >= 8)).toEqual(range(8, 91));
    expect(daysOf(steps, 'followup_call').filter((d) => d >= 8)).toEqual(range(8, 91).filter(officeDay));
  });

  it('climbs the ladder on its days: supervisor 15, manager 31, general manager 61, lock 92 (approved the morning after day 91)', () => {
    const ladder = steps.filter((s) => s.channel === null || s.channel === 'letter').map((s) => `${s.day}:${s.action}`);
    expect(ladder).toEqual(['15:escalate_supervisor', '31:escalate_manager', '61:escalate_general_manager', '92:lock_account', '93:formal_demand', '100:statement_letter', '115:lawyer_letter']);
    expect(approvalsAsked).toEqual([
      { action: 'lock_account', day: 91 },
      { action: 'lawyer_letter', day: 114 },
    ]);
  });

  it('internal actions are recorded without a channel, as completed', () => {
    for (const s of steps.filter((x) => x.action.startsWith('escalate') || x.action === 'lock_account')) expect([s.channel, s.contactId, s.outcome]).toEqual([null, null, 'completed']);
  });

  it('one e-mail and at most one call a day, never two at once', () => {
    const perDay = new Map<string, number>();
    for (const s of steps) perDay.set(`${s.day}:${s.action}`, (perDay.get(`${s.day}:${s.action}`) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBe(1);
  });
});

describe('B2B dunning: the ladder never skips a level', () => {
  it('an account that arrives 100 days late climbs one level a week: supervisor, manager, general manager, lock', () => {
    const late = { ...customer, dueDate: addDays(DUE, -100) };
    const { steps } = runTimeline(engine, late, { from: DUE, to: addDays(DUE, 30), origin: DUE });
    expect(steps.filter((s) => s.channel === null).map((s) => `${s.day}:${s.action}`)).toEqual([
      '0:escalate_supervisor',
      '7:escalate_manager',
      '14:escalate_general_manager',
      // Proposed (needing approval) as soon as the general manager is involved, approved the next
      // morning, carried out when the week between two levels has passed.
      '21:lock_account',
    ]);
  });

  it('the manager level is not proposed before the supervisor level, whatever the days past due', () => {
    const d = engine.decide({ ...customer, dueDate: addDays(DUE, -200) }, { now: '2026-03-02T10:00:00+08:00' });
    expect(d.proposals.filter((p) => p.channel === null).map((p) => p.action)).toEqual(['escalate_supervisor']);
    expect(explain(d)).toContain('Escalate to the supervisor');
  });

  it('the lock waits for the owner’s approval and says so', () => {
    const history = ['escalate_supervisor', 'escalate_manager', 'escalate_general_manager'].map((action, i) => ({ at: `2026-0${3 + i}-01T10:00:00+08:00`, action, outcome: 'completed' as const }));
    const d = engine.decide({ ...customer, dueDate: '2026-03-01', history }, { now: '2026-06-02T10:00:00+08:00' });
    const lock = d.proposals.find((p) => p.action === 'lock_account');
    expect(lock?.status).toBe('needs_approval');
    expect(lock?.reasons[0]?.code).toBe('APPROVAL_REQUIRED');
  });
});

describe('B2B dunning: explaining a decision that waits for the owner', () => {
  it('does not say "nothing is allowed within the horizon" when a candidate only needs approval', () => {
    const done = (action: string, at: string, letter = false) => ({ at: `${at}T10:00:00+08:00`, action, outcome: letter ? ('delivered' as const) : ('completed' as const), ...(letter ? { channel: 'letter' as const, contactId: 'me' } : {}) });
    const history = [
      done('escalate_supervisor', '2026-03-17'),
      done('escalate_manager', '2026-04-02'),
      done('escalate_general_manager', '2026-05-02'),
      done('lock_account', '2026-06-02'),
      done('formal_demand', '2026-06-03', true),
      done('statement_letter', '2026-06-10', true),
    ];
    const d = engine.decide({ ...customer, history }, { now: '2026-06-24T10:00:00+08:00' });
    expect(d.proposals.map((p) => p.status)).toContain('needs_approval');
    expect(explain(d)).not.toContain('nothing is allowed within the horizon');
  });
});

describe('B2B dunning: progress resets the escalation clock', () => {
  // Friday day 11: the customer answers the call and promises to pay by day 20; the promise is broken.
  const promise = { madeAt: `${addDays(DUE, 11)}T10:00:00+08:00`, dueDate: addDays(DUE, 20), amount: 8_600_000 };
  const { steps } = runTimeline(engine, customer, {
    from: DUE,
    to: addDays(DUE, 40),
    origin: DUE,
    events: { 12: { promises: [promise] } },
    outcome: (p, day) => (day === 11 && p.action === 'followup_call' ? 'promise_to_pay' : p.channel === 'phone' ? 'no_answer' : p.channel === null ? 'completed' : 'delivered'),
  });

  it('chasing pauses while the promise is open (days 12-20)', () => {
    expect(steps.filter((s) => s.day >= 12 && s.day <= 20)).toEqual([]);
    expect(steps.some((s) => s.day > 20 && s.action === 'followup_email')).toBe(true);
  });

  it('two weeks without progress are counted from the promise: supervisor on day 25, not 15', () => {
    expect(daysOf(steps, 'escalate_supervisor')).toEqual([25]);
  });

  it('the promiseHold grace day after the promised date is held (day 21)', () => {
    expect(steps.filter((s) => s.day === 21 && s.channel !== null)).toEqual([]);
  });
});

describe('B2B dunning: a customer who keeps promising and never pays', () => {
  // Every call answered with a promise to pay 3 days later, never kept.
  const promises: Record<number, { promises: { madeAt: string; dueDate: string; amount: number }[] }> = {};
  const { steps } = runTimeline(engine, customer, {
    from: DUE,
    to: addDays(DUE, 100),
    origin: DUE,
    events: promises,
    outcome: (p, day) => {
      if (p.action !== 'followup_call') return p.channel === null ? 'completed' : 'delivered';
      promises[day + 1] = { promises: [{ madeAt: `${addDays(DUE, day)}T10:00:00+08:00`, dueDate: addDays(DUE, day + 3), amount: 8_600_000 }] };
      return 'promise_to_pay';
    },
  });

  it('is escalated level by level once two promises are broken', () => {
    const supervisor = daysOf(steps, 'escalate_supervisor');
    expect(supervisor).toHaveLength(1);
    expect(daysOf(steps, 'escalate_manager')).toHaveLength(1);
    expect(daysOf(steps, 'escalate_general_manager')).toHaveLength(1);
    expect((daysOf(steps, 'escalate_general_manager')[0] ?? 0) > (daysOf(steps, 'escalate_manager')[0] ?? 0)).toBe(true);
  });
});
