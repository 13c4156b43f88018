/**
 * `tidemark/model`: the schema pipeline, every stage around the schema model in one entry. Two
 * producers make a model, `toModel` (schema code) and `introspect` (a live database); the rest
 * consume models: `diff` lists the changes between two, `describeChange` words one, `renderChanges`
 * writes their SQL, `renderCreate` writes a whole model's, and `codegen` writes it as schema code.
 * This is tooling: an app that only queries and migrates never loads it.
 *
 * @example
 * import { codegen, diff, introspect, renderChanges, toModel } from 'tidemark/model'
 * import * as schema from './schema.js'
 *
 * const live = await introspect(db)
 * const changes = diff(live, toModel(schema))
 * for (const statement of renderChanges(changes)) await db.execute(sql.raw(statement))
 * const { source } = codegen(live) // the live database as schema code
 */

export { type CodegenOptions, type CodegenResult, codegen } from './dialects/pg/codegen/index.js'
export { renderChanges, renderCreate } from './dialects/pg/ddl/index.js'
export { type IntrospectOptions, introspect } from './dialects/pg/introspect/index.js'
export { toModel } from './dialects/pg/to-model/index.js'
export {
  type Change,
  type ChangeBody,
  type ChangeKind,
  type ColumnRename,
  type DiffOptions,
  describeChange,
  diff,
  findRenameCandidates,
  type Hazard,
  type HazardKind,
  type RenameCandidate,
  type Renames,
  type TableRename,
} from './diff/index.js'
export { serializeModel } from './model/serialize.js'
