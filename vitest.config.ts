import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // PGlite takes a few seconds to boot and integration files each create a database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
