import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { HeavyFirst } from './test/support/heavy-first.js'

export default defineConfig({
  // Tests and examples import the package by its public name, as users do.
  resolve: {
    alias: [
      { find: /^tidemark$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      { find: /^tidemark\/(.*)$/, replacement: fileURLToPath(new URL('./src/$1.ts', import.meta.url)) },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // PGlite takes a few seconds to boot and integration files each create a database.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default leaves a core idle (CPUs minus one); much of a test's time is spent waiting
    // for the PostgreSQL server or the disk, so one worker per core keeps the machine busy.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: HeavyFirst },
  },
})
