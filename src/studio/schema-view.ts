import type { Queryable } from '../database/database.js'
import { introspect } from '../dialects/pg/introspect/index.js'
import type { JournalOptions } from '../migrate/runner/journal.js'
import type { SchemaModel, TableModel } from '../model/types.js'
import { type Box, layoutBoxes } from './diagram-layout.js'
import { enumValues, type InputKind, inputKind } from './input-kind.js'

/** A column as the studio's page shows and edits it. */
export interface ColumnView {
  readonly name: string
  readonly type: string
  readonly notNull: boolean
  readonly default: string | null
  readonly primaryKey: boolean
  /** `schema.table` this column references, when a foreign key starts here. */
  readonly references: string | null
  /** Generated and identity-always columns are written by the database only. */
  readonly readOnly: boolean
  readonly input: InputKind
  readonly enumValues: readonly string[] | null
}

export interface TableView {
  /** `schema.table`: the id the page and the row API use. */
  readonly key: string
  readonly schema: string
  readonly name: string
  readonly columns: readonly ColumnView[]
  readonly primaryKey: readonly string[] | null
  readonly foreignKeys: readonly {
    readonly name: string
    readonly columns: readonly string[]
    readonly references: { readonly key: string; readonly columns: readonly string[] }
  }[]
}

export interface SchemaView {
  readonly tables: readonly TableView[]
  readonly diagram: { readonly width: number; readonly height: number; readonly boxes: readonly Box[] }
}

/** The live database's tables (the journal's own table left out) and where the diagram draws them. */
export async function readSchemaView(
  db: Queryable,
  options: { journal: JournalOptions; schemas: readonly string[] | undefined },
): Promise<{ model: SchemaModel; view: SchemaView }> {
  const model = await introspect(db, {
    exclude: [{ schema: options.journal.schema, table: options.journal.table }],
    schemas: options.schemas,
  })
  const tables = model.tables.filter((t) => t.partitionOf === null).map((t) => tableView(t, model))
  const diagram = layoutBoxes(tables.map((t) => ({ key: t.key, lines: t.columns.length })))
  return { model, view: { tables, diagram } }
}

export function tableKey(schema: string, name: string): string {
  return `${schema}.${name}`
}

function tableView(table: TableModel, model: SchemaModel): TableView {
  const pk = new Set(table.primaryKey?.columns ?? [])
  const referencing = new Map<string, string>()
  for (const fk of table.foreignKeys)
    for (const column of fk.columns)
      referencing.set(column, tableKey(fk.references.schema, fk.references.table))
  return {
    key: tableKey(table.schema, table.name),
    schema: table.schema,
    name: table.name,
    primaryKey: table.primaryKey === null ? null : [...table.primaryKey.columns],
    columns: table.columns.map((c) => ({
      name: c.name,
      type: c.type,
      notNull: c.notNull,
      default: c.default,
      primaryKey: pk.has(c.name),
      references: referencing.get(c.name) ?? null,
      readOnly: c.generated !== null || c.identity?.generation === 'always',
      input: inputKind(c.type, c.dimensions, model.enums),
      enumValues: enumValues(c.type, model.enums),
    })),
    foreignKeys: table.foreignKeys.map((fk) => ({
      name: fk.name,
      columns: [...fk.columns],
      references: {
        key: tableKey(fk.references.schema, fk.references.table),
        columns: [...fk.references.columns],
      },
    })),
  }
}
