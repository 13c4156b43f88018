import { randomBytes } from 'node:crypto'
import type { SchemaModel } from 'tidemark'
import { introspect } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import { renderChanges } from '../../../../src/dialects/pg/ddl/render-changes.js'
import { diff } from '../../../../src/diff/index.js'
import { emptyModel } from '../../../../src/model/empty-model.js'
import { resetDatabase } from '../../../diff/support.js'
import { applyStatements, readCatalog } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import {
  asPulled,
  biomeFormat,
  columnModel,
  loadGenerated,
  schemaModel,
  TEMPLATE_CHARACTERS,
  tableModel,
} from './support.js'

describe('codegen of policies', () => {
  const model: SchemaModel = schemaModel({
    tables: [
      tableModel('notes', [columnModel('owner', 'text')], {
        rowLevelSecurity: { enabled: true, forced: false },
        policies: [
          {
            comment: null,
            name: 'open',
            permissive: true,
            command: 'all',
            roles: ['public'],
            using: null,
            withCheck: null,
          },
          {
            comment: null,
            name: 'own',
            permissive: false,
            command: 'update',
            roles: ['app admin', 'app_user'],
            using: `(owner = 'it''s ${TEMPLATE_CHARACTERS}')`,
            withCheck: '(owner IS NOT NULL)',
          },
        ],
      }),
    ],
  })
  const { source } = codegen(model)

  it('writes policy() last among the extras, with only what differs from the defaults', () => {
    expect(source).toContain("policy('open')")
    expect(source).toContain("as: 'restrictive',")
    expect(source).toContain("for: 'update',")
    expect(source).toContain("to: ['app admin', 'app_user'],")
    expect(source).toContain('withCheck: sql`(owner IS NOT NULL)`,')
  })

  it('is formatted, and gives back the model, expressions exactly', async () => {
    expect(biomeFormat(source)).toBe(source)
    expect(asPulled(await loadGenerated(source))).toEqual(asPulled(model))
  })
})

describeEachSchemaTarget('policies through pull, generate and migrate', (target) => {
  // Roles belong to the whole server: unique names, dropped at the end.
  const suffix = randomBytes(4).toString('hex')
  const reader = `tm_reader_${suffix}`
  const writer = `tm_writer_${suffix}`
  beforeAll(async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [`create role ${reader}`, `create role ${writer}`])
  })
  afterAll(async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, [`drop role if exists ${reader}`, `drop role if exists ${writer}`])
  })

  it('rebuilds a restrictive and a permissive policy for two roles exactly', async () => {
    await applyStatements(target.db, [
      'create table notes (id integer primary key, owner text not null, body text)',
      'alter table notes enable row level security',
      `create policy mine on notes for select to ${reader}, ${writer} using (owner = current_user)`,
      `create policy no_empty on notes as restrictive for insert to ${writer} with check (body <> '')`,
    ])
    const before = await readCatalog(target.db)
    const pulled = await loadGenerated(codegen(await introspect(target.db)).source)
    await resetDatabase(target.db)
    await applyStatements(target.db, renderChanges(diff(emptyModel, pulled)))
    const after = await readCatalog(target.db)
    expect(after.policies).toEqual(before.policies)
    expect(Object.keys(after.policies['public.notes'] ?? {})).toEqual(['mine', 'no_empty'])
    expect(after.rowLevelSecurity).toEqual(before.rowLevelSecurity)
    expect(after).toEqual(before)
  })
})
