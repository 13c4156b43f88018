import pg from 'pg'
import { cte, type Database, eq, type RelationalQueries, sql, withReplicas } from 'tidemark'
import { fromNodePostgres } from 'tidemark/node-postgres'
import { integer, table, text } from 'tidemark/pg'
import { fromPGlite } from 'tidemark/pglite'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createScratchDatabase, schemaTargetNames, type TargetName } from '../support/databases.js'
import { createPGlite } from '../support/pglite.js'

// The primary and the replica hold different rows, so each result says where its query ran.
const items = table('items', { id: integer().primaryKey(), place: text().notNull() })
const schema = { items }

type Queries = RelationalQueries<typeof schema, {}>

/** A database with the schema, as the adapter makes it, and a way to drop it once closed. */
interface Opened {
  readonly db: Database<Queries>
  exec(sql: string): Promise<void>
  drop(): Promise<void>
}

async function open(targetName: TargetName): Promise<Opened> {
  if (targetName === 'pglite') {
    const client = await createPGlite()
    return {
      db: fromPGlite(client, { schema }),
      exec: (text) => client.exec(text).then(() => {}),
      drop: async () => {},
    }
  }
  const scratch = await createScratchDatabase()
  const pool = new pg.Pool({ connectionString: scratch.url, max: 2 })
  pool.on('error', () => {})
  return {
    db: fromNodePostgres(pool, { schema }),
    exec: (text) => pool.query(text).then(() => {}),
    drop: scratch.drop,
  }
}

for (const targetName of schemaTargetNames) {
  describe(`withReplicas [${targetName}]`, () => {
    let primaryTarget: Opened
    let replicaTarget: Opened
    let primary: Database<Queries>
    let replica: Database<Queries>
    const reset = (target: Opened, place: string) =>
      target.exec(`delete from items; insert into items values (1, '${place}')`)
    const placesOn = async (target: Opened) =>
      (await target.db.execute<{ place: string }>(sql`select place from items order by id`)).rows.map(
        (r) => r.place,
      )

    beforeAll(async () => {
      ;[primaryTarget, replicaTarget] = await Promise.all([open(targetName), open(targetName)])
      for (const target of [primaryTarget, replicaTarget])
        await target.exec('create table items (id int primary key, place text not null)')
      primary = primaryTarget.db
      replica = replicaTarget.db
    })
    afterAll(async () => {
      await primaryTarget?.drop()
      await replicaTarget?.drop()
    })
    beforeEach(async () => {
      await reset(primaryTarget, 'primary')
      await reset(replicaTarget, 'replica')
    })

    const db = () => withReplicas(primary, [replica])

    it('runs builder reads and relational queries on the replica', async () => {
      const recent = cte('recent', db().select({ place: items.place }).from(items))
      expect(await db().select({ place: items.place }).from(items)).toEqual([{ place: 'replica' }])
      expect(await db().selectDistinct({ place: items.place }).from(items)).toEqual([{ place: 'replica' }])
      expect(await db().with(recent).select().from(recent)).toEqual([{ place: 'replica' }])
      expect(await db().query.items.findMany({ columns: { place: true } })).toEqual([{ place: 'replica' }])
      expect(await db().query.items.findFirst()).toEqual({ id: 1, place: 'replica' })
    })

    it('runs relational queries on a replica when the databases are copies createDatabase did not make', async () => {
      const copies = withReplicas({ ...primary }, [{ ...replica }])
      expect(await copies.query.items.findMany({ columns: { place: true } })).toEqual([{ place: 'replica' }])
      expect(await copies.query.items.findFirst({ columns: { place: true } })).toEqual({ place: 'replica' })
    })

    it('runs writes on the primary, also after with(...)', async () => {
      await db().insert(items).values({ id: 2, place: 'inserted' })
      await db().update(items).set({ place: 'updated' }).where(eq(items.id, 1))
      const recent = cte('recent', db().select({ id: items.id }).from(items))
      await db().with(recent).delete(items).where(eq(items.id, 2))
      await db().with(recent).insert(items).values({ id: 3, place: 'with insert' })
      await db().with(recent).update(items).set({ place: 'with update' }).where(eq(items.id, 3))
      expect(await placesOn(primaryTarget)).toEqual(['updated', 'with update'])
      expect(await placesOn(replicaTarget)).toEqual(['replica'])
    })

    it('runs raw SQL on the primary unless sent to $replica(); $primary reads the primary', async () => {
      const placeOf = async (on: Pick<Database, 'execute'>) =>
        (await on.execute<{ place: string }>(sql`select place from items`)).rows[0]?.place
      expect(await placeOf(db())).toBe('primary')
      expect(await placeOf(db().$replica())).toBe('replica')
      expect(await db().$primary.select({ place: items.place }).from(items)).toEqual([{ place: 'primary' }])
      await db().execute(sql`insert into items values (4, 'raw')`)
      expect(await placesOn(primaryTarget)).toEqual(['primary', 'raw'])
    })

    it('runs transactions on the primary, reads inside them included', async () => {
      const seen = await db().transaction(async (tx) => {
        const selected = await tx.select({ place: items.place }).from(items)
        const found = await tx.query.items.findFirst({ columns: { place: true } })
        const raw = await tx.execute<{ place: string }>(sql`select place from items`)
        await tx.insert(items).values({ id: 5, place: 'in transaction' })
        return [selected[0]?.place, found?.place, raw.rows[0]?.place]
      })
      expect(seen).toEqual(['primary', 'primary', 'primary'])
      expect(await placesOn(primaryTarget)).toEqual(['primary', 'in transaction'])
      expect(await placesOn(replicaTarget)).toEqual(['replica'])
    })

    it('picks a replica for each execution, with the pick option', async () => {
      const picked: number[] = []
      const routed = withReplicas(primary, [replica, primary], {
        pick: (replicas) => {
          picked.push(picked.length % 2)
          return replicas[(picked.length - 1) % 2]!
        },
      })
      const prepared = routed.select({ place: items.place }).from(items).prepare()
      expect(await prepared.execute()).toEqual([{ place: 'replica' }])
      expect(await prepared.execute()).toEqual([{ place: 'primary' }])
      expect(picked).toEqual([0, 1])
    })

    it('refuses no replicas, and a pick that returns a database it was not given', async () => {
      expect(() => withReplicas(primary, [])).toThrow(/at least one replica/)
      const stray = withReplicas(primary, [replica], { pick: () => primary })
      await expect(stray.select().from(items)).rejects.toThrow(/must return one of the replicas/)
    })

    it('has the Database API, typed by the schema', () => {
      const routed: Database<Queries> = db()
      // @ts-expect-error the schema has no table "posts"
      routed.query.posts
      expect(typeof routed.query.items.findMany).toBe('function')
    })

    // Last: the databases are closed afterwards.
    it('closes the primary and every replica', async () => {
      // The primary listed as a replica too is closed once (a pg Pool refuses a second end()).
      await withReplicas(primary, [replica, primary]).close()
      await expect(primary.execute(sql`select 1`)).rejects.toThrow()
      await expect(replica.execute(sql`select 1`)).rejects.toThrow()
    })
  })
}
