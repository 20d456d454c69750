// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const purity = {
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/ must not read the clock: take `now` as an argument.' },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/ must not read the clock: take `now` as an argument.' },
    { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/ must be deterministic: no Math.random.' },
    { selector: "MemberExpression[object.name='process']", message: 'src/ must not read the environment: only the CLI may touch process.' },
  ],
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'worker_threads'], message: 'src/ runs in browsers and edge runtimes: no Node built-ins outside src/cli.' }] },
  ],
  'no-restricted-globals': ['error', { name: 'process', message: 'src/ must not read the environment.' }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-package/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  { files: ['src/**/*.ts'], ignores: ['src/cli/**'], rules: purity },
);
