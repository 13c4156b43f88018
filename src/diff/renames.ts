import type { ColumnModel, SchemaModel, TableModel } from '../model/types.js'

/** A table that keeps its data under a new name (same schema). */
export interface TableRename {
  readonly schema: string
  readonly from: string
  readonly to: string
}

/** A column that keeps its data under a new name; `table` is the table's name after any table rename. */
export interface ColumnRename {
  readonly schema: string
  readonly table: string
  readonly from: string
  readonly to: string
}

export interface Renames {
  readonly tables: readonly TableRename[]
  readonly columns: readonly ColumnRename[]
}

export const NO_RENAMES: Renames = { tables: [], columns: [] }

/**
 * A table or column that disappears while one of compatible shape appears: it may have been renamed,
 * and only the author knows. `from` and `to` are how flags name them: `users`, `auth.users` (tables
 * outside `public`), `users.name` (columns).
 */
export interface RenameCandidate {
  readonly kind: 'table' | 'column'
  readonly from: string
  readonly to: string
  readonly rename: TableRename | ColumnRename
}

const key = (schema: string, name: string): string => `${schema}.${name}`

export function tableLabel(schema: string, name: string): string {
  return schema === 'public' ? name : `${schema}.${name}`
}

const columnShape = (column: ColumnModel): string => `${column.type}/${column.dimensions}`

/** Most of the old table's columns, with the same names and types, are in the new one. */
function tablesLookAlike(dropped: TableModel, created: TableModel): boolean {
  const shapes = new Map(created.columns.map((c) => [c.name, columnShape(c)]))
  const kept = dropped.columns.filter((c) => shapes.get(c.name) === columnShape(c)).length
  return dropped.columns.length === 0 ? created.columns.length === 0 : kept * 2 >= dropped.columns.length
}

/**
 * The rename candidates between two models, given the renames already decided (which are applied
 * first, so column candidates are found inside renamed tables too). Items already decided, either
 * way, are not candidates again: `dropped` lists the labels confirmed as dropped.
 */
export function findRenameCandidates(
  from: SchemaModel,
  to: SchemaModel,
  decided: Renames = NO_RENAMES,
  dropped: ReadonlySet<string> = new Set(),
): RenameCandidate[] {
  const source = applyRenames(from, decided)
  const targetTables = new Map(to.tables.map((t) => [key(t.schema, t.name), t]))
  const sourceTables = new Map(source.tables.map((t) => [key(t.schema, t.name), t]))
  const candidates: RenameCandidate[] = []

  const goneTables = source.tables.filter((t) => !targetTables.has(key(t.schema, t.name)))
  const newTables = to.tables.filter((t) => !sourceTables.has(key(t.schema, t.name)))
  for (const gone of goneTables) {
    const fromLabel = tableLabel(gone.schema, gone.name)
    if (dropped.has(fromLabel)) continue
    for (const created of newTables) {
      if (created.schema !== gone.schema || !tablesLookAlike(gone, created)) continue
      // Partitions list no columns of their own, so any two would look alike.
      if (gone.partitionOf !== null || created.partitionOf !== null) continue
      candidates.push({
        kind: 'table',
        from: fromLabel,
        to: tableLabel(created.schema, created.name),
        rename: { schema: gone.schema, from: gone.name, to: created.name },
      })
    }
  }

  for (const target of to.tables) {
    const current = sourceTables.get(key(target.schema, target.name))
    if (current === undefined) continue
    const targetColumns = new Set(target.columns.map((c) => c.name))
    const currentColumns = new Set(current.columns.map((c) => c.name))
    const label = tableLabel(target.schema, target.name)
    for (const gone of current.columns) {
      if (targetColumns.has(gone.name) || dropped.has(`${label}.${gone.name}`)) continue
      for (const created of target.columns) {
        if (currentColumns.has(created.name) || columnShape(created) !== columnShape(gone)) continue
        if ((created.generated === null) !== (gone.generated === null)) continue
        candidates.push({
          kind: 'column',
          from: `${label}.${gone.name}`,
          to: `${label}.${created.name}`,
          rename: { schema: target.schema, table: target.name, from: gone.name, to: created.name },
        })
      }
    }
  }
  return candidates
}

