import { SchemaError } from '../../../model/schema-error.js'
import { type AnyTable, tableDefinition } from '../../../schema/table.js'
import { type View, viewDefinition } from '../../../schema/view.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import type { PgSequence } from '../dsl/sequence.js'
import type { NameAllocator } from '../grammar/naming.js'

/**
 * Reserves every name the schema gives explicitly before any default name is chosen, so a default
 * never takes a name the user wrote. Relations (tables, views, sequences, indexes and the indexes
 * behind primary keys and unique constraints) share one namespace per schema; check and foreign-key
 * names need only be unique within their table.
 */
export function reserveExplicitNames(
  tables: readonly AnyTable[],
  views: readonly View[],
  sequences: readonly PgSequence[],
  allocator: (schema: string) => NameAllocator,
): void {
  const relations = new Map<string, string>()
  const relation = (schema: string, name: string, what: string): void => {
    const problem = identifierProblem(name)
    if (problem !== undefined) throw new SchemaError(what, problem)
    const key = `${schema}.${name}`
    const previous = relations.get(key)
    if (previous !== undefined)
      throw new SchemaError(what, `the name ${name} is already used by ${previous}; rename one of them`)
    relations.set(key, what)
    allocator(schema).reserve(name)
  }

  for (const table of tables) {
    const def = table[tableDefinition]
    relation(def.schema, def.name, `table ${def.schema}.${def.name}`)
  }
  for (const view of views) {
    const def = view[viewDefinition]
    relation(def.schema, def.name, `view ${def.schema}.${def.name}`)
  }
  for (const sequence of sequences)
    relation(sequence.schema, sequence.name, `sequence ${sequence.schema}.${sequence.name}`)
  for (const view of views) {
    const def = view[viewDefinition]
    for (const index of def.indexes) {
      if (index.name === undefined) continue
      relation(def.schema, index.name, `materialized view ${def.schema}.${def.name}, index ${index.name}`)
    }
  }

  for (const table of tables) {
    const def = table[tableDefinition]
    const at = `table ${def.schema}.${def.name}`
    const constraints = new Set<string>()
    const constraint = (name: string | undefined, what: string): void => {
      if (name === undefined) return
      const problem = identifierProblem(name)
      if (problem !== undefined) throw new SchemaError(`${at}, ${what}`, problem)
      if (constraints.has(name))
        throw new SchemaError(`${at}, ${what}`, `the constraint name ${name} is used twice`)
      constraints.add(name)
      allocator(def.schema).reserve(name)
    }
    // A partition's columns are its parent's, with the parent's names.
    for (const column of def.partitionOf === undefined ? Object.values(def.columns) : []) {
      const c = column.config
      if (c.unique?.name !== undefined) {
        relation(def.schema, c.unique.name, `${at}, unique constraint ${c.unique.name}`)
        constraint(c.unique.name, `unique constraint ${c.unique.name}`)
      }
      constraint(c.references?.name, `foreign key ${c.references?.name}`)
      for (const check of c.checks) constraint(check.name, `check ${check.name}`)
      const sequenceName = c.identity?.sequence.name
      if (sequenceName !== undefined)
        relation(def.schema, sequenceName, `${at}, identity sequence ${sequenceName}`)
    }
    for (const { spec } of def.extras()) {
      // Policy names live per table, apart from relations and constraints.
      if (
        spec.kind === 'comment' ||
        spec.kind === 'rowLevelSecurity' ||
        spec.kind === 'policy' ||
        spec.kind === 'partitionBy' ||
        spec.kind === 'storageParameters' ||
        spec.kind === 'unlogged' ||
        spec.kind === 'replicaIdentity'
      )
        continue
      if (spec.name === undefined) continue
      const what = `${spec.kind === 'index' ? 'index' : 'constraint'} ${spec.name}`
      if (spec.kind === 'index' || spec.kind === 'primaryKey' || spec.kind === 'unique') {
        relation(def.schema, spec.name, `${at}, ${what}`)
      }
      if (spec.kind !== 'index') constraint(spec.name, what)
    }
  }
}
