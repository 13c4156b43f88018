/** The demo's second half: typed rows written and read back, on the database the migrations built. */
import { asc, type Database, type InferSelect, type RelationalQueries, sql } from 'tidemark'
import * as schema from './schema.js'

type User = InferSelect<typeof schema.users>
type ActiveSession = InferSelect<typeof schema.activeSessions>

/** A database that knows the schema, so relational queries (`db.query`) can read it. */
export type AppDatabase = Database<RelationalQueries<typeof schema, {}>>

export async function writeAndReadRows(db: AppDatabase): Promise<void> {
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

  // Each user with their devices and each device's push tokens: one statement, typed result.
  const trees = await db.query.users.findMany({
    columns: { email: true },
    orderBy: asc(users.email),
    with: { devices: { columns: { model: true }, with: { pushTokens: { columns: { token: true } } } } },
  })
  console.log('\nUsers with their devices and push tokens (one query):')
  for (const user of trees) {
    const devicesText = user.devices.map((d) => `${d.model} [${d.pushTokens.map((t) => t.token).join(', ')}]`)
    console.log(`  ${user.email.padEnd(18)} ${devicesText.join('; ')}`)
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
}
