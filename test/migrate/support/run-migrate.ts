/**
 * Runs `migrate` in its own process, as a deploy would:
 * `node --import tsx run-migrate.ts <url> <dir> [start at, epoch ms]`.
 * Prints the result as JSON on stdout; exits 1 with the error on stderr. The concurrency test starts
 * several of these; the start time lines them up once each has booted and connected.
 */
import pg from 'pg'
import { fromNodePostgres } from '../../../src/drivers/node-postgres.js'
import { migrate, readMigrationFolder } from '../../../src/migrate/index.js'

const [url, dir, startAt] = process.argv.slice(2)
if (!url || !dir) {
  process.stderr.write('usage: run-migrate.ts <database url> <migrations dir>\n')
  process.exit(2)
}
const db = fromNodePostgres(new pg.Pool({ connectionString: url, max: 2 }))
try {
  const folder = await readMigrationFolder(dir)
  await db.execute({ sql: 'select 1', params: [] })
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt ?? 0) - Date.now())))
  const result = await migrate(db, folder)
  process.stdout.write(`${JSON.stringify(result)}\n`)
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
} finally {
  await db.close()
}
