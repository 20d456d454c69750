/**
 * Every public function, class and method has a JSDoc `@example`, and every example type-checks.
 *
 * What is walked: the exports of the four public entry points (`arrears`, `arrears/testing`,
 * `arrears/testing/vitest`, `arrears/testing/arbitraries`), re-exports and aliases resolved with the
 * TypeScript compiler API. An example is required on each exported function, class and callable
 * constant, and on each public method of an exported class or interface declared in src/
 * (`Engine#decide`, `AccountBuilder#called`, the vitest matchers…). Function-typed *properties*
 * (`OperatorParts#cb`) are data, not API calls: they need none. Other constants, types and
 * interfaces themselves need none (some have one; it is checked all the same).
 *
 * What "compiles" means here: each example (its ``` fences removed) becomes a module of its own
 * and is type-checked with the project's strict compiler options, `arrears…` imports pointed at
 * src/. An example is a fragment, so a prelude gives it what the fragments of this codebase
 * assume without writing: every public export of the four entries (unless the example imports
 * it itself), vitest's `describe`/`it`/`expect`, and the free variables in `PRELUDE_VARIABLES`
 * below, each declared with its real type (`engine: Engine`, `account: Account`, `now: Date`…),
 * not `any`, so a call with wrong arguments or a misspelt property still fails. A name that is
 * neither imported nor in the prelude fails as "Cannot find name": declare it in the example or
 * add it to the prelude with its type. Examples are type-checked, never run: an `//=>` result in
 * a comment is not verified (examples/ and the guides' snippets are run elsewhere).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRIES: Record<string, string> = {
  arrears: 'src/index.ts',
  'arrears/testing': 'src/testing/index.ts',
  'arrears/testing/vitest': 'src/testing/vitest.ts',
  'arrears/testing/arbitraries': 'src/testing/arbitraries.ts',
};

/** The free variables examples may use without declaring them, with their types. */
const PRELUDE_VARIABLES: Record<string, string> = {
  json: 'unknown',
  policyJson: 'unknown',
  accountJson: 'unknown',
  accounts: 'readonly unknown[]',
  policy: 'Policy',
  strategy: 'PolicyInput',
  myStrategy: 'PolicyInput',
  account: 'Account',
  engine: 'Engine',
  decision: 'Decision',
  now: 'Date',
  callLog: 'readonly AttemptInput[]',
  myOperator: 'OperatorLike',
  divisibleBy: 'OperatorLike',
};

/** Modules examples may use without importing them: fast-check as `fc`, `fs` and `readFileSync`. */
const PRELUDE_MODULES: Record<string, string> = {
  fc: "import fc from 'fast-check';",
  fs: "import * as fs from 'node:fs';",
  readFileSync: "import { readFileSync } from 'node:fs';",
};

/** Fixture files that examples import (`import cases from './bank-card.cases.json'`). */
const AMBIENT = "declare module '*.cases.json' { const cases: import('arrears/testing').FixtureCase[]; export default cases; }\n";

interface Example {
  /** `entry › Symbol` or `entry › Owner#method`. */
  readonly where: string;
  readonly code: string;
}

interface Walk {
  readonly missing: string[];
  readonly examples: Example[];
  /** Public names per entry (types as `type X`), for the prelude's imports. */
  readonly names: Map<string, string[]>;
}

const options = (): ts.CompilerOptions => {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('tsconfig.json could not be read');
  const paths = Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, [join(ROOT, file)]]));
  return { ...config.options, noEmit: true, paths };
};

const exampleTexts = (symbol: ts.Symbol, checker: ts.TypeChecker): string[] =>
  symbol
    .getJsDocTags(checker)
    .filter((tag) => tag.name === 'example')
    .map((tag) => ts.displayPartsToString(tag.text))
    .map((text) => text.replace(/^\s*```\w*\n?/m, '').replace(/\n?```\s*$/, ''));

const isSource = (declaration: ts.Declaration): boolean => !declaration.getSourceFile().fileName.includes('node_modules');

