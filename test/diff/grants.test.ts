import { type SchemaModel, sql } from 'tidemark'
import {
  grant,
  integer,
  introspect,
  pgFunction,
  renderCreate,
  schema,
  table,
  text,
  toModel,
  view,
} from 'tidemark/pg'
import { describe, expect, it } from 'vitest'
import { renderChanges } from '../../src/dialects/pg/ddl/render-changes.js'
import { describeChange, diff } from '../../src/diff/index.js'
import { applyStatements } from '../support/catalog.js'
import { describeEachSchemaTarget } from '../support/databases.js'
import { resetDatabase } from './support.js'

// Predefined roles exist on every server and in PGlite: no role is created by these tests.
const api = schema('api')
const notes = api.table('notes', { id: integer().primaryKey(), body: text(), owner: text() })
const counter = api.sequence('counter')
const secret = pgFunction('secret', {
  schema: 'api',
  args: ['integer'],
  returns: 'integer',
  language: 'sql',
  body: 'select $1',
  publicExecute: false,
})
const open = pgFunction('open', { schema: 'api', returns: 'integer', language: 'sql', body: 'select 1' })

const upSql = (from: SchemaModel, to: SchemaModel): string[] => renderChanges(diff(from, to))

describe('grants in toModel', () => {
  it('lists one entry per role, privilege and column, and PUBLIC EXECUTE on routines that keep it', () => {
    const model = toModel({
      api,
      notes,
      counter,
      secret,
      open,
      grants: [
        grant(notes, { to: ['pg_monitor', 'public'], privileges: ['SELECT'] }),
        grant(notes, { to: 'pg_monitor', privileges: ['UPDATE'], columns: [notes.body] }),
        grant(counter, { to: 'pg_monitor', privileges: ['USAGE'], withGrantOption: true }),
        grant(secret, { to: 'pg_monitor' }),
        grant(api, { to: 'pg_monitor', privileges: ['USAGE'] }),
      ],
    })
    const entry = (on: string, name: string, grantee: string, privilege: string, extra = {}) => ({
      on,
      schema: 'api',
      name,
      column: null,
      grantee,
      privilege,
      grantable: false,
      ...extra,
    })
    expect(model.grants).toEqual([
      entry('function', 'open()', 'public', 'EXECUTE'),
      entry('function', 'secret(integer)', 'pg_monitor', 'EXECUTE'),
      entry('schema', 'api', 'pg_monitor', 'USAGE'),
      entry('sequence', 'counter', 'pg_monitor', 'USAGE', { grantable: true }),
      entry('table', 'notes', 'pg_monitor', 'SELECT'),
      entry('table', 'notes', 'public', 'SELECT'),
      entry('table', 'notes', 'pg_monitor', 'UPDATE', { column: 'body' }),
    ])
  })

  it('expands ALL to the privileges every supported PostgreSQL knows', () => {
    const model = toModel({ notes, g: grant(notes, { to: 'pg_monitor', privileges: 'ALL' }) })
    expect(model.grants.map((g) => g.privilege).sort()).toEqual(
      ['DELETE', 'INSERT', 'REFERENCES', 'SELECT', 'TRIGGER', 'TRUNCATE', 'UPDATE'].sort(),
    )
  })

  it('refuses what PostgreSQL would refuse, naming the grant', () => {
    const other = table('other', { id: integer() })
    expect(() => toModel({ notes, g: grant(notes, { to: 'x', privileges: ['USAGE' as 'SELECT'] }) })).toThrow(
      'grant on table api.notes: USAGE is not a privilege of a table or view; use SELECT, INSERT, UPDATE',
    )
    expect(() => toModel({ g: grant(notes, { to: 'x', privileges: ['SELECT'] }) })).toThrow(
      'grant on table api.notes: table api.notes is not part of the schema; export it too',
    )
    expect(() =>
      toModel({ notes, other, g: grant(notes, { to: 'x', privileges: ['SELECT'], columns: [other.id] }) }),
    ).toThrow('columns takes columns of api.notes')
    expect(() =>
      toModel({
        notes,
        g: grant(notes, { to: 'x', privileges: ['DELETE' as 'SELECT'], columns: [notes.id] }),
      }),
    ).toThrow('DELETE is not a privilege of a column')
    expect(() => toModel({ secret, g: grant(secret, { to: 'public' }) })).toThrow(
      'publicExecute is false, yet a grant gives EXECUTE to public',
    )
    expect(() => toModel({ g: grant(schema('public'), { to: 'x', privileges: ['USAGE'] }) })).toThrow(
      'the public schema is not managed by Tidemark',
    )
  })
})

