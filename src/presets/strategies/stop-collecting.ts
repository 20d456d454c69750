import { deepFreeze } from '../deep-freeze';

/**
 * The blocks every shipped strategy starts its own layer with: collection stops while nothing is
 * due, and while the debtor is flagged deceased, bankrupt, sold or on legal hold (a flag with an
 * `until` defers the actions to its end). Practice, not law: a regulation preset adds its own.
 *
 * @example
 * const strategy = { …, compliance: [{ id: 'company', constraints: [...STOP_COLLECTING, …] }] };
 */
export const STOP_COLLECTING = deepFreeze([
  {
    kind: 'block',
    id: 'nothing-due',
    description: 'Nothing is due (amountDue is 0): every action stops, whatever the day count says.',
    when: { all: [{ fact: 'settled', operator: 'equal', value: true }] },
    message: 'nothing is due: collection stops',
  },
  {
    kind: 'block',
    id: 'deceased',
    description: 'The debtor has died: collection stops; the estate is handled outside this strategy.',
    when: { all: [{ fact: 'deceased', operator: 'equal', value: true }] },
    code: 'DECEASED',
    message: 'the debtor is deceased: collection stops',
  },
  {
    kind: 'block',
    id: 'bankrupt',
    description: 'The debtor is in bankruptcy: collection stops (an automatic stay, where the law has one).',
    when: { all: [{ fact: 'bankrupt', operator: 'equal', value: true }] },
    code: 'BANKRUPT',
    message: 'the debtor is bankrupt: collection stops',
  },
  {
    kind: 'block',
    id: 'debt-sold',
    description: 'The debt was sold or transferred: it is no longer ours to collect.',
    when: { all: [{ fact: 'sold', operator: 'equal', value: true }] },
    code: 'DEBT_SOLD',
    message: 'the debt was sold: collection stops',
  },
  {
    kind: 'block',
    id: 'legal-hold',
    description: 'A legal hold is on the account: collection stops while it lasts.',
    when: { all: [{ fact: 'legalHold', operator: 'equal', value: true }] },
    code: 'LEGAL_HOLD',
    message: 'a legal hold is on the account: collection stops',
  },
] as const);
