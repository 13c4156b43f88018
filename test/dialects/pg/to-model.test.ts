import { count, desc as queryDesc, SchemaError, serializeModel, sql } from 'tidemark'
import {
  type AnyColumn,
  bigint,
  comment,
  desc,
  enumType,
  foreignKey,
  index,
  integer,
  materializedView,
  numeric,
  primaryKey,
  schema,
  sequence,
  serial,
  smallint,
  table,
  text,
  toModel,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  view,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import * as kitchenSink from '../../fixtures/kitchen-sink.js'

const model = toModel(kitchenSink)
const tableModel = (name: string) => model.tables.find((t) => t.name === name)!
const columnModel = (tableName: string, column: string) =>
  tableModel(tableName).columns.find((c) => c.name === column)!

describe('toModel', () => {
  it('describes schemas, enums (ordered labels), sequences, tables and views, sorted', () => {
    expect(model.dialect).toBe('postgresql')
    expect(model.schemas).toEqual(['billing'])
    expect(model.enums).toEqual([
      { schema: 'billing', name: 'currency', values: ['EUR', 'USD'], comment: 'ISO 4217 codes' },
      {
        schema: 'public',
        name: 'role',
        values: ['member', 'admin', 'owner'],
        comment: 'What a member may do',
      },
    ])
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual([
      'billing.invoices',
      'public.accounts',
      'public.literal_defaults',
      'public.members',
    ])
    expect(model.views.map((v) => [`${v.schema}.${v.name}`, v.materialized, v.dependsOn])).toEqual([
      ['billing.account_totals', true, ['billing.invoices', 'public.account_names']],
      ['public.account_names', false, ['public.accounts']],
    ])
    expect(model.views[1]!.definition).toBe(
      'select "accounts"."id", "accounts"."name" from public.accounts where "accounts"."active"',
    )
  })

  it('writes every column type as format_type prints it', () => {
    const types = Object.fromEntries(
      tableModel('accounts').columns.map((c) => [c.name, [c.type, c.dimensions]]),
    )
    expect(types).toEqual({
      id: ['bigint', 0],
      slug: ['character varying(40)', 0],
      name: ['text', 0],
      country_code: ['character(2)', 0],
      seats: ['smallint', 0],
      balance: ['numeric(12,2)', 0],
      rating: ['real', 0],
      score: ['double precision', 0],
      active: ['boolean', 0],
      settings: ['jsonb', 0],
      legacy: ['json', 0],
      tags: ['text[]', 1],
      matrix: ['integer[]', 2],
      logo: ['bytea', 0],
      homepage: ['inet', 0],
      network: ['cidr', 0],
      mac: ['macaddr', 0],
      location: ['point', 0],
      created_at: ['timestamp(3) with time zone', 0],
      updated_at: ['timestamp without time zone', 0],
      birthday: ['date', 0],
      opens_at: ['time(0) without time zone', 0],
      closes_at: ['time with time zone', 0],
      trial: ['interval day to second(0)', 0],
      plan: ['public.role', 0],
      roles: ['public.role[]', 1],
      slug_length: ['integer', 0],
    })
  })

  it('writes defaults the way pg_get_expr prints them', () => {
    const defaults = Object.fromEntries(tableModel('accounts').columns.map((c) => [c.name, c.default]))
    expect(defaults).toMatchObject({
      id: "nextval('public.accounts_id_seq'::regclass)",
      seats: '5',
      balance: '0.00',
      score: "'-2'::integer",
      active: 'true',
      settings: `'{"theme": "dark"}'::jsonb`,
      tags: "'{}'::text[]",
      created_at: 'now()',
      trial: "'14 days'::interval",
      plan: "'member'::public.role",
      roles: "'{member}'::public.role[]",
      slug_length: null,
    })
    expect(columnModel('accounts', 'slug_length').generated).toBe('length(slug)')
    expect(columnModel('invoices', 'number').default).toBe("nextval('billing.invoice_numbers'::regclass)")
  })

  it('keeps identity and sequence numbers exact, as strings', () => {
    expect(columnModel('invoices', 'huge').identity).toEqual({
      generation: 'always',
      sequence: {
        name: 'invoices_huge_sequence',
        start: '9223372036854775807',
        increment: '-1',
        minValue: '-9223372036854775808',
        maxValue: '9223372036854775807',
        cache: '1',
        cycle: true,
      },
    })
    expect(columnModel('members', 'member_no').identity?.sequence).toMatchObject({
      name: 'members_member_no_seq',
      start: '10',
      increment: '5',
    })
    expect(model.sequences.find((s) => s.name === 'countdown')).toEqual({
      schema: 'public',
      name: 'countdown',
      type: 'integer',
      start: '-1',
      increment: '-1',
      minValue: '-2147483648',
      maxValue: '-1',
      cache: '1',
      cycle: false,
      ownedBy: null,
    })
    expect(model.sequences.find((s) => s.name === 'invoices_position_seq')?.ownedBy).toEqual({
      table: 'invoices',
      column: 'position',
    })
  })

  it('gives keys, uniques, checks, foreign keys and indexes their PostgreSQL names and every option', () => {
    const members = tableModel('members')
    expect(members.primaryKey).toEqual({ name: 'members_pkey', columns: ['account_id', 'user_id'] })
    expect(members.uniques).toEqual([
      {
        name: 'members_email_key',
        columns: ['email'],
        nullsNotDistinct: true,
        deferrable: false,
        initiallyDeferred: false,
      },
      {
        name: 'members_user_id_account_id_key',
        columns: ['user_id', 'account_id'],
        nullsNotDistinct: false,
        deferrable: true,
        initiallyDeferred: false,
      },
    ])
    expect(members.foreignKeys).toEqual([
      {
        name: 'members_account_id_fkey',
        columns: ['account_id'],
        references: { schema: 'public', table: 'accounts', columns: ['id'] },
        onDelete: 'cascade',
        onUpdate: 'cascade',
        deferrable: false,
        initiallyDeferred: false,
      },
      {
        name: 'members_account_id_invited_by_fkey',
        columns: ['account_id', 'invited_by'],
        references: { schema: 'public', table: 'members', columns: ['account_id', 'user_id'] },
        onDelete: 'set null',
        onUpdate: 'no action',
        deferrable: true,
        initiallyDeferred: true,
      },
    ])
    const accounts = tableModel('accounts')
    expect(accounts.checks).toEqual([
      { name: 'accounts_balance_check', expression: '"balance" >= 0' },
      { name: 'accounts_seats_check', expression: 'seats > 0' },
      { name: 'accounts_seats_vs_balance', expression: '"seats" < 1000 or "balance" > 100' },
    ])
    expect(accounts.indexes.map((i) => [i.name, i.method])).toEqual([
      ['accounts_country_code_name_slug_idx', 'btree'],
      ['accounts_created_at_idx', 'btree'],
      ['accounts_created_brin', 'brin'],
      ['accounts_location_idx', 'gist'],
      ['accounts_lower_idx', 'btree'],
      ['accounts_name_search_idx', 'btree'],
      ['accounts_settings_idx', 'gin'],
      ['accounts_slug_idx', 'hash'],
    ])
    const byName = (name: string) => accounts.indexes.find((i) => i.name === name)!
    expect(byName('accounts_country_code_name_slug_idx')).toMatchObject({
      unique: true,
      include: ['slug'],
      nullsNotDistinct: true,
      method: 'btree',
    })
    expect(byName('accounts_lower_idx')).toMatchObject({
      where: '"active"',
      elements: [{ column: null, expression: 'lower("name")' }],
    })
    expect(byName('accounts_name_search_idx').elements).toEqual([
      {
        column: 'name',
        expression: null,
        order: 'asc',
        nulls: 'last',
        opclass: 'text_pattern_ops',
        collation: 'C',
      },
      { column: 'id', expression: null, order: 'desc', nulls: 'last', opclass: null, collation: null },
    ])
  })

  it('is plain JSON that survives a round trip', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model)
  })
})

