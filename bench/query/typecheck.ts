/**
 * Type-checking cost: a generated 200-table schema and 200 typed queries over it, written for
 * Tidemark and for drizzle-orm, each checked by `tsc --noEmit`. Tidemark is compiled to declaration
 * files first, so both sides are checked against .d.ts, as an application would be.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const TABLES = 200
const QUERIES = 200

function tidemarkSchema(): string {
  const lines = [
    "import { boolean, integer, jsonb, serial, table, text, timestamptz, varchar } from 'tidemark/pg'",
  ]
  for (let i = 0; i < TABLES; i++) {
    lines.push(`export const t${i} = table('t${i}', {
  id: serial().primaryKey(),
  name: text().notNull(),
  email: varchar({ length: 200 }),
  score: integer().notNull().default(0),
  active: boolean().notNull(),
  meta: jsonb<{ a: number; b: string }>(),
  createdAt: timestamptz('created_at').notNull(),
  parentId: integer('parent_id'),
})`)
  }
  return lines.join('\n')
}

function drizzleSchema(): string {
  const lines = [
    "import { boolean, integer, jsonb, pgTable, serial, text, timestamp, varchar } from 'drizzle-orm/pg-core'",
  ]
  for (let i = 0; i < TABLES; i++) {
    lines.push(`export const t${i} = pgTable('t${i}', {
  id: serial().primaryKey(),
  name: text().notNull(),
  email: varchar({ length: 200 }),
  score: integer().notNull().default(0),
  active: boolean().notNull(),
  meta: jsonb().$type<{ a: number; b: string }>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  parentId: integer('parent_id'),
})`)
  }
  return lines.join('\n')
}

/** Four kinds of query, cycling over the tables; the same shapes for both toolkits. */
function queries(kind: 'tidemark' | 'drizzle'): string {
  const lines =
    kind === 'tidemark'
      ? [
          "import { and, type Database, desc, eq, gt } from 'tidemark'",
          "import * as s from './schema.js'",
          'declare const db: Database',
        ]
      : [
          "import { and, desc, eq, gt } from 'drizzle-orm'",
          "import type { NodePgDatabase } from 'drizzle-orm/node-postgres'",
          "import * as s from './schema.js'",
          'declare const db: NodePgDatabase',
        ]
  for (let q = 0; q < QUERIES; q++) {
    const a = `s.t${q % TABLES}`
    const b = `s.t${(q * 7 + 1) % TABLES}`
    switch (q % 4) {
      case 0:
        lines.push(`export async function q${q}() {
  const rows = await db.select({ id: ${a}.id, name: ${a}.name, other: ${b}.email }).from(${a}).leftJoin(${b}, eq(${b}.id, ${a}.parentId)).where(and(eq(${a}.active, true), gt(${a}.score, 3))).orderBy(desc(${a}.createdAt)).limit(10)
  const first: { id: number; name: string; other: string | null } | undefined = rows[0]
  return first
}`)
        break
      case 1:
        lines.push(`export async function q${q}() {
  const rows = await db.select().from(${a}).where(eq(${a}.name, 'x'))
  return rows[0]?.meta?.a
}`)
        break
      case 2:
        lines.push(`export async function q${q}() {
  const [row] = await db.insert(${a}).values({ name: 'n', active: true, createdAt: new Date() }).returning({ id: ${a}.id })
  return row?.id
}`)
        break
      default:
        lines.push(`export async function q${q}() {
  return db.update(${a}).set({ score: 1, email: null }).where(eq(${a}.id, 1))
}`)
    }
  }
  return lines.join('\n')
}

export interface TypecheckFigures {
  readonly wallMs: number
  readonly peakRssMb: number
  readonly checkTimeS: number
  readonly instantiations: number
}

function tsconfig(paths: Record<string, string[]>): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2022'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      types: [],
      paths,
    },
    include: ['*.ts'],
  })
}

function runTsc(repo: string, project: string): TypecheckFigures {
  const tsc = join(repo, 'node_modules/typescript/bin/tsc')
  const useTime = existsSync('/usr/bin/time')
  const started = performance.now()
  const result = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, tsc, '-p', project, '--extendedDiagnostics'], {
        encoding: 'utf8',
      })
    : spawnSync(process.execPath, [tsc, '-p', project, '--extendedDiagnostics'], { encoding: 'utf8' })
  const wallMs = performance.now() - started
  const out = result.stdout
  if (/error TS/.test(out))
    throw new Error(`Type-check bench: the generated project ${project} has errors:\n${out.slice(0, 2000)}`)
  const number = (pattern: RegExp, text: string) => Number(pattern.exec(text)?.[1] ?? Number.NaN)
  const rssKb = number(/Maximum resident set size \(kbytes\): (\d+)/, result.stderr)
  const memoryK = number(/Memory used:\s+(\d+)K/, out)
  return {
    wallMs,
    peakRssMb: Number.isNaN(rssKb) ? memoryK / 1024 : rssKb / 1024,
    checkTimeS: number(/Check time:\s+([\d.]+)s/, out),
    instantiations: number(/Instantiations:\s+(\d+)/, out),
  }
}

/** Generates both projects in a temporary directory, checks each `runs` times (interleaved), keeps the fastest. */
export function benchTypecheck(
  repo: string,
  runs: number,
): Record<'tidemark' | 'drizzle-orm', TypecheckFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-typecheck-'))
  try {
    symlinkSync(resolve(repo, 'node_modules'), join(dir, 'node_modules'), 'dir')
    const declarations = join(dir, 'tidemark-types')
    execFileSync(
      process.execPath,
      [
        join(repo, 'node_modules/typescript/bin/tsc'),
        '-p',
        join(repo, 'tsconfig.build.json'),
        '--outDir',
        declarations,
        '--emitDeclarationOnly',
        '--declarationMap',
        'false',
        '--sourceMap',
        'false',
      ],
      { stdio: 'ignore' },
    )
    // The build may report others' errors elsewhere in the tree; what matters is that the entry points were emitted.
    if (!existsSync(join(declarations, 'index.d.ts'))) throw new Error('Could not emit Tidemark declarations')
    const projects = {
      tidemark: join(dir, 'tidemark'),
      'drizzle-orm': join(dir, 'drizzle'),
    } as const
    mkdirSync(projects.tidemark)
    mkdirSync(projects['drizzle-orm'])
    writeFileSync(join(projects.tidemark, 'schema.ts'), tidemarkSchema())
    writeFileSync(join(projects.tidemark, 'queries.ts'), queries('tidemark'))
    writeFileSync(
      join(projects.tidemark, 'tsconfig.json'),
      tsconfig({
        tidemark: [join(declarations, 'index.d.ts')],
        'tidemark/*': [join(declarations, '*.d.ts')],
      }),
    )
    writeFileSync(join(projects['drizzle-orm'], 'schema.ts'), drizzleSchema())
    writeFileSync(join(projects['drizzle-orm'], 'queries.ts'), queries('drizzle'))
    writeFileSync(join(projects['drizzle-orm'], 'tsconfig.json'), tsconfig({}))
    const best: Partial<Record<'tidemark' | 'drizzle-orm', TypecheckFigures>> = {}
    for (let run = 0; run < runs; run++) {
      for (const name of ['tidemark', 'drizzle-orm'] as const) {
        const figures = runTsc(repo, join(projects[name], 'tsconfig.json'))
        const previous = best[name]
        if (previous === undefined || figures.wallMs < previous.wallMs) best[name] = figures
      }
    }
    return best as Record<'tidemark' | 'drizzle-orm', TypecheckFigures>
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
