/**
 * What a minimal app pays for its query toolkit before the first query: the size of its bundle
 * (minified, gzipped; node-postgres left out, as a serverless bundler would) and the time from
 * spawning the process to the first result, with raw node-postgres as the baseline.
 *
 * The app: one table, one typed select by primary key, on node-postgres.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const apps: Record<string, string> = {
  'pg (raw)': `
import pg from 'pg'
const pool = new pg.Pool({ connectionString: process.env.BENCH_URL })
const { rows } = await pool.query('select id, name from footprint_users where id = $1', [1])
console.log(JSON.stringify(rows))
await pool.end()
`,
  tidemark: `
import pg from 'pg'
import { eq } from 'tidemark'
import { fromNodePostgres } from 'tidemark/node-postgres'
import { integer, table, text } from 'tidemark/pg'
const users = table('footprint_users', { id: integer().primaryKey(), name: text().notNull() })
const db = fromNodePostgres(new pg.Pool({ connectionString: process.env.BENCH_URL }))
const rows = await db.select().from(users).where(eq(users.id, 1))
console.log(JSON.stringify(rows))
await db.close()
`,
  'drizzle-orm': `
import pg from 'pg'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/node-postgres'
import { integer, pgTable, text } from 'drizzle-orm/pg-core'
const users = pgTable('footprint_users', { id: integer().primaryKey(), name: text().notNull() })
const pool = new pg.Pool({ connectionString: process.env.BENCH_URL })
const rows = await drizzle({ client: pool }).select().from(users).where(eq(users.id, 1))
console.log(JSON.stringify(rows))
await pool.end()
`,
  kysely: `
import pg from 'pg'
import { Kysely, PostgresDialect } from 'kysely'
const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: process.env.BENCH_URL }) }) })
const rows = await db.selectFrom('footprint_users').select(['id', 'name']).where('id', '=', 1).execute()
console.log(JSON.stringify(rows))
await db.destroy()
`,
}

export const footprintSetupSql = `create table footprint_users (id integer primary key, name text not null);
insert into footprint_users values (1, 'ada');`

export interface Footprint {
  readonly toolkit: string
  /** Minified and gzipped bundle, node-postgres excluded. */
  readonly gzipBytes: number
  /** Median time from spawn to the first result printed, when a database was given. */
  readonly coldStartMs: number | undefined
}

/** Bundles each app, then (with a URL) starts each bundle `runs` times, interleaved. */
export async function benchFootprint(
  repo: string,
  url: string | undefined,
  runs: number,
): Promise<Footprint[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-footprint-'))
  try {
    const bundles = new Map<string, { file: string; gzipBytes: number }>()
    for (const [toolkit, source] of Object.entries(apps)) {
      const entry = join(dir, `${bundles.size}.ts`)
      writeFileSync(entry, source)
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        minify: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        external: ['pg', 'pg-native'],
        write: false,
        nodePaths: [join(repo, 'node_modules')],
        plugins: [tidemarkSubpaths(repo)],
      })
      const code = result.outputFiles[0]!.contents
      // Written next to the repository's node_modules so that `import 'pg'` resolves as installed.
      const file = join(repo, 'bench', 'results', `.footprint-${bundles.size}.mjs`)
      writeFileSync(file, code)
      bundles.set(toolkit, { file, gzipBytes: gzipSync(code, { level: 9 }).length })
    }
    const times = new Map<string, number[]>([...bundles.keys()].map((toolkit) => [toolkit, []]))
    if (url !== undefined) {
      for (let run = 0; run < runs; run++) {
        for (const [toolkit, { file }] of bundles)
          times.get(toolkit)!.push(await timeToFirstResult(file, url))
      }
    }
    const footprints = [...bundles].map(([toolkit, { gzipBytes }]) => ({
      toolkit,
      gzipBytes,
      coldStartMs: url === undefined ? undefined : median(times.get(toolkit)!),
    }))
    for (const { file } of bundles.values()) rmSync(file, { force: true })
    return footprints
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `tidemark` and `tidemark/<entry>` resolve to the source entries, as the exports map does for dist. */
function tidemarkSubpaths(repo: string) {
  return {
    name: 'tidemark-subpaths',
    setup(build: {
      onResolve(options: { filter: RegExp }, fn: (args: { path: string }) => { path: string }): void
    }) {
      build.onResolve({ filter: /^tidemark(\/.+)?$/ }, (args) => ({
        path: join(
          repo,
          'src',
          `${args.path === 'tidemark' ? 'index' : args.path.slice('tidemark/'.length)}.ts`,
        ),
      }))
    },
  }
}

function timeToFirstResult(file: string, url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let firstOutputAt: number | undefined
    const child = spawn(process.execPath, [file], { env: { ...process.env, BENCH_URL: url } })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutputAt ??= performance.now()
      output += chunk.toString()
    })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0 || !output.includes('"ada"')) reject(new Error(`${file} exited with ${code}: ${output}`))
      else resolve(firstOutputAt! - started)
    })
  })
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}
