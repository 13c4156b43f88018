/**
 * tidemark studio's HTTP API, over a real server on loopback: the token and Host guards, the page,
 * the schema with its diagram layout, migrations with state and hazards, row pages, cell edits that
 * round-trip to the database (and the errors when they cannot), and the check report after a hand
 * edit. On the embedded database and on a scratch database on the server.
 */
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedStudio, launchStudio } from '../../src/cli/commands/studio.js'
import type { CheckReport } from '../../src/migrate/check/check.js'
import type { MigrationView } from '../../src/studio/migrations-view.js'
import type { RowPage } from '../../src/studio/rows.js'
import type { SchemaView } from '../../src/studio/schema-view.js'
import { tidemark } from '../cli/support.js'
import { cliTargets } from '../cli/targets.js'
import { DROP_RATING, INIT, type StudioProject, studioProject } from './studio-project.js'

interface Reply {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
}

/** One HTTP request with full control of the headers (fetch will not send a foreign Host). */
function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          text += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

for (const target of cliTargets()) {
  describe(`tidemark studio API [${target.name}]`, { timeout: 120_000 }, () => {
    let project: StudioProject
    let studio: LaunchedStudio
    const api = async <T>(path: string, body?: unknown): Promise<{ status: number; json: T }> => {
      const reply = await send(studio.port, path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-tidemark-token': studio.token },
        body,
      })
      return { status: reply.status, json: JSON.parse(reply.text) as T }
    }

    beforeAll(async () => {
      await target.setUp()
      project = await studioProject(target)
      // A hand edit the migrations know nothing about: check must report it as drift.
      await target.exec(project.dir, 'alter table authors add column nickname text')
      const launched = await launchStudio(target.args(), {
        stdout: { write: () => true },
        stderr: { write: () => true },
        cwd: project.dir,
        env: {},
        interactive: false,
      })
      studio = launched!
    })
    afterAll(async () => {
      await studio?.stop()
      await project?.remove()
      await target.tearDown()
    })

    it('listens on 127.0.0.1 and refuses requests without the token or from a foreign Host', async () => {
      expect(studio.url).toBe(`http://127.0.0.1:${studio.port}/?token=${studio.token}`)
      expect(studio.token.length).toBeGreaterThanOrEqual(32)
      const noToken = await send(studio.port, '/api/schema')
      expect(noToken.status).toBe(403)
      expect(noToken.text).toContain('token')
      expect((await send(studio.port, '/?token=wrong')).status).toBe(403)
      expect((await send(studio.port, '/api/schema', { headers: { 'x-tidemark-token': 'x' } })).status).toBe(
        403,
      )
      const rebound = await send(studio.port, `/?token=${studio.token}`, {
        headers: { host: `evil.example:${studio.port}` },
      })
      expect(rebound.status).toBe(403)
      expect(rebound.text).toContain('loopback')
      const page = await send(studio.port, `/?token=${studio.token}`, {
        headers: { host: `localhost:${studio.port}` },
      })
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toContain('text/html')
      expect(page.headers['referrer-policy']).toBe('no-referrer')
      expect(page.headers['content-security-policy']).toContain("default-src 'none'")
      // Self-contained: no script, style or font from anywhere else.
      expect(page.text).not.toMatch(/<script[^>]+src=|<link[^>]+href="(?!data:)|https?:\/\/(?!www\.w3\.org)/)
      const unknown = await send(studio.port, '/api/nope', { headers: { 'x-tidemark-token': studio.token } })
      expect(unknown.status).toBe(404)
      const form = await send(studio.port, '/api/rows/update', {
        method: 'POST',
        headers: { 'x-tidemark-token': studio.token, 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(form.status).toBe(415)
    })

    it('describes the tables, keys and foreign keys, with an input per column type and a layout', async () => {
      const { status, json: schema } = await api<SchemaView>('/api/schema')
      expect(status).toBe(200)
      expect(schema.tables.map((t) => t.key)).toEqual(['public.authors', 'public.posts', 'public.tags'])
      const posts = schema.tables.find((t) => t.key === 'public.posts')!
      expect(posts.primaryKey).toEqual(['id'])
      expect(posts.foreignKeys.map((fk) => fk.references.key).sort()).toEqual([
        'public.authors',
        'public.posts',
      ])
      const column = (name: string) => posts.columns.find((c) => c.name === name)!
      expect(column('id')).toMatchObject({ primaryKey: true, input: 'number' })
      expect(column('author_id')).toMatchObject({ references: 'public.authors', input: 'number' })
      expect(column('published').input).toBe('checkbox')
      expect(column('published_at').input).toBe('datetime-local')
      expect(column('meta').input).toBe('json')
      expect(column('mood')).toMatchObject({ input: 'enum', enumValues: ['calm', 'stormy'] })
      expect(column('title').input).toBe('text')
      const authors = schema.tables.find((t) => t.key === 'public.authors')!
      expect(authors.columns.find((c) => c.name === 'id')!.readOnly).toBe(false) // identity BY DEFAULT
      expect(schema.tables.find((t) => t.key === 'public.tags')!.primaryKey).toBeNull()
      expect(schema.diagram.boxes.map((b) => b.key)).toEqual(schema.tables.map((t) => t.key))
    })

    it('lists the migrations with their state and the hazards they declare', async () => {
      const { json } = await api<{ migrations: MigrationView[] }>('/api/migrations')
      expect(json.migrations.map((m) => [m.name, m.state])).toEqual([
        [INIT, 'applied'],
        [DROP_RATING, 'pending'],
      ])
      expect(json.migrations[0]!.appliedAt).toMatch(/^\d{4}-\d\d-\d\dT/)
      expect(json.migrations[0]!.hazards).toEqual([])
      expect(json.migrations[1]!.hazards).toEqual([
        { kind: 'data-loss', message: 'drops column "public"."posts"."rating" and its data' },
      ])
    })

    it('pages through rows in primary key order, as exact text', async () => {
      const first = await api<RowPage>('/api/rows?table=public.posts&limit=3')
      expect(first.status).toBe(200)
      expect(first.json.total).toBe(7)
      expect(first.json.readOnly).toBeNull()
      expect(first.json.rows.map((r) => r.id)).toEqual(['1', '2', '3'])
      expect(first.json.rows[0]).toMatchObject({
        published: 'false',
        published_at: '2026-01-02 10:00:00',
        meta: '{"n": 1}',
        rating: '4.5',
        parent_id: null,
      })
      const last = await api<RowPage>('/api/rows?table=public.posts&limit=3&offset=6')
      expect(last.json.rows.map((r) => r.id)).toEqual(['7'])
      const tags = await api<RowPage>('/api/rows?table=public.tags')
      expect(tags.json.readOnly).toContain('no primary key')
      expect((await api('/api/rows?table=public.nope')).status).toBe(404)
      expect((await api('/api/rows?table=public.posts&offset=-1')).status).toBe(400)
    })

    it('updates cells by primary key with typed values, and reports what the database refuses', async () => {
      const edit = (column: string, value: string | null, id = '3') =>
        api<{ row?: Record<string, string | null>; error?: { message: string; constraint: string | null } }>(
          '/api/rows/update',
          { table: 'public.posts', key: { id }, column, value },
        )
      expect((await edit('title', 'It\'s "quoted"; drop table posts')).json.row!.title).toBe(
        'It\'s "quoted"; drop table posts',
      )
      expect((await edit('published', 'true')).json.row!.published).toBe('true')
      expect((await edit('published_at', '2026-03-04T05:06:07')).json.row!.published_at).toBe(
        '2026-03-04 05:06:07',
      )
      expect((await edit('meta', '{"tags":["a"]}')).json.row!.meta).toBe('{"tags": ["a"]}')
      expect((await edit('mood', 'stormy')).json.row!.mood).toBe('stormy')
      expect((await edit('rating', null)).json.row!.rating).toBeNull()

      const check = await edit('rating', '-1')
      expect(check.status).toBe(409)
      expect(check.json.error!.constraint).toBe('posts_rating_check')
      const foreignKey = await edit('author_id', '99')
      expect(foreignKey.status).toBe(409)
      expect(foreignKey.json.error!.message).toMatch(/foreign key/)
      const badEnum = await edit('mood', 'sunny')
      expect(badEnum.status).toBe(409)
      expect(badEnum.json.error!.message).toMatch(/invalid input value for enum/)
      expect((await edit('title', 'x', '999')).status).toBe(404)
      expect((await edit('nope', 'x')).status).toBe(400)
      const noKey = await api<{ error: { message: string } }>('/api/rows/update', {
        table: 'public.tags',
        key: {},
        column: 'label',
        value: 'x',
      })
      expect(noKey.status).toBe(409)
      expect(noKey.json.error.message).toContain('no primary key')
      // What the page read back is what the table holds.
      const page = await api<RowPage>('/api/rows?table=public.posts&offset=2&limit=1')
      expect(page.json.rows[0]).toMatchObject({ id: '3', published: 'true', mood: 'stormy', rating: null })
    })

    it('reports the hand edit as drift, with the SQL that undoes it, and the pending migration', async () => {
      const { status, json: report } = await api<CheckReport>('/api/check')
      expect(status).toBe(200)
      expect(report.drift.status).toBe('drifted')
      expect(report.drift.findings.map((f) => f.message).join('\n')).toContain('nickname')
      expect(report.drift.reconcile.sql.join('\n')).toMatch(/DROP COLUMN "nickname"/i)
      expect(report.journal.pending).toEqual([DROP_RATING])
      expect(report.code.status).toBe('skipped')
    })

    it('closes the database on stop, with the edits stored in it', async () => {
      await studio.stop()
      const rows = await target.query<{ title: string; published: boolean }>(
        project.dir,
        'select title, published from posts where id = 3',
      )
      expect(rows).toEqual([{ title: 'It\'s "quoted"; drop table posts', published: true }])
      studio = undefined as unknown as LaunchedStudio
    })
  })
}

describe('tidemark studio flags', () => {
  it('has help, and refuses a bad port or an argument', async () => {
    const help = await tidemark(['studio', '--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('--port N')
    expect(help.out).toContain('127.0.0.1')
    const port = await tidemark(['studio', '--port', 'http'])
    expect(port.code).toBe(2)
    expect(port.err).toBe("tidemark: --port must be a port number from 1 to 65535, not 'http'.\n")
    const extra = await tidemark(['studio', 'now'])
    expect(extra.code).toBe(2)
    expect(extra.err).toContain("studio takes no arguments ('now')")
    expect((await tidemark(['--help'])).out).toContain('studio ')
  })
})
