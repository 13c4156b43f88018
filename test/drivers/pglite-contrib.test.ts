// @needs-database: it loads PGlite's contrib extension modules.
import { describe, expect, it } from 'vitest'
import { contribExtensionsCreatedIn, pgliteContribExtensions } from '../../src/drivers/pglite-contrib.js'

describe('contribExtensionsCreatedIn', () => {
  it('reads the names CREATE EXTENSION statements create, as module names', () => {
    const texts = [
      'create extension citext;\ncreate table t (id int);',
      'CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;',
      '-- later\nCreate  Extension\n  if not exists pg_trgm;',
    ]
    expect(contribExtensionsCreatedIn(texts)).toEqual(['citext', 'uuid_ossp', 'pg_trgm'])
  })

  it('needs none when nothing creates an extension', () => {
    expect(contribExtensionsCreatedIn(['create table extension_log (extension text);'])).toEqual([])
  })

  it('needs all of them when a CREATE EXTENSION cannot be read', () => {
    expect(contribExtensionsCreatedIn(["do $$ begin execute 'create extension ' || 'citext'; end $$;"])).toBe(
      'all',
    )
  })
})

describe('pgliteContribExtensions', () => {
  it('registers only what is asked, with the extensions those require', async () => {
    const some = await pgliteContribExtensions(['earthdistance', 'not_a_contrib_module'])
    expect(Object.keys(some).sort()).toEqual(['cube', 'earthdistance'])
    const all = await pgliteContribExtensions()
    expect(Object.keys(all)).toContain('citext')
    expect(Object.keys(all).length).toBeGreaterThan(20)
  })
})
