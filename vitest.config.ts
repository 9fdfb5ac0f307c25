import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fixes the property tests' random seed in CI, and removes each test file's temporary
    // folders when it ends (see the files).
    setupFiles: ['test/support/property-seed.ts', 'test/support/remove-temp-dirs.ts'],
    // CLI integration tests spawn the built binary; give slow CI machines room.
    testTimeout: 30_000,
  },
});
