import { type SchemaModel, sql } from 'tidemark'
import {
  type AnyColumn,
  type AnyTable,
  enumType,
  foreignKey,
  index,
  integer,
  numeric,
  type PgEnum,
  pgFunction,
  schema,
  serial,
  table,
  text,
  toModel,
  varchar,
  view,
} from 'tidemark/pg'
import { expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { diff } from '../../src/diff/diff.js'
import { applyStatements, readCatalog } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { catalogOf, expectRoundTrip, ignoringColumnOrder, migrate } from './support.js'

const empty: SchemaModel = toModel()

describeEachSchemaTarget('diff and render: dependency order', (target) => {
  it('creates and drops tables whose foreign keys form a cycle', async () => {
    const authors = table(
      'authors',
      { id: integer().primaryKey(), favouriteBookId: integer('favourite_book_id') },
      (t) => [foreignKey({ columns: [t.favouriteBookId], references: (): AnyColumn[] => [books.id] })],
    )
    const books = table('books', {
      id: integer().primaryKey(),
      authorId: integer('author_id').references(() => authors.id),
    })
    await expectRoundTrip(target.db, empty, toModel({ authors, books }))
  })

  it('handles a self-referencing table', async () => {
    const nodes = table('nodes', {
      id: serial().primaryKey(),
      parentId: integer('parent_id').references((): AnyColumn => nodes.id, { onDelete: 'cascade' }),
    })
    await expectRoundTrip(target.db, empty, toModel({ nodes }))
  })

  it('drops a table that others reference, dropping their foreign keys first', async () => {
    const teams = table('teams', { id: integer().primaryKey() })
    const players = table('players', {
      id: integer().primaryKey(),
      teamId: integer('team_id').references(() => teams.id),
    })
    const playersAlone = table('players', { id: integer().primaryKey(), teamId: integer('team_id') })
    await expectRoundTrip(target.db, toModel({ teams, players }), toModel({ players: playersAlone }))
  })

  it('changes an enum used by a column: values added in place, removed and reordered by rebuild', async () => {
    const before = enumType('mood', ['happy', 'sad'])
    const added = enumType('mood', ['calm', 'happy', 'ok', 'sad', 'angry'])
    const reordered = enumType('mood', ['sad', 'happy'])
    const people = (mood: PgEnum<string>) =>
      table('people', {
        id: integer().primaryKey(),
        mood: mood().notNull().default('happy'),
        history: mood().array(),
      })
    const withView = (mood: PgEnum<string>) => {
      const t = people(mood)
      return { mood, t, v: view('moods').as(sql`select mood from ${t}`) }
    }
    const a = toModel(withView(before))
    await expectRoundTrip(target.db, a, toModel(withView(added)))
    await expectRoundTrip(target.db, a, toModel(withView(reordered)))
  })

  it('rebuilds a view over a column whose type changes', async () => {
    const prices = (amount: AnyColumn) => table('prices', { id: integer().primaryKey(), amount })
    const a = prices(integer().notNull())
    const b = prices(numeric({ precision: 12, scale: 2 }).notNull())
    const summary = (t: typeof a) => view('price_summary').as(sql`select sum(amount) as total from ${t}`)
    await expectRoundTrip(target.db, toModel({ a, s: summary(a) }), toModel({ b, s: summary(b) }))
  })

  it('keeps a view in place when only constraints, indexes, defaults or new columns change under it', () => {
    const accounts = (extra: boolean) =>
      table(
        'accounts',
        {
          id: integer().primaryKey(),
          name: extra ? text().notNull().default('x') : text(),
          ...(extra ? { nickname: text() } : {}),
        },
        (t) => (extra ? [index().on(t.name)] : []),
      )
    const names = (t: AnyTable) => view('account_names').as(sql`select id, name from ${t}`)
    const a = accounts(false)
    const b = accounts(true)
    const changes = diff(toModel({ a, v: names(a) }), toModel({ b, v: names(b) }))
    expect(changes.map((c) => c.kind)).not.toContain('drop-view')
    expect(changes.map((c) => c.kind)).toEqual(expect.arrayContaining(['add-column', 'create-index']))
  })

  it('rebuilds a grouped view when the primary key it rests on goes', async () => {
    const members = (keyed: boolean) =>
      table('members', { id: keyed ? integer().primaryKey() : integer().notNull(), name: text() })
    const grouped = (t: AnyTable) => view('member_names').as(sql`select id, name from ${t} group by id`)
    const keyed = members(true)
    const plain = members(false)
    // Without a primary key, "group by id" cannot select name: only the keyed side has the view.
    await expectRoundTrip(target.db, toModel({ keyed, v: grouped(keyed) }), toModel({ plain }))
    const changes = diff(
      toModel({ keyed, v: grouped(keyed) }),
      toModel({ keyed: members(false), v: grouped(keyed) }),
    )
    expect(changes.map((c) => c.kind)).toContain('drop-view')
  })

  it('moves columns, keys and indexes between shapes and schemas', async () => {
    const app = schema('app')
    const a = table(
      'accounts',
      { id: serial().primaryKey(), email: varchar({ length: 40 }).notNull(), nick: text() },
      (t) => [index().on(t.nick)],
    )
    const b = app.table(
      'accounts',
      { id: integer().primaryKey(), email: text().notNull().unique(), age: integer().default(18) },
      (t) => [index().on(t.email, t.age)],
    )
    const c = table('accounts', { id: integer().primaryKey(), email: text().notNull().unique() })
    await expectRoundTrip(target.db, toModel({ a }), toModel({ app, b }))
    await expectRoundTrip(target.db, toModel({ a }), toModel({ c }))
  })

  it('orders statements deterministically', async () => {
    const { diff } = await import('../../src/diff/index.js')
    const t = table('t', { id: integer().primaryKey(), name: text() })
    const u = table('u', { id: integer().primaryKey(), tId: integer('t_id').references(() => t.id) })
    const a = toModel()
    const b = toModel({ u, t })
    expect(JSON.stringify(diff(a, b))).toBe(JSON.stringify(diff(a, toModel({ t, u }))))
    expect(diff(b, b)).toEqual([])
  })

  it('creates a routine on a table or view row type after it, and drops it before', async () => {
    const jobs = table('jobs', { id: integer().primaryKey(), task: text().notNull() })
    const pending = view('pending', { id: integer(), task: text() }).as(sql`select id, task from ${jobs}`)
    const getJob = pgFunction('get_job', {
      args: { job_id: 'integer' },
      returns: 'public.jobs',
      language: 'plpgsql',
      body: 'declare v public.jobs; begin select * into v from public.jobs where id = job_id; return v; end',
    })
    const firstPending = pgFunction('first_pending', {
      returns: 'setof public.pending',
      language: 'sql',
      body: 'select * from public.pending limit 1',
    })
    const model = toModel({ jobs, pending, getJob, firstPending })
    const label = (c: ReturnType<typeof diff>[number]): string =>
      c.kind === 'create-table'
        ? c.table.name
        : c.kind === 'create-view'
          ? c.view.name
          : c.kind === 'create-function'
            ? c.object.name
            : c.kind
    const order = diff(empty, model).map(label)
    expect(order.indexOf('jobs')).toBeLessThan(order.indexOf('get_job(integer)'))
    expect(order.indexOf('pending')).toBeLessThan(order.indexOf('first_pending()'))
    await migrate(target.db, empty, model)
    const built = await readCatalog(target.db)
    expect(Object.keys(built.routines)).toEqual(['public.first_pending()', 'public.get_job(job_id integer)'])
    expect(Object.keys(built.views)).toEqual(['public.pending'])
    await applyStatements(target.db, renderChanges(diff(model, empty)))
    expect(await readCatalog(target.db)).toEqual(await catalogOf(target.db, empty))
    // Created whole, as a test or push builds it, in the same order.
    expect(await catalogOf(target.db, model)).toEqual(ignoringColumnOrder(built))
  })

  it('creates a routine that names a table in %TYPE or %ROWTYPE after the table, and only then', () => {
    const accounts = table('Accounts', { id: integer().primaryKey(), balance: numeric() }, undefined, {
      schema: 'bank',
    })
    const routine = (name: string, text: string) =>
      pgFunction(sql.raw(`CREATE FUNCTION bank.${name} LANGUAGE plpgsql AS $$ ${text} $$`))
    const byArgument = routine('by_argument(p bank."Accounts".id%TYPE) RETURNS int', 'BEGIN RETURN p; END')
    const byResult = routine('by_result() RETURNS "bank" . "Accounts".balance %type', 'BEGIN RETURN 0; END')
    const byDeclaration = routine(
      'by_declaration() RETURNS int',
      'DECLARE r "Accounts"%ROWTYPE; BEGIN RETURN 0; END',
    )
    // A variable's %TYPE, and a relation of the same name in another schema, name no table here.
    const byVariable = routine(
      'by_variable(p int) RETURNS int',
      'DECLARE v p%TYPE; w other."Accounts"%ROWTYPE; x accounts.id%TYPE; BEGIN RETURN p; END',
    )
    const model = toModel({ byArgument, byResult, byDeclaration, byVariable, accounts })
    const order = diff(empty, model).map((c) =>
      c.kind === 'create-table' ? c.table.name : c.kind === 'create-function' ? c.object.name : c.kind,
    )
    const after = (name: string) => order.indexOf(name) > order.indexOf('Accounts')
    expect(order.indexOf('Accounts')).toBeGreaterThanOrEqual(0)
    expect(
      [byArgument, byResult, byDeclaration, byVariable].map((r) =>
        after(toModel({ r }).definedObjects[0]!.name),
      ),
    ).toEqual([true, true, true, false])
  })
})