function walk(program: ts.Program): Walk {
  const checker = program.getTypeChecker();
  const missing: string[] = [];
  const examples: Example[] = [];
  const names = new Map<string, string[]>();
  const seen = new Set<ts.Symbol>();

  const visit = (where: string, symbol: ts.Symbol, required: boolean): void => {
    const texts = exampleTexts(symbol, checker);
    if (required && texts.length === 0) missing.push(where);
    texts.forEach((code) => examples.push({ where, code }));
  };

  for (const [entry, file] of Object.entries(ENTRIES)) {
    const source = program.getSourceFile(join(ROOT, file));
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${file} is not in the program`);
    const exported = checker.getExportsOfModule(module);
    const isValue = (s: ts.Symbol) => ((s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s).flags & ts.SymbolFlags.Value) !== 0;
    names.set(entry, exported.map((s) => (isValue(s) ? s.name : `type ${s.name}`)));
    for (const alias of exported) {
      const symbol = alias.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(alias) : alias;
      if (seen.has(symbol)) continue;
      seen.add(symbol);
      const where = `${entry} › ${alias.name}`;
      const callable = symbol.flags & ts.SymbolFlags.Variable && checker.getTypeOfSymbol(symbol).getCallSignatures().length > 0;
      visit(where, symbol, Boolean(symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class) || callable));
      const isType = symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface);
      if (!isType && !(symbol.flags & ts.SymbolFlags.Variable)) continue;
      const type = isType ? checker.getDeclaredTypeOfSymbol(symbol) : checker.getTypeOfSymbol(symbol);
      for (const member of checker.getPropertiesOfType(type)) {
        const declaration = member.declarations?.[0];
        if (!declaration || !isSource(declaration) || member.name.startsWith('#')) continue;
        if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
        visit(`${where}${isType ? '#' : '.'}${member.name}`, member, Boolean(isType && member.flags & ts.SymbolFlags.Method));
      }
    }
  }
  return { missing, examples, names };
}

/** The names an example binds at its top level: its imports and declarations. */
function ownNames(code: string): Set<string> {
  const own = new Set<string>();
  const bind = (name: ts.BindingName | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name)) own.add(name.text);
    else name.elements.forEach((e) => ts.isBindingElement(e) && bind(e.name));
  };
  for (const statement of ts.createSourceFile('x.ts', code, ts.ScriptTarget.ES2022).statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name) own.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) bindings.elements.forEach((e) => own.add(e.name.text));
      if (bindings && ts.isNamespaceImport(bindings)) own.add(bindings.name.text);
    } else if (ts.isVariableStatement(statement)) statement.declarationList.declarations.forEach((d) => bind(d.name));
    else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) own.add(statement.name.text);
  }
  return own;
}

/** The prelude: every public name, module and free variable the example does not bind itself. */
function prelude(code: string, names: Map<string, string[]>): string {
  const own = ownNames(code);
  const taken = new Set(own);
  const imports: string[] = [];
  for (const [entry, exported] of names) {
    const fresh = exported.filter((name) => !taken.has(name.replace(/^type /, '')));
    fresh.forEach((name) => taken.add(name.replace(/^type /, '')));
    if (fresh.length > 0) imports.push(`import { ${fresh.join(', ')} } from '${entry}';`);
  }
  const fromVitest = ['describe', 'it', 'expect'].filter((name) => !taken.has(name));
  if (fromVitest.length > 0) imports.push(`import { ${fromVitest.join(', ')} } from 'vitest';`);
  imports.push(...Object.entries(PRELUDE_MODULES).flatMap(([name, line]) => (taken.has(name) ? [] : [line])));
  const variables = Object.entries(PRELUDE_VARIABLES).flatMap(([name, type]) => (own.has(name) ? [] : [`declare const ${name}: ${type};`]));
  return [...imports, ...variables].join('\n');
}

/** The example's own imports first (they must be), then the prelude, then the rest of its code. */
function moduleOf(code: string, names: Map<string, string[]>): { text: string } {
  const lines = code.split('\n');
  const isImport = (line: string) => /^\s*import\s/.test(line);
  const head = lines.filter(isImport);
  const body = lines.filter((line) => !isImport(line));
  const before = `${head.join('\n')}\n${prelude(code, names)}\n`;
  return { text: `${before}${body.join('\n')}\nexport {};\n` };
}

const program = ts.createProgram(Object.values(ENTRIES).map((file) => join(ROOT, file)), options());
const { missing, examples, names } = walk(program);

describe('the public API', () => {
  it('finds the public functions, classes and methods', () => {
    expect(examples.length).toBeGreaterThan(60);
    expect(examples.map((e) => e.where)).toEqual(expect.arrayContaining(['arrears › decide', 'arrears/testing › AccountBuilder#called', 'arrears › Engine#decide']));
  });

  it('has an @example on every exported function, class, callable constant and public method', () => {
    expect(missing).toEqual([]);
  });
});

describe('every @example type-checks', () => {
  const dir = join(ROOT, 'test', '__examples__');
  const files = new Map(examples.map((example, i) => [join(dir, `example-${i}.ts`), { example, ...moduleOf(example.code, names) }]));
  const ambient = join(dir, 'ambient.d.ts');
  const host = ts.createCompilerHost(options());
  const { getSourceFile, fileExists, readFile } = host;
  const textOf = (file: string) => (file === ambient ? AMBIENT : files.get(file)?.text);
  host.fileExists = (file) => textOf(file) !== undefined || fileExists.call(host, file);
  host.readFile = (file) => textOf(file) ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const text = textOf(file);
    return text !== undefined ? ts.createSourceFile(file, text, language, true) : getSourceFile.call(host, file, language, ...rest);
  };
  const checked = ts.createProgram([ambient, ...files.keys()], options(), host, program);
  const problems = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(checked)) {
    const file = diagnostic.file && files.get(diagnostic.file.fileName);
    const key = file ? `${file.example.where}` : (diagnostic.file?.fileName ?? '(global)');
    const line = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line : 0;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const text = file?.text.split('\n')[line]?.trim() ?? '';
    const at = !file ? '' : text.startsWith('import {') && text.length > 200 ? '(prelude): ' : `\`${text}\`: `;
    problems.set(key, [...(problems.get(key) ?? []), `${at}${message}`]);
  }

  it.each(examples.map((e) => e.where).filter((where, i, all) => all.indexOf(where) === i))('%s', (where) => {
    expect(problems.get(where) ?? []).toEqual([]);
  });

  it('raises nothing outside the examples', () => {
    const elsewhere = [...problems.keys()].filter((key) => !examples.some((e) => e.where === key));
    expect(elsewhere.map((key) => [key, problems.get(key)])).toEqual([]);
  });
});
