import type { Queryable } from '../../../database/database.js'
import type { SchemaModel, TableModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { readDefinedObjects } from './defined-objects/read-defined-objects.js'
import { bySchemaAndName, compareText } from './order.js'
import { readTables } from './read-columns.js'
import { readCompositeTypes } from './read-composite-types.js'
import { readConstraints } from './read-constraints.js'
import { readDomains } from './read-domains.js'
import { readEnums } from './read-enums.js'
import { readGrants } from './read-grants.js'
import { readIndexes } from './read-indexes.js'
import { readOwners } from './read-owners.js'
import { readPolicies } from './read-policies.js'
import { readSequences } from './read-sequences.js'
import { dependsOn, readViews } from './read-views.js'
import { type IntrospectOptions, rowReader, Scope } from './scope.js'
import { pinPrintingSettings } from './session-settings.js'

export type { IntrospectOptions } from './scope.js'

/**
 * Reads a live PostgreSQL database (15 or newer, or PGlite) into the schema model, the same shape
 * `toModel` gives for schema code: one transaction, a fixed number of catalog queries whatever the
 * size of the database. Expressions (defaults other than literals, checks, generated columns, index
 * keys and predicates, view queries) come back in PostgreSQL's canonical text. Objects kept as their
 * CREATE statement (extensions, routines, triggers, aggregates, range types, rules, casts,
 * publications, extended statistics) are listed in `definedObjects`.
 *
 * @example
 * const live = await introspect(db, { exclude: [{ schema: 'public', table: 'tidemark_migrations' }] })
 */
export async function introspect(db: Queryable, options: IntrospectOptions = {}): Promise<SchemaModel> {
  const scope = new Scope(options)
  return db.transaction(async (tx) => {
    const restore = await pinPrintingSettings(tx)
    const rows = rowReader(tx)
    // One connection, so the queries run one after the other.
    const [server] = await rows<{ version: number }>(
      sql`select current_setting('server_version_num')::int as version`,
    )
    const namespaces = await rows<{ name: string }>(
      sql`select n.nspname::text as name from pg_namespace n where ${scope.userSchema('n')}`,
    )
    const shells = await readTables(rows, scope)
    const constraints = await readConstraints(rows, scope)
    const indexes = await readIndexes(rows, scope)
    const policies = await readPolicies(rows, scope)
    const sequences = await readSequences(rows, scope)
    const enums = await readEnums(rows, scope)
    const domains = await readDomains(rows, scope)
    const compositeTypes = await readCompositeTypes(rows, scope)
    const viewShells = await readViews(rows, scope, server!.version)
    const definedObjects = await readDefinedObjects(rows, scope)
    const grantsOf = (model: Omit<SchemaModel, 'grants'>) => readGrants(rows, scope, model)

    const tables: TableModel[] = shells
      .map((shell) => {
        const found = constraints.get(shell.oid)
        return {
          schema: shell.schema,
          name: shell.name,
          columns: shell.columns,
          primaryKey: found?.primaryKey ?? null,
          uniques: found?.uniques ?? [],
          foreignKeys: found?.foreignKeys ?? [],
          checks: found?.checks ?? [],
          indexes: indexes.get(shell.oid) ?? [],
          comment: shell.comment,
          rowLevelSecurity: shell.rowLevelSecurity,
          storageParameters: shell.storageParameters,
          unlogged: shell.unlogged,
          replicaIdentity: shell.replicaIdentity,
          policies: policies.get(shell.oid) ?? [],
          partitionBy: shell.partitionBy,
          partitionOf: shell.partitionOf,
        }
      })
      .sort(bySchemaAndName)
    const relations = new Set([...tables, ...viewShells].map((r) => `${r.schema}.${r.name}`))
    const views = viewShells.map(({ reads, oid, ...view }) => ({
      ...view,
      dependsOn: dependsOn(reads, relations),
      indexes: indexes.get(oid) ?? [],
    }))

    // A schema is listed when it exists, unless excluding tables emptied it (a journal's own schema).
    const occupied = new Set(
      [...tables, ...views, ...sequences, ...enums, ...domains, ...compositeTypes, ...definedObjects].map(
        (object) => object.schema,
      ),
    )
    const emptied = new Set(
      (options.exclude ?? []).map((t) => t.schema).filter((schema) => !occupied.has(schema)),
    )
    const schemas = namespaces
      .map((n) => n.name)
      .filter((name) => name !== 'public' && !emptied.has(name))
      .sort(compareText)

    const model = {
      dialect: 'postgresql' as const,
      version: 1 as const,
      schemas,
      enums,
      domains,
      compositeTypes,
      sequences,
      tables,
      views,
      definedObjects,
    }
    const grants = await grantsOf(model)
    const owners = await readOwners(rows, scope, model)
    await restore()
    // No field when every object is the migrations' role's, as in a model of schema code.
    return owners.length === 0 ? { ...model, grants } : { ...model, grants, owners }
  })
}
