import type { AnyColumn } from '../schema/column.js'
import type { OptionalKeys, RequiredKeys } from '../schema/infer.js'
import { type ColumnMap, isTable, tableDefinition } from '../schema/table.js'
import { viewDefinition } from '../schema/view.js'
import { type ValueRule, valueRule } from './value-rule.js'

/** Which values a schema describes: a row read back, a row to insert, or the changes of an update. */
export type SchemaPurpose = 'select' | 'insert' | 'update'

/** The columns an insert or update writes: all but the generated ones. */
export type WrittenColumns<C extends ColumnMap> = Pick<C, RequiredKeys<C> | OptionalKeys<C>>

/** One key of a validation schema, as `InferSelect` / `InferInsert` / `UpdateValues` type it. */
export interface FieldSpec {
  readonly key: string
  readonly rule: ValueRule
  /** null is allowed (the column may be NULL). */
  readonly nullable: boolean
  /** The key may be left out (a default, NULL or an update that keeps the value). */
  readonly optional: boolean
}

/**
 * The fields of a table's (or a view's, for select) validation schema. Generated columns are left
 * out of insert and update; a column with a default, identity or serial, or one that may be NULL, is
 * optional on insert, exactly as `InferInsert` has it.
 */
export function tableFields(source: object, purpose: SchemaPurpose): FieldSpec[] {
  const columns = columnsOf(source, purpose)
  const fields: FieldSpec[] = []
  for (const [key, column] of Object.entries(columns)) {
    const config = column.config
    if (purpose !== 'select' && config.generated !== undefined) continue
    const hasDefault =
      config.default !== undefined ||
      config.defaultFn !== undefined ||
      config.identity !== undefined ||
      config.type.serial !== undefined
    const optional = purpose === 'update' || (purpose === 'insert' && (hasDefault || !config.notNull))
    fields.push({ key, rule: valueRule(config.type), nullable: !config.notNull, optional })
  }
  return fields
}

function columnsOf(source: object, purpose: SchemaPurpose): Readonly<Record<string, AnyColumn>> {
  if (isTable(source)) return source[tableDefinition].columns
  const view = (source as { [viewDefinition]?: { columns: Readonly<Record<string, AnyColumn>> } })[
    viewDefinition
  ]
  if (view !== undefined && purpose === 'select') return view.columns
  throw new TypeError(
    purpose === 'select'
      ? 'Validation schemas are made from a table or a view declared with its columns'
      : `An ${purpose} schema is made from a table`,
  )
}