/**
 * The model as it is after the renames: names changed everywhere they appear (keys, foreign key
 * targets, sequence owners, view dependencies). Expression text is left as it is; an expression that
 * spelled the old name compares unequal and is rebuilt, which is correct if verbose.
 */
export function applyRenames(model: SchemaModel, renames: Renames): SchemaModel {
  if (renames.tables.length === 0 && renames.columns.length === 0) return model
  const tableName = new Map(renames.tables.map((r) => [key(r.schema, r.from), r.to]))
  const renameTable = (schema: string, name: string): string => tableName.get(key(schema, name)) ?? name
  const columnName = new Map(renames.columns.map((r) => [`${key(r.schema, r.table)}.${r.from}`, r.to]))
  /** `table` is the table's new name. */
  const renameColumn = (schema: string, table: string, column: string): string =>
    columnName.get(`${key(schema, table)}.${column}`) ?? column
  const columns = (schema: string, table: string, names: readonly string[]): string[] =>
    names.map((n) => renameColumn(schema, table, n))

  const tables = model.tables.map((t): TableModel => {
    const name = renameTable(t.schema, t.name)
    const list = (names: readonly string[]) => columns(t.schema, name, names)
    return {
      ...t,
      name,
      columns: t.columns.map((c) => ({ ...c, name: renameColumn(t.schema, name, c.name) })),
      primaryKey: t.primaryKey === null ? null : { ...t.primaryKey, columns: list(t.primaryKey.columns) },
      uniques: t.uniques.map((u) => ({ ...u, columns: list(u.columns) })),
      foreignKeys: t.foreignKeys.map((fk) => {
        const target = renameTable(fk.references.schema, fk.references.table)
        return {
          ...fk,
          columns: list(fk.columns),
          references: {
            ...fk.references,
            table: target,
            columns: columns(fk.references.schema, target, fk.references.columns),
          },
        }
      }),
      partitionOf:
        t.partitionOf === null
          ? null
          : { ...t.partitionOf, table: renameTable(t.partitionOf.schema, t.partitionOf.table) },
      indexes: t.indexes.map((i) => ({
        ...i,
        elements: i.elements.map((e) => (e.column === null ? e : { ...e, column: list([e.column])[0]! })),
        include: list(i.include),
      })),
    }
  })
  const sequences = model.sequences.map((s) => {
    if (s.ownedBy === null) return s
    const table = renameTable(s.schema, s.ownedBy.table)
    return { ...s, ownedBy: { table, column: renameColumn(s.schema, table, s.ownedBy.column) } }
  })
  const views = model.views.map((v) => ({
    ...v,
    dependsOn: v.dependsOn.map((dependency) => {
      const dot = dependency.indexOf('.')
      const schema = dependency.slice(0, dot)
      return key(schema, renameTable(schema, dependency.slice(dot + 1)))
    }),
  }))
  // Triggers and rules follow their table; their definitions still name it as before, so they are
  // created again under the new name.
  const definedObjects = model.definedObjects.map((o) =>
    o.table === null ? o : { ...o, table: renameTable(o.schema, o.table) },
  )
  return { ...model, tables, sequences, views, definedObjects }
}

/** Renames the other way round, for the down migration. */
export function invertRenames(renames: Renames): Renames {
  const tableBack = new Map(renames.tables.map((r) => [key(r.schema, r.to), r.from]))
  return {
    tables: renames.tables.map((r) => ({ schema: r.schema, from: r.to, to: r.from })),
    columns: renames.columns.map((r) => ({
      schema: r.schema,
      // Going down, column renames are applied to the table under its old name.
      table: tableBack.get(key(r.schema, r.table)) ?? r.table,
      from: r.to,
      to: r.from,
    })),
  }
}
