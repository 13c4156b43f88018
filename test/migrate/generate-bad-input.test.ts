/**
 * Schemas PostgreSQL refuses: generate fails with the object's name, the file and line where it was
 * declared, and PostgreSQL's own message, and writes nothing.
 */

import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { domain, integer, pgFunction, policy, sql, table, text, toModel, trigger } from 'tidemark/pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateMigration } from '../../src/migrate/generate/generate.js'
import { DEFAULT_JOURNAL } from '../../src/migrate/index.js'
import { noRenames } from './support/generate.js'

const users = table('users', { id: integer().primaryKey(), email: text() })

describe('generate refuses what PostgreSQL refuses', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tidemark-bad-input-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const attempt = async (schema: Record<string, unknown>) => {
    const migrations = join(dir, 'migrations')
    const error = await generateMigration({
      dir: migrations,
      desired: toModel(schema),
      journal: DEFAULT_JOURNAL,
      shadow: { cacheDir: join(dir, 'cache') },
      resolveRenames: noRenames,
    }).then(
      () => undefined,
      (failure: unknown) => failure as Error,
    )
    expect(await readdir(migrations).catch(() => [])).toEqual([])
    expect(error).toBeInstanceOf(Error)
    return error!.message
  }
  /** `(declared at <this file>:<line>)`, the line being the one that holds `declaration`. */
  const here = (declaration: string) => {
    const line =
      readFileSync(fileURLToPath(import.meta.url), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(declaration)) + 1
    return new RegExp(`\\(declared at .*generate-bad-input\\.test\\.ts:${line}\\)$`)
  }

  it('a function body that does not compile', async () => {
    const broken = pgFunction('email_count', {
      returns: 'bigint',
      language: 'sql',
      body: sql`select count(nope) from ${users}`,
    })
    const message = await attempt({ users, broken })
    expect(message).toMatch(/^function public\.email_count\(\) does not load: column "nope" does not exist/)
    expect(message).toMatch(here("pgFunction('email_count'"))
  })

  it('a PL/pgSQL body with a syntax error', async () => {
    const broken = pgFunction('touch', {
      returns: 'trigger',
      language: 'plpgsql',
      body: 'begin retrun new; end',
    })
    const message = await attempt({ users, broken })
    expect(message).toMatch(/^function public\.touch\(\) does not load: syntax error at or near "retrun"/)
    expect(message).toMatch(here("pgFunction('touch'"))
  })

  it('a trigger executing a function neither the schema nor the database has', async () => {
    const touch = trigger('users_touch', users, {
      timing: 'before',
      events: ['update'],
      forEach: 'row',
      execute: 'public.missing',
    })
    const message = await attempt({ users, touch })
    expect(message).toMatch(
      /^trigger users_touch on public\.users cannot be created: function public\.missing\(\) does not exist/,
    )
    expect(message).toMatch(here("trigger('users_touch'"))
  })

  it('a policy naming a column that does not exist', async () => {
    const notes = table('notes', { id: integer().primaryKey() }, () => [
      policy('own', { using: sql`owner_id = 1` }),
    ])
    expect(await attempt({ notes })).toMatch(/column "owner_id" does not exist/)
  })

  it('a domain check that reads another table', async () => {
    const email = domain('email', text(), { checks: { known: sql`VALUE in (select email from users)` } })
    expect(await attempt({ users, email })).toMatch(/cannot use subquery in check constraint/)
  })
})
