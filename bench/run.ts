/**
 * `npm run bench`: Tidemark against raw drivers, drizzle-orm and kysely on the same workloads.
 *
 * - Execution: on the PostgreSQL server named by TIDEMARK_TEST_DATABASE_URL (a scratch database is
 *   created and dropped), sequentially and with 16 concurrent callers on pools of 10; and on PGlite.
 * - Compile only: building each query and compiling it to SQL and parameters.
 * - Type checking: a generated 200-table schema with 200 queries, `tsc --noEmit`.
 *
 * Every figure is printed with its ratio to the suite's baseline, and all are written to
 * bench/results/latest.json. Set BENCH_QUICK=1 for a shorter run.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { fromNodePostgres } from 'tidemark/node-postgres'
import { fromPGlite } from 'tidemark/pglite'
import { benchCompile } from './query/compile.js'
import { benchFootprint, footprintSetupSql } from './query/footprint.js'
import { type Contender, measure } from './query/measure.js'
import {
  drizzleRelational,
  kyselyRelational,
  rawRelational,
  relationalSchema,
  relationalWorkload,
  tidemarkRelational,
} from './query/relational.js'
import type { KyselyDB } from './query/schema.js'
import { drizzleSchema, setupSql } from './query/schema.js'
import { benchTypecheck } from './query/typecheck.js'
import {
  drizzleWorkloads,
  kyselyWorkloads,
  rawPg,
  rawPglite,
  tidemark,
  type Workloads,
  workloadNames,
} from './query/workloads.js'

interface ResultRow {
  suite: string
  workload: string
  toolkit: string
  opsPerSec: number
  ratioToBaseline: number
}

const quick = process.env.BENCH_QUICK === '1'
const results: ResultRow[] = []
const repo = new URL('..', import.meta.url).pathname

function record(suite: string, workload: string, baseline: string, figures: Map<string, number>): void {
  const base = figures.get(baseline)!
  for (const [toolkit, opsPerSec] of figures) {
    results.push({ suite, workload, toolkit, opsPerSec, ratioToBaseline: opsPerSec / base })
  }
}

function printSuite(suite: string, baseline: string): void {
  const rows = results.filter((r) => r.suite === suite)
  const toolkits = [...new Set(rows.map((r) => r.toolkit))]
  console.log(`\n## ${suite} (ops/s, ratio to ${baseline})`)
  console.log(['workload'.padEnd(22), ...toolkits.map((t) => t.padStart(24))].join(''))
  for (const workload of new Set(rows.map((r) => r.workload))) {
    const cells = toolkits.map((toolkit) => {
      const row = rows.find((r) => r.workload === workload && r.toolkit === toolkit)
      return row === undefined
        ? ''.padStart(24)
        : `${row.opsPerSec.toFixed(0)} (${row.ratioToBaseline.toFixed(2)}x)`.padStart(24)
    })
    console.log([workload.padEnd(22), ...cells].join(''))
  }
}

async function runWorkloads(
  suite: string,
  toolkits: Record<string, Workloads>,
  concurrency: number,
): Promise<void> {
  for (const workload of workloadNames) {
    const contenders: Contender[] = Object.entries(toolkits).map(([name, w]) => ({ name, run: w[workload] }))
    const heavy = workload === 'insert 100 rows'
    const figures = await measure(contenders, {
      durationMs: quick ? 500 : heavy ? 4000 : 3000,
      concurrency,
      warmupOps: heavy ? 50 : 300,
    })
    record(suite, workload, 'pg (raw)', figures)
    process.stdout.write('.')
  }
  printSuite(suite, 'pg (raw)')
}

async function runNested(
  suite: string,
  toolkits: Record<string, (i: number) => Promise<unknown>>,
): Promise<void> {
  const contenders: Contender[] = Object.entries(toolkits).map(([name, run]) => ({ name, run }))
  const figures = await measure(contenders, {
    durationMs: quick ? 500 : 3000,
    concurrency: 1,
    warmupOps: 100,
  })
  record(suite, relationalWorkload, 'SQL (raw json_agg)', figures)
  printSuite(suite, 'SQL (raw json_agg)')
}

async function serverSuites(url: string): Promise<void> {
  const name = `tidemark_bench_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  const target = new URL(url)
  target.pathname = `/${name}`
  const pools: pg.Pool[] = []
  const pool = () => {
    const created = new pg.Pool({ connectionString: target.toString(), max: 10 })
    // Idle clients hear about the scratch database being dropped at the end; that is expected.
    created.on('error', () => {})
    pools.push(created)
    return created
  }
  try {
    const setup = pool()
    await setup.query(setupSql)
    const toolkits: Record<string, Workloads> = {
      'pg (raw)': rawPg(setup),
      tidemark: tidemark(fromNodePostgres(pool())),
      'drizzle-orm': drizzleWorkloads(drizzlePg({ client: pool() })),
      kysely: kyselyWorkloads(new Kysely<KyselyDB>({ dialect: new PostgresDialect({ pool: pool() }) })),
    }
    await runWorkloads('server, sequential', toolkits, 1)
    await runWorkloads('server, 16 callers on pools of 10', toolkits, 16)
    const nestedDb = pool()
    await runNested('server, nested reads (sequential)', {
      'SQL (raw json_agg)': rawRelational(setup),
      tidemark: tidemarkRelational(fromNodePostgres(nestedDb, { schema: relationalSchema })),
      'drizzle-orm': drizzleRelational(drizzlePg({ client: pool(), schema: drizzleSchema })),
      kysely: kyselyRelational(new Kysely<KyselyDB>({ dialect: new PostgresDialect({ pool: pool() }) })),
    })
  } finally {
    await Promise.all(pools.map((p) => p.end()))
    await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

async function pgliteSuite(): Promise<void> {
  const client = await PGlite.create()
  try {
    await client.exec(setupSql)
    const toolkits: Record<string, Workloads> = {
      'pg (raw)': rawPglite(client),
      tidemark: tidemark(fromPGlite(client)),
      'drizzle-orm': drizzleWorkloads(drizzlePglite({ client })),
    }
    await runWorkloads('PGlite, sequential', toolkits, 1)
    await runNested('PGlite, nested reads (sequential)', {
      'SQL (raw json_agg)': rawRelational(client),
      tidemark: tidemarkRelational(fromPGlite(client, { schema: relationalSchema })),
      'drizzle-orm': drizzleRelational(drizzlePglite({ client, schema: drizzleSchema })),
    })
  } finally {
    await client.close()
  }
}

function compileSuite(): void {
  const suite = 'compile only'
  for (const { workload, opsPerSec } of benchCompile(workloadNames, quick ? 3 : 8, quick ? 100 : 250)) {
    record(suite, workload, 'drizzle-orm', new Map(Object.entries(opsPerSec)))
  }
  printSuite(suite, 'drizzle-orm')
}

/** Bundle size and cold start of a minimal app; the cold start needs the server. */
async function footprintSuite(url: string | undefined): Promise<void> {
  let target: string | undefined
  const name = `tidemark_footprint_${randomBytes(6).toString('hex')}`
  const admin = url === undefined ? undefined : new pg.Client({ connectionString: url })
  if (admin !== undefined && url !== undefined) {
    await admin.connect()
    await admin.query(`create database ${name}`)
    const scratch = new URL(url)
    scratch.pathname = `/${name}`
    target = scratch.toString()
    const setup = new pg.Client({ connectionString: target })
    await setup.connect()
    await setup.query(footprintSetupSql)
    await setup.end()
  }
  try {
    const footprints = await benchFootprint(repo, target, quick ? 5 : 15)
    const raw = footprints.find((f) => f.toolkit === 'pg (raw)')!
    const drizzle = footprints.find((f) => f.toolkit === 'drizzle-orm')!
    console.log(
      '\n## minimal app: bundle (min+gzip, pg external; ratio to drizzle-orm) and cold start (spawn to first result)',
    )
    for (const f of footprints) {
      const cold =
        f.coldStartMs === undefined || raw.coldStartMs === undefined
          ? 'cold start: needs the server'
          : `cold start ${f.coldStartMs.toFixed(0)} ms (raw pg +${(f.coldStartMs - raw.coldStartMs).toFixed(0)} ms)`
      console.log(
        `${f.toolkit.padEnd(12)} bundle ${(f.gzipBytes / 1024).toFixed(1).padStart(6)} KB (${(f.gzipBytes / drizzle.gzipBytes).toFixed(2)}x)  ${cold}`,
      )
      // Sizes and times are costs: the figure is stored inverted so the ratio reads like the others.
      results.push({
        suite: 'minimal app bundle (min+gzip)',
        workload: 'one table, one select',
        toolkit: f.toolkit,
        opsPerSec: 1024 / f.gzipBytes,
        ratioToBaseline: drizzle.gzipBytes / f.gzipBytes,
      })
      if (f.coldStartMs !== undefined && raw.coldStartMs !== undefined) {
        results.push({
          suite: 'minimal app cold start',
          workload: 'spawn to first result',
          toolkit: f.toolkit,
          opsPerSec: 1000 / f.coldStartMs,
          ratioToBaseline: raw.coldStartMs / f.coldStartMs,
        })
      }
    }
  } finally {
    if (admin !== undefined) {
      await admin.query(`drop database if exists ${name} with (force)`)
      await admin.end()
    }
  }
}

