/**
 * Type-checking cost: a generated 200-table schema and 200 typed queries over it, written for
 * Tidemark and for drizzle-orm, each checked by `tsc --noEmit`. Tidemark is compiled to declaration
 * files first, so both sides are checked against .d.ts, as an application would be.
 *
 * Two flavours: `builder` (select / insert / update through the query builder) and `relational`
 * (`db.query.<table>.findMany` with nested `with`, over a schema where each table references the
 * one before it; drizzle-orm needs its `relations()` written out, Tidemark infers them).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const TABLES = 200
const QUERIES = 200

export type TypecheckFlavour = 'builder' | 'relational'

/** Table i > 0 of the relational flavour references table i - 1 (never a later one, so no cycle). */
const ownerColumn = (i: number, flavour: TypecheckFlavour) =>
  flavour === 'relational' && i > 0 ? `\n  ownerId: integer('owner_id').references(() => t${i - 1}.id),` : ''

function tidemarkSchema(flavour: TypecheckFlavour = 'builder'): string {
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
  parentId: integer('parent_id'),${ownerColumn(i, flavour)}
})`)
  }
  return lines.join('\n')
}

function drizzleSchema(flavour: TypecheckFlavour = 'builder'): string {
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
  parentId: integer('parent_id'),${ownerColumn(i, flavour)}
})`)
  }
  if (flavour === 'relational') {
    // What drizzle-orm's relational queries need spelled out; Tidemark reads it from the foreign keys.
    lines[0] += "\nimport { relations } from 'drizzle-orm'"
    for (let i = 0; i < TABLES; i++) {
      const entries = [
        ...(i > 0 ? [`owner: one(t${i - 1}, { fields: [t${i}.ownerId], references: [t${i - 1}.id] }),`] : []),
        ...(i < TABLES - 1 ? [`t${i + 1}: many(t${i + 1}),`] : []),
      ]
      const helpers = `{ ${[...(i > 0 ? ['one'] : []), ...(i < TABLES - 1 ? ['many'] : [])].join(', ')} }`
      lines.push(`export const t${i}Relations = relations(t${i}, (${helpers}) => ({
  ${entries.join('\n  ')}
}))`)
    }
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

/**
 * One shape of relational query, cycling over tables 1..198 so each has an owner and a next table:
 * chosen columns, a filter, an order, a limit, the owner (one) and the next table's rows (many) with
 * their own owner. The result is assigned to an annotated type, so the full row type is computed.
 */
function relationalQueries(kind: 'tidemark' | 'drizzle'): string {
  const lines =
    kind === 'tidemark'
      ? [
          "import { type Database, desc, eq, type RelationalQueries } from 'tidemark'",
          "import * as s from './schema.js'",
          'declare const db: Database<RelationalQueries<typeof s, {}>>',
        ]
      : [
          "import type { NodePgDatabase } from 'drizzle-orm/node-postgres'",
          "import * as s from './schema.js'",
          'declare const db: NodePgDatabase<typeof s>',
        ]
  for (let q = 0; q < QUERIES; q++) {
    const i = 1 + (q % (TABLES - 2))
    const next = `t${i + 1}`
    const [where, orderBy] =
      kind === 'tidemark'
        ? [`eq(s.t${i}.active, true)`, `desc(s.t${i}.createdAt)`]
        : ['(t, { eq }) => eq(t.active, true)', '(t, { desc }) => [desc(t.createdAt)]']
    lines.push(`export async function q${q}() {
  const rows: { id: number; name: string; owner: { name: string } | null; ${next}: { id: number; owner: { id: number } | null }[] }[] = await db.query.t${i}.findMany({
    columns: { id: true, name: true },
    where: ${where},
    orderBy: ${orderBy},
    limit: 10,
    with: { owner: { columns: { name: true } }, ${next}: { columns: { id: true }, with: { owner: { columns: { id: true } } } } },
  })
  return rows
}`)
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
  flavour: TypecheckFlavour = 'builder',
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
    const relational = flavour === 'relational'
    writeFileSync(join(projects.tidemark, 'schema.ts'), tidemarkSchema(flavour))
    writeFileSync(
      join(projects.tidemark, 'queries.ts'),
      relational ? relationalQueries('tidemark') : queries('tidemark'),
    )
    writeFileSync(
      join(projects.tidemark, 'tsconfig.json'),
      tsconfig({
        tidemark: [join(declarations, 'index.d.ts')],
        'tidemark/*': [join(declarations, '*.d.ts')],
      }),
    )
    writeFileSync(join(projects['drizzle-orm'], 'schema.ts'), drizzleSchema(flavour))
    writeFileSync(
      join(projects['drizzle-orm'], 'queries.ts'),
      relational ? relationalQueries('drizzle') : queries('drizzle'),
    )
    writeFileSync(join(projects['drizzle-orm'], 'tsconfig.json'), tsconfig({}))
    if (relational) {
      // ES modules: as CommonJS, drizzle-orm's relations.d.cts imports "./index.ts" (its ESM
      // declarations), so the operators its where/orderBy callbacks receive clash with the CommonJS
      // columns and nothing type-checks. Both projects get it, so they are checked alike.
      for (const project of Object.values(projects))
        writeFileSync(join(project, 'package.json'), '{"type":"module"}')
    }
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
