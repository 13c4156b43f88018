/** Compile-only speed: building each workload's query and turning it into SQL text and parameters. */
import { asc as dAsc, eq as dEq, gt as dGt } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely'
import { eq, gt, insert, select } from 'tidemark'
import { measureSync } from './measure.js'
import { dEvents, dPosts, dUsers, events, type KyselyDB, posts, users } from './schema.js'
import type { WorkloadName } from './workloads.js'

const batch = (i: number) => Array.from({ length: 100 }, (_, k) => ({ userId: i + k, payload: `event ${k}` }))

type Compilers = Record<WorkloadName, (i: number) => unknown>

function tidemarkCompilers(): Compilers {
  return {
    'select by id': (i) => select().from(users).where(eq(users.id, i)).toSQL(),
    '20 rows filtered': (i) =>
      select({ id: users.id, name: users.name, email: users.email, age: users.age })
        .from(users)
        .where(gt(users.age, i))
        .orderBy(users.id)
        .limit(20)
        .toSQL(),
    join: (i) =>
      select({ name: users.name, title: posts.title })
        .from(posts)
        .innerJoin(users, eq(users.id, posts.userId))
        .where(eq(posts.userId, i))
        .toSQL(),
    'insert returning id': (i) =>
      insert(events).values({ userId: i, payload: 'event' }).returning({ id: events.id }).toSQL(),
    'insert 100 rows': (i) => insert(events).values(batch(i)).toSQL(),
  }
}

function drizzleCompilers(): Compilers {
  const db = drizzle.mock()
  return {
    'select by id': (i) => db.select().from(dUsers).where(dEq(dUsers.id, i)).toSQL(),
    '20 rows filtered': (i) =>
      db
        .select({ id: dUsers.id, name: dUsers.name, email: dUsers.email, age: dUsers.age })
        .from(dUsers)
        .where(dGt(dUsers.age, i))
        .orderBy(dAsc(dUsers.id))
        .limit(20)
        .toSQL(),
    join: (i) =>
      db
        .select({ name: dUsers.name, title: dPosts.title })
        .from(dPosts)
        .innerJoin(dUsers, dEq(dUsers.id, dPosts.userId))
        .where(dEq(dPosts.userId, i))
        .toSQL(),
    'insert returning id': (i) =>
      db.insert(dEvents).values({ userId: i, payload: 'event' }).returning({ id: dEvents.id }).toSQL(),
    'insert 100 rows': (i) => db.insert(dEvents).values(batch(i)).toSQL(),
  }
}

function kyselyCompilers(): Compilers {
  const db = new Kysely<KyselyDB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  })
  return {
    'select by id': (i) =>
      db
        .selectFrom('bench_users')
        .select(['id', 'name', 'email', 'age', 'created_at'])
        .where('id', '=', i)
        .compile(),
    '20 rows filtered': (i) =>
      db
        .selectFrom('bench_users')
        .select(['id', 'name', 'email', 'age'])
        .where('age', '>', i)
        .orderBy('id')
        .limit(20)
        .compile(),
    join: (i) =>
      db
        .selectFrom('bench_posts')
        .innerJoin('bench_users', 'bench_users.id', 'bench_posts.user_id')
        .select(['bench_users.name', 'bench_posts.title'])
        .where('bench_posts.user_id', '=', i)
        .compile(),
    'insert returning id': (i) =>
      db.insertInto('bench_events').values({ user_id: i, payload: 'event' }).returning('id').compile(),
    'insert 100 rows': (i) =>
      db
        .insertInto('bench_events')
        .values(batch(i).map((row) => ({ user_id: row.userId, payload: row.payload })))
        .compile(),
  }
}

export interface CompileResult {
  readonly workload: WorkloadName
  readonly opsPerSec: Record<'tidemark' | 'drizzle-orm' | 'kysely', number>
}

export function benchCompile(
  workloads: readonly WorkloadName[],
  rounds: number,
  sliceMs: number,
): CompileResult[] {
  const toolkits = {
    tidemark: tidemarkCompilers(),
    'drizzle-orm': drizzleCompilers(),
    kysely: kyselyCompilers(),
  }
  return workloads.map((workload) => {
    const result = measureSync(
      Object.entries(toolkits).map(([name, compilers]) => ({ name, run: compilers[workload] })),
      rounds,
      sliceMs,
    )
    return {
      workload,
      opsPerSec: {
        tidemark: result.get('tidemark')!,
        'drizzle-orm': result.get('drizzle-orm')!,
        kysely: result.get('kysely')!,
      },
    }
  })
}
