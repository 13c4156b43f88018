import type { SchemaModel } from 'tidemark'
import { introspect, renderCreate, toModel } from 'tidemark/pg'
import { beforeAll, expect, it } from 'vitest'
import { type CodegenResult, codegen } from '../../../../src/dialects/pg/codegen/codegen.js'
import * as kitchenSink from '../../../fixtures/kitchen-sink.js'
import { applyStatements } from '../../../support/catalog.js'
import { describeEachSchemaTarget } from '../../../support/databases.js'
import { DECLARABLE, POSTLUDE, PRELUDE } from './pitfalls-schema.js'
import { asPulled, biomeFormat, loadGenerated } from './support.js'

/**
 * Pull, the acceptance test: a database is read, its code is generated and imported, and toModel of
 * that code must be the model read from the database. Then the database is rebuilt from the code
 * alone and read again, which must give the same model: the code means what the database held.
 */
describeEachSchemaTarget('pulling the kitchen sink', (target) => {
  let live: SchemaModel
  let result: CodegenResult
  let pulled: SchemaModel
  beforeAll(async () => {
    await applyStatements(target.db, renderCreate(toModel(kitchenSink)))
    live = await introspect(target.db)
    result = codegen(live)
    pulled = await loadGenerated(result.source)
  })

  it('writes code whose toModel is the database model', () => {
    expect(asPulled(pulled)).toEqual(asPulled(live))
  })

  it('has nothing to warn about', () => {
    expect(result.warnings).toEqual([])
  })

  it('writes formatted code', () => {
    expect(biomeFormat(result.source)).toBe(result.source)
  })

  it('builds the same database again from the code alone', async () => {
    await target.exec('drop schema billing cascade; drop schema public cascade; create schema public;')
    await applyStatements(target.db, renderCreate(pulled))
    expect(await introspect(target.db)).toEqual(live)
  })
})

describeEachSchemaTarget('pulling a hand-written schema', (target) => {
  let live: SchemaModel
  let result: CodegenResult
  let pulled: SchemaModel
  beforeAll(async () => {
    await target.exec(PRELUDE + DECLARABLE + POSTLUDE)
    live = await introspect(target.db)
    result = codegen(live)
    pulled = await loadGenerated(result.source)
  })

  it('writes code whose toModel is the database model', () => {
    expect(asPulled(pulled)).toEqual(asPulled(live))
  })

  it('writes row-level security and the policy as code', () => {
    expect(result.source).toContain("policy('p_users', { using: sql`(id > 0)`, withCheck: sql`(id > 0)` })")
    expect(result.source).toContain('enableRowLevelSecurity()')
  })

  it('writes the domain as code and uses it in its column', () => {
    expect(result.source).toContain(
      "export const positiveInt = domain('positive_int', integer(), {\n  checks: { positive_int_check: sql`(VALUE > 0)` },\n})",
    )
    expect(result.source).toContain('d: positiveInt(),')
  })

  it('writes composite types after the types they hold, and uses them and domains in columns', () => {
    const source = result.source
    const at = (text: string) => source.indexOf(text)
    expect(at('export const statusCode = domain(')).toBeGreaterThan(at('export const orderStatus ='))
    expect(at('export const parcel = sales.compositeType(')).toBeGreaterThan(at('export const address ='))
    expect(source).toContain(
      "export const parcel = sales.compositeType('parcel', { at: address(), codes: orderCode().array() })",
    )
    expect(source).toContain('  homes: address().array(),\n')
    expect(source).toContain(`  st: statusCode().default("it's done"),\n`)
  })

  it('writes the function and trigger as code, and a renamed serial sequence owned by its column', () => {
    expect(result.source).toContain('export const touch = pgFunction(')
    expect(result.source).toContain("trigger('t_touch', users, {")
    expect(result.source).toMatch(/sequence\('order_ids', \{[^}]*ownedBy: \(\) => orders\.id/)
    expect(result.warnings).toEqual([])
  })

  it('writes formatted code', () => {
    expect(biomeFormat(result.source)).toBe(result.source)
  })

  it('builds the same database again from the code alone, its function and trigger included', async () => {
    await target.exec(
      'drop schema auth cascade; drop schema "Sales" cascade; drop schema empty_one cascade; drop schema public cascade; create schema public;',
    )
    await applyStatements(target.db, renderCreate(pulled))
    expect(await introspect(target.db)).toEqual(live)
  })
})
