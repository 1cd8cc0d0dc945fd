import { defineConfig } from 'vitest/config';

// One config for the test runner. The admin UI and the checkout extension have
// their own build entry points (see scripts/) so that each bundle is measured alone.
export default defineConfig({
  test: {
    include: [
      'test/**/*.test.ts',
      'server/**/*.test.ts',
      'extension/**/*.test.ts',
      'admin-ui/**/*.test.ts',
    ],
    environment: 'node',
    reporters: ['default', './test/reporters/summary-line.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