describe('grants in diff and render', () => {
  const base = toModel({ notes, secret, open })
  const granted = toModel({
    notes,
    secret,
    open,
    g: [
      grant(notes, { to: ['pg_monitor', 'public'], privileges: ['INSERT', 'SELECT'] }),
      grant(notes, { to: 'pg_monitor', privileges: ['UPDATE'], columns: [notes.owner, notes.body] }),
      grant(secret, { to: 'pg_monitor', withGrantOption: true }),
    ],
  })

  it('grants what is new, privileges in PostgreSQL order, one statement per object and role', () => {
    expect(upSql(base, granted)).toEqual([
      'GRANT EXECUTE ON FUNCTION "api"."secret"(integer) TO "pg_monitor" WITH GRANT OPTION',
      'GRANT SELECT, INSERT, UPDATE ("body", "owner") ON TABLE "api"."notes" TO "pg_monitor"',
      'GRANT SELECT, INSERT ON TABLE "api"."notes" TO PUBLIC',
    ])
    expect(diff(base, granted).map(describeChange)).toEqual([
      'grant EXECUTE on function api.secret(integer) to pg_monitor with grant option',
      'grant SELECT, INSERT, UPDATE (body, owner) on table api.notes to pg_monitor',
      'grant SELECT, INSERT on table api.notes to PUBLIC',
    ])
    expect(diff(base, granted).find((c) => c.kind === 'grant' && c.grantee === 'public')?.hazards).toEqual([
      { kind: 'security', message: 'grants SELECT, INSERT on table api.notes to PUBLIC: every role gets it' },
    ])
  })

  it('revokes what goes, and only the grant option when only that goes', () => {
    const less = toModel({
      notes,
      secret,
      open,
      g: [grant(notes, { to: 'pg_monitor', privileges: ['SELECT'] }), grant(secret, { to: 'pg_monitor' })],
    })
    expect(upSql(granted, less)).toEqual([
      'REVOKE INSERT, UPDATE ("body", "owner") ON TABLE "api"."notes" FROM "pg_monitor"',
      'REVOKE SELECT, INSERT ON TABLE "api"."notes" FROM PUBLIC',
      'REVOKE GRANT OPTION FOR EXECUTE ON FUNCTION "api"."secret"(integer) FROM "pg_monitor"',
    ])
  })

  it('a new routine without PUBLIC EXECUTE has it revoked; one that keeps it needs nothing', () => {
    expect(upSql(toModel({ notes }), base)).toEqual(
      expect.arrayContaining(['REVOKE EXECUTE ON FUNCTION "api"."secret"(integer) FROM PUBLIC']),
    )
    expect(upSql(toModel({ notes }), base).filter((s) => /^(GRANT|REVOKE)/.test(s))).toHaveLength(1)
  })

  it('says nothing about the grants of what it drops, and keeps them across a rename', () => {
    expect(upSql(granted, toModel({ open })).filter((s) => /^(GRANT|REVOKE)/.test(s))).toEqual([])
    // Grants carried for objects the target does not have are not granted either.
    expect(
      upSql(granted, { ...toModel({ open }), grants: granted.grants }).filter((s) =>
        /^(GRANT|REVOKE)/.test(s),
      ),
    ).toEqual([])
    const renamed = api.table('memos', { id: integer().primaryKey(), body: text(), owner: text() })
    const after = toModel({
      renamed,
      secret,
      open,
      g: [
        grant(renamed, { to: ['pg_monitor', 'public'], privileges: ['INSERT', 'SELECT'] }),
        grant(renamed, { to: 'pg_monitor', privileges: ['UPDATE'], columns: [renamed.owner, renamed.body] }),
        grant(secret, { to: 'pg_monitor', withGrantOption: true }),
      ],
    })
    const renames = { tables: [{ schema: 'api', from: 'notes', to: 'memos' }], columns: [] }
    const kinds = diff(granted, after, { renames }).map((c) => c.kind)
    expect(kinds).toContain('rename-table')
    expect(kinds.filter((k) => k === 'grant' || k === 'revoke')).toEqual([])
  })
})

