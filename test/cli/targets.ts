import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import pg from 'pg'
import { serverUrl } from '../support/databases.js'
import { openPGliteDir } from '../support/pglite.js'

/** A live database for CLI tests: the project's embedded one, or a scratch database on the server. */
export interface CliTarget {
  readonly name: 'embedded' | 'server'
  /** Flags that point a command at it: the server's URL, or none for the embedded database. */
  args(): string[]
  /** Runs SQL on it directly, bypassing Tidemark; `dir` is the project (home of the embedded one). */
  exec(dir: string, sql: string): Promise<void>
  /** Runs a query on it and returns the rows. */
  query<Row>(dir: string, sql: string): Promise<Row[]>
  /** Before each test: a new, empty database. */
  setUp(): Promise<void>
  tearDown(): Promise<void>
}

const embedded: CliTarget = {
  name: 'embedded',
  args: () => [],
  async exec(dir, sql) {
    await this.query(dir, sql)
  },
  async query<Row>(dir: string, sql: string) {
    const dataDir = join(dir, '.tidemark', 'pglite')
    const client = await openPGliteDir(dataDir)
    try {
      const results = await client.exec(sql)
      return (results.at(-1)?.rows ?? []) as Row[]
    } finally {
      await client.close()
    }
  },
  setUp: async () => {},
  tearDown: async () => {},
}

/** A new scratch database on each setUp, dropped on tearDown. */
function server(url: string): CliTarget {
  const target = new URL(url)
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(sql)
    } finally {
      await client.end()
    }
  }
  return {
    name: 'server',
    args: () => ['--url', target.toString()],
    async exec(dir, sql) {
      await this.query(dir, sql)
    },
    async query<Row>(_dir: string, sql: string) {
      const client = new pg.Client({ connectionString: target.toString() })
      await client.connect()
      try {
        const result = await client.query(sql)
        const last = Array.isArray(result) ? result.at(-1) : result
        return (last?.rows ?? []) as Row[]
      } finally {
        await client.end()
      }
    },
    async setUp() {
      target.pathname = `/tidemark_cli_${randomBytes(6).toString('hex')}`
      await admin(`create database ${target.pathname.slice(1)}`)
    },
    async tearDown() {
      await admin(`drop database if exists ${target.pathname.slice(1)} with (force)`)
    },
  }
}

/** The embedded database always, and a scratch database on the server when one is configured. */
export function cliTargets(): CliTarget[] {
  return [embedded, ...(serverUrl === undefined ? [] : [server(serverUrl)])]
}
