import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import { unitTestFiles } from './test/support/unit-files.js'
import base from './vitest.config.js'

// `npm run test:unit`: the files that need no database (see test/support/unit-files.ts), with every
// driver replaced by a module that throws, so nothing here waits for PGlite or a server.
const root = fileURLToPath(new URL('.', import.meta.url))
const noDatabase = fileURLToPath(new URL('./test/support/no-database.ts', import.meta.url))
const drivers = /^(@electric-sql\/pglite|pg|postgres|@neondatabase\/serverless)(\/.*)?$/
const aliases = (base.resolve?.alias ?? []) as { find: RegExp; replacement: string }[]

export default defineConfig({
  ...base,
  resolve: {
    ...base.resolve,
    alias: [{ find: drivers, replacement: noDatabase }, ...aliases],
  },
  test: {
    ...base.test,
    include: unitTestFiles(root),
    typecheck: { ...base.test?.typecheck, enabled: false },
  },
})
