import * as z from 'zod'
import type { ColumnsOf } from '../schema/infer.js'
import type { AnyTable } from '../schema/table.js'
import { setOwnProperty } from '../util/own-property.js'
import { type SchemaPurpose, tableFields, type WrittenColumns } from '../validation/table-fields.js'
import type { InsertShape, OnlyKeysOf, Refinements, SelectShape, UpdateShape } from './schema-types.js'
import { valueSchema } from './value-schema.js'

type Source = { readonly $name: string }
type Refine = Record<string, ((schema: z.ZodType) => z.ZodType) | z.ZodType>

/**
 * A zod schema of the rows a table (or a view with declared columns) returns: its output type is
 * `InferSelect<typeof table>`.
 *
 * @example
 * const User = createSelectSchema(users)
 * const user = User.parse(row) // { id: string; email: string; nickname: string | null }
 */
export function createSelectSchema<
  T extends Source,
  R extends Refinements<ColumnsOf<T>> & OnlyKeysOf<ColumnsOf<T>, R>,
>(source: T, refine?: R): z.ZodObject<SelectShape<ColumnsOf<T>, R>, z.core.$strip> {
  return build(source, 'select', refine) as never
}

/**
 * A zod schema of the values an insert takes: its output type is `InferInsert<typeof table>`.
 * Generated columns are left out; a column with a default, or one that may be NULL, is optional.
 *
 * @example
 * const NewUser = createInsertSchema(users, { email: (s) => s.email() })
 * await db.insert(users).values(NewUser.parse(body))
 */
export function createInsertSchema<
  T extends AnyTable,
  R extends Refinements<WrittenColumns<ColumnsOf<T>>> & OnlyKeysOf<WrittenColumns<ColumnsOf<T>>, R>,
>(table: T, refine?: R): z.ZodObject<InsertShape<ColumnsOf<T>, R>, z.core.$strip> {
  return build(table, 'insert', refine) as never
}

/**
 * A zod schema of the changes an update makes: every column but the generated ones, all optional.
 *
 * @example
 * const UserChanges = createUpdateSchema(users)
 * await db.update(users).set(UserChanges.parse(body)).where(eq(users.id, id))
 */
export function createUpdateSchema<
  T extends AnyTable,
  R extends Refinements<WrittenColumns<ColumnsOf<T>>> & OnlyKeysOf<WrittenColumns<ColumnsOf<T>>, R>,
>(table: T, refine?: R): z.ZodObject<UpdateShape<ColumnsOf<T>, R>, z.core.$strip> {
  return build(table, 'update', refine) as never
}

function build(source: object, purpose: SchemaPurpose, refine: object | undefined): z.ZodObject {
  const refinements = (refine ?? {}) as Refine
  const fields = tableFields(source, purpose)
  const keys = new Set(fields.map((field) => field.key))
  for (const key of Object.keys(refinements)) {
    if (!keys.has(key))
      throw new TypeError(`Cannot refine ${JSON.stringify(key)}: the ${purpose} schema has no such column`)
  }
  const shape: Record<string, z.ZodType> = {}
  for (const field of fields) {
    const base = valueSchema(field.rule)
    const refinement = Object.hasOwn(refinements, field.key) ? refinements[field.key] : undefined
    let schema =
      refinement === undefined ? base : typeof refinement === 'function' ? refinement(base) : refinement
    if (field.nullable) schema = schema.nullable()
    if (field.optional) schema = schema.optional()
    setOwnProperty(shape, field.key, schema)
  }
  return z.object(shape)
}