describe('index keys from asc() and desc()', () => {
  it('are the ORDER BY items of queries, the same functions from either entry', () => {
    expect(desc).toBe(queryDesc)
    const docs = table('docs', { title: text(), rank: integer() }, (t) => [
      index('docs_keys').on(
        queryDesc(t.title).collate('C'),
        desc(sql`lower(${t.title})`).nullsLast(),
        t.rank,
      ),
    ])
    expect(toModel({ docs }).tables[0]!.indexes[0]!.elements).toEqual([
      { column: 'title', expression: null, order: 'desc', nulls: 'first', opclass: null, collation: 'C' },
      {
        column: null,
        expression: 'lower("title")',
        order: 'desc',
        nulls: 'last',
        opclass: null,
        collation: null,
      },
      { column: 'rank', expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null },
    ])
  })

  it('are columns or sql expressions: what else orders results is no index key', () => {
    expect(() => index().on(queryDesc(count()))).toThrow('an index key is a column or a sql`...` expression')
  })
})

describe('toModel is deterministic', () => {
  // Builds the same schema with its objects declared in a given order.
  function build(order: readonly number[]) {
    const declared: Record<string, unknown> = {}
    const status = enumType('status', ['a', 'b'])
    const makers = [
      () => {
        declared.users = table(
          'users',
          { id: serial().primaryKey(), email: text(), status: status() },
          (t) =>
            order[0] === 0
              ? [index().on(t.email), index().on(t.email).where(sql`true`)]
              : [index().on(t.email).where(sql`true`), index().on(t.email)],
        )
      },
      () => {
        declared.posts = table('posts', {
          id: integer().primaryKey(),
          author: integer().references((): AnyColumn => (declared.users as { id: AnyColumn }).id),
        })
      },
      () => {
        declared.status = status
      },
      () => {
        declared.recent = view('recent').as(sql`select 1`)
      },
    ]
    for (const i of order) makers[i]!()
    return declared
  }

  it('gives byte-identical JSON whatever the declaration and export order', () => {
    const first = serializeModel(toModel(build([0, 1, 2, 3])))
    expect(serializeModel(toModel(build([3, 2, 1, 0])))).toBe(first)
    expect(serializeModel(toModel(build([1, 3, 0, 2])))).toBe(first)
    expect(serializeModel(toModel(Object.values(build([2, 0, 3, 1])).reverse()))).toBe(first)
    expect(first).toContain('"users_email_idx1"')
  })

  it('serializes with sorted keys and a final newline', () => {
    const text = serializeModel(toModel(kitchenSink))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.indexOf('"dialect"')).toBeLessThan(text.indexOf('"enums"'))
    expect(serializeModel(toModel(kitchenSink))).toBe(text)
  })
})

