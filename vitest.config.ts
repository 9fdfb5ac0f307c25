import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixes the property tests' random seed in CI (see the file).
    setupFiles: ['test/support/property-seed.ts'],
    // CLI integration tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
  },
});
