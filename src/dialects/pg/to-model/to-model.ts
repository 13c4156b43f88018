import { SchemaError } from '../../../model/schema-error.js'
import type {
  EnumModel,
  ForeignKeyModel,
  SchemaModel,
  SequenceModel,
  TableModel,
  ViewModel,
} from '../../../model/types.js'
import type { AnyColumn } from '../../../schema/column.js'
import { DEFAULT_SCHEMA } from '../../../schema/kind.js'
import { tableDefinition } from '../../../schema/table.js'
import { type View, viewDefinition } from '../../../schema/view.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import type { SQL } from '../../../sql/sql.js'
import { ddlQuery } from '../compiler/fragment.js'
import type { PgSequence } from '../dsl/sequence.js'
import { NameAllocator, nameAddition } from '../grammar/naming.js'
import { sequenceNumbers } from '../grammar/sequence-numbers.js'
import { buildDefinedObjects } from './build-defined-objects.js'
import { buildGrants } from './build-grants.js'
import { buildIndexes } from './build-indexes.js'
import { belongsTo, buildTable, type PendingForeignKey } from './build-table.js'
import { compositeTypeModel, domainModel } from './build-types.js'
import { collect } from './collect.js'
import { commentText } from './comment-text.js'
import { incomparableTypes } from './comparable-types.js'
import { reserveExplicitNames } from './reserve-names.js'
import { storageParameterModels } from './storage-parameters.js'

const byName = <T extends { schema: string; name: string }>(a: T, b: T): number =>
  a.schema === b.schema ? compare(a.name, b.name) : compare(a.schema, b.schema)
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Turns the tables, enums, domains, composite types, views and sequences of schema modules into the schema model. Pass module
 * namespaces (`import * as schema from './schema.js'`), objects of exports, or the objects
 * themselves. The result is deterministic: the same schema gives the same model whatever the order
 * of declarations. Throws a {@link SchemaError} naming the object for anything PostgreSQL would
 * reject or silently change.
 *
 * @example
 * import * as schema from './schema.js'
 * const model = toModel(schema)
 */
export function toModel(...sources: unknown[]): SchemaModel {
  const found = collect(sources)
  const tables = [...found.tables].sort((a, b) => byName(a[tableDefinition], b[tableDefinition]))
  const names = new Map<string, NameAllocator>()
  const allocator = (schema: string): NameAllocator => {
    const existing = names.get(schema)
    if (existing !== undefined) return existing
    const created = new NameAllocator()
    names.set(schema, created)
    return created
  }

  for (const e of found.enums) {
    const problem = identifierProblem(e.name)
    if (problem !== undefined) throw new SchemaError(`enum ${e.schema}.${e.name}`, problem)
  }
  reserveExplicitNames(tables, found.views, found.sequences, allocator)
  // Domains are created before tables and PostgreSQL picks a default constraint name unused in the
  // whole schema: a table's unnamed check steps around the names of the domains' checks.
  const domains = found.domains.map(domainModel).sort(byName)
  for (const d of domains) for (const check of d.checks) allocator(d.schema).reserve(check.name)

  const built = tables.map((table) => buildTable(table, allocator(table[tableDefinition].schema)))
  const tableModels = new Map(built.map((b) => [`${b.model.schema}.${b.model.name}`, b.model]))
  const tableList = built.map((b) => ({
    ...b.model,
    foreignKeys: b.foreignKeys
      .map((fk) => resolveForeignKey(fk, tableModels, allocator(fk.owner.schema)))
      .sort((x, y) => compare(x.name, y.name)),
    uniques: [...b.model.uniques].sort((x, y) => compare(x.name, y.name)),
    checks: [...b.model.checks].sort((x, y) => compare(x.name, y.name)),
    indexes: [...b.model.indexes].sort((x, y) => compare(x.name, y.name)),
  }))

  const sequences: SequenceModel[] = [
    ...built.flatMap((b) => b.sequences),
    ...found.sequences.map((s) => {
      let numbers: ReturnType<typeof sequenceNumbers>
      try {
        numbers = sequenceNumbers(s.as, s.options)
      } catch (error) {
        throw new SchemaError(`sequence ${s.schema}.${s.name}`, (error as Error).message)
      }
      return {
        schema: s.schema,
        name: s.name,
        type: s.as,
        ...numbers,
        ownedBy: sequenceOwner(s, tableModels),
      }
    }),
  ].sort(byName)

  const enums: EnumModel[] = found.enums
    .map((e) => {
      const label = `enum ${e.schema}.${e.name}`
      e.values.forEach((value, i) => {
        if (typeof value !== 'string') throw new SchemaError(label, `label ${i + 1} is not a string`)
        const problem = identifierProblem(value)
        if (problem !== undefined && value !== '')
          throw new SchemaError(label, `label '${value}': ${problem.replace('name', 'label')}`)
        if (e.values.indexOf(value) !== i) throw new SchemaError(label, `label '${value}' is listed twice`)
      })
      return { schema: e.schema, name: e.name, values: [...e.values], comment: commentText(e.comment, label) }
    })
    .sort(byName)
  for (const e of enums) {
    if (tableModels.has(`${e.schema}.${e.name}`) || found.views.some((v) => sameName(v[viewDefinition], e))) {
      throw new SchemaError(
        `enum ${e.schema}.${e.name}`,
        'a table or view of the same name already defines this type name',
      )
    }
  }

  const compositeTypes = found.compositeTypes.map(compositeTypeModel).sort(byName)
  const typeNames = new Set(enums.map(keyOf))
  for (const [what, type] of [
    ...domains.map((d) => ['domain', d] as const),
    ...compositeTypes.map((t) => ['composite type', t] as const),
  ]) {
    const taken =
      typeNames.has(keyOf(type)) ||
      tableModels.has(keyOf(type)) ||
      found.views.some((v) => sameName(v[viewDefinition], type))
    if (taken)
      throw new SchemaError(`${what} ${keyOf(type)}`, 'another type, table or view already has this name')
    typeNames.add(keyOf(type))
  }

  const relationKeys = new Set([...tableModels.keys(), ...found.views.map((v) => keyOf(v[viewDefinition]))])
  const views: ViewModel[] = found.views
    .map((v) => viewModel(v, relationKeys, allocator(v[viewDefinition].schema)))
    .sort(byName)

  const definedObjects = buildDefinedObjects(found, relationKeys)

  const used = [
    ...tableList.map((t) => t.schema),
    ...definedObjects.map((o) => o.schema),
    ...enums.map((e) => e.schema),
    ...domains.map((d) => d.schema),
    ...compositeTypes.map((t) => t.schema),
    ...sequences.map((s) => s.schema),
    ...views.map((v) => v.schema),
    ...found.namespaces,
  ]
  const schemas = [...new Set(used)].filter((s) => s !== DEFAULT_SCHEMA).sort(compare)
  for (const schema of schemas) {
    const problem = identifierProblem(schema)
    if (problem !== undefined) throw new SchemaError(`schema ${schema}`, problem)
    if (schema.startsWith('pg_'))
      throw new SchemaError(`schema ${schema}`, 'names starting with pg_ are reserved for the system')
  }

  const grants = buildGrants(found, {
    relations: new Map([
      ...tableList.map((t) => [keyOf(t), t.columns.map((c) => c.name)] as const),
      ...views.map((v) => {
        const columns = Object.values(
          found.views.find((f) => sameName(f[viewDefinition], v))![viewDefinition].columns,
        )
        return [keyOf(v), columns.map((c) => c.name)] as const
      }),
    ]),
    sequences: new Set(found.sequences.map(keyOf)),
    schemas: new Set(schemas),
  })

  return {
    dialect: 'postgresql',
    version: 1,
    schemas,
    enums,
    domains,
    compositeTypes,
    sequences,
    tables: tableList,
    views,
    definedObjects,
    grants,
  }
}

