import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 30_000,
    setupFiles: ['test/support/setup.ts'],
  },
});
