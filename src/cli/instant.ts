/** The instant a command works at: `--at` (or `--from`) when given, else the clock — read here, and only here. */
import { formatInstant, parseInstant } from '../time/instant';
import type { Context } from './io';
import { UsageError } from './report';

export interface ChosenInstant {
  /** ISO 8601, UTC. */
  readonly iso: string;
  readonly ms: number;
  /** True when no instant was given and the clock was read: the output says so. */
  readonly fromClock: boolean;
}

/**
 * Reads an instant option, or the clock (to the second) when it is absent.
 *
 * @example
 * chooseInstant(ctx, '2026-11-23T21:05:00+08:00', 'decide', 'at'); // { iso: '2026-11-23T13:05:00Z', … }
 */
export function chooseInstant(ctx: Context, value: string | undefined, command: string, option: string): ChosenInstant {
  if (value === undefined) {
    const ms = Math.floor(ctx.io.now().getTime() / 1000) * 1000;
    return { iso: formatInstant(ms), ms, fromClock: true };
  }
  const parsed = parseInstant(value);
  if (!parsed.ok) throw new UsageError(`--${option}: ${parsed.message}`, command);
  return { iso: formatInstant(parsed.ms), ms: parsed.ms, fromClock: false };
}

/** The sentence that says which instant was used when the clock was read. */
export function clockNote(instant: ChosenInstant, option: string): string {
  return `Using the current time, ${instant.iso} (pass --${option} <instant> to choose another).`;
}