describe('toModel rejects what PostgreSQL would reject or silently change', () => {
  const fails = (build: () => unknown, message: RegExp) => {
    let error: unknown
    try {
      toModel(build())
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(SchemaError)
    expect((error as Error).message).toMatch(message)
  }
  const long = 'x'.repeat(64)

  it('names longer than 63 bytes', () => {
    fails(
      () => table(long, { id: integer() }),
      new RegExp(`table public\\.${long}: the name is 64 bytes long`),
    )
    fails(
      () => table('users', { id: integer(long) }),
      new RegExp(`table public\\.users, column ${long}: the name is 64 bytes long`),
    )
    fails(() => table('users', { id: integer('é'.repeat(32)) }), /column é+: the name is 64 bytes long/)
    fails(
      () => table('users', { id: integer() }, (t) => [index(long).on(t.id)]),
      /table public\.users, index x+: the name is 64 bytes/,
    )
    fails(() => enumType('mood', ['ok', long]), /enum public\.mood: label 'x+': the label is 64 bytes long/)
  })

  it('names holding a lone surrogate, which no driver can send as written', () => {
    fails(() => table('t\uD800', { id: integer() }), /the name contains a lone surrogate/)
    fails(
      () => table('users', { id: integer('\uDC00id') }),
      /column .*id: the name contains a lone surrogate/,
    )
  })

  it('duplicate column names', () => {
    fails(
      () => table('users', { email: text(), mail: text('email') }),
      /table public\.users, column email: two columns are named email/,
    )
  })

  it('a foreign key to columns that are not unique', () => {
    const users = table('users', { id: integer().primaryKey(), email: text() })
    fails(
      () => [users, table('posts', { author: text().references(() => users.email) })],
      /table public\.posts, foreign key \(author\): references public\.users \(email\), which is not a primary key or unique/,
    )
    const withUnique = table('users', { id: integer().primaryKey(), email: text().unique() })
    expect(() =>
      toModel([withUnique, table('posts', { author: text().references(() => withUnique.email) })]),
    ).not.toThrow()
  })

  it('a foreign key to a table that is not part of the schema', () => {
    const users = table('users', { id: integer().primaryKey() })
    fails(
      () => table('posts', { author: integer().references(() => users.id) }),
      /references public\.users, which is not part of this schema/,
    )
  })

  it('an index on a column of another table', () => {
    const users = table('users', { id: integer().primaryKey(), email: text() })
    fails(
      () => [users, table('posts', { id: integer() }, () => [index().on(users.email)])],
      /table public\.posts, index: column email belongs to public\.users, not to this table/,
    )
  })

  it('enums with duplicate labels', () => {
    fails(() => enumType('mood', ['ok', 'sad', 'ok']), /enum public\.mood: label 'ok' is listed twice/)
  })

  it('two primary keys, identity on a non-integer, a generated column with a default', () => {
    fails(
      () => table('t', { a: integer().primaryKey(), b: integer() }, (t) => [primaryKey(t.a, t.b)]),
      /table public\.t: more than one primary key/,
    )
    const asText = text() as unknown as ReturnType<typeof integer>
    fails(
      () => table('t', { a: asText.generatedAlwaysAsIdentity() }),
      /column a: identity needs a smallint, integer or bigint column, not text/,
    )
    fails(
      () => table('t', { a: integer().default(1).generatedAlwaysAs(sql`2`) }),
      /column a: a generated column cannot have a default/,
    )
  })

  it('name collisions between relations', () => {
    fails(
      () => [table('users', { id: integer() }), view('users').as(sql`select 1`)],
      /view public\.users: the name users is already used by table public\.users/,
    )
    fails(
      () =>
        table('t', { a: integer(), b: integer() }, (t) => [unique('t_key').on(t.a), index('t_key').on(t.b)]),
      /index t_key: the name t_key is already used/,
    )
  })

  it('invalid defaults, with the column named', () => {
    fails(
      () => table('t', { a: integer().default(1e21) }),
      /table public\.t, column a: invalid default: default 1e\+21/,
    )
    fails(
      () => table('t', { a: integer().default(Number.NaN) }),
      /column a: invalid default: integer takes whole numbers, got NaN/,
    )
    fails(
      () => table('t', { a: integer().default(1.5) }),
      /column a: invalid default: integer takes whole numbers, got 1\.5/,
    )
    fails(
      () => table('t', { a: smallint().default(40000) }),
      /column a: invalid default: 40000 is out of range for smallint/,
    )
    fails(
      () => table('t', { a: bigint().default(2 ** 60) }),
      /column a: invalid default: default 1152921504606847000 is beyond 2\^53/,
    )
    fails(
      () => table('t', { a: integer().default('1' as never) }),
      /column a: invalid default: expected a number default for integer, got string/,
    )
  })

  it('composite foreign keys with mismatched column counts', () => {
    const a = table('a', { x: integer(), y: integer() }, (t) => [unique().on(t.x, t.y)])
    fails(
      () => [
        a,
        table('b', { x: integer() }, (t) => [foreignKey({ columns: [t.x], references: [a.x, a.y] })]),
      ],
      /foreign key \(x\): references 2 column\(s\) for 1 column\(s\)/,
    )
  })
})

describe('toModel details', () => {
  it('treats a default of null (from JavaScript callers) as no default and keeps defaultFn out of the DDL', () => {
    const t = table('t', { a: text().default(null as never), b: integer().defaultFn(() => 42) })
    expect(toModel({ t }).tables[0]!.columns.map((c) => c.default)).toEqual([null, null])
  })

  it('merges identical enum declarations and rejects conflicting ones', () => {
    const a = enumType('mood', ['ok', 'sad'])
    const b = enumType('mood', ['ok', 'sad'])
    expect(toModel({ a, b }).enums).toEqual([
      { schema: 'public', name: 'mood', values: ['ok', 'sad'], comment: null },
    ])
    const c = enumType('mood', ['sad', 'ok'])
    expect(() => toModel({ a, c })).toThrow(/enum public\.mood: declared twice with different labels/)
    const d = enumType('mood', ['ok', 'sad'], { comment: 'How it went' })
    expect(() => toModel({ a, d })).toThrow(/enum public\.mood: declared twice with different comments/)
    expect(toModel({ a, e: enumType('mood', ['ok', 'sad'], { comment: '' }) }).enums[0]!.comment).toBeNull()
  })

  it('refuses numeric bigint mode on a column with decimals', () => {
    expect(() => numeric({ precision: 10, scale: 2, mode: 'bigint' })).toThrow(
      /numeric mode 'bigint' needs scale 0/,
    )
    expect(() => numeric({ mode: 'bigint' }).config.type.decode('1.5')).toThrow(/1\.5 is not a whole number/)
    expect(numeric({ mode: 'bigint' }).config.type.decode('-12345678901234567890')).toBe(
      -12345678901234567890n,
    )
  })
})

describe('comments', () => {
  it('keep their exact text on tables, columns, views, materialized views and enums', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is data that contains `${` on purpose
    const text = "it's a \\ backslash,\na second line, ünïcode ✓ and `${x}`"
    expect(columnModel('accounts', 'name').comment).toBe('Shown as is')
    expect(columnModel('accounts', 'id').comment).toBeNull()
    expect(tableModel('accounts').comment).toMatch(/^Customer accounts: 'quoted'/)
    expect(tableModel('members').comment).toBeNull()
    expect(model.views.map((v) => [v.name, v.comment])).toEqual([
      ['account_totals', 'Invoice totals per account'],
      ['account_names', 'Accounts that are active'],
    ])

    const mood = enumType('mood', ['ok'], { comment: text })
    const app = schema('app')
    const t = app.table('t', { a: mood().comment(text), b: integer() }, () => [comment(text)])
    const v = app.view('v', {}, { comment: text }).as(sql`select 1`)
    const m = app.materializedView('m', {}, { comment: text }).as(sql`select 1`)
    const e = app.enumType('e', ['x'], { comment: text })
    const built = toModel({ t, v, m, e })
    expect(built.tables[0]!.comment).toBe(text)
    expect(built.tables[0]!.columns.map((c) => c.comment)).toEqual([text, null])
    expect(built.views.map((x) => x.comment)).toEqual([text, text])
    // An enum only a column names still brings its comment.
    expect(built.enums.map((x) => [x.name, x.comment])).toEqual([
      ['e', text],
      ['mood', text],
    ])
  })

  it('are none when empty, as in PostgreSQL', () => {
    const t = table('t', { a: integer().comment('') }, () => [comment('')])
    const v = view('v', {}, { comment: '' }).as(sql`select 1`)
    const built = toModel({ t, v, e: enumType('e', ['x'], { comment: '' }) })
    expect([built.tables[0]!.comment, built.tables[0]!.columns[0]!.comment]).toEqual([null, null])
    expect([built.views[0]!.comment, built.enums[0]!.comment]).toEqual([null, null])
  })

  it('are refused when a table declares two, or a text holds a NUL character', () => {
    const twice = table('users', { a: integer() }, () => [comment('one'), comment('two')])
    expect(() => toModel({ twice })).toThrow(
      /table public\.users: has 2 comment\(\) extras; a table takes at most one/,
    )
    const nul = table('t', { a: integer().comment('a\u0000b') })
    expect(() => toModel({ nul })).toThrow(
      /table public\.t, column a: a comment cannot contain the NUL character/,
    )
    expect(() => comment(42 as never)).toThrow(/comment\(\) takes a string/)
    expect(() => integer().comment(undefined as never)).toThrow(/comment\(\) takes a string/)
  })
})

