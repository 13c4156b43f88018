import type { IndexModel, SchemaModel, ViewModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { asPulled, biomeFormat, columnModel, loadGenerated, schemaModel, tableModel } from './support.js'

const TRICKY = `it's "both" \\ a backslash\nsecond line ✓`

const indexModel = (name: string, column: string, comment: string | null): IndexModel => ({
  name,
  unique: false,
  method: 'btree',
  elements: [{ column, expression: null, order: 'asc', nulls: 'last', opclass: null, collation: null }],
  include: [],
  where: null,
  nullsNotDistinct: false,
  storageParameters: [],
  comment,
})

const viewModel = (name: string, fields: Partial<ViewModel>): ViewModel => ({
  schema: 'public',
  name,
  materialized: false,
  definition: "SELECT 1 AS one,\n    'a'::text AS label",
  withNoData: false,
  storageParameters: [],
  dependsOn: [],
  indexes: [],
  comment: null,
  columnDefaults: [],
  columnComments: [],
  ...fields,
})

describe('codegen of comments on keys, checks, indexes and policies, and of view column defaults', () => {
  const key = { nullsNotDistinct: false, deferrable: false, initiallyDeferred: false }
  const model: SchemaModel = schemaModel({
    tables: [
      tableModel(
        'authors',
        [columnModel('id', 'integer', { notNull: true }), columnModel('email', 'text', { notNull: true })],
        {
          primaryKey: { name: 'authors_pkey', columns: ['id'], comment: 'One row per author' },
          uniques: [{ name: 'authors_email_key', columns: ['email'], ...key, comment: 'One per address' }],
          checks: [{ name: 'authors_id_check', expression: 'id > 0', comment: 'Positive' }],
          indexes: [indexModel('authors_email_idx', 'email', TRICKY)],
          rowLevelSecurity: { enabled: true, forced: false },
          policies: [
            {
              name: 'authors_read',
              permissive: true,
              command: 'select',
              roles: ['public'],
              using: 'true',
              withCheck: null,
              comment: 'Anyone reads',
            },
          ],
        },
      ),
      tableModel(
        'posts',
        [columnModel('id', 'integer', { notNull: true }), columnModel('author_id', 'integer')],
        {
          primaryKey: { name: 'posts_pkey', columns: ['id'], comment: null },
          foreignKeys: [
            {
              name: 'posts_author_id_fkey',
              columns: ['author_id'],
              references: { schema: 'public', table: 'authors', columns: ['id'] },
              onDelete: 'no action',
              onUpdate: 'no action',
              deferrable: false,
              initiallyDeferred: false,
              comment: 'Posts go with their author',
            },
          ],
        },
      ),
    ],
    views: [
      viewModel('label_ids', {
        materialized: true,
        definition: 'SELECT 1 AS id',
        indexes: [{ ...indexModel('label_ids_id_idx', 'id', 'For refreshes'), unique: true }],
      }),
      viewModel('labels', {
        columnDefaults: [
          { column: 'label', default: "'none'::text" },
          { column: 'one', default: '1' },
        ],
        columnComments: [{ column: 'label', comment: TRICKY }],
      }),
    ],
  })
  const { source } = codegen(model)

  it('writes .comment() after the extra, and a commented key among the extras rather than on its column', () => {
    expect(source).toContain("primaryKey(t.id).comment('One row per author')")
    expect(source).toContain("unique().on(t.email).comment('One per address')")
    expect(source).toContain("check('authors_id_check', sql`id > 0`).comment('Positive')")
    expect(source).toContain(
      "foreignKey({ columns: [t.authorId], references: () => [authors.id] }).comment(\n      'Posts go with their author',",
    )
    expect(source).toContain(
      "policy('authors_read', { for: 'select', using: sql`true` }).comment('Anyone reads')",
    )
    expect(source).toContain(".comment('For refreshes')")
    expect(source).not.toContain('.primaryKey().comment')
    // The key without a comment stays on its column.
    expect(source).toContain('id: integer().primaryKey()')
  })

  it("writes a view's column defaults as the catalog prints them, and its column comments", () => {
    expect(source).toContain("columnDefaults: { label: sql`'none'::text`, one: sql`1` }")
    expect(source).toContain(`columnComments: { label: 'it\\'s "both" \\\\ a backslash\\nsecond line ✓' }`)
  })

  it('is formatted, and gives back the model', async () => {
    expect(biomeFormat(source)).toBe(source)
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})
