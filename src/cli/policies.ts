/**
 * `--policy` arguments: files or `preset:<id>`, composed in the order given.
 */
import { ArrearsError, composePolicies, formatPath, type Policy, presets, safeParsePolicy } from '../index';
import { quoteAll } from '../zod-issues';
import { readDocument } from './files';
import type { Context } from './io';
import { type Finding, findingsOf, InputError, UsageError } from './report';
import type { JsonDocument } from './source';

/** What the CLI reads of a preset (a policy input written as a constant). */
export interface PresetLike {
  readonly id: string;
  readonly version: string;
  readonly jurisdiction: string | readonly string[];
  readonly description?: string;
  readonly rules?: readonly unknown[];
  readonly compliance?: readonly {
    readonly id: string;
    readonly citation?: string;
    readonly constraints: readonly { readonly kind: string; readonly id: string; readonly citation?: string; readonly description?: string }[];
  }[];
}

/** The built-in presets by export name: the regulations, then the seed strategies (`presets.strategies`) when there are any. */
export function presetList(): { regulations: [string, PresetLike][]; strategies: [string, PresetLike][] } {
  const strategies = (presets as unknown as { strategies?: Record<string, PresetLike> }).strategies ?? {};
  return { regulations: Object.entries(presets as unknown as Record<string, PresetLike>), strategies: Object.entries(strategies) };
}

/** A built-in preset by its policy id (`us-regulation-f`) or its export name (`usRegulationF`). */
export function findPreset(name: string): PresetLike | undefined {
  const { regulations, strategies } = presetList();
  return [...regulations, ...strategies].find(([key, p]) => p.id === name || key === name)?.[1];
}

/** `'us-regulation-f', 'us-massachusetts', …` */
export function presetIds(): string {
  const { regulations, strategies } = presetList();
  return quoteAll([...regulations, ...strategies].map(([, p]) => p.id));
}

export const PRESET_PREFIX = 'preset:';

interface Loaded {
  readonly spec: string;
  readonly document: JsonDocument | null;
  readonly input: unknown;
}

/**
 * Loads every `--policy`, validates each in its own file (positions point there), then composes
 * them in order: a regulation first, your company's rules, your strategy. Invalid input throws
 * `InputError` with every problem of every file.
 */
export async function loadPolicies(ctx: Context, specs: readonly string[], command: string): Promise<Policy> {
  if (specs.length === 0) throw new UsageError('missing --policy <file | preset:id>', command);
  const loaded: Loaded[] = [];
  const findings: Finding[] = [];
  for (const spec of specs) {
    if (spec.startsWith(PRESET_PREFIX)) {
      const name = spec.slice(PRESET_PREFIX.length);
      const preset = findPreset(name);
      if (preset === undefined) {
        throw new UsageError(`unknown preset '${name}'; the presets are ${presetIds()} (see 'arrears presets')`, command);
      }
      loaded.push({ spec, document: null, input: preset });
      continue;
    }
    let document: JsonDocument;
    try {
      document = await readDocument(ctx, spec, 'a policy file holds one JSON document; repeat --policy to compose several');
    } catch (error) {
      // One file that does not read must not hide the problems of the others.
      if (!(error instanceof InputError)) throw error;
      findings.push(...error.findings);
      continue;
    }
    const result = safeParsePolicy(document.value);
    if (result.success) loaded.push({ spec, document, input: result.policy });
    else findings.push(...findingsOf(document, result.issues, 'error'));
  }
  if (findings.length > 0) throw new InputError(findings);
  if (loaded.length === 1) {
    const only = loaded[0] as Loaded;
    return only.document === null ? (safeParsePolicy(only.input) as { success: true; policy: Policy }).policy : (only.input as Policy);
  }
  try {
    return composePolicies(...loaded.map((l) => l.input));
  } catch (error) {
    if (!(error instanceof ArrearsError)) throw error;
    throw new InputError(
      error.issues.map((issue): Finding => {
        const [index, ...rest] = issue.path;
        const source = typeof index === 'number' ? loaded[index] : undefined;
        if (source?.document) return findingsOf(source.document, [{ ...issue, path: rest }], 'error')[0] as Finding;
        return { severity: 'error', file: source?.spec ?? '--policy', position: null, path: rest.length > 0 ? formatPath(rest) : null, code: issue.code, message: issue.message };
      }),
    );
  }
}
