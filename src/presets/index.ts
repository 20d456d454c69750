import { chinaCba } from './china';
import { deepFreeze } from './deep-freeze';
import { strategies } from './strategies';
import { ukConc7 } from './uk';
import { usRegulationF } from './us-regulation-f';
import { usMassachusetts, usWashington } from './us-states';

export { chinaCba, strategies, ukConc7, usMassachusetts, usRegulationF, usWashington };

/**
 * The regulation presets alone, by export name: compliance layers only, each constraint citing
 * its clause. Every value is a policy (what `arrears presets` lists).
 *
 * @example
 * Object.values(regulations).map((p) => p.id); // ['us-regulation-f', 'us-massachusetts', …]
 */
export const regulations = deepFreeze({
  usRegulationF,
  usMassachusetts,
  usWashington,
  chinaCba,
  ukConc7,
} as const);

/**
 * Regulation presets: compliance layers only, each constraint citing its clause. Compose them
 * with your strategy: `composePolicies(presets.usRegulationF, myStrategy)`. Not legal advice.
 *
 * `presets.strategies` holds the seed strategies (bank card, B2B dunning, property fees, agency
 * screening): rules plus a company layer, no law. It is not enumerable, so `Object.values(presets)`
 * lists the regulation presets only.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy);
 * const seeded = composePolicies(presets.chinaCba, presets.strategies.bankCard);
 */
export const presets: typeof regulations & { readonly strategies: typeof strategies } = Object.freeze(
  Object.defineProperty({ ...regulations }, 'strategies', { value: strategies, enumerable: false }) as typeof regulations & { readonly strategies: typeof strategies },
);
