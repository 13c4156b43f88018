import * as migrateEntry from 'tidemark/migrate'
import {
  codegen,
  describeChange,
  diff,
  introspect,
  renderChanges,
  renderCreate,
  serializeModel,
  toModel,
} from 'tidemark/model'
import * as pg from 'tidemark/pg'
import { integer, table, text } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'

const empty = toModel({})
const users = table('users', { id: integer().primaryKey(), name: text().notNull() })

describe('tidemark/model, the schema pipeline', () => {
  it('turns schema code into changes, their SQL and back into code', () => {
    const model = toModel({ users })
    const changes = diff(empty, model)
    expect(changes.map(describeChange)).toEqual(['create table users'])
    expect(renderChanges(changes)).toEqual(renderCreate(model))
    expect(renderChanges(diff(model, empty))).toEqual(['DROP TABLE "public"."users"'])
    const { source, warnings } = codegen(model)
    expect(source).toContain("export const users = table('users', {")
    expect(warnings).toEqual([])
    expect(JSON.parse(serializeModel(model))).toEqual(model)
  })

  it('is the one home of the stages: tidemark/pg keeps deprecated copies, tidemark/migrate none', () => {
    expect([pg.toModel, pg.renderCreate, pg.introspect]).toEqual([toModel, renderCreate, introspect])
    expect(Object.keys(migrateEntry)).not.toContain('diff')
    expect(Object.keys(migrateEntry)).not.toContain('describeChange')
  })
})
