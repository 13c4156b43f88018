/**
 * `tidemark/validate`: validation schemas of a table's rows, inserts and updates that implement the
 * Standard Schema v1 interface, with no dependency. They check the constraints of each column's
 * type (varchar length, integer range, numeric precision and scale, enum labels, array dimensions)
 * and are typed `InferSelect`, `InferInsert` and the update's changes.
 *
 * @example
 * import { createInsertSchema } from 'tidemark/validate'
 *
 * const NewUser = createInsertSchema(users, { email: (email) => email.includes('@') || 'Not an email' })
 * const values = NewUser.parse(body) // or hand NewUser to any library that takes a Standard Schema
 */

export {
  type Checks,
  createInsertSchema,
  createSelectSchema,
  createUpdateSchema,
  type TableSchema,
  type UpdateRow,
  ValidationError,
} from './validate/create-schemas.js'
export type { StandardSchemaV1 } from './validate/standard-schema.js'
