import { chinaCba } from './china';
import { ukConc7 } from './uk';
import { usRegulationF } from './us-regulation-f';
import { usMassachusetts, usWashington } from './us-states';

export { chinaCba, ukConc7, usMassachusetts, usRegulationF, usWashington };

/**
 * Regulation presets: compliance layers only, each constraint citing its clause. Compose them
 * with your strategy: `composePolicies(presets.usRegulationF, myStrategy)`. Not legal advice.
 *
 * @example
 * import { composePolicies, presets } from 'arrears';
 * const policy = composePolicies(presets.usRegulationF, presets.usMassachusetts, strategy);
 */
export const presets = {
  usRegulationF,
  usMassachusetts,
  usWashington,
  chinaCba,
  ukConc7,
} as const;