function typecheckSuite(): void {
  const flavours = [
    { flavour: 'builder', title: '200 tables, 200 queries', suite: 'type checking' },
    {
      flavour: 'relational',
      title: '200 tables, 200 relational queries (findMany with nested with)',
      suite: 'type checking, relational',
    },
  ] as const
  for (const { flavour, title, suite } of flavours) {
    const figures = benchTypecheck(repo, quick ? 1 : 2, flavour)
    const drizzle = figures['drizzle-orm']
    console.log(`\n## type checking: ${title} (tsc --noEmit; ratio to drizzle-orm, lower is cheaper)`)
    for (const [toolkit, f] of Object.entries(figures)) {
      console.log(
        `${toolkit.padEnd(12)} wall ${(f.wallMs / 1000).toFixed(2)}s (${(f.wallMs / drizzle.wallMs).toFixed(2)}x)` +
          `  peak memory ${f.peakRssMb.toFixed(0)} MB (${(f.peakRssMb / drizzle.peakRssMb).toFixed(2)}x)` +
          `  check ${f.checkTimeS.toFixed(2)}s  instantiations ${f.instantiations}`,
      )
      // Type checking is a cost: opsPerSec holds checks per second so that the ratio reads like the others.
      results.push({
        suite: `${suite} (wall)`,
        workload: '200 tables, 200 queries',
        toolkit,
        opsPerSec: 1000 / f.wallMs,
        ratioToBaseline: drizzle.wallMs / f.wallMs,
      })
      results.push({
        suite: `${suite} (peak memory)`,
        workload: '200 tables, 200 queries',
        toolkit,
        opsPerSec: 1 / f.peakRssMb,
        ratioToBaseline: drizzle.peakRssMb / f.peakRssMb,
      })
    }
  }
}

const url = process.env.TIDEMARK_TEST_DATABASE_URL
if (url) await serverSuites(url)
else console.log('TIDEMARK_TEST_DATABASE_URL is not set: skipping the server suites')
await pgliteSuite()
await footprintSuite(url)
compileSuite()
if (process.env.BENCH_SKIP_TYPES !== '1') typecheckSuite()

mkdirSync(new URL('./results/', import.meta.url), { recursive: true })
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`)
console.log('\nwritten: bench/results/latest.json')
