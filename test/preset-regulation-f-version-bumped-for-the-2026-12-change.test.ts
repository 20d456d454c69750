import { describe, expect, it } from 'vitest';
import { composePolicies, presets } from '../src/index';

/*
 * The Reg F preset's behaviour changed in 2026-12 (`third_party_contact` no longer starts the
 * 7-day cool-down): its version says so, and so does every composed policy's version and hash.
 */
describe('Reg F preset version', () => {
  it("is '2026.12', and the cool-down no longer lists third_party_contact", () => {
    expect(presets.usRegulationF.version).toBe('2026.12');
    const cooldown = presets.usRegulationF.compliance[0].constraints.find((c) => c.id === 'regf-7-days-after-conversation');
    expect(cooldown?.kind === 'cooldown' && cooldown.after.outcomes).not.toContain('third_party_contact');
  });

  it('a composed policy carries it', () => {
    const strategy = { id: 's', version: '1.0.0', jurisdiction: 'US', actions: { call: { channel: 'phone' } } };
    expect(composePolicies(presets.usRegulationF, strategy).version).toBe('2026.12+1.0.0');
  });
});
