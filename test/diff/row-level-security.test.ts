import { type SchemaModel, sql } from 'tidemark'
import {
  enableRowLevelSecurity,
  forceRowLevelSecurity,
  integer,
  introspect,
  renderCreate,
  table,
  toModel,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { expectRoundTrip, resetDatabase } from './support.js'

type Flags = { enabled?: boolean; forced?: boolean }

function sessions(flags: Flags): SchemaModel {
  const extras = [
    ...(flags.enabled ? [enableRowLevelSecurity()] : []),
    ...(flags.forced ? [forceRowLevelSecurity()] : []),
  ]
  return toModel({ sessions: table('sessions', { id: integer().primaryKey() }, () => extras) })
}

describe('diff and render: row-level security', () => {
  it('keeps both flags in the model, each on its own', () => {
    expect(sessions({}).tables[0]!.rowLevelSecurity).toEqual({ enabled: false, forced: false })
    expect(sessions({ enabled: true }).tables[0]!.rowLevelSecurity).toEqual({ enabled: true, forced: false })
    // FORCE alone is legal in PostgreSQL (and has no effect): it is kept as written.
    expect(sessions({ forced: true }).tables[0]!.rowLevelSecurity).toEqual({ enabled: false, forced: true })
  })

  it('enables, forces, stops forcing and disables, each with its own statement', () => {
    expect(renderChanges(diff(sessions({}), sessions({ enabled: true, forced: true })))).toEqual([
      'ALTER TABLE "public"."sessions" ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE "public"."sessions" FORCE ROW LEVEL SECURITY',
    ])
    expect(renderChanges(diff(sessions({ enabled: true, forced: true }), sessions({})))).toEqual([
      'ALTER TABLE "public"."sessions" DISABLE ROW LEVEL SECURITY',
      'ALTER TABLE "public"."sessions" NO FORCE ROW LEVEL SECURITY',
    ])
    expect(diff(sessions({ enabled: true }), sessions({ enabled: true }))).toEqual([])
  })

  it('describes each change and marks what opens rows up as a security hazard', () => {
    const up = diff(sessions({}), sessions({ enabled: true, forced: true }))
    expect(up.map(describeChange)).toEqual([
      'enable row-level security on sessions',
      'force row-level security on sessions',
    ])
    expect(up.flatMap((c) => c.hazards)).toEqual([])
    const down = diff(sessions({ enabled: true, forced: true }), sessions({}))
    expect(down.map(describeChange)).toEqual([
      'disable row-level security on sessions',
      'stop forcing row-level security on sessions',
    ])
    expect(down.flatMap((c) => c.hazards.map((h) => h.kind))).toEqual(['security', 'security'])
    expect(down[0]!.hazards[0]!.message).toMatch(/^disables row-level security on sessions: /)
  })

  it('sets the flags of a created table right after its CREATE TABLE', () => {
    const statements = renderChanges(diff(toModel(), sessions({ enabled: true, forced: true })))
    expect(statements[0]).toMatch(/^CREATE TABLE "public"."sessions"/)
    expect(statements.slice(1)).toEqual([
      'ALTER TABLE "public"."sessions" ENABLE ROW LEVEL SECURITY',
      'ALTER TABLE "public"."sessions" FORCE ROW LEVEL SECURITY',
    ])
    expect(renderCreate(sessions({ forced: true })).slice(1)).toEqual([
      'ALTER TABLE "public"."sessions" FORCE ROW LEVEL SECURITY',
    ])
  })
})

describeEachSchemaTarget('diff and render: row-level security on a database', (target) => {
  it('enables, forces and removes both flags up and down', async () => {
    await expectRoundTrip(target.db, sessions({}), sessions({ enabled: true }))
    await expectRoundTrip(target.db, sessions({ enabled: true }), sessions({ enabled: true, forced: true }))
    await expectRoundTrip(target.db, sessions({}), sessions({ forced: true }))
    await expectRoundTrip(target.db, toModel(), sessions({ enabled: true, forced: true }))
  })

  it('reads each flag back from the catalog as the model has it', async () => {
    for (const flags of [{}, { enabled: true }, { forced: true }, { enabled: true, forced: true }]) {
      await resetDatabase(target.db)
      await applyStatements(target.db, renderCreate(sessions(flags)))
      const read = await introspect(target.db)
      expect(read.tables[0]!.rowLevelSecurity, JSON.stringify(flags)).toEqual(
        sessions(flags).tables[0]!.rowLevelSecurity,
      )
    }
    await target.db.execute(sql`alter table sessions disable row level security`)
    expect((await introspect(target.db)).tables[0]!.rowLevelSecurity.enabled).toBe(false)
  })
})