describe('schema objects in named schemas', () => {
  it('qualify types and sequences with their schema', () => {
    const app = schema('App')
    const kind = app.enumType('Kind', ['a'])
    const items = app.table('items', {
      id: uuid().primaryKey(),
      kind: kind().notNull().default('a'),
      code: varchar({ length: 8 }),
    })
    const m = toModel({ app, items })
    expect(m.schemas).toEqual(['App'])
    expect(m.tables[0]!.columns[1]).toMatchObject({ type: '"App"."Kind"', default: `'a'::"App"."Kind"` })
  })
})

describe('indexes on materialized views', () => {
  const orders = table('orders', { id: integer().primaryKey(), customer: text() })

  it('get the model a table index gets, default names included, sorted by name', () => {
    const totals = materializedView('totals', { customer: text(), n: integer() })
      .indexes((v) => [
        uniqueIndex().on(v.customer),
        index('totals_by_n').on(desc(v.n)).where(sql`${v.n} > 1`).include(v.customer),
        index().on(sql`lower(${v.customer})`),
      ])
      .as(sql`select ${orders.customer}, count(*) as n from ${orders} group by 1`)
    const ids = materializedView('ids')
      .indexes(() => [uniqueIndex().on(sql.identifier('id')).include(sql.identifier('id2'))])
      .as(sql`select ${orders.id}, ${orders.id} as id2 from ${orders}`)
    const m = toModel({ orders, totals, ids })
    const indexesOf = (name: string) => m.views.find((v) => v.name === name)!.indexes
    expect(indexesOf('totals').map((i) => i.name)).toEqual([
      'totals_by_n',
      'totals_customer_idx',
      'totals_lower_idx',
    ])
    expect(indexesOf('totals')[0]).toEqual({
      name: 'totals_by_n',
      unique: false,
      method: 'btree',
      elements: [
        { column: 'n', expression: null, order: 'desc', nulls: 'first', opclass: null, collation: null },
      ],
      include: ['customer'],
      where: '"n" > 1',
      nullsNotDistinct: false,
      storageParameters: [],
    })
    expect(indexesOf('totals')[2]!.elements[0]).toMatchObject({
      column: null,
      expression: 'lower("customer")',
    })
    expect(indexesOf('ids')).toMatchObject([
      { name: 'ids_id_id2_idx', unique: true, elements: [{ column: 'id' }], include: ['id2'] },
    ])
  })

  it('are refused on plain views, on another relation’s columns, and under a taken name', () => {
    expect(() => view('v').indexes(() => [])).toThrow(/view v: only a materialized view can have indexes/)
    const elsewhere = materializedView('m', { id: integer() })
      .indexes(() => [index().on(orders.id)])
      .as(sql`select ${orders.id} from ${orders}`)
    expect(() => toModel({ orders, elsewhere })).toThrow(
      /materialized view public\.m, index: column id belongs to public\.orders, not to this view/,
    )
    const taken = materializedView('m', { id: integer() })
      .indexes((v) => [index('orders').on(v.id)])
      .as(sql`select ${orders.id} from ${orders}`)
    expect(() => toModel({ orders, taken })).toThrow(
      /the name orders is already used by table public\.orders/,
    )
    const include = materializedView('m')
      .indexes(() => [index().on(sql`1`).include(sql`x + 1`)])
      .as(sql`select 1 as x`)
    expect(() => toModel({ include })).toThrow(/INCLUDE takes columns/)
  })
})

describe('sequences owned by a column', () => {
  it('name the column, and are refused on a table elsewhere or not in the schema', () => {
    const app = schema('app')
    const numbers = app.sequence('numbers', { as: 'integer', ownedBy: () => tickets.no })
    const tickets = app.table('tickets', { no: integer().notNull().default(numbers.nextval()) })
    expect(toModel({ numbers, tickets }).sequences).toMatchObject([
      { schema: 'app', name: 'numbers', type: 'integer', ownedBy: { table: 'tickets', column: 'no' } },
    ])
    const elsewhere = sequence('elsewhere', { ownedBy: () => tickets.no })
    expect(() => toModel({ elsewhere, tickets })).toThrow(
      /sequence public\.elsewhere: is owned by a column of app\.tickets: PostgreSQL requires the table in the sequence's schema \(public\)/,
    )
    expect(() => toModel({ numbers })).toThrow(
      /sequence app\.numbers: is owned by app\.tickets, which is not part of this schema/,
    )
    expect(() => sequence('s', { ownedBy: 'tickets.no' as never })).toThrow(/ownedBy takes a function/)
  })
})
