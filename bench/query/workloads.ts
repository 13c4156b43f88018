/**
 * The same five workloads per toolkit. Each is a function of an iteration number, so every toolkit
 * reads the same ids in the same order.
 */
import type { PGlite } from '@electric-sql/pglite'
import { asc as dAsc, eq as dEq, gt as dGt } from 'drizzle-orm'
import type { Kysely } from 'kysely'
import type pg from 'pg'
import { type Database, eq, gt } from 'tidemark'
import { dEvents, dPosts, dUsers, events, type KyselyDB, posts, USER_COUNT, users } from './schema.js'

export type WorkloadName =
  | 'select by id'
  | '20 rows filtered'
  | 'join'
  | 'insert returning id'
  | 'insert 100 rows'
export const workloadNames: readonly WorkloadName[] = [
  'select by id',
  '20 rows filtered',
  'join',
  'insert returning id',
  'insert 100 rows',
]

export type Workloads = Record<WorkloadName, (i: number) => Promise<unknown>>

const userId = (i: number) => 1 + ((i * 7919) % USER_COUNT)
const minAge = (i: number) => 18 + (i % 40)
const batch = (i: number) =>
  Array.from({ length: 100 }, (_, k) => ({ userId: userId(i + k), payload: `event ${i}-${k}` }))

const sqlText = {
  byId: 'select id, name, email, age, created_at from bench_users where id = $1',
  filtered: 'select id, name, email, age from bench_users where age > $1 order by id limit 20',
  join: 'select bench_users.name, bench_posts.title from bench_posts inner join bench_users on bench_users.id = bench_posts.user_id where bench_posts.user_id = $1',
  insert: 'insert into bench_events (user_id, payload) values ($1, $2) returning id',
}

function batchInsertSql(i: number): { text: string; values: unknown[] } {
  const values: unknown[] = []
  const rows: string[] = []
  for (const row of batch(i)) {
    values.push(row.userId, row.payload)
    rows.push(`($${values.length - 1}, $${values.length})`)
  }
  return { text: `insert into bench_events (user_id, payload) values ${rows.join(', ')}`, values }
}

/** Raw node-postgres: parameterized text, its default row objects and type parsing. */
export function rawPg(pool: pg.Pool): Workloads {
  return {
    'select by id': (i) => pool.query(sqlText.byId, [userId(i)]),
    '20 rows filtered': (i) => pool.query(sqlText.filtered, [minAge(i)]),
    join: (i) => pool.query(sqlText.join, [userId(i)]),
    'insert returning id': (i) => pool.query(sqlText.insert, [userId(i), `event ${i}`]),
    'insert 100 rows': (i) => {
      const { text, values } = batchInsertSql(i)
      return pool.query(text, values)
    },
  }
}

/** Raw PGlite: the same statements on the embedded database. */
export function rawPglite(client: PGlite): Workloads {
  return {
    'select by id': (i) => client.query(sqlText.byId, [userId(i)]),
    '20 rows filtered': (i) => client.query(sqlText.filtered, [minAge(i)]),
    join: (i) => client.query(sqlText.join, [userId(i)]),
    'insert returning id': (i) => client.query(sqlText.insert, [userId(i), `event ${i}`]),
    'insert 100 rows': (i) => {
      const { text, values } = batchInsertSql(i)
      return client.query(text, values)
    },
  }
}

export function tidemark(db: Database): Workloads {
  return {
    'select by id': (i) =>
      db
        .select()
        .from(users)
        .where(eq(users.id, userId(i)))
        .execute(),
    '20 rows filtered': (i) =>
      db
        .select({ id: users.id, name: users.name, email: users.email, age: users.age })
        .from(users)
        .where(gt(users.age, minAge(i)))
        .orderBy(users.id)
        .limit(20)
        .execute(),
    join: (i) =>
      db
        .select({ name: users.name, title: posts.title })
        .from(posts)
        .innerJoin(users, eq(users.id, posts.userId))
        .where(eq(posts.userId, userId(i)))
        .execute(),
    'insert returning id': (i) =>
      db
        .insert(events)
        .values({ userId: userId(i), payload: `event ${i}` })
        .returning({ id: events.id })
        .execute(),
    'insert 100 rows': (i) => db.insert(events).values(batch(i)).execute(),
  }
}

/** drizzle-orm over node-postgres or PGlite: the same query API on both, so the database is typed loosely. */
export function drizzleWorkloads(db: any): Workloads {
  return {
    'select by id': (i) =>
      db
        .select()
        .from(dUsers)
        .where(dEq(dUsers.id, userId(i))),
    '20 rows filtered': (i) =>
      db
        .select({ id: dUsers.id, name: dUsers.name, email: dUsers.email, age: dUsers.age })
        .from(dUsers)
        .where(dGt(dUsers.age, minAge(i)))
        .orderBy(dAsc(dUsers.id))
        .limit(20),
    join: (i) =>
      db
        .select({ name: dUsers.name, title: dPosts.title })
        .from(dPosts)
        .innerJoin(dUsers, dEq(dUsers.id, dPosts.userId))
        .where(dEq(dPosts.userId, userId(i))),
    'insert returning id': (i) =>
      db
        .insert(dEvents)
        .values({ userId: userId(i), payload: `event ${i}` })
        .returning({ id: dEvents.id }),
    'insert 100 rows': (i) => db.insert(dEvents).values(batch(i)),
  }
}

export function kyselyWorkloads(db: Kysely<KyselyDB>): Workloads {
  return {
    'select by id': (i) =>
      db
        .selectFrom('bench_users')
        .select(['id', 'name', 'email', 'age', 'created_at'])
        .where('id', '=', userId(i))
        .execute(),
    '20 rows filtered': (i) =>
      db
        .selectFrom('bench_users')
        .select(['id', 'name', 'email', 'age'])
        .where('age', '>', minAge(i))
        .orderBy('id')
        .limit(20)
        .execute(),
    join: (i) =>
      db
        .selectFrom('bench_posts')
        .innerJoin('bench_users', 'bench_users.id', 'bench_posts.user_id')
        .select(['bench_users.name', 'bench_posts.title'])
        .where('bench_posts.user_id', '=', userId(i))
        .execute(),
    'insert returning id': (i) =>
      db
        .insertInto('bench_events')
        .values({ user_id: userId(i), payload: `event ${i}` })
        .returning('id')
        .execute(),
    'insert 100 rows': (i) =>
      db
        .insertInto('bench_events')
        .values(batch(i).map((row) => ({ user_id: row.userId, payload: row.payload })))
        .execute(),
  }
}
