import type { ChangeBody } from '../../../diff/changes.js'
import { planDefinedObjects } from '../../../diff/defined-objects.js'
import { createsDefinedObject } from '../../../diff/families/defined-object-changes.js'
import { planGrants } from '../../../diff/grants.js'
import { planOwners } from '../../../diff/owners.js'
import { NO_RENAMES } from '../../../diff/renames.js'
import { emptyModel } from '../../../model/empty-model.js'
import { tablesInPartitionOrder } from '../../../model/partition-order.js'
import { typesInDependencyOrder } from '../../../model/type-order.js'
import type { PartitionKeyModel, SchemaModel, TableModel, ViewModel } from '../../../model/types.js'
import { viewsInDependencyOrder } from '../../../model/view-order.js'
import { quoteIdent, quoteLiteral } from '../grammar/quote.js'
import { ownerRenderers } from './families/owners.js'
import { enumComments, tableComments, viewComments } from './render-comments.js'
import { createDefinedObject, readsTablesAtCreation } from './render-defined-objects.js'
import { renderGrantChange } from './render-grants.js'
import {
  columnDefinition,
  columnList,
  createIndex,
  foreignKeyConstraint,
  qualified,
  replicaIdentityClause,
  sequenceClauses,
  uniqueConstraint,
  withClause,
} from './render-parts.js'
import { tablePolicies } from './render-policies.js'
import { tableRowLevelSecurity } from './render-row-level-security.js'
import { createCompositeType, createDomain } from './render-types.js'

/**
 * The statements that create a schema model in an empty database, in dependency order: schemas,
 * extensions, enums, domains and composite types, routines, sequences, tables (with their keys,
 * unique constraints and checks), sequence ownership, foreign keys (after every table, so cycles
 * and self-references work), indexes, routines with SQL-standard bodies or on a table's row type,
 * then views in the order their dependencies require, routines on a view's row type, policies, triggers and rules, and last the owners and grants. A table's row-level security flags, then an object's COMMENT ON
 * statements, follow its CREATE. Each
 * statement is one string without a trailing semicolon.
 *
 * @example
 * for (const statement of renderCreate(toModel(schema))) await db.execute(sql.raw(statement))
 */
export function renderCreate(model: SchemaModel): string[] {
  const statements: string[] = []
  for (const schema of model.schemas) statements.push(`CREATE SCHEMA ${quoteIdent(schema)}`)
  const relations = { tables: model.tables, views: model.views }
  const defined = planDefinedObjects([], model.definedObjects, {
    from: { tables: [], views: [] },
    to: relations,
  })
  const create = (changes: readonly ChangeBody[]): string[] =>
    changes.flatMap((c) => (createsDefinedObject(c) ? createDefinedObject(c.object) : []))
  statements.push(...create(defined.createExtensions))
  for (const e of model.enums) {
    statements.push(
      `CREATE TYPE ${qualified(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`,
      ...enumComments(e),
    )
  }
  for (const type of typesInDependencyOrder(model.domains, model.compositeTypes)) {
    statements.push(...(type.kind === 'domain' ? createDomain(type.model) : createCompositeType(type.model)))
  }
  // As in a migration: SQL bodies may read tables created below.
  if (defined.createEarly.some((c) => createsDefinedObject(c) && readsTablesAtCreation(c.object)))
    statements.push('SET LOCAL check_function_bodies = off')
  statements.push(...create(defined.createEarly))
  for (const s of model.sequences) {
    statements.push(`CREATE SEQUENCE ${qualified(s.schema, s.name)} AS ${s.type} ${sequenceClauses(s)}`)
  }
  for (const table of tablesInPartitionOrder(model.tables))
    statements.push(createTable(table), ...tableRowLevelSecurity(table), ...tableComments(table))
  for (const s of model.sequences) {
    if (s.ownedBy === null) continue
    const owner = `${qualified(s.schema, s.ownedBy.table)}.${quoteIdent(s.ownedBy.column)}`
    statements.push(`ALTER SEQUENCE ${qualified(s.schema, s.name)} OWNED BY ${owner}`)
  }
  for (const table of model.tables) {
    for (const fk of table.foreignKeys) {
      statements.push(`ALTER TABLE ${qualified(table.schema, table.name)} ADD ${foreignKeyConstraint(fk)}`)
    }
  }
  for (const table of model.tables)
    for (const index of table.indexes) statements.push(createIndex(table, index))
  // After the indexes: an identity may use one.
  for (const table of model.tables) statements.push(...tableReplicaIdentity(table))
  statements.push(...create(defined.createAfterTables))
  for (const view of viewsInDependencyOrder(model.views)) {
    statements.push(createView(view), ...viewComments(view))
    for (const index of view.indexes) statements.push(createIndex(view, index))
  }
  statements.push(...create(defined.createAfterViews))
  for (const table of model.tables) statements.push(...tablePolicies(table))
  statements.push(...create(defined.createLate))
  // Owners other than the role running the statements, then grants.
  for (const change of planOwners(emptyModel, model, NO_RENAMES, new Set()))
    if (change.kind === 'change-owner') statements.push(...ownerRenderers['change-owner'](change))
  // Grants last, where they differ from what PostgreSQL gives a new object.
  for (const change of planGrants(emptyModel, model, NO_RENAMES, new Set()))
    if (change.kind === 'grant' || change.kind === 'revoke') statements.push(renderGrantChange(change))
  return statements
}

export function createTable(table: TableModel): string {
  const lines = table.partitionOf === null ? table.columns.map(columnDefinition) : []
  if (table.primaryKey !== null) {
    lines.push(
      `CONSTRAINT ${quoteIdent(table.primaryKey.name)} PRIMARY KEY ${columnList(table.primaryKey.columns)}`,
    )
  }
  for (const unique of table.uniques) lines.push(uniqueConstraint(unique))
  for (const check of table.checks)
    lines.push(`CONSTRAINT ${quoteIdent(check.name)} CHECK (${check.expression})`)
  const body = lines.length === 0 ? '' : `\n  ${lines.join(',\n  ')}\n`
  const name = qualified(table.schema, table.name)
  const partitionBy = table.partitionBy === null ? '' : ` ${partitionByClause(table.partitionBy)}`
  const create = table.unlogged ? 'CREATE UNLOGGED TABLE' : 'CREATE TABLE'
  const storage = withClause(table.storageParameters)
  if (table.partitionOf === null) return `${create} ${name} (${body})${partitionBy}${storage}`
  // A partition's columns come from its parent; only its own constraints are listed.
  const of = table.partitionOf
  const own = lines.length === 0 ? '' : ` (${body})`
  return `${create} ${name} PARTITION OF ${qualified(of.schema, of.table)}${own} ${of.bound}${partitionBy}${storage}`
}

/** ALTER TABLE ... REPLICA IDENTITY, for a table whose identity is not the default. */
export function tableReplicaIdentity(table: TableModel): string[] {
  if (table.replicaIdentity.kind === 'default') return []
  return [
    `ALTER TABLE ${qualified(table.schema, table.name)} ${replicaIdentityClause(table.replicaIdentity)}`,
  ]
}

export function partitionByClause(key: PartitionKeyModel): string {
  return `PARTITION BY ${key.strategy.toUpperCase()} (${key.key})`
}

export function createView(view: ViewModel): string {
  const kind = view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'
  const noData = view.materialized && view.withNoData ? ' WITH NO DATA' : ''
  const storage = withClause(view.storageParameters)
  return `CREATE ${kind} ${qualified(view.schema, view.name)}${storage} AS ${view.definition}${noData}`
}