function keyOf(object: { schema: string; name: string }): string {
  return `${object.schema}.${object.name}`
}

function sameName(a: { schema: string; name: string }, b: { schema: string; name: string }): boolean {
  return a.schema === b.schema && a.name === b.name
}

/**
 * PostgreSQL accepts a foreign key only when the referenced columns carry a primary key, a unique
 * constraint or a plain unique index, on exactly those columns.
 */
function resolveForeignKey(
  fk: PendingForeignKey,
  tables: ReadonlyMap<string, TableModel>,
  names: NameAllocator,
): ForeignKeyModel {
  const label = `table ${fk.owner.schema}.${fk.owner.name}, foreign key (${fk.columns.join(', ')})`
  let targets: readonly AnyColumn[]
  try {
    targets = fk.references()
  } catch (error) {
    throw new SchemaError(label, `its references could not be evaluated: ${(error as Error).message}`)
  }
  if (targets.length !== fk.columns.length) {
    throw new SchemaError(
      label,
      `references ${targets.length} column(s) for ${fk.columns.length} column(s); list one referenced column for each column`,
    )
  }
  if (targets.some((target) => target === undefined || target === null)) {
    throw new SchemaError(
      label,
      'references a column that is undefined: was it removed from its table or renamed? Reference an existing column, e.g. .references(() => users.id)',
    )
  }
  const owner = targets[0]?.table
  if (
    owner === undefined ||
    targets.some((t) => t.table?.schema !== owner.schema || t.table?.name !== owner.name)
  ) {
    throw new SchemaError(label, 'the referenced columns must all belong to one table')
  }
  const target = tables.get(keyOf(owner))
  if (target === undefined) {
    throw new SchemaError(
      label,
      `references ${keyOf(owner)}, which is not part of this schema (export it too)`,
    )
  }
  const referenced = targets.map((t) => t.name)
  if (!isUniqueKey(target, referenced)) {
    throw new SchemaError(
      label,
      `references ${keyOf(owner)} (${referenced.join(', ')}), which is not a primary key or unique; add unique() on it`,
    )
  }
  const source = tables.get(keyOf(fk.owner))
  fk.columns.forEach((name, i) => {
    const column = source?.columns.find((c) => c.name === name)
    const other = target.columns.find((c) => c.name === referenced[i])
    if (column !== undefined && other !== undefined && incomparableTypes(column.type, other.type)) {
      throw new SchemaError(
        label,
        `${name} is ${column.type} but ${keyOf(owner)}.${other.name} is ${other.type}, which PostgreSQL cannot compare; give ${name} the type ${other.type}`,
      )
    }
  })
  return {
    name: fk.spec.name ?? names.choose(fk.owner.name, nameAddition(fk.columns), 'fkey'),
    columns: fk.columns,
    references: { schema: target.schema, table: target.name, columns: referenced },
    onDelete: fk.spec.onDelete ?? 'no action',
    onUpdate: fk.spec.onUpdate ?? 'no action',
    deferrable: fk.spec.deferrable !== undefined,
    initiallyDeferred: fk.spec.deferrable === 'deferred',
    ...(fk.spec.matchFull === true ? { matchFull: true as const } : {}),
  }
}

