import { deepFreeze } from '../deep-freeze';
import { agencyScreening } from './agency-screening';
import { b2bDunning } from './b2b-dunning';
import { bankCard } from './bank-card';
import { propertyFees } from './property-fees';

export { agencyScreening, b2bDunning, bankCard, propertyFees };

/**
 * Seed strategies from the domain brief: rules that propose actions plus the company's own
 * compliance layer. They encode practice, not law: compose a regulation preset with them.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.chinaCba, presets.strategies.bankCard);
 */
export const strategies = deepFreeze({
  bankCard,
  b2bDunning,
  propertyFees,
  agencyScreening,
} as const);
