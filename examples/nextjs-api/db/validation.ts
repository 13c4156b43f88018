import { createInsertSchema, createSelectSchema, createUpdateSchema } from 'tidemark/zod'
import type * as z from 'zod'
import { tasks, users } from './schema'

/**
 * Request bodies, checked with schemas made from the tables: varchar lengths, types and nullability
 * come from the schema module, the extra rules per column from here. Route handlers, server actions
 * and the seed script all use these.
 */

export const SignUp = createInsertSchema(users, {
  email: (s) => s.email('email must be an email address'),
  displayName: (s) => s.trim().min(1, 'displayName must not be empty'),
}).pick({ email: true, displayName: true })

export const NewTask = createInsertSchema(tasks, {
  title: (s) => s.trim().min(1, 'title must not be empty'),
}).pick({ title: true, dueOn: true })

export const TaskChanges = createUpdateSchema(tasks, {
  title: (s) => s.trim().min(1, 'title must not be empty'),
})
  .pick({ title: true, done: true, dueOn: true })
  .refine((changes) => Object.keys(changes).length > 0, 'Send at least one of title, done and dueOn')

export const Task = createSelectSchema(tasks).omit({ ownerId: true })

export type SignUp = z.infer<typeof SignUp>
export type NewTask = z.infer<typeof NewTask>
export type TaskChanges = z.infer<typeof TaskChanges>
export type Task = z.infer<typeof Task>

/** One line per problem, `field: message`, for a 400 response or a form. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
