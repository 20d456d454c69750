import { parseArgs } from 'node:util';
import { policyJsonSchema } from '../../index';
import { parseCommand } from '../args';
import { HELP } from '../help';
import type { Context } from '../io';
import { findPreset, PRESET_PREFIX, presetIds, presetList, type PresetLike } from '../policies';
import { EXIT, UsageError } from '../report';

/** `arrears schema`: the policy JSON Schema. */
export async function schema(ctx: Context, args: readonly string[]): Promise<number> {
  const options = { help: { type: 'boolean', short: 'h' } } as const;
  const { values } = parseCommand('schema', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) {
    ctx.out.line(HELP.schema);
    return EXIT.ok;
  }
  await ctx.out.json(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

function rows(preset: PresetLike) {
  return (preset.compliance ?? []).flatMap((layer) =>
    layer.constraints.map((c) => ({ layer: layer.id, kind: c.kind, id: c.id, citation: c.citation ?? layer.citation ?? null, description: c.description ?? null })),
  );
}

const jurisdictionOf = (p: PresetLike) => (typeof p.jurisdiction === 'string' ? p.jurisdiction : p.jurisdiction.join(', '));

function describe(ctx: Context, p: PresetLike, citations: boolean): string[] {
  const { c } = ctx.out;
  const lines = [`${c.bold(p.id)} ${c.dim(`v${p.version}, ${jurisdictionOf(p)}`)} — --policy preset:${p.id}`];
  if (p.description !== undefined) lines.push(`  ${p.description}`);
  const list = rows(p);
  if (citations && list.length > 0) {
    const kindWidth = Math.max(...list.map((r) => r.kind.length));
    const idWidth = Math.max(...list.map((r) => r.id.length));
    for (const r of list) lines.push(`  ${r.kind.padEnd(kindWidth)}  ${c.cyan(r.id.padEnd(idWidth))}  ${r.citation ?? c.dim('(no citation)')}`);
  } else if (!citations) {
    lines.push(c.dim(`  ${p.rules?.length ?? 0} rules, ${list.length} constraints of its own (company practice, not law)`));
  }
  lines.push('');
  return lines;
}

/** `arrears presets [id] [--json]`: the regulation presets and what each constraint cites. */
export async function presetsCommand(ctx: Context, args: readonly string[]): Promise<number> {
  const options = { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = parseCommand('presets', options, args, (argv) => parseArgs({ args: argv, options, strict: true, allowPositionals: true }));
  if (values.help) {
    ctx.out.line(HELP.presets);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError('give at most one preset id', 'presets');
  const { regulations, strategies } = presetList();
  const wanted = positionals[0];
  if (wanted !== undefined) {
    const name = wanted.startsWith(PRESET_PREFIX) ? wanted.slice(PRESET_PREFIX.length) : wanted;
    const preset = findPreset(name);
    if (preset === undefined) throw new UsageError(`unknown preset '${name}'; the presets are ${presetIds()}`, 'presets');
    await ctx.out.json(`${JSON.stringify(preset, null, 2)}\n`);
    return EXIT.ok;
  }
  if (values.json) {
    const entry = (kind: string) => ([, p]: [string, PresetLike]) => ({ id: p.id, kind, version: p.version, jurisdiction: p.jurisdiction, description: p.description ?? null, constraints: rows(p) });
    await ctx.out.json(`${JSON.stringify([...regulations.map(entry('regulation')), ...strategies.map(entry('strategy'))], null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [ctx.out.c.bold('Regulations'), ''];
  for (const [, p] of regulations) lines.push(...describe(ctx, p, true));
  if (strategies.length > 0) {
    lines.push(ctx.out.c.bold('Seed strategies (compose them with a regulation)'), '');
    for (const [, p] of strategies) lines.push(...describe(ctx, p, false));
  }
  lines.push('Regulation presets are compliance layers only, each constraint citing its clause. They are not');
  lines.push("legal advice: check them against the current text of the rule. 'arrears presets <id>' prints one as JSON.");
  ctx.out.line(lines.join('\n'));
  return EXIT.ok;
}
