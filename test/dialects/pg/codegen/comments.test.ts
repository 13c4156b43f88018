import type { EnumModel, SchemaModel, ViewModel } from 'tidemark'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import {
  asPulled,
  biomeFormat,
  columnModel,
  loadGenerated,
  schemaModel,
  TEMPLATE_CHARACTERS,
  tableModel,
} from './support.js'

/** Every character a string literal must escape or keep: quotes, backslash, line breaks, `${`, unicode. */
const TRICKY = `it's "both" \\ a backslash\nsecond line\r\n\ttab ${TEMPLATE_CHARACTERS} ünïcode ✓ 🚀 \u2028`

const enumModel = (schema: string, name: string, comment: string | null): EnumModel => ({
  schema,
  name,
  values: ['a'],
  comment,
})

const viewModel = (schema: string, name: string, materialized: boolean, comment: string): ViewModel => ({
  columnDefaults: [],
  columnComments: [],
  schema,
  name,
  materialized,
  definition: 'SELECT 1 AS one',
  withNoData: false,
  storageParameters: [],
  dependsOn: [],
  indexes: [],
  comment,
})

describe('codegen of comments', () => {
  const model: SchemaModel = schemaModel({
    schemas: ['auth'],
    enums: [enumModel('auth', 'level', 'Access level'), enumModel('public', 'mood', TRICKY)],
    tables: [
      tableModel('sessions', [columnModel('id', 'integer')], { schema: 'auth', comment: 'Open sessions' }),
      tableModel(
        'comment',
        [
          columnModel('id', 'integer', { notNull: true, comment: 'The key' }),
          columnModel('note', 'text', { comment: TRICKY }),
          columnModel('plain', 'text'),
        ],
        { comment: TRICKY, primaryKey: { comment: null, name: 'comment_pkey', columns: ['id'] } },
      ),
    ],
    views: [
      viewModel('auth', 'active', false, 'Active sessions'),
      viewModel('public', 'counts', true, TRICKY),
      { ...viewModel('public', 'plain', false, ''), comment: null },
    ],
  })
  const { source } = codegen(model)

  it('writes .comment() last on a column, comment() first in the extras, comment in view and enum options', () => {
    expect(source).toContain("id: integer().primaryKey().comment('The key'),")
    expect(source).toContain(
      "export const level = auth.enumType('level', ['a'], { comment: 'Access level' })",
    )
    expect(source).toContain("    id: integer(),\n  },\n  (t) => [comment('Open sessions')],\n)")
    expect(source).toContain("auth.view('active', {}, { comment: 'Active sessions' })")
    expect(source).toContain("materializedView(\n  'counts',\n  {},\n  { comment: ")
    expect(source).toContain("view('plain').as(")
    expect(source).not.toContain('plain: text().comment')
  })

  it('prints comments as string literals that keep every character', () => {
    // As written in the source: each escape is a backslash and a letter.
    const literal = String.raw`'it\'s "both" \\ a backslash\nsecond line\r\n\ttab ${TEMPLATE_CHARACTERS} ünïcode ✓ 🚀 \u2028'`
    expect(source).toContain(`note: text().comment(${literal}),`)
    expect(source).toContain(`(t) => [comment(${literal})],`)
    expect(source).toContain(`enumType('mood', ['a'], {\n  comment: ${literal},\n})`)
  })

  it('does not let a table named comment shadow the comment() import', () => {
    expect(source).toMatch(/^import \{[^}]*\bcomment\b[^}]*\} from 'tidemark\/pg'$/m)
    expect(source).not.toMatch(/^export const comment = /m)
  })

  it('is formatted, and gives back the model', async () => {
    expect(biomeFormat(source)).toBe(source)
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})
