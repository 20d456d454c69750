import { parseArgs } from 'node:util';
import { safeParseAccount, safeParsePolicy } from '../../index';
import { parseCommand } from '../args';
import { isNdjsonName, readDocument, readRecords, readStdinOnce, STDIN } from '../files';
import { HELP } from '../help';
import type { Context } from '../io';
import { countText, duplicateKeyFindings, EXIT, FileError, type Finding, findingsOf, formatFinding, InputError, sortFindings, syntaxFindings, UsageError } from '../report';
import { type JsonDocument, ONE_DOCUMENT_PER_FILE, parseJson } from '../source';

interface Result {
  readonly file: string;
  readonly kind: 'policy' | 'account';
  readonly valid: boolean;
  readonly findings: readonly Finding[];
  /** One line saying what was found. */
  readonly summary: string;
  readonly unreadable?: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

async function validatePolicy(ctx: Context, file: string): Promise<Result> {
  const document = await readDocument(ctx, file, 'a policy file holds one JSON document');
  const duplicates = duplicateKeyFindings(document);
  const result = safeParsePolicy(document.value);
  if (!result.success) {
    const summary = looksLikeAccounts(document.value) ? 'invalid as a policy; it looks like an account: validate it with --account' : '';
    return { file: document.name, kind: 'policy', valid: false, findings: [...findingsOf(document, result.issues, 'error'), ...duplicates], summary };
  }
  const p = result.policy;
  const constraints = p.compliance.reduce((n, layer) => n + layer.constraints.length, 0);
  const summary = `policy '${p.id}' v${p.version}: ${plural(Object.keys(p.actions).length, 'action')}, ${plural(p.rules.length, 'rule')}, ${plural(p.compliance.length, 'compliance layer')} (${plural(constraints, 'constraint')})`;
  return { file: document.name, kind: 'policy', valid: true, findings: [...findingsOf(document, result.warnings, 'warning'), ...duplicates], summary };
}

/** An account (or a list of them) given where a policy is expected: the likeliest slip with `validate`. */
function looksLikeAccounts(value: unknown): boolean {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === null || typeof first !== 'object') return false;
  const keys = new Set(Object.keys(first));
  return !keys.has('rules') && !keys.has('actions') && (keys.has('debtor') || keys.has('contacts') || keys.has('amountDue'));
}

async function validateAccounts(ctx: Context, file: string): Promise<Result> {
  const findings: Finding[] = [];
  let count = 0;
  let invalid = 0;
  const check = (value: unknown, located: Parameters<typeof findingsOf>[0], prefix: (string | number)[]) => {
    count++;
    const r = safeParseAccount(value);
    if (!r.success) {
      invalid++;
      findings.push(...findingsOf(located, r.issues, 'error', prefix));
    }
  };
  let name = file;
  const records = isNdjsonName(file) || file === STDIN ? await readRecords(ctx, file) : null;
  const whole = (document: JsonDocument) => {
    name = document.name;
    findings.push(...duplicateKeyFindings(document));
    if (Array.isArray(document.value)) document.value.forEach((account, i) => check(account, document, [i]));
    else check(document.value, document, []);
  };
  if (records?.kind === 'lines') {
    name = file === STDIN ? '<stdin>' : file;
    for await (const { line, text } of records.lines) {
      if (text.trim() === '') continue;
      const parsed = parseJson(name, text, { jsonc: false, firstLine: line, bom: 'refuse', afterEnd: 'NDJSON: one account per line' });
      if (!parsed.ok) {
        count++;
        invalid++;
        findings.push(...syntaxFindings(name, parsed.errors));
        continue;
      }
      findings.push(...duplicateKeyFindings(parsed.document));
      check(parsed.document.value, parsed.document, []);
    }
  } else if (records?.kind === 'document') {
    // Standard input holding one pretty-printed document: validated as that file would be.
    whole(records.document);
  } else {
    whole(await readDocument(ctx, file, ONE_DOCUMENT_PER_FILE));
  }
  const summary = count === 1 ? (invalid === 0 ? 'account is valid' : 'account is invalid') : `${plural(count, 'account')}, ${count - invalid} valid, ${invalid} invalid`;
  return { file: name, kind: 'account', valid: invalid === 0, findings, summary };
}


/** `arrears validate <file…> [--account] [--json]` */
export async function validate(ctx: Context, args: readonly string[]): Promise<number> {
  const options = { account: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = parseCommand('validate', options, args, (argv) => parseArgs({ args: argv, options, allowPositionals: true, strict: true }));
  if (values.help) {
    ctx.out.line(HELP.validate);
    return EXIT.ok;
  }
  if (positionals.length === 0) throw new UsageError(`give the ${values.account ? 'account' : 'policy'} file(s) to validate`, 'validate');
  readStdinOnce('validate', [['', positionals]]);
  const kind = values.account ? 'account' : 'policy';
  const results: Result[] = [];
  for (const file of positionals) {
    try {
      results.push(await (values.account ? validateAccounts(ctx, file) : validatePolicy(ctx, file)));
    } catch (error) {
      if (error instanceof InputError) results.push({ file: error.findings[0]?.file ?? file, kind, valid: false, findings: error.findings, summary: '' });
      else if (error instanceof FileError) {
        results.push({ file, kind, valid: false, unreadable: true, summary: '', findings: [{ severity: 'error', file, position: null, path: null, code: 'unreadable', message: `cannot read the file: ${error.reason}` }] });
      } else throw error;
    }
  }

  if (values.json) {
    const strip = (f: Finding) => ({ line: f.position?.line ?? null, column: f.position?.column ?? null, path: f.path, code: f.code, message: f.message });
    const json = results.map((r) => ({
      file: r.file,
      kind: r.kind,
      valid: r.valid,
      errors: sortFindings(r.findings.filter((f) => f.severity === 'error')).map(strip),
      warnings: sortFindings(r.findings.filter((f) => f.severity === 'warning')).map(strip),
    }));
    await ctx.out.json(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const { c } = ctx.out;
    for (const r of results) {
      for (const f of sortFindings(r.findings)) ctx.out.line(formatFinding(f, c));
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      const warnings = r.findings.length - errors;
      if (r.unreadable) continue;
      if (r.valid) ctx.out.line(`${c.green('✓')} ${c.bold(r.file)}: ${r.summary}${warnings > 0 ? ` — ${countText(0, warnings)}` : ''}`);
      else ctx.out.line(`${c.red('✗')} ${c.bold(r.file)}: ${r.summary === '' ? 'invalid' : r.summary} — ${countText(errors, warnings)}`);
    }
    if (results.length > 1) {
      const valid = results.filter((r) => r.valid).length;
      ctx.out.line(`${plural(results.length, 'file')}: ${valid} valid, ${results.length - valid} with errors`);
    }
  }
  if (results.some((r) => r.unreadable)) return EXIT.usage;
  return results.every((r) => r.valid) ? EXIT.ok : EXIT.invalid;
}