/** OWNED BY: a column of a table of the schema, in the sequence's own schema (PostgreSQL's rule). */
function sequenceOwner(
  sequence: PgSequence,
  tables: ReadonlyMap<string, TableModel>,
): SequenceModel['ownedBy'] {
  if (sequence.ownedBy === undefined) return null
  const label = `sequence ${sequence.schema}.${sequence.name}`
  let column: AnyColumn
  try {
    column = sequence.ownedBy()
  } catch (error) {
    throw new SchemaError(label, `its ownedBy could not be evaluated: ${(error as Error).message}`)
  }
  const owner = column?.table
  if (owner === undefined)
    throw new SchemaError(
      label,
      'ownedBy must return a column of a table, e.g. ownedBy: () => invoices.number',
    )
  const table = tables.get(keyOf(owner))
  if (table === undefined || !table.columns.some((c) => c.name === column.name))
    throw new SchemaError(
      label,
      `is owned by ${keyOf(owner)}, which is not part of this schema (export it too)`,
    )
  if (owner.schema !== sequence.schema)
    throw new SchemaError(
      label,
      `is owned by a column of ${keyOf(owner)}: PostgreSQL requires the table in the sequence's schema (${sequence.schema})`,
    )
  return { table: owner.name, column: column.name }
}

function isUniqueKey(table: TableModel, columns: readonly string[]): boolean {
  const same = (key: readonly string[]): boolean =>
    key.length === columns.length && key.every((column) => columns.includes(column))
  if (table.primaryKey !== null && same(table.primaryKey.columns)) return true
  if (table.uniques.some((u) => !u.deferrable && same(u.columns))) return true
  return table.indexes.some(
    (index) =>
      index.unique &&
      index.where === null &&
      index.elements.every((e) => e.column !== null) &&
      same(index.elements.map((e) => e.column!)),
  )
}

function viewModel(view: View, relations: ReadonlySet<string>, names: NameAllocator): ViewModel {
  const def = view[viewDefinition]
  const definition = ddlQuery(def.query)
  if (definition === '')
    throw new SchemaError(`view ${def.schema}.${def.name}`, 'needs a query: view(...).as(sql`...`)')
  const label = `${def.materialized ? 'materialized view' : 'view'} ${def.schema}.${def.name}`
  const fail = (problem: string, what = ''): never => {
    throw new SchemaError(what === '' ? label : `${label}, ${what}`, problem)
  }
  const nameOf = (column: AnyColumn, what: string): string => {
    if (column === undefined || column === null)
      fail('one of its columns is undefined: list columns the view declares', what)
    if (!belongsTo(column, def)) {
      const owner = column.table === undefined ? 'no relation' : `${column.table.schema}.${column.table.name}`
      fail(`column ${column.config.name ?? '?'} belongs to ${owner}, not to this view`, what)
    }
    return column.name
  }
  const indexes = buildIndexes(def.name, def.indexes, nameOf, fail, names).sort((x, y) =>
    compare(x.name, y.name),
  )
  const dependsOn = referencedRelations(def.query).filter((key) => relations.has(key) && key !== keyOf(def))
  return {
    schema: def.schema,
    name: def.name,
    materialized: def.materialized,
    definition,
    withNoData: def.withNoData,
    storageParameters: storageParameterModels(def.storageParameters, (problem) => {
      throw new SchemaError(
        `${def.materialized ? 'materialized view' : 'view'} ${def.schema}.${def.name}`,
        problem,
      )
    }),
    dependsOn: [...new Set(dependsOn)].sort(compare),
    indexes,
    comment: commentText(
      def.comment,
      `${def.materialized ? 'materialized view' : 'view'} ${def.schema}.${def.name}`,
    ),
  }
}

function referencedRelations(fragment: SQL): string[] {
  const found: string[] = []
  for (const chunk of fragment.chunks) {
    if (chunk.kind === 'identifier' && chunk.names.length === 2) found.push(chunk.names.join('.'))
    else if (chunk.kind === 'sql') found.push(...referencedRelations(chunk.sql))
  }
  return found
}
