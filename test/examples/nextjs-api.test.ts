import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createScratchDatabase, serverUrl } from '../support/databases.js'
import { type ExampleApp, prepareExample, type RunningApp } from './nextjs-app.js'

/**
 * examples/nextjs-api built with `next build` and served with `next start`, its API driven over HTTP
 * on PGlite (the example's default) and, when TIDEMARK_TEST_DATABASE_URL is set, on a database of
 * its own on the server; migrations applied, seed and cleanup run, and the `ci` script checked, all
 * through the example's npm scripts. The build skips Next's own type check (SKIP_TYPE_CHECK=1): it
 * takes longer than everything else here, and the example's code is type-checked where it is edited.
 */

const chromiumPath = '/usr/bin/chromium'
const ada = 'demo-token-ada'
const grace = 'demo-token-grace'

let app: ExampleApp

beforeAll(async () => {
  app = await prepareExample()
  // The build reads no database, so it runs while the migrations are applied to PGlite's.
  const [built, migrated] = await Promise.all([
    app.npm('build', { SKIP_TYPE_CHECK: '1' }),
    app.npm('db:migrate'),
  ])
  expect(built.code, built.output).toBe(0)
  expect(migrated.code, migrated.output).toBe(0)
  expect(migrated.output).toMatch(/Applied \d+_init/)
})

afterAll(() => app?.remove())

