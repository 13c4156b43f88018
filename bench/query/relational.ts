/**
 * Nested reads: ten users, each with their posts and each post's comments, in one statement per
 * toolkit. Raw SQL is the hand-written json_agg query node-postgres (or PGlite) parses itself.
 */
import type { PGlite } from '@electric-sql/pglite'
import { asc as dAsc, gt as dGt } from 'drizzle-orm'
import type { Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type pg from 'pg'
import type { Database, RelationalQueries } from 'tidemark'
import { asc, gt } from 'tidemark'
import { comments, type KyselyDB, posts, USER_COUNT, users } from './schema.js'

export const relationalSchema = { users, posts, comments }
export type RelationalDb = Database<RelationalQueries<typeof relationalSchema, {}>>

export const relationalWorkload = 'users with posts and comments'
const PAGE = 10
const after = (i: number) => (i * 97) % (USER_COUNT - PAGE)

const rawSql = `select u.id, u.name, u.email, u.created_at,
  coalesce((select json_agg(json_build_object('id', p.id, 'title', p.title, 'comments',
    coalesce((select json_agg(json_build_object('id', c.id, 'body', c.body, 'created_at', c.created_at))
      from bench_comments c where c.post_id = p.id), '[]'::json)))
    from bench_posts p where p.user_id = u.id), '[]'::json) as posts
from bench_users u where u.id > $1 order by u.id limit ${PAGE}`

export function rawRelational(client: pg.Pool | PGlite): (i: number) => Promise<unknown> {
  const query = client.query.bind(client) as (sql: string, params: unknown[]) => Promise<unknown>
  return (i) => query(rawSql, [after(i)])
}

export function tidemarkRelational(db: RelationalDb): (i: number) => Promise<unknown> {
  return (i) =>
    db.query.users
      .findMany({
        columns: { id: true, name: true, email: true, createdAt: true },
        where: gt(users.id, after(i)),
        orderBy: asc(users.id),
        limit: PAGE,
        with: {
          posts: {
            columns: { id: true, title: true },
            with: { comments: { columns: { id: true, body: true, createdAt: true } } },
          },
        },
      })
      .execute()
}

/** drizzle-orm's relational queries (its database created with the drizzle schema and relations). */
export function drizzleRelational(db: any): (i: number) => Promise<unknown> {
  return (i) =>
    db.query.dUsers.findMany({
      columns: { id: true, name: true, email: true, createdAt: true },
      where: (u: any) => dGt(u.id, after(i)),
      orderBy: (u: any) => [dAsc(u.id)],
      limit: PAGE,
      with: {
        posts: {
          columns: { id: true, title: true },
          with: { comments: { columns: { id: true, body: true, createdAt: true } } },
        },
      },
    })
}

export function kyselyRelational(db: Kysely<KyselyDB>): (i: number) => Promise<unknown> {
  return (i) =>
    db
      .selectFrom('bench_users as u')
      .select((eb) => [
        'u.id',
        'u.name',
        'u.email',
        'u.created_at',
        jsonArrayFrom(
          eb
            .selectFrom('bench_posts as p')
            .select((eb2) => [
              'p.id',
              'p.title',
              jsonArrayFrom(
                eb2
                  .selectFrom('bench_comments as c')
                  .select(['c.id', 'c.body', 'c.created_at'])
                  .whereRef('c.post_id', '=', 'p.id'),
              ).as('comments'),
            ])
            .whereRef('p.user_id', '=', 'u.id'),
        ).as('posts'),
      ])
      .where('u.id', '>', after(i))
      .orderBy('u.id')
      .limit(PAGE)
      .execute()
}
