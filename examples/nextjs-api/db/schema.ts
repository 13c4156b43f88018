import { sql } from 'tidemark'
import {
  boolean,
  date,
  enableRowLevelSecurity,
  grant,
  index,
  policy,
  table,
  text,
  timestamptz,
  uuid,
  varchar,
} from 'tidemark/pg'

/**
 * The one schema module: Tidemark generates the migrations from it, and the route handlers, server
 * actions and seed script import its tables (and, through db/validation.ts, its zod schemas).
 */

/**
 * The signed-in user of the current transaction, set by `asUser` with `set_config(..., true)`.
 * `nullif` because once a transaction that set it has ended, the setting reads '' on that connection.
 */
const currentUserId = sql`nullif(current_setting('app.user_id', true), '')::uuid`

export const users = table(
  'users',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    email: varchar({ length: 320 }).notNull().unique(),
    displayName: varchar('display_name', { length: 80 }).notNull(),
    // A SHA-256 of the user's API token: the token itself is shown once, at sign-up.
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    enableRowLevelSecurity(),
    policy('users_see_themselves', {
      for: 'select',
      to: ['app_user'],
      using: sql`${t.id} = ${currentUserId}`,
    }),
  ],
)

export const tasks = table(
  'tasks',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar({ length: 200 }).notNull(),
    done: boolean().notNull().default(false),
    dueOn: date('due_on'),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    index().on(t.ownerId, t.createdAt),
    enableRowLevelSecurity(),
    // Each user reads and writes their own tasks only; a write cannot hand a task to someone else.
    policy('tasks_of_their_owner', {
      to: ['app_user'],
      using: sql`${t.ownerId} = ${currentUserId}`,
      withCheck: sql`${t.ownerId} = ${currentUserId}`,
    }),
  ],
)

/** What the app's role may touch at all; the policies above then pick the rows. */
export const grants = [
  grant(users, {
    to: 'app_user',
    privileges: ['SELECT'],
    columns: [users.id, users.email, users.displayName],
  }),
  grant(tasks, { to: 'app_user', privileges: ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] }),
]
