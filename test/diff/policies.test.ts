import { type SchemaModel, sql } from 'tidemark'
import {
  enableRowLevelSecurity,
  integer,
  introspect,
  type PolicyOptions,
  policy,
  renderCreate,
  table,
  text,
  toModel,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { policyWarnings } from '../../src/model/policy-warnings.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { expectRoundTrip, resetDatabase } from './support.js'

/** `sessions` with row-level security on and the policies given, by name. */
function sessions(policies: Record<string, PolicyOptions>, rls = true): SchemaModel {
  const t = table(
    'sessions',
    { id: integer().primaryKey(), userId: integer('user_id'), note: text() },
    () => [
      ...(rls ? [enableRowLevelSecurity()] : []),
      ...Object.entries(policies).map(([name, options]) => policy(name, options)),
    ],
  )
  return toModel({ t })
}

const own: PolicyOptions = { using: sql`user_id = 1` }

describe('diff and render: policies', () => {
  it('keeps a policy in the model: defaults spelled out, roles sorted, PUBLIC as public', () => {
    const model = sessions({
      b: { as: 'restrictive', for: 'update', to: ['zed', 'amy'], using: sql`true`, withCheck: sql`id > 0` },
      a: {},
      c: { to: ['PUBLIC'] },
    })
    expect(model.tables[0]!.policies).toEqual([
      { name: 'a', permissive: true, command: 'all', roles: ['public'], using: null, withCheck: null },
      {
        name: 'b',
        permissive: false,
        command: 'update',
        roles: ['amy', 'zed'],
        using: 'true',
        withCheck: 'id > 0',
      },
      { name: 'c', permissive: true, command: 'all', roles: ['public'], using: null, withCheck: null },
    ])
  })

  it('refuses what PostgreSQL refuses, by name', () => {
    expect(() => sessions({ a: { for: 'insert', using: sql`true` } })).toThrow(/policy a: an insert policy/)
    expect(() => sessions({ a: { for: 'select', withCheck: sql`true` } })).toThrow(/a select policy/)
  })

  it('creates a policy after its table, and drops it with a security hazard worded by its kind', () => {
    const created = diff(toModel(), sessions({ own }))
    expect(renderChanges(created).slice(-1)).toEqual([
      'CREATE POLICY "own" ON "public"."sessions" AS PERMISSIVE FOR ALL TO PUBLIC USING (user_id = 1)',
    ])
    const dropped = diff(sessions({ own }), sessions({}))
    expect(renderChanges(dropped)).toEqual(['DROP POLICY "own" ON "public"."sessions"'])
    expect(dropped.map(describeChange)).toEqual(['drop policy own on sessions'])
    expect(dropped[0]!.hazards).toEqual([
      {
        kind: 'security',
        message: 'drops policy own on sessions: the rows it let through are no longer reachable through it',
      },
    ])
    const restrictive = diff(sessions({ own: { ...own, as: 'restrictive' } }), sessions({}))
    expect(restrictive[0]!.hazards[0]!.message).toMatch(/the rows it held back become reachable/)
  })

  it('alters roles, USING and WITH CHECK in place', () => {
    const changes = diff(
      sessions({ own: { ...own, to: ['a'], withCheck: sql`id > 0` } }),
      sessions({ own: { to: ['a', 'b'], using: sql`user_id = 2`, withCheck: sql`id > 1` } }),
    )
    expect(changes.map(describeChange)).toEqual(['alter policy own on sessions (roles, USING, WITH CHECK)'])
    expect(changes.flatMap((c) => c.hazards)).toEqual([])
    expect(renderChanges(changes)).toEqual([
      'ALTER POLICY "own" ON "public"."sessions" TO "a", "b"',
      'ALTER POLICY "own" ON "public"."sessions" USING (user_id = 2)',
      'ALTER POLICY "own" ON "public"."sessions" WITH CHECK (id > 1)',
    ])
  })

  it('drops and creates for a new command, kind, name or removed expression, with no hazard when it comes back', () => {
    for (const to of [{ ...own, for: 'select' as const }, { ...own, as: 'restrictive' as const }, {}]) {
      const changes = diff(sessions({ own }), sessions({ own: to }))
      expect(changes.map((c) => c.kind)).toEqual(['drop-policy', 'create-policy'])
      expect(changes.flatMap((c) => c.hazards)).toEqual([])
    }
    expect(diff(sessions({ own }), sessions({ mine: own })).map(describeChange)).toEqual([
      'drop policy own on sessions',
      'create policy mine on sessions',
    ])
  })

  it('drops a policy before a column it reads is dropped, and creates it again after', () => {
    const before = sessions({ own })
    const t = table('sessions', { id: integer().primaryKey(), userId: text('user_id'), note: text() }, () => [
      enableRowLevelSecurity(),
      policy('own', { using: sql`user_id = 'x'` }),
    ])
    const kinds = diff(before, toModel({ t })).map((c) => c.kind)
    expect(kinds.indexOf('drop-policy')).toBeLessThan(kinds.indexOf('alter-column-type'))
    expect(kinds.indexOf('create-policy')).toBeGreaterThan(kinds.indexOf('alter-column-type'))
  })

  it('warns about a policy on a table without row-level security', () => {
    expect(policyWarnings(sessions({ own }, false))).toEqual([
      'policy own on sessions has no effect: row-level security is not enabled on sessions (add enableRowLevelSecurity())',
    ])
    expect(policyWarnings(sessions({ own }))).toEqual([])
  })
})

describeEachSchemaTarget('diff and render: policies on a database', (target) => {
  it('creates, alters, rebuilds and drops policies up and down', async () => {
    const check = { using: sql`user_id = 1`, withCheck: sql`note <> ''` }
    await expectRoundTrip(target.db, toModel(), sessions({ own: check }))
    await expectRoundTrip(target.db, sessions({ own: check }), sessions({ own: { using: sql`user_id = 2` } }))
    await expectRoundTrip(
      target.db,
      sessions({ own: check }),
      sessions({ own: { ...check, for: 'update', as: 'restrictive' }, all: {} }),
    )
  })

  it('reads policies back as the model has them, expressions as PostgreSQL prints them', async () => {
    await resetDatabase(target.db)
    const model = sessions({
      own: { as: 'restrictive', for: 'update', using: sql`user_id = 1`, withCheck: sql`id > 0` },
      open: {},
    })
    await applyStatements(target.db, renderCreate(model))
    const read = (await introspect(target.db)).tables[0]!
    expect(read.policies).toEqual([
      { name: 'open', permissive: true, command: 'all', roles: ['public'], using: null, withCheck: null },
      {
        name: 'own',
        permissive: false,
        command: 'update',
        roles: ['public'],
        using: '(user_id = 1)',
        withCheck: '(id > 0)',
      },
    ])
    expect(
      (await introspect(target.db)).definedObjects.filter((o) => (o.kind as string) === 'policy'),
    ).toEqual([])
  })
})
