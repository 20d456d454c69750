import { z } from 'zod';
import { idSchema, strictObject } from '../../model/primitives';
import { ACTION_KINDS, CHANNELS, RELATIONSHIPS } from '../../vocabulary';

/**
 * Which proposals (and which past attempts) a constraint applies to. Every field given must
 * match; a list matches any of its members; an empty selector matches everything.
 */
export const selectorSchema = strictObject({
  actions: z.array(idSchema).min(1).optional().describe('Action ids.'),
  kinds: z.array(z.enum(ACTION_KINDS)).min(1).optional().describe('Action kinds (communication, notice, credit_report, legal, internal).'),
  channels: z.array(z.enum(CHANNELS)).min(1).optional().describe('Channels.'),
  relationships: z.array(z.enum(RELATIONSHIPS)).min(1).optional().describe('Relationships of the contact reached.'),
  workplace: z.boolean().optional().describe('true: only contact at the workplace (workplace method or employer); false: only elsewhere.'),
}).describe('Which actions, channels and contacts a constraint applies to.');

export type Selector = z.output<typeof selectorSchema>;
