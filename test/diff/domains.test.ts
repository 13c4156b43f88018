import { compile, sql } from 'tidemark'
import { compositeType, domain, enumType, integer, schema, table, text, toModel, varchar } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { expectRoundTrip } from './support.js'

const email = (checks: Record<string, ReturnType<typeof sql>> = { email_has_at: sql`VALUE ~ '@'` }) =>
  domain('email', text(), { checks })

describe('toModel: domains and composite types', () => {
  it('models a domain with its default, NOT NULL, named and unnamed checks, collation and comment', () => {
    const code = domain('code', varchar({ length: 10 }), {
      notNull: true,
      default: 'none',
      checks: [sql`VALUE <> ''`, sql`length(VALUE) > 1`],
      collation: 'C',
      comment: 'A short code',
    })
    expect(toModel({ code }).domains).toEqual([
      {
        schema: 'public',
        name: 'code',
        type: 'character varying(10)',
        notNull: true,
        default: "'none'::character varying",
        collation: 'C',
        checks: [
          { name: 'code_check', expression: "VALUE <> ''" },
          { name: 'code_check1', expression: 'length(VALUE) > 1' },
        ],
        comment: 'A short code',
      },
    ])
  })

  it('finds domains, their enums and composite types through the columns that use them', () => {
    const role = enumType('role', ['member', 'admin'])
    const staffRole = domain('staff_role', role(), { checks: { not_member: sql`VALUE <> 'member'` } })
    const app = schema('app')
    const address = app.compositeType('address', {
      street: text(),
      zip: varchar({ length: 10 }),
      kind: staffRole(),
    })
    const model = toModel({ t: table('t', { id: integer(), home: address().array() }) })
    expect(model.enums.map((e) => e.name)).toEqual(['role'])
    expect(model.domains.map((d) => [d.name, d.type])).toEqual([['staff_role', 'public.role']])
    expect(model.compositeTypes).toEqual([
      {
        schema: 'app',
        name: 'address',
        attributes: [
          { name: 'street', type: 'text', collation: null },
          { name: 'zip', type: 'character varying(10)', collation: null },
          { name: 'kind', type: 'public.staff_role', collation: null },
        ],
        comment: null,
      },
    ])
    expect(model.schemas).toEqual(['app'])
    expect(model.tables[0]!.columns[1]!.type).toBe('app.address[]')
  })

  it('names a table check around the names of domain checks, as PostgreSQL does', () => {
    const d = domain('users_age', integer(), { checks: [sql`VALUE >= 0`] })
    const model = toModel({ d, users: table('users', { age: integer().check(sql`age < 200`) }) })
    expect(model.domains[0]!.checks.map((c) => c.name)).toEqual(['users_age_check'])
    expect(model.tables[0]!.checks.map((c) => c.name)).toEqual(['users_age_check1'])
  })

  it('writes a column default on a domain with the base type, as PostgreSQL prints it', () => {
    const model = toModel({
      t: table('t', { e: email()().default('a@b'), n: domain('n', integer())().default(-5) }),
    })
    expect(model.tables[0]!.columns.map((c) => c.default)).toEqual(["'a@b'::text", "'-5'::integer"])
  })

  it('interpolates as the qualified type name, as an enum does', () => {
    const app = schema('app')
    const address = app.compositeType('address', { street: text() })
    const role = enumType('role', ['a'])
    expect(compile(sql`select null::${address}, null::${email()}, null::${role}`).sql).toBe(
      'select null::"app"."address", null::"public"."email", null::"public"."role"',
    )
  })

  it('refuses a name taken by another type or table, and modifiers on the base column', () => {
    const twice = domain('t', text())
    expect(() => toModel({ twice, t: table('t', { id: integer() }) })).toThrow(/already has this name/)
    expect(() => domain('d', text().notNull())).toThrow(/domain's options/)
    expect(() => toModel({ d: domain('d', text(), { checks: { 'bad"': sql`true` } }) })).not.toThrow()
  })
})

describe('diff and render: domains', () => {
  const users = (type: ReturnType<typeof email>) => table('users', { id: integer(), email: type() })

  it('creates types after enums and before tables, and drops them after the tables', () => {
    const role = enumType('role', ['a', 'b'])
    const staff = domain('staff', role())
    const after = toModel({ staff, t: table('t', { r: staff() }) })
    expect(renderChanges(diff(toModel(), after))).toEqual([
      `CREATE TYPE "public"."role" AS ENUM ('a', 'b')`,
      'CREATE DOMAIN "public"."staff" AS public.role',
      'CREATE TABLE "public"."t" (\n  "r" public.staff\n)',
    ])
    expect(renderChanges(diff(after, toModel()))).toEqual([
      'DROP TABLE "public"."t"',
      'DROP DOMAIN "public"."staff"',
      'DROP TYPE "public"."role"',
    ])
  })

  it('adds, drops and changes checks, default and NOT NULL in place, with long-lock hazards when in use', () => {
    const before = toModel({ users: users(email()) })
    const changed = domain('email', text(), {
      notNull: true,
      default: 'x@y',
      checks: { email_has_at: sql`VALUE ~ '@.'`, email_short: sql`length(VALUE) < 200` },
    })
    const changes = diff(before, toModel({ users: users(changed) }))
    expect(renderChanges(changes)).toEqual([
      `ALTER DOMAIN "public"."email" SET DEFAULT 'x@y'::text`,
      'ALTER DOMAIN "public"."email" DROP CONSTRAINT "email_has_at"',
      `ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_has_at" CHECK (VALUE ~ '@.')`,
      'ALTER DOMAIN "public"."email" ADD CONSTRAINT "email_short" CHECK (length(VALUE) < 200)',
      'ALTER DOMAIN "public"."email" SET NOT NULL',
    ])
    expect(changes.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual([
      'long-lock',
      'long-lock',
      'long-lock',
    ])
    expect(changes.map(describeChange)).toContain('add check email_short to domain email')
    const unused = diff(toModel({ email: email() }), toModel({ changed }))
    expect(unused.flatMap((c) => c.hazards)).toEqual([])
  })

  it('rebuilds a domain whose base type changes around the columns that use it', () => {
    const wide = domain('email', varchar({ length: 200 }), { checks: { email_has_at: sql`VALUE ~ '@'` } })
    const before = toModel({ users: table('users', { id: integer(), email: email()().default('a@b') }) })
    const after = toModel({ users: table('users', { id: integer(), email: wide().default('a@b') }) })
    const changes = diff(before, after)
    expect(renderChanges(changes)).toEqual([
      'ALTER TABLE "public"."users" ALTER COLUMN "email" DROP DEFAULT',
      'ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE text',
      'DROP DOMAIN "public"."email"',
      `CREATE DOMAIN "public"."email" AS character varying(200) CONSTRAINT "email_has_at" CHECK (VALUE ~ '@')`,
      'ALTER TABLE "public"."users" ALTER COLUMN "email" TYPE "public"."email" USING "email"::text::"public"."email"',
      `ALTER TABLE "public"."users" ALTER COLUMN "email" SET DEFAULT 'a@b'::character varying`,
    ])
    expect(changes.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['table-rewrite', 'data-loss'])
  })
})

describe('diff and render: composite types', () => {
  const address = (attributes: Parameters<typeof compositeType>[1], comment?: string) =>
    compositeType('address', attributes, { comment })

  it('adds, drops and retypes attributes in place when it can', () => {
    const before = toModel({ a: address({ street: text(), zip: varchar({ length: 5 }), old: text() }) })
    const after = toModel({
      a: address({ street: text(), zip: varchar({ length: 10 }), city: text() }, 'Where'),
    })
    const changes = diff(before, after)
    expect(renderChanges(changes)).toEqual([
      'ALTER TYPE "public"."address" DROP ATTRIBUTE "old"',
      'ALTER TYPE "public"."address" ALTER ATTRIBUTE "zip" TYPE character varying(10)',
      'ALTER TYPE "public"."address" ADD ATTRIBUTE "city" text',
      `COMMENT ON TYPE "public"."address" IS 'Where'`,
    ])
    expect(changes.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['data-loss'])
  })

  it('rebuilds a type through text when its attributes are reordered or retyped while in use', () => {
    const a1 = address({ street: text(), zip: varchar({ length: 5 }) })
    const a2 = address({ street: text(), zip: varchar({ length: 10 }) })
    const changes = diff(toModel({ t: table('t', { a: a1() }) }), toModel({ t: table('t', { a: a2() }) }))
    expect(renderChanges(changes)).toEqual([
      'ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE text USING "a"::text',
      'DROP TYPE "public"."address"',
      'CREATE TYPE "public"."address" AS ("street" text, "zip" character varying(10))',
      'ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE "public"."address" USING "a"::text::"public"."address"',
    ])
    expect(changes.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['table-rewrite', 'data-loss'])
  })
})

describeEachSchemaTarget('domains and composite types migrate up and down', (target) => {
  const role = enumType('role', ['member', 'admin'])
  const staff = domain('staff', role(), { default: 'admin' })
  const from = toModel({
    staff,
    users: table('users', {
      id: integer(),
      email: email()(),
      emails: email()().array(),
      kind: staff(),
      home: compositeType('address', { street: text(), zip: varchar({ length: 5 }) })(),
    }),
  })
  const wider = domain('email', varchar({ length: 100 }), {
    notNull: false,
    default: 'nobody@example.com',
    checks: { email_has_at: sql`VALUE ~ '@'`, email_has_dot: sql`VALUE ~ '\\.'` },
    comment: 'An address',
  })
  const to = toModel({
    staff: domain('staff', role(), { default: 'member', notNull: true }),
    users: table('users', {
      id: integer(),
      email: wider(),
      emails: wider().array(),
      kind: domain('staff', role(), { default: 'member', notNull: true })(),
      home: compositeType('address', { zip: varchar({ length: 10 }), street: text(), city: text() })(),
    }),
  })

  it('reaches each catalog, base type and attribute changes included', async () => {
    await expectRoundTrip(target.db, from, to)
  })

  it('rebuilds a domain and a composite type over an enum whose labels are replaced', async () => {
    const over = (labels: [string, ...string[]]) => {
      const mood = enumType('mood', labels)
      const staff = domain('feeling', mood())
      const pair = compositeType('pair', { a: mood(), b: staff() })
      return toModel({
        t: table('t', { m: mood(), f: staff().default(labels[0]), p: pair(), ps: pair().array() }),
      })
    }
    await expectRoundTrip(target.db, over(['happy', 'sad', 'calm']), over(['calm', 'happy']))
  })

  it('adds and drops checks, defaults and attributes on types in use', async () => {
    const plain = toModel({
      users: table('users', { email: email({})(), home: compositeType('address', { a: text() })() }),
    })
    const more = toModel({
      users: table('users', {
        email: email()(),
        home: compositeType('address', { a: text(), b: integer() }, { comment: 'Two parts' })(),
      }),
    })
    await expectRoundTrip(target.db, plain, more)
  })
})
