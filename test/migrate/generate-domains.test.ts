/**
 * generate with domains and composite types: created before the tables that use them with their
 * checks and defaults as written, changed in place (checks, defaults, NOT NULL, attributes), rebuilt
 * around their columns when the base type changes; each next generate is empty, with and without
 * the expression cache. The folder then migrates a fresh database up, and down one step at a time,
 * through exactly the states generate planned.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SchemaModel } from 'tidemark'
import {
  compositeType,
  date,
  domain,
  enumType,
  integer,
  introspect,
  pgFunction,
  sql,
  table,
  text,
  toModel,
  varchar,
} from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authoredDefaults } from '../../src/cli/schema-model.js'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import {
  DEFAULT_JOURNAL,
  migrate,
  migrateDown,
  readMigrationFolder,
  writeSumFile,
} from '../../src/migrate/index.js'
import { openShadow } from '../../src/migrate/replay/shadow.js'
import { noRenames, shadows, statementsOf } from './support/generate.js'

interface Version {
  readonly emailBase: 'text' | 'varchar'
  readonly moreChecks: boolean
  readonly staffDefault: 'admin' | 'member'
  readonly city: boolean
}

function schemaOf(v: Version): Record<string, unknown> {
  const role = enumType('role', ['member', 'admin'])
  const checks: Record<string, ReturnType<typeof sql>> = { email_has_at: sql`VALUE ~ '@'` }
  if (v.moreChecks) checks.email_short = sql`length(VALUE) < 300`
  const email = domain('email', v.emailBase === 'text' ? text() : varchar({ length: 320 }), {
    checks,
    comment: v.moreChecks ? 'Checked twice' : 'Where mail goes',
  })
  const staff = domain('staff', role(), { default: v.staffDefault, checks: [sql`VALUE <> 'member'`] })
  const point = compositeType('point2', { x: integer(), y: integer() })
  const address = compositeType(
    'address',
    v.city
      ? { street: text(), at: point(), contact: email(), since: date(), city: text() }
      : { street: text(), at: point(), contact: email(), since: date() },
    { comment: 'Where someone lives' },
  )
  const users = table('users', {
    id: integer().primaryKey(),
    email: email().notNull().default('nobody@example.com'),
    kind: staff(),
    home: address(),
    past: address().array(),
  })
  return { email, staff, users }
}

const FIRST: Version = { emailBase: 'text', moreChecks: false, staffDefault: 'admin', city: false }
const SECOND: Version = { emailBase: 'text', moreChecks: true, staffDefault: 'member', city: true }
const THIRD: Version = { ...SECOND, emailBase: 'varchar' }

for (const shadow of shadows) {
  describe(`generate with domains and composite types [${shadow.name}]`, () => {
    let dir: string
    let step = 0
    const targets: SchemaModel[] = []
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'tidemark-domains-'))
    })
    afterAll(() => rm(dir, { recursive: true, force: true }))

    const generate = async (version: Version) => {
      const modules = schemaOf(version)
      const options = {
        dir: join(dir, 'migrations'),
        desired: toModel(modules),
        journal: DEFAULT_JOURNAL,
        shadow: { url: shadow.url, cacheDir: join(dir, 'cache') },
        resolveRenames: noRenames,
      }
      step += 1
      const result = await generateMigration({ ...options, now: new Date(Date.UTC(2030, 0, 1, 0, 0, step)) })
      expect(result.written).not.toBeNull()
      targets.push(result.plan.target)
      expect((await generateMigration(options)).written).toBeNull()
      // With what the shadow taught the expression cache, the next plan needs no shadow at all.
      const cached = await generateMigration({ ...options, authoredDefaults: authoredDefaults([modules]) })
      expect(cached.written).toBeNull()
      const read = (file: string) => readFile(join(result.written!.dir, file), 'utf8')
      return {
        up: statementsOf(await read('up.sql')),
        down: statementsOf(await read('down.sql')),
        hazards: result.plan.up.flatMap((c) => c.hazards.map((h) => h.kind)),
      }
    }

    it('creates the types after the enum and before the table, with checks as written', async () => {
      const { up, down } = await generate(FIRST)
      expect(up.slice(0, 7)).toEqual([
        `CREATE TYPE "public"."role" AS ENUM ('member', 'admin')`,
        `CREATE DOMAIN "public"."email" AS text CONSTRAINT "email_has_at" CHECK (VALUE ~ '@')`,
        `COMMENT ON DOMAIN "public"."email" IS 'Where mail goes'`,
        `CREATE DOMAIN "public"."staff" AS public.role DEFAULT 'admin'::public.role CONSTRAINT "staff_check" CHECK (VALUE <> 'member')`,
        'CREATE TYPE "public"."point2" AS ("x" integer, "y" integer)',
        'CREATE TYPE "public"."address" AS ("street" text, "at" public.point2, "contact" public.email, "since" date)',
        `COMMENT ON TYPE "public"."address" IS 'Where someone lives'`,
      ])
      expect(up[7]).toMatch(/^CREATE TABLE "public"."users"/)
      expect(down).toEqual([
        'DROP TABLE "public"."users"',
        'DROP TYPE "public"."address"',
        'DROP TYPE "public"."point2"',
        'DROP DOMAIN "public"."staff"',
        'DROP DOMAIN "public"."email"',
        'DROP TYPE "public"."role"',
      ])
    })

    it('changes checks, defaults, comments and attributes in place', async () => {
      const { up, down, hazards } = await generate(SECOND)
      expect(up).toEqual([
        // PostgreSQL cannot check the emails held inside addresses: the check binds new values only.
        'ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_short" CHECK (length(VALUE) < 300) NOT VALID',
        `COMMENT ON DOMAIN "public"."email" IS 'Checked twice'`,
        `ALTER DOMAIN "public"."staff" SET DEFAULT 'member'::public.role`,
        'ALTER TYPE "public"."address" ADD ATTRIBUTE "city" text',
      ])
      expect(hazards).toEqual([])
      expect(down).toEqual([
        'ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_short"',
        `COMMENT ON DOMAIN "public"."email" IS 'Where mail goes'`,
        `ALTER DOMAIN "public"."staff" SET DEFAULT 'admin'::public.role`,
        'ALTER TYPE "public"."address" DROP ATTRIBUTE "city"',
      ])
    })

    it('rebuilds a domain whose base type changes, and the composite type made of it, around their columns', async () => {
      const { up, hazards } = await generate(THIRD)
      const users = 'ALTER TABLE "public"."users" ALTER COLUMN'
      expect(up).toEqual([
        `${users} "home" TYPE text USING "home"::text`,
        `${users} "past" TYPE text[] USING "past"::text[]`,
        'DROP TYPE "public"."address"',
        `${users} "email" DROP DEFAULT`,
        `${users} "email" TYPE text`,
        'DROP DOMAIN "public"."email"',
        `CREATE DOMAIN "public"."email" AS character varying(320) CONSTRAINT "email_has_at" CHECK (VALUE ~ '@') CONSTRAINT "email_short" CHECK (length(VALUE) < 300)`,
        `COMMENT ON DOMAIN "public"."email" IS 'Checked twice'`,
        `${users} "email" TYPE "public"."email" USING "email"::text::"public"."email"`,
        `${users} "email" SET DEFAULT 'nobody@example.com'::character varying`,
        'CREATE TYPE "public"."address" AS ("street" text, "at" public.point2, "contact" public.email, "since" date, "city" text)',
        `COMMENT ON TYPE "public"."address" IS 'Where someone lives'`,
        `${users} "home" TYPE "public"."address" USING "home"::text::"public"."address"`,
        `${users} "past" TYPE "public"."address"[] USING "past"::text[]::"public"."address"[]`,
      ])
      // The domain's values may not fit varchar(320); the address keeps its attributes as they were.
      expect(hazards).toEqual(['table-rewrite', 'data-loss', 'table-rewrite'])
    })

    it('migrates a fresh database through every state, up and then down', async () => {
      const fresh = await openShadow(
        shadow.url === undefined ? { cacheDir: join(dir, 'cache') } : { url: shadow.url },
      )
      const exclude = [{ schema: DEFAULT_JOURNAL.schema, table: DEFAULT_JOURNAL.table }]
      try {
        const folder = await readMigrationFolder(join(dir, 'migrations'))
        await migrate(fresh.db, folder)
        expect(await introspect(fresh.db, { exclude })).toEqual(targets.at(-1))
        for (const expected of targets.slice(0, -1).reverse()) {
          await migrateDown(fresh.db, folder)
          expect(await introspect(fresh.db, { exclude })).toEqual(expected)
        }
      } finally {
        await fresh.close()
      }
    })
  })
}

describe('generate from a cached history whose routine takes a domain', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-domain-routine-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('loads the domain before the routine, so the cached history is used', async () => {
    const email = domain('email', text(), { checks: { email_has_at: sql`VALUE ~ '@'` } })
    const migrations = join(dir, 'migrations')
    const options = {
      dir: migrations,
      desired: toModel({ email, users: table('users', { id: integer().primaryKey(), e: email() }) }),
      journal: DEFAULT_JOURNAL,
      shadow: { cacheDir: join(dir, 'cache') },
      resolveRenames: noRenames,
    }
    await generateMigration({ ...options, name: 'init', now: new Date(Date.UTC(2030, 0, 1)) })
    const greet = join(migrations, '20300102000000_greet')
    await mkdir(greet)
    await writeFile(
      join(greet, 'up.sql'),
      'CREATE FUNCTION public.greet(e public.email) RETURNS text LANGUAGE sql AS $$ SELECT e::text $$;\n',
    )
    await writeFile(join(greet, 'down.sql'), 'DROP FUNCTION public.greet(public.email);\n')
    await writeSumFile(migrations, (await readMigrationFolder(migrations)).migrations)
    // The schema declares the routine the hand-written migration added.
    const greetFunction = pgFunction(
      sql`CREATE FUNCTION public.greet(e public.email) RETURNS text LANGUAGE sql AS $$ SELECT e::text $$`,
    )
    options.desired = toModel({
      email,
      greetFunction,
      users: table('users', { id: integer().primaryKey(), e: email() }),
    })
    const replayed = await generateMigration(options)
    expect(replayed.written).toBeNull()
    expect(replayed.plan.history).toBe('replayed')
    const cached = await generateMigration(options)
    expect(cached.written).toBeNull()
    expect(cached.plan.history).toBe('cached')
  })
})
