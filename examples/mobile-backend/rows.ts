/**
 * The demo: the mobile-backend schema created in an embedded PostgreSQL (PGlite, in memory), some
 * typed rows written and read back. Run it with `npm run demo`.
 */
import { PGlite } from '@electric-sql/pglite'
import { type InferSelect, sql } from 'tidemark'
import { renderCreate, toModel } from 'tidemark/pg'
import { fromPGlite } from 'tidemark/pglite'
import * as schema from './schema.js'

type User = InferSelect<typeof schema.users>
type ActiveSession = InferSelect<typeof schema.activeSessions>

const db = fromPGlite(new PGlite())
try {
  const model = toModel(schema)
  const statements = renderCreate(model)
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.execute(sql.raw(statement))
  })
  console.log(
    `Created ${model.tables.length} tables, ${model.enums.length} enums and ${model.views.length} view from the schema model:`,
  )
  console.log(`  ${model.tables.map((t) => `${t.schema}.${t.name}`).join(', ')}\n`)

  const { users, devices, sessions, pushTokens, activeSessions } = schema
  const people = [
    { email: 'ada@example.com', displayName: 'Ada', plan: 'pro' },
    { email: 'grace@example.com', displayName: null, plan: 'free' },
  ] as const
  for (const person of people) {
    const { rows } = await db.execute<{ id: string }>(
      sql`insert into ${users} (email, display_name, plan) values (${person.email}, ${person.displayName}, ${person.plan}) returning ${users.id}`,
    )
    const userId = rows[0]!.id
    const device = await db.execute<{ id: number }>(
      sql`insert into ${devices} (user_id, platform, model) values (${userId}, 'ios', 'iPhone 17') returning ${devices.id}::int as id`,
    )
    const deviceId = device.rows[0]!.id
    await db.execute(
      sql`insert into ${pushTokens} (token, device_id) values (${`apns-${deviceId}`}, ${deviceId})`,
    )
    await db.execute(
      sql`insert into ${sessions} (user_id, device_id, expires_at) values (${userId}, ${deviceId}, ${new Date(Date.now() + 86_400_000)})`,
    )
  }

  const { rows: everyone } = await db.execute<User>(sql`
    select ${users.id}, ${users.email}, ${users.displayName} as "displayName", ${users.plan},
           ${users.settings}, ${users.createdAt} as "createdAt"
    from ${users} order by ${users.email}`)
  console.log('Users (typed rows):')
  for (const user of everyone) {
    const since = user.createdAt.toISOString().slice(0, 10)
    console.log(
      `  ${user.email.padEnd(18)} ${(user.displayName ?? '(no name)').padEnd(10)} ${user.plan.padEnd(5)} theme=${user.settings.theme} since ${since}`,
    )
  }

  const { rows: live } = await db.execute<ActiveSession>(
    sql`select id, user_id as "userId" from ${activeSessions} order by user_id`,
  )
  console.log(`\nActive sessions (from the view): ${live.length}`)

  const duplicate = await db.execute(sql`insert into ${users} (email) values ('ada@example.com')`).then(
    () => 'accepted',
    (error: unknown) => error,
  )
  console.log(`\nInserting ada@example.com twice fails as it should:\n  ${String(duplicate)}`)
} finally {
  await db.close()
}
