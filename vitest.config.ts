import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    // Builds the site once per run into a temp folder and provides `distDir` / `buildRoot`
    // (see tests/setup/build.ts); browser helpers are in tests/helpers/browser.ts.
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
