import type { Queryable } from '../database/database.js'
import { type SQL, sql } from '../sql/sql.js'
import type { TableView } from './schema-view.js'
import { StudioRequestError } from './studio-request-error.js'

/** A cell as the page sees it: PostgreSQL's text form of the value (exact for bigint, numeric, dates), or null. */
export type CellText = string | null

export interface RowPage {
  readonly table: string
  readonly columns: readonly string[]
  readonly rows: readonly Record<string, CellText>[]
  readonly offset: number
  readonly limit: number
  readonly total: number
  /** Why the rows cannot be edited here, or null when they can. */
  readonly readOnly: string | null
}

export const MAX_PAGE = 200

/** One page of a table's rows, in primary key order (physical order for a table without one). */
export async function readRows(
  db: Queryable,
  table: TableView,
  page: { offset: number; limit: number },
): Promise<RowPage> {
  const order =
    table.primaryKey === null ? sql.raw('ctid') : sql.join(table.primaryKey.map((c) => sql.identifier(c)))
  const { rows } = await db.execute<Record<string, CellText>>(
    sql`select ${textColumns(table)} from ${sql.identifier(table.schema, table.name)} order by ${order} limit ${page.limit} offset ${page.offset}`,
  )
  const counted = await db.execute<{ total: string }>(
    sql`select count(*)::text as total from ${sql.identifier(table.schema, table.name)}`,
  )
  return {
    table: table.key,
    columns: table.columns.map((c) => c.name),
    rows,
    offset: page.offset,
    limit: page.limit,
    total: Number(counted.rows[0]?.total ?? 0),
    readOnly: readOnlyReason(table),
  }
}

export function readOnlyReason(table: TableView): string | null {
  return table.primaryKey === null
    ? `${table.key} has no primary key, so a row cannot be named for an update: it is shown read-only. Add a primary key to edit it here.`
    : null
}

export interface CellUpdate {
  /** The primary key's values, in the text form readRows returned them. */
  readonly key: Readonly<Record<string, CellText>>
  readonly column: string
  /** The new value in PostgreSQL's text form (`true`, `2026-01-02T03:04`, `{"a":1}`), or null. */
  readonly value: CellText
}

/**
 * Sets one cell of the row the primary key names, and returns the row as stored. Every value is a
 * bound parameter; PostgreSQL reads each from text as the column's type, so a value that does not
 * fit is its error, not a guess made here.
 */
export async function updateCell(
  db: Queryable,
  table: TableView,
  update: CellUpdate,
): Promise<Record<string, CellText>> {
  const reason = readOnlyReason(table)
  if (reason !== null) throw new StudioRequestError(409, reason)
  const column = table.columns.find((c) => c.name === update.column)
  if (column === undefined)
    throw new StudioRequestError(400, `${table.key} has no column '${update.column}'.`)
  if (column.readOnly)
    throw new StudioRequestError(
      409,
      `${table.key}.${column.name} is written by the database (generated or identity); it cannot be edited.`,
    )
  const keyColumns = table.primaryKey ?? []
  const conditions: SQL[] = []
  for (const name of keyColumns) {
    const value = update.key[name]
    if (typeof value !== 'string')
      throw new StudioRequestError(400, `The row's key needs a value for primary key column '${name}'.`)
    conditions.push(sql`${sql.identifier(name)} = ${textParam(value)}`)
  }
  const { rows } = await db.execute<Record<string, CellText>>(
    sql`update ${sql.identifier(table.schema, table.name)} set ${sql.identifier(column.name)} = ${textParam(update.value)} where ${sql.join(conditions, sql.raw(' and '))} returning ${textColumns(table)}`,
  )
  const row = rows[0]
  if (row === undefined)
    throw new StudioRequestError(
      404,
      `No row of ${table.key} has that primary key any more: reload the page.`,
    )
  return row
}

/** Each column read as its text form, under its own name. */
function textColumns(table: TableView): SQL {
  return sql.join(table.columns.map((c) => sql`${sql.identifier(c.name)}::text as ${sql.identifier(c.name)}`))
}

/** A parameter sent as text with no type of its own, so the server types it from the column it meets. */
function textParam(value: CellText): SQL {
  return sql.param(value, (v) => (v === null ? null : String(v)))
}
