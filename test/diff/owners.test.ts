import { sql } from 'tidemark'
import { materializedView, pgFunction, renderCreate, schema, serial, text, toModel } from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { codegen } from '../../src/dialects/pg/codegen/codegen.js'
import { ownerWarnings } from '../../src/dialects/pg/codegen/owner-warnings.js'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { emptyModel } from '../../src/model/empty-model.js'
import { ownedObjectList, withOwners } from '../../src/model/owners.js'
import type { OwnedObjectKind, OwnerModel } from '../../src/model/types.js'

const api = schema('api')
const notes = api.table('notes', { id: serial().primaryKey(), body: text() })
const tally = api.sequence('tally')
const mood = api.enumType('mood', ['up', 'down'])
const twice = pgFunction('twice', {
  schema: 'api',
  args: ['integer'],
  returns: 'integer',
  language: 'sql',
  body: 'select $1 * 2',
})
const totals = materializedView('totals', {}).as(sql`select 1 as one`)
const base = toModel({ api, notes, tally, mood, twice, totals })

const owned = (on: OwnedObjectKind, name: string, owner = 'auditor', at = 'api'): OwnerModel => ({
  on,
  schema: at,
  name,
  owner,
})

describe('owners in the differ', () => {
  it('keeps an owner for every object that has one of its own, not for a sequence owned by a column', () => {
    expect(ownedObjectList(base).map((o) => `${o.on} ${o.schema}.${o.name}`)).toEqual([
      'schema api.api',
      'table api.notes',
      'materialized view public.totals',
      'sequence api.tally',
      'function api.twice(integer)',
      'enum api.mood',
    ])
  })

  it('gives each object to its owner, and back to the role that runs the migration', () => {
    const given = withOwners(base, [
      owned('schema', 'api'),
      owned('table', 'notes'),
      owned('materialized view', 'totals', 'auditor', 'public'),
      owned('sequence', 'tally'),
      owned('function', 'twice(integer)'),
      owned('enum', 'mood', 'Odd Role'),
    ])
    const up = diff(base, given)
    expect(renderChanges(up)).toEqual([
      'ALTER SCHEMA "api" OWNER TO "auditor"',
      'ALTER TABLE "api"."notes" OWNER TO "auditor"',
      'ALTER MATERIALIZED VIEW "public"."totals" OWNER TO "auditor"',
      'ALTER SEQUENCE "api"."tally" OWNER TO "auditor"',
      'ALTER FUNCTION "api"."twice"(integer) OWNER TO "auditor"',
      'ALTER TYPE "api"."mood" OWNER TO "Odd Role"',
    ])
    expect(describeChange(up[1]!)).toBe('change the owner of table api.notes to auditor')
    expect(up[1]!.hazards).toEqual([
      {
        kind: 'security',
        message:
          'gives table api.notes to auditor, which then holds every privilege on it and bypasses its row-level security unless it is forced',
      },
    ])
    const down = diff(given, base)
    expect(renderChanges(down)[1]).toBe('ALTER TABLE "api"."notes" OWNER TO CURRENT_USER')
    expect(describeChange(down[1]!)).toBe(
      'change the owner of table api.notes to the role that applies migrations',
    )
    expect(down[1]!.hazards.map((h) => h.kind)).toEqual(['breaking'])
  })

  it('changes nothing when the owners agree, and follows a renamed table', () => {
    const given = withOwners(base, [owned('table', 'notes')])
    expect(diff(given, given)).toEqual([])
    const memos = api.table('memos', { id: serial().primaryKey(), body: text() })
    const renamed = withOwners(toModel({ api, memos, tally, mood, twice, totals }), [owned('table', 'memos')])
    const changes = diff(given, renamed, {
      renames: { tables: [{ schema: 'api', from: 'notes', to: 'memos' }], columns: [] },
    })
    expect(changes.map((c) => c.kind)).not.toContain('change-owner')
  })

  it('gives a new object its owner once it exists, in a plan and in whole-model DDL', () => {
    const given = withOwners(base, [owned('table', 'notes')])
    const statements = renderChanges(diff(emptyModel, given))
    const create = statements.findIndex((s) => s.startsWith('CREATE TABLE "api"."notes"'))
    const owner = statements.indexOf('ALTER TABLE "api"."notes" OWNER TO "auditor"')
    expect(create).toBeGreaterThanOrEqual(0)
    expect(owner).toBeGreaterThan(create)
    expect(renderCreate(given)).toContain('ALTER TABLE "api"."notes" OWNER TO "auditor"')
  })

  it('has pull say which objects belong to another role', () => {
    const given = withOwners(base, [owned('table', 'notes'), owned('enum', 'mood')])
    expect(ownerWarnings(given)).toEqual([
      'enum api.mood is owned by auditor in the database; the code does not declare owners, so a database built from it gives it to the role that applies the migrations (keep the owner with ALTER TYPE ... OWNER TO in a migration)',
      'table api.notes is owned by auditor in the database; the code does not declare owners, so a database built from it gives it to the role that applies the migrations (keep the owner with ALTER TABLE ... OWNER TO in a migration)',
    ])
    expect(ownerWarnings(base)).toEqual([])
    expect(codegen(given).warnings).toEqual(expect.arrayContaining(ownerWarnings(given)))
  })
})