describe('grants on objects the plan drops and creates again', () => {
  it('grants again on a routine whose result type changes, and on a view rebuilt over a changed column', () => {
    const model = (resultType: string, bodyType: string) => {
      const fn = pgFunction('secret', {
        schema: 'api',
        args: ['integer'],
        returns: resultType,
        language: 'sql',
        body: 'select $1',
        publicExecute: false,
      })
      const t = api.table('notes', {
        id: integer().primaryKey(),
        body: bodyType === 'text' ? text() : integer(),
      })
      const v = view('note_bodies', {}, { schema: 'api' }).as(sql`select ${t.body} from ${t}`)
      return toModel({
        t,
        v,
        fn,
        g: [grant(fn, { to: 'pg_monitor' }), grant(v, { to: 'pg_monitor', privileges: ['SELECT'] })],
      })
    }
    const statements = upSql(model('integer', 'text'), model('bigint', 'integer'))
    expect(statements.filter((s) => /^(GRANT|REVOKE)/.test(s))).toEqual([
      'REVOKE EXECUTE ON FUNCTION "api"."secret"(integer) FROM PUBLIC',
      'GRANT EXECUTE ON FUNCTION "api"."secret"(integer) TO "pg_monitor"',
      'GRANT SELECT ON TABLE "api"."note_bodies" TO "pg_monitor"',
    ])
    expect(statements.some((s) => s.startsWith('DROP VIEW'))).toBe(true)
    expect(statements.some((s) => s.startsWith('DROP FUNCTION'))).toBe(true)
  })
})

describeEachSchemaTarget('grants read back', (target) => {
  const model = toModel({
    api,
    notes,
    counter,
    secret,
    open,
    g: [
      grant(notes, { to: ['pg_monitor', 'public'], privileges: ['SELECT', 'INSERT'] }),
      grant(notes, { to: 'pg_read_all_stats', privileges: ['UPDATE'], columns: [notes.body] }),
      grant(counter, { to: 'pg_monitor', privileges: ['USAGE', 'SELECT'], withGrantOption: true }),
      grant(secret, { to: 'pg_monitor' }),
      grant(api, { to: 'pg_monitor', privileges: ['USAGE'] }),
    ],
  })

  it('introspects what renderCreate grants, owner and defaults aside', async () => {
    await resetDatabase(target.db)
    await applyStatements(target.db, renderCreate(model))
    const read = await introspect(target.db, { schemas: ['api'] })
    expect(read.grants).toEqual(model.grants)
  })

  it('migrates grants both ways to what the other model reads back as', async () => {
    const other = toModel({
      api,
      notes,
      counter,
      secret: pgFunction('secret', {
        schema: 'api',
        args: ['integer'],
        returns: 'integer',
        language: 'sql',
        body: 'select $1',
      }),
      open,
      g: [
        grant(notes, { to: 'pg_read_all_stats', privileges: ['UPDATE'], columns: [notes.body, notes.owner] }),
      ],
    })
    await resetDatabase(target.db)
    await applyStatements(target.db, renderCreate(model))
    await applyStatements(target.db, upSql(model, other))
    expect((await introspect(target.db, { schemas: ['api'] })).grants).toEqual(other.grants)
    await applyStatements(target.db, upSql(other, model))
    expect((await introspect(target.db, { schemas: ['api'] })).grants).toEqual(model.grants)
  })
})
