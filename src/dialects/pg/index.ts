/**
 * The PostgreSQL dialect, as the rest of Tidemark at run time reaches it: the dialect object the
 * query layer compiles and decodes with, and the fragment compiler. The schema tooling (to-model,
 * introspect, ddl, codegen) is reached through `tooling.ts`, so an app that only queries loads none
 * of it. Nothing outside dialects/pg imports a module of it by its own path.
 */
export { compile, ddlExpression, ddlQuery } from './compiler/fragment.js'
export { pgDialect } from './dialect.js'
