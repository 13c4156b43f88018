/**
 * The PostgreSQL dialect. This module is what runs in every app: the dialect object the query
 * layer compiles and decodes with (query/dialect.ts), and the fragment compiler. The rest is
 * reached through one index per room, so each caller loads only what it needs: `dsl/index.ts`
 * (the schema DSL), `grammar/index.ts` (quoting), and the tooling stages `to-model/`,
 * `introspect/`, `ddl/` and `codegen/`, which an app that only queries or migrates never loads.
 * Nothing outside dialects/pg imports any other module of it (the linter enforces it).
 */
export { compile } from './compiler/fragment.js'
export { pgDialect } from './dialect.js'
