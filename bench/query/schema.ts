/** The benchmark schema, declared once per toolkit, and the rows every suite starts from. */

import { relations } from 'drizzle-orm'
import {
  integer as dInteger,
  serial as dSerial,
  text as dText,
  timestamp as dTimestamp,
  pgTable,
} from 'drizzle-orm/pg-core'
import type { Generated } from 'kysely'
import { integer, serial, table, text, timestamptz } from 'tidemark/pg'

export const users = table('bench_users', {
  id: serial().primaryKey(),
  name: text().notNull(),
  email: text().notNull(),
  age: integer().notNull(),
  createdAt: timestamptz('created_at').notNull(),
})

export const posts = table('bench_posts', {
  id: serial().primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  title: text().notNull(),
  body: text().notNull(),
})

export const comments = table('bench_comments', {
  id: serial().primaryKey(),
  postId: integer('post_id')
    .notNull()
    .references(() => posts.id),
  body: text().notNull(),
  createdAt: timestamptz('created_at').notNull(),
})

export const events = table('bench_events', {
  id: serial().primaryKey(),
  userId: integer('user_id').notNull(),
  payload: text().notNull(),
})

export const dUsers = pgTable('bench_users', {
  id: dSerial().primaryKey(),
  name: dText().notNull(),
  email: dText().notNull(),
  age: dInteger().notNull(),
  createdAt: dTimestamp('created_at', { withTimezone: true }).notNull(),
})

export const dPosts = pgTable('bench_posts', {
  id: dSerial().primaryKey(),
  userId: dInteger('user_id').notNull(),
  title: dText().notNull(),
  body: dText().notNull(),
})

export const dComments = pgTable('bench_comments', {
  id: dSerial().primaryKey(),
  postId: dInteger('post_id').notNull(),
  body: dText().notNull(),
  createdAt: dTimestamp('created_at', { withTimezone: true }).notNull(),
})

// drizzle's relational queries need relations declared by hand.
export const dUsersRelations = relations(dUsers, ({ many }) => ({ posts: many(dPosts) }))
export const dPostsRelations = relations(dPosts, ({ one, many }) => ({
  user: one(dUsers, { fields: [dPosts.userId], references: [dUsers.id] }),
  comments: many(dComments),
}))
export const dCommentsRelations = relations(dComments, ({ one }) => ({
  post: one(dPosts, { fields: [dComments.postId], references: [dPosts.id] }),
}))
export const drizzleSchema = {
  dUsers,
  dPosts,
  dComments,
  dUsersRelations,
  dPostsRelations,
  dCommentsRelations,
}

export const dEvents = pgTable('bench_events', {
  id: dSerial().primaryKey(),
  userId: dInteger('user_id').notNull(),
  payload: dText().notNull(),
})

export interface KyselyDB {
  bench_users: { id: Generated<number>; name: string; email: string; age: number; created_at: Date }
  bench_posts: { id: Generated<number>; user_id: number; title: string; body: string }
  bench_comments: { id: Generated<number>; post_id: number; body: string; created_at: Date }
  bench_events: { id: Generated<number>; user_id: number; payload: string }
}

export const USER_COUNT = 1000
export const POSTS_PER_USER = 5
export const COMMENTS_PER_POST = 3

/** Creates and fills the tables (plain SQL, so no toolkit gets a head start). */
export const setupSql = `
create table bench_users (id serial primary key, name text not null, email text not null, age integer not null, created_at timestamptz not null);
create table bench_posts (id serial primary key, user_id integer not null references bench_users, title text not null, body text not null);
create index on bench_posts (user_id);
create table bench_comments (id serial primary key, post_id integer not null references bench_posts, body text not null, created_at timestamptz not null);
create index on bench_comments (post_id);
create index on bench_users (age);
create table bench_events (id serial primary key, user_id integer not null, payload text not null);
insert into bench_users (name, email, age, created_at)
  select 'user ' || i, 'user' || i || '@example.com', 18 + i % 60, now() - i * interval '1 hour' from generate_series(1, ${USER_COUNT}) i;
insert into bench_posts (user_id, title, body)
  select 1 + i % ${USER_COUNT}, 'title ' || i, repeat('body ', 20) from generate_series(1, ${USER_COUNT * POSTS_PER_USER}) i;
insert into bench_comments (post_id, body, created_at)
  select 1 + i % ${USER_COUNT * POSTS_PER_USER}, 'comment ' || i, now() - i * interval '1 minute'
  from generate_series(1, ${USER_COUNT * POSTS_PER_USER * COMMENTS_PER_POST}) i;
analyze;
`
