import { sql } from 'tidemark'
import {
  check,
  foreignKey,
  index,
  integer,
  primaryKey,
  schema,
  serial,
  text,
  toModel,
  unique,
} from 'tidemark/pg'
import { beforeAll, expect, it } from 'vitest'
import { readCatalog } from '../../support/catalog.js'
import { describeEachSchemaTarget } from '../../support/databases.js'

// The same tables twice: once created by raw SQL with nothing named (PostgreSQL picks every name),
// once declared in the DSL. The names toModel predicts must be the ones PostgreSQL chose.
const longTable = 't'.repeat(58)
const longColumn = 'c'.repeat(60)
const accentTable = 'é'.repeat(30)
const accentColumn = 'ü'.repeat(30)

const rawSql = `
create schema naming;
create table naming.users (id integer primary key, email text unique, age integer check (age > 0), org integer, note text,
  check (age < org), unique (org, email));
create index on naming.users (email);
create index on naming.users (email);
create index on naming.users (lower(email));
create index on naming.users ((email || note));
create index on naming.users (email) include (note);
create index on naming.users (org, org);
create table naming.posts (id serial primary key, author integer references naming.users, org integer, email text,
  foreign key (org, email) references naming.users (org, email), check (id > 0));
create table naming.${longTable} (${longColumn} integer primary key, other integer unique, ${longColumn.slice(0, 50)}x integer unique);
create index on naming.${longTable} (${longColumn}, other);
create table naming.${accentTable} (${accentColumn} integer unique);
`

const ns = schema('naming')
const users = ns.table(
  'users',
  {
    id: integer().primaryKey(),
    email: text().unique(),
    age: integer().check(sql`age > 0`),
    org: integer(),
    note: text(),
  },
  (t) => [
    check(sql`${t.age} < ${t.org}`),
    unique().on(t.org, t.email),
    index().on(t.email),
    index().on(t.email).where(sql`true`),
    index().on(sql`lower(${t.email})`),
    index().on(sql`(${t.email} || ${t.note})`),
    index().on(t.email).include(t.note),
    index().on(t.org, t.org),
  ],
)
const posts = ns.table(
  'posts',
  { id: serial().primaryKey(), author: integer().references(() => users.id), org: integer(), email: text() },
  (t) => [
    foreignKey({ columns: [t.org, t.email], references: [users.org, users.email] }),
    check(sql`${t.id} > 0`),
  ],
)
const long = ns.table(
  longTable,
  { a: integer(longColumn), other: integer().unique(), b: integer(`${longColumn.slice(0, 50)}x`).unique() },
  (t) => [primaryKey(t.a), index().on(t.a, t.other)],
)
const accents = ns.table(accentTable, { a: integer(accentColumn).unique() })

describeEachSchemaTarget('default names are the names PostgreSQL gives', (target) => {
  beforeAll(() => target.exec(rawSql))

  it('for keys, unique and check constraints, foreign keys, indexes and serial sequences', async () => {
    const catalog = await readCatalog(target.db)
    const model = toModel({ users, posts, long, accents })
    for (const table of model.tables) {
      const key = `${table.schema}.${table.name}`
      const predicted = [
        ...(table.primaryKey ? [table.primaryKey.name] : []),
        ...table.uniques.map((u) => u.name),
        ...table.foreignKeys.map((f) => f.name),
        ...table.checks.map((c) => c.name),
      ].sort()
      expect(Object.keys(catalog.constraints[key] ?? {}).sort(), key).toEqual(predicted)
      const predictedIndexes = [
        ...(table.primaryKey ? [table.primaryKey.name] : []),
        ...table.uniques.map((u) => u.name),
        ...table.indexes.map((i) => i.name),
      ].sort()
      expect(Object.keys(catalog.indexes[key] ?? {}).sort(), key).toEqual(predictedIndexes)
    }
    expect(Object.keys(catalog.sequences).sort()).toEqual(
      model.sequences.map((s) => `${s.schema}.${s.name}`).sort(),
    )
    // Spot checks that the comparison is not vacuous.
    expect(Object.keys(catalog.indexes['naming.users']!)).toEqual(
      expect.arrayContaining([
        'users_email_idx',
        'users_email_idx1',
        'users_lower_idx',
        'users_expr_idx',
        'users_email_note_idx',
        'users_org_org1_idx',
      ]),
    )
    expect(Object.keys(catalog.constraints['naming.users']!)).toEqual(
      expect.arrayContaining(['users_age_check', 'users_check']),
    )
  })
})
