import type { ForeignKeyModel, IndexModel, SequenceModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { asPulled, columnModel, loadGenerated, schemaModel, tableModel } from './support.js'

const id = (name = 'id') => columnModel(name, 'integer', { notNull: true })
const fk = (
  name: string,
  columns: string[],
  table: string,
  references: string[],
  schema = 'public',
): ForeignKeyModel => ({
  comment: null,
  name,
  columns,
  references: { schema, table, columns: references },
  onDelete: 'no action',
  onUpdate: 'no action',
  deferrable: false,
  initiallyDeferred: false,
})
const plainIndex = (name: string, columns: string[]): IndexModel => ({
  comment: null,
  name,
  unique: false,
  method: 'btree',
  elements: columns.map((column) => ({
    column,
    expression: null,
    order: 'asc',
    nulls: 'last',
    opclass: null,
    collation: null,
  })),
  include: [],
  where: null,
  nullsNotDistinct: false,
  storageParameters: [],
})
const serialSequence = (table: string, column: string, name = `${table}_${column}_seq`): SequenceModel => ({
  schema: 'public',
  name,
  type: 'integer',
  start: '1',
  increment: '1',
  minValue: '1',
  maxValue: '2147483647',
  cache: '1',
  cycle: false,
  ownedBy: { table, column },
})

describe('codegen of identifiers', () => {
  const model = schemaModel({
    schemas: ['auth'],
    enums: [{ schema: 'public', name: 'function', values: ['a'], comment: null }],
    tables: [
      tableModel('users', [id()], {
        schema: 'auth',
        primaryKey: { comment: null, name: 'users_pkey', columns: ['id'] },
      }),
      tableModel('delete', [
        columnModel('default', 'text'),
        columnModel('interface', 'public.function'),
        columnModel('created_at', 'integer'),
        columnModel('createdAt', 'integer'),
        columnModel('__proto__', 'integer'),
        columnModel('$name', 'integer'),
        columnModel('Order Items', 'integer'),
        columnModel('9lives', 'integer'),
        columnModel('!?', 'integer'),
      ]),
      tableModel('index', [id()]),
      tableModel('users', [id()], { primaryKey: { comment: null, name: 'users_pkey', columns: ['id'] } }),
    ],
  })
  const { source } = codegen(model)

  it('keeps names that are reserved words or taken by imports out of variables', () => {
    expect(source).toContain("export const functionEnum = enumType('function', ['a'])")
    expect(source).toContain("export const deleteTable = table('delete', {")
    expect(source).toContain("export const indexTable = table('index', {")
  })

  it('names the public table plainly and qualifies its namesake in another schema', () => {
    expect(source).toContain("export const users = table('users', {")
    expect(source).toContain("export const authUsers = auth.table('users', {")
  })

  it('writes camelCase keys, passing the column name whenever it differs', () => {
    expect(source).toContain('default: text(),')
    expect(source).toContain('interface: functionEnum(),')
    expect(source).toContain('createdAt: integer(),')
    expect(source).toContain("createdAt2: integer('created_at'),")
    expect(source).toContain("proto: integer('__proto__'),")
    expect(source).toContain("$name2: integer('$name'),")
    expect(source).toContain("orderItems: integer('Order Items'),")
    expect(source).toContain("_9lives: integer('9lives'),")
    expect(source).toContain("column: integer('!?'),")
  })

  it('gives back the same names', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('codegen of constraint, index and sequence names', () => {
  const model = schemaModel({
    sequences: [serialSequence('orders', 'id'), serialSequence('renamed', 'id', 'renamed_ids')],
    tables: [
      tableModel(
        'orders',
        [
          columnModel('id', 'integer', {
            notNull: true,
            default: "nextval('public.orders_id_seq'::regclass)",
          }),
          columnModel('code', 'text'),
          columnModel('ref', 'text'),
          columnModel('a', 'integer'),
          columnModel('b', 'integer'),
          columnModel('user_id', 'integer'),
          columnModel('big', 'bigint', {
            notNull: true,
            identity: {
              generation: 'by default',
              sequence: {
                name: 'orders_big_seq',
                start: '1',
                increment: '1',
                minValue: '1',
                maxValue: '9223372036854775807',
                cache: '1',
                cycle: false,
              },
            },
          }),
          columnModel('other', 'bigint', {
            notNull: true,
            identity: {
              generation: 'always',
              sequence: {
                name: 'other_numbers',
                start: '1',
                increment: '1',
                minValue: '1',
                maxValue: '9223372036854775807',
                cache: '1',
                cycle: false,
              },
            },
          }),
        ],
        {
          primaryKey: { comment: null, name: 'orders_pkey', columns: ['id'] },
          uniques: [
            {
              comment: null,
              name: 'orders_code_key',
              columns: ['code'],
              nullsNotDistinct: false,
              deferrable: false,
              initiallyDeferred: false,
            },
            {
              comment: null,
              name: 'ref_is_unique',
              columns: ['ref'],
              nullsNotDistinct: false,
              deferrable: false,
              initiallyDeferred: false,
            },
          ],
          foreignKeys: [
            fk('orders_user_id_fkey', ['user_id'], 'users', ['id']),
            fk('user_link', ['a'], 'users', ['id']),
          ],
          checks: [
            { comment: null, name: 'a_positive', expression: '(a > 0)' },
            { comment: null, name: 'orders_a_check', expression: '(a > 1)' },
            { comment: null, name: 'orders_check', expression: '(a < b)' },
          ],
          // PostgreSQL named the second index on b orders_b_idx1 because orders_b_idx was taken.
          indexes: [
            plainIndex('orders_b_idx', ['a']),
            plainIndex('orders_b_idx1', ['b']),
            plainIndex('orders_code_idx', ['code']),
          ],
        },
      ),
      tableModel('renamed', [
        columnModel('id', 'integer', { notNull: true, default: "nextval('public.renamed_ids'::regclass)" }),
      ]),
      tableModel('users', [id()], { primaryKey: { comment: null, name: 'pk_users', columns: ['id'] } }),
    ],
  })
  const { source, warnings } = codegen(model)

  it('leaves out the names PostgreSQL would give anyway', () => {
    expect(source).toContain('id: serial().primaryKey(),')
    expect(source).toContain('code: text().unique(),')
    expect(source).toContain(
      "a: integer()\n      .references(() => users.id, { name: 'user_link' })\n      .check(sql`(a > 1)`),",
    )
    expect(source).toContain("userId: integer('user_id').references(() => users.id),")
    expect(source).toContain('big: bigint().generatedByDefaultAsIdentity(),')
    expect(source).toContain('check(sql`(a < b)`)')
    expect(source).toContain('index().on(t.code)')
  })

  it('writes the names that differ', () => {
    expect(source).toContain("primaryKey({ name: 'pk_users', columns: [t.id] })")
    expect(source).toContain("ref: text().unique('ref_is_unique'),")
    expect(source).toContain("check('a_positive', sql`(a > 0)`)")
    expect(source).toContain("other: bigint().generatedAlwaysAsIdentity({ name: 'other_numbers' }),")
    // Both are written: the first is not its columns' default, so the second cannot rely on its suffix.
    expect(source).toContain("index('orders_b_idx').on(t.a)")
    expect(source).toContain("index('orders_b_idx1').on(t.b)")
  })

  it('writes a serial whose sequence was renamed as a sequence owned by its column', () => {
    expect(source).toContain(
      "export const renamedIds = sequence('renamed_ids', { as: 'integer', ownedBy: () => renamed.id })",
    )
    expect(source).toContain('id: integer().notNull().default(renamedIds.nextval()),')
    expect(warnings).toEqual([])
  })

  it('gives back every name, and every OWNED BY', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describe('codegen of references', () => {
  const model = schemaModel({
    schemas: ['crm'],
    tables: [
      tableModel('accounts', [id()], {
        schema: 'crm',
        primaryKey: { comment: null, name: 'accounts_pkey', columns: ['id'] },
      }),
      tableModel('a', [id(), columnModel('b_id', 'integer')], {
        primaryKey: { comment: null, name: 'a_pkey', columns: ['id'] },
        foreignKeys: [fk('a_b_id_fkey', ['b_id'], 'b', ['id'])],
      }),
      tableModel('b', [id(), columnModel('a_id', 'integer')], {
        primaryKey: { comment: null, name: 'b_pkey', columns: ['id'] },
        foreignKeys: [fk('b_a_id_fkey', ['a_id'], 'a', ['id'])],
      }),
      tableModel(
        'nodes',
        [
          id(),
          columnModel('parent_id', 'integer'),
          columnModel('root_id', 'integer'),
          columnModel('account_id', 'integer'),
        ],
        {
          primaryKey: { comment: null, name: 'nodes_pkey', columns: ['id'] },
          foreignKeys: [
            fk('nodes_account_id_fkey', ['account_id'], 'accounts', ['id'], 'crm'),
            fk('nodes_parent_id_fkey', ['parent_id'], 'nodes', ['id']),
            { ...fk('nodes_root_id_fkey', ['root_id'], 'nodes', ['id']), deferrable: true },
          ],
        },
      ),
    ],
  })
  const { source } = codegen(model)

  it('annotates references that close a cycle, and only those', () => {
    expect(source).toContain("bId: integer('b_id').references((): AnyColumn => b.id),")
    expect(source).toContain("aId: integer('a_id').references((): AnyColumn => a.id),")
    expect(source).toContain("parentId: integer('parent_id').references((): AnyColumn => nodes.id),")
    expect(source).toContain("accountId: integer('account_id').references(() => accounts.id),")
    // A table-level reference to the same table uses the callback's own columns.
    expect(source).toContain('foreignKey({ columns: [t.rootId], references: [t.id] }).deferrable()')
  })

  it('gives back the foreign keys', async () => {
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })

  it('annotates every reference of a longer cycle, not one that only points into it', () => {
    const table = (name: string, target: string) =>
      tableModel(name, [id(), columnModel('next_id', 'integer')], {
        primaryKey: { comment: null, name: `${name}_pkey`, columns: ['id'] },
        foreignKeys: [fk(`${name}_next_id_fkey`, ['next_id'], target, ['id'])],
      })
    const ring = codegen(
      schemaModel({ tables: [table('r1', 'r2'), table('r2', 'r3'), table('r3', 'r1'), table('tail', 'r1')] }),
    ).source
    expect(ring).toContain("nextId: integer('next_id').references((): AnyColumn => r2.id),")
    expect(ring).toContain("nextId: integer('next_id').references((): AnyColumn => r3.id),")
    expect(ring).toContain("nextId: integer('next_id').references((): AnyColumn => r1.id),")
    expect(ring).toContain("nextId: integer('next_id').references(() => r1.id),")
    expect(ring).toContain("import { type AnyColumn, integer, table } from 'tidemark/pg'")
  })

  it('imports AnyColumn only when a reference needs it', () => {
    const acyclic = schemaModel({
      tables: model.tables.filter((t) => t.name === 'accounts' || t.name === 'a'),
    })
    const { source } = codegen({
      ...acyclic,
      tables: acyclic.tables.map((t) =>
        t.name === 'a' ? { ...t, foreignKeys: [fk('a_b_id_fkey', ['b_id'], 'accounts', ['id'], 'crm')] } : t,
      ),
    })
    expect(source).toContain("bId: integer('b_id').references(() => accounts.id),")
    expect(source).not.toContain('AnyColumn')
  })

  it('leaves out a reference to a table that was not pulled, with a warning', () => {
    const partial = schemaModel({ tables: model.tables.filter((t) => t.name === 'nodes') })
    const result = codegen(partial)
    expect(result.source).not.toContain('accounts')
    expect(result.warnings).toEqual([
      'foreign key nodes_account_id_fkey of public.nodes references crm.accounts, which was not pulled: it is not written',
    ])
  })
})