function call(base: () => string, token: string | undefined, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  return fetch(`${base()}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

async function titles(base: () => string, token: string): Promise<string[]> {
  const response = await call(base, token, 'GET', '/api/tasks')
  expect(response.status).toBe(200)
  return ((await response.json()) as { title: string }[]).map((task) => task.title)
}

/** The API's behaviour on one database, seeded by `npm run seed`. */
function describeApi(base: () => string): void {
  it('lists the signed-in user’s seeded tasks and refuses a request without a token', async () => {
    expect((await titles(base, ada)).sort()).toEqual(['Answer the beta testers', 'Ship the iOS build'])
    expect(await titles(base, grace)).toEqual(['Rotate the push certificates'])
    const anonymous = await call(base, undefined, 'GET', '/api/tasks')
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: string }).error).toContain('Authorization: Bearer')
    const me = await call(base, grace, 'GET', '/api/me')
    expect(await me.json()).toMatchObject({ email: 'grace@example.com', displayName: 'Grace' })
  })

  it('signs up, creates, updates and deletes a task', async () => {
    const signup = await call(base, undefined, 'POST', '/api/signup', {
      email: 'linus@example.com',
      displayName: 'Linus',
    })
    expect(signup.status).toBe(201)
    const { token, user } = (await signup.json()) as { token: string; user: { email: string } }
    expect(user.email).toBe('linus@example.com')
    expect(await titles(base, token)).toEqual([])

    const created = await call(base, token, 'POST', '/api/tasks', {
      title: '  Fix the crash  ',
      dueOn: '2030-02-01',
    })
    expect(created.status).toBe(201)
    const task = (await created.json()) as { id: string; title: string; done: boolean; dueOn: string }
    expect(task).toMatchObject({ title: 'Fix the crash', done: false, dueOn: '2030-02-01' })

    const updated = await call(base, token, 'PATCH', `/api/tasks/${task.id}`, { done: true, dueOn: null })
    expect(updated.status).toBe(200)
    expect(await updated.json()).toMatchObject({
      id: task.id,
      title: 'Fix the crash',
      done: true,
      dueOn: null,
    })

    expect((await call(base, token, 'DELETE', `/api/tasks/${task.id}`)).status).toBe(204)
    expect((await call(base, token, 'GET', `/api/tasks/${task.id}`)).status).toBe(404)
    expect(await titles(base, token)).toEqual([])
  })

  it('answers 400 with the zod schemas’ messages', async () => {
    const expectProblem = async (response: Response, status: number, message: string) => {
      expect(response.status).toBe(status)
      expect(((await response.json()) as { error: string }).error).toContain(message)
    }
    await expectProblem(
      await call(base, undefined, 'POST', '/api/signup', { email: 'not-an-email', displayName: 'X' }),
      400,
      'email: email must be an email address',
    )
    await expectProblem(
      await call(base, undefined, 'POST', '/api/signup', { email: 'ada@example.com', displayName: 'Ada' }),
      409,
      'exists already',
    )
    await expectProblem(
      await call(base, ada, 'POST', '/api/tasks', { title: '   ' }),
      400,
      'title: title must not be empty',
    )
    // varchar(200) in the schema module is a maximum length in the zod schema.
    await expectProblem(
      await call(base, ada, 'POST', '/api/tasks', { title: 'x'.repeat(201) }),
      400,
      'title:',
    )
    await expectProblem(
      await call(base, ada, 'POST', '/api/tasks', { title: 'Due', dueOn: 5 }),
      400,
      'dueOn:',
    )
    const [first] = (await (await call(base, ada, 'GET', '/api/tasks')).json()) as { id: string }[]
    await expectProblem(
      await call(base, ada, 'PATCH', `/api/tasks/${first!.id}`, {}),
      400,
      'Send at least one of title, done and dueOn',
    )
    await expectProblem(
      await call(base, ada, 'PATCH', `/api/tasks/${first!.id}`, { done: 'yes' }),
      400,
      'done:',
    )
    const notJson = await fetch(`${base()}/api/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ada}` },
      body: '{',
    })
    await expectProblem(notJson, 400, 'must be JSON')
  })

  it('keeps each user’s tasks to themselves (row-level security)', async () => {
    const created = await call(base, ada, 'POST', '/api/tasks', { title: 'Ada’s secret' })
    const secret = (await created.json()) as { id: string }
    expect(await titles(base, grace)).not.toContain('Ada’s secret')
    expect((await call(base, grace, 'GET', `/api/tasks/${secret.id}`)).status).toBe(404)
    expect((await call(base, grace, 'PATCH', `/api/tasks/${secret.id}`, { title: 'Mine now' })).status).toBe(
      404,
    )
    expect((await call(base, grace, 'DELETE', `/api/tasks/${secret.id}`)).status).toBe(404)
    // An owner in the body is not a field the API takes: the task stays Grace's own.
    const smuggled = await call(base, grace, 'POST', '/api/tasks', { title: 'Planted', ownerId: secret.id })
    expect(smuggled.status).toBe(201)
    expect(await titles(base, ada)).not.toContain('Planted')
    const still = await call(base, ada, 'GET', `/api/tasks/${secret.id}`)
    expect(await still.json()).toMatchObject({ title: 'Ada’s secret', done: false })
  })
}

describe('examples/nextjs-api on PGlite', () => {
  describe('serving', () => {
    let running: RunningApp
    beforeAll(async () => {
      const seeded = await app.npm('seed')
      expect(seeded.code, seeded.output).toBe(0)
      expect(seeded.output).toContain('ada@example.com: 2 task(s), token demo-token-ada')
      running = await app.start()
    })
    afterAll(() => running?.stop())

    describeApi(() => running.url)

    it('loads the page in a browser and adds and ticks off a task through its server actions', async () => {
      if (!existsSync(chromiumPath))
        throw new Error(
          `${chromiumPath} is missing: install it (apt-get install -y chromium) to run the browser test`,
        )
      const browser = await chromium.launch({ executablePath: chromiumPath, headless: true })
      try {
        const context = await browser.newContext()
        await context.addCookies([{ name: 'token', value: ada, url: running.url }])
        const page = await context.newPage()
        await page.goto(running.url)
        const list = page.getByRole('list', { name: 'Tasks' })
        await list.getByText('Ship the iOS build').waitFor()
        expect(await page.getByText('Signed in as').textContent()).toContain('Ada')
        expect(await list.textContent()).not.toContain('Rotate the push certificates')
        await page.getByLabel('New task').fill('Written in the browser')
        await page.getByRole('button', { name: 'Add' }).click()
        const added = list.getByRole('listitem').filter({ hasText: 'Written in the browser' })
        await added.getByRole('button', { name: 'Done' }).click()
        await added.getByRole('button', { name: 'Reopen' }).waitFor()
        // An empty title: the action's zod schema refuses it and the page says why.
        await page.getByRole('button', { name: 'Add' }).click()
        await page.getByText('title: title must not be empty').waitFor()
      } finally {
        await browser.close()
      }
      const tasks = await (await call(() => running.url, ada, 'GET', '/api/tasks')).json()
      expect(tasks).toContainEqual(expect.objectContaining({ title: 'Written in the browser', done: true }))
    })
  })

  describe('scripts', () => {
    it('passes its ci check clean and fails it after a hand edit of the database', async () => {
      const clean = await app.npm('ci')
      expect(clean.code, clean.output).toBe(0)
      expect(clean.output).toContain('Result: clean')

      const live = new PGlite(join(app.dir, '.tidemark', 'pglite'))
      await live.exec('create policy everyone_reads on tasks for select to app_user using (true)')
      await live.close()
      const drifted = await app.npm('ci')
      expect(drifted.code, drifted.output).toBe(1)
      expect(drifted.output).toContain('policy everyone_reads on tasks: added outside migrations')
    })

    it('removes the demo users and their tasks with the cleanup script', async () => {
      const cleaned = await app.npm('cleanup')
      expect(cleaned.code, cleaned.output).toBe(0)
      expect(cleaned.output).toContain('Removed 2 demo users')
      const live = new PGlite(join(app.dir, '.tidemark', 'pglite'))
      try {
        const { rows } = await live.query<{ email: string; tasks: number }>(
          'select email, (select count(*)::int from tasks where owner_id = users.id) as tasks from users',
        )
        expect(rows).toEqual([{ email: 'linus@example.com', tasks: 0 }])
      } finally {
        await live.close()
      }
    })
  })
})

if (serverUrl) {
  describe('examples/nextjs-api on the server', () => {
    let running: RunningApp
    let scratch: { url: string; drop: () => Promise<void> }
    beforeAll(async () => {
      scratch = await createScratchDatabase()
      const env = { DATABASE_URL: scratch.url }
      const migrated = await app.npm('db:migrate', env)
      expect(migrated.code, migrated.output).toBe(0)
      const seeded = await app.npm('seed', env)
      expect(seeded.code, seeded.output).toBe(0)
      running = await app.start(env)
    })
    afterAll(async () => {
      await running?.stop()
      await scratch?.drop()
    })

    describeApi(() => running.url)

    it('runs the queries as app_user, who reaches no other user’s row even with a plain select', async () => {
      const client = new pg.Client({ connectionString: scratch.url })
      await client.connect()
      try {
        await client.query('begin')
        const { rows: ids } = await client.query<{ id: string }>(
          "select id from users where email = 'grace@example.com'",
        )
        await client.query('set local role app_user')
        await client.query("select set_config('app.user_id', $1, true)", [ids[0]!.id])
        const { rows } = await client.query<{ title: string }>('select title from tasks order by title')
        expect(rows.map((row) => row.title)).toEqual(['Planted', 'Rotate the push certificates'])
        await client.query('rollback')
      } finally {
        await client.end()
      }
    })
  })
}
