import {
  bigint,
  boolean,
  check,
  desc,
  enumType,
  index,
  inet,
  integer,
  jsonb,
  schema,
  sql,
  table,
  text,
  timestamptz,
  unique,
  uuid,
  varchar,
} from 'tidemark/pg'

/** The schema of a small mobile backend: accounts, their devices, sessions and push tokens. */

export const platform = enumType('platform', ['ios', 'android', 'web'])
export const plan = enumType('plan', ['free', 'pro'])

/** Authentication data lives in its own schema. */
export const auth = schema('auth')

export const users = table(
  'users',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    email: varchar({ length: 320 }).notNull().unique(),
    displayName: text('display_name'),
    plan: plan().notNull().default('free'),
    settings: jsonb<{ theme: 'light' | 'dark'; locale: string }>()
      .notNull()
      .default({ theme: 'light', locale: 'en' }),
    createdAt: timestamptz('created_at').notNull().default(sql`now()`),
  },
  (t) => [
    index().on(sql`lower(${t.email})`),
    check('users_email_has_at', sql`position('@' in ${t.email}) > 1`),
  ],
)

export const devices = table(
  'devices',
  {
    id: bigint().generatedAlwaysAsIdentity().primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    platform: platform().notNull(),
    model: text(),
    osVersion: varchar('os_version', { length: 32 }),
    lastSeenAt: timestamptz('last_seen_at'),
  },
  (t) => [unique().on(t.id, t.userId), index().on(t.userId, desc(t.lastSeenAt).nullsLast())],
)

export const sessions = auth.table(
  'sessions',
  {
    id: uuid().primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deviceId: bigint('device_id').references(() => devices.id, { onDelete: 'set null' }),
    ip: inet(),
    expiresAt: timestamptz('expires_at').notNull(),
    revoked: boolean().notNull().default(false),
  },
  (t) => [index('sessions_live_idx').on(t.userId).where(sql`not ${t.revoked}`)],
)

export const pushTokens = table('push_tokens', {
  token: text().primaryKey(),
  deviceId: bigint('device_id')
    .notNull()
    .unique()
    .references(() => devices.id, { onDelete: 'cascade' }),
  failures: integer().notNull().default(0).check(sql`failures >= 0`),
  createdAt: timestamptz('created_at').notNull().default(sql`now()`),
})

/** Sessions that can still be used. */
export const activeSessions = auth
  .view('active_sessions', { id: uuid().notNull(), userId: uuid('user_id').notNull() })
  .as(
    sql`select ${sessions.id}, ${sessions.userId} from ${sessions} where not ${sessions.revoked} and ${sessions.expiresAt} > now()`,
  )
