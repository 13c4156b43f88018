/**
 * `tidemark/zod`: zod schemas of a table's rows, inserts and updates, with the constraints of each
 * column's type (varchar length, integer range, numeric precision and scale, enum labels, array
 * dimensions). zod 4 is a peer dependency of this entry only.
 *
 * @example
 * import { createInsertSchema, createSelectSchema } from 'tidemark/zod'
 *
 * const NewUser = createInsertSchema(users, { email: (s) => s.email() })
 * const User = createSelectSchema(users)
 */

export { createInsertSchema, createSelectSchema, createUpdateSchema } from './zod/create-schemas.js'
export type { ColumnZod, Refinements } from './zod/schema-types.js'
