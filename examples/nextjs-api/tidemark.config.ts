import { defineConfig } from 'tidemark/config'

export default defineConfig({
  schema: './db/schema.ts',
  migrations: './migrations',
  // Unset: the embedded PGlite database in .tidemark/pglite, the one the app opens too.
  databaseUrl: process.env.DATABASE_URL,
  // The role the app's queries run as; migrate creates it (NOLOGIN) where it is missing.
  roles: ['app_user'],
})
