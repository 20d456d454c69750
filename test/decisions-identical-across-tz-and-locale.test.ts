import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/*
 * Decisions, explanations and the command's output must not depend on the machine: its zone (TZ)
 * or its locale (LANG, LC_ALL — which also sets Node's default Intl locale, digits and calendar).
 * Each environment runs in a child process (TZ is read once, at start-up); every output is hashed
 * item by item and the hashes must agree, byte for byte.
 */

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Zones with DST, half and three-quarter hour offsets, a half-hour DST; locales with other digits and calendars. */
const ENVIRONMENTS: readonly Readonly<Record<'TZ' | 'LC_ALL', string>>[] = [
  { TZ: 'UTC', LC_ALL: 'C' },
  { TZ: 'America/New_York', LC_ALL: 'en_US.UTF-8' },
  { TZ: 'Australia/Lord_Howe', LC_ALL: 'de_DE.UTF-8' },
  { TZ: 'Asia/Kolkata', LC_ALL: 'ar_EG.UTF-8' },
  { TZ: 'Pacific/Chatham', LC_ALL: 'th_TH.UTF-8' },
  { TZ: 'Asia/Tehran', LC_ALL: 'fa_IR.UTF-8' },
];

/** Runs in each child: decides every example account under every example policy (alone and under its regulation) at instants around DST changes. */
const CHILD = `
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { composePolicies, createEngine, presets } from './src/index.ts';
import { main } from './src/cli/main.ts';

const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const names = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const policies = names('examples/policies').map((f) => [f, read('examples/policies/' + f)]);
policies.push(['us+reg-f', composePolicies(presets.usRegulationF, read('examples/policies/us-collections.json'))]);
policies.push(['bank-card+china', composePolicies(presets.chinaCba, read('examples/policies/bank-card.json'))]);
policies.push(['b2b+uk', composePolicies(presets.ukConc7, read('examples/policies/b2b-dunning.json'))]);
const accounts = names('examples/accounts').flatMap((f) => read('examples/accounts/' + f).map((a, i) => [f + '[' + i + ']', a]));
const instants = ['2026-03-08T06:59:00Z', '2026-11-01T05:30:00Z', '2026-11-23T13:05:00Z', '2026-04-05T01:45:00+11:00', '2026-12-31T23:30:00-10:00'];

const hash = (s) => createHash('sha256').update(s).digest('hex').slice(0, 16);
const out = {};
for (const [p, policy] of policies) {
  const engine = createEngine(policy);
  for (const now of instants) {
    const many = [...engine.decideMany(accounts.map(([, a]) => a), { now })];
    many.forEach((d, i) => {
      const key = p + ' × ' + accounts[i][0] + ' @ ' + now;
      out[key] = hash(JSON.stringify(d) + (d.ok ? engine.explain(d) : ''));
    });
  }
}

const run = async (args) => {
  let text = '';
  const sink = { write: (s) => ((text += s), true), once: () => undefined };
  const io = { stdout: sink, stderr: sink, stdin: Readable.from([]), env: {}, cwd: process.cwd(), now: () => new Date('2026-11-23T15:00:00Z') };
  const code = await main(args, io);
  return code + '\\n' + text;
};
const cli = [
  ['decide', '--policy', 'preset:us-regulation-f', '--policy', 'examples/policies/us-collections.json', '--account', 'examples/accounts/us-accounts.json'],
  ['decide', '--policy', 'examples/policies/bank-card.json', '--account', 'examples/accounts/bank-card-accounts.json', '--at', '2026-11-23T21:05:00+08:00', '--json'],
  ['simulate', '--policy', 'examples/policies/property-fees.json', '--account', 'examples/accounts/property-fees.json', '--days', '40', '--from', '2026-10-20T00:00:00Z', '--respond', 'answers-on-2nd'],
  ['simulate', '--policy', 'examples/policies/b2b-dunning.json', '--account', 'examples/accounts/b2b-receivables.json', '--days', '20', '--from', '2026-11-01T00:00:00Z', '--json'],
  ['presets'],
];
for (const args of cli) out['arrears ' + args.join(' ')] = hash(await run(args));

const env = { offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), locale: Intl.DateTimeFormat().resolvedOptions().locale, digits: (1234.5).toLocaleString() };
process.stdout.write(JSON.stringify({ env, out }));
`;

interface ChildResult {
  readonly env: { readonly offset: number; readonly locale: string; readonly digits: string };
  readonly out: Readonly<Record<string, string>>;
}

async function runChild(env: Readonly<Record<string, string>>): Promise<ChildResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: { ...process.env, LANG: env.LC_ALL, LANGUAGE: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as ChildResult;
}

describe('decisions are byte-identical under every machine zone and locale', () => {
  it(`${ENVIRONMENTS.map((e) => `${e.TZ}/${e.LC_ALL}`).join(', ')}: same decisions, explanations and CLI output`, async () => {
    const results = await Promise.all(ENVIRONMENTS.map(runChild));
    // The environments really differ (else the comparison proves nothing).
    expect(new Set(results.map((r) => r.env.offset)).size).toBe(ENVIRONMENTS.length);
    expect(new Set(results.map((r) => r.env.digits)).size).toBeGreaterThanOrEqual(3);
    const [reference, ...others] = results as [ChildResult, ...ChildResult[]];
    expect(Object.keys(reference.out).length).toBeGreaterThan(300);
    others.forEach((other, i) => {
      const env = ENVIRONMENTS[i + 1] as Record<string, string>;
      const differing = Object.keys(reference.out).filter((k) => other.out[k] !== reference.out[k]);
      expect(differing, `differs under TZ=${env.TZ} LC_ALL=${env.LC_ALL} (locale ${other.env.locale})`).toEqual([]);
      expect(Object.keys(other.out)).toEqual(Object.keys(reference.out));
    });
  }, 120_000); // five child processes compiling src/ with tsx: slow on a loaded 2-core machine
});
