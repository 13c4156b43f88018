/**
 * tidemark studio in a real headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core): the diagram (structure and a screenshot against a committed baseline), the
 * migrations with a hazard, the drift report after a hand edit, and a cell edited in the grid and
 * read back from the database. On the embedded database, to keep the file fast.
 *
 * TIDEMARK_UPDATE_SCREENSHOTS=1 rewrites the baseline after a deliberate change to the diagram.
 */
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type LaunchedStudio, launchStudio } from '../../src/cli/commands/studio.js'
import { sql } from '../../src/index.js'
import { cliTargets } from '../cli/targets.js'
import { comparePngs } from './screenshot-diff.js'
import { DROP_RATING, type StudioProject, studioProject } from './studio-project.js'

const CHROMIUM = process.env.TIDEMARK_CHROMIUM || '/usr/bin/chromium'
const BASELINE = fileURLToPath(new URL('./baseline/diagram.png', import.meta.url))
const UPDATE = process.env.TIDEMARK_UPDATE_SCREENSHOTS === '1'
const embedded = cliTargets().find((t) => t.name === 'embedded')!

describe('tidemark studio in Chromium [embedded]', { timeout: 60_000 }, () => {
  let project: StudioProject
  let studio: LaunchedStudio | undefined
  let browser: Browser
  let page: Page
  const pageErrors: string[] = []

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The studio's browser test needs Chromium at ${CHROMIUM}. Install it with 'apt-get install -y chromium' (as root), or set TIDEMARK_CHROMIUM to a Chromium binary.`,
      )
    }
    const [launchedBrowser, launchedProject] = await Promise.all([
      chromium.launch({ executablePath: CHROMIUM, headless: true }),
      studioProject(embedded),
    ])
    browser = launchedBrowser
    project = launchedProject
    studio = await launchStudio([], {
      stdout: { write: () => true },
      stderr: { write: () => true },
      cwd: project.dir,
      env: {},
      interactive: false,
    })
    // A hand edit the migrations know nothing about, through the studio's own connection: the
    // embedded database takes one process at a time.
    await studio!.db.execute(sql`alter table authors add column nickname text`)
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 })
    page.on('pageerror', (error) => pageErrors.push(error.message))
    await page.goto(studio!.url)
    await page.waitForSelector('body[data-ready="true"]')
  })
  afterAll(async () => {
    await browser?.close()
    await studio?.stop()
    await project?.remove()
  })

  it('draws every table as a visible box, none overlapping, joined by the foreign keys', async () => {
    const boxes = page.locator('#diagram g.table-box')
    expect(await boxes.count()).toBe(3)
    const frame = (await page.locator('#diagram').boundingBox())!
    const rects = []
    for (const box of await boxes.all()) {
      await expect.poll(() => box.isVisible()).toBe(true)
      const rect = (await box.boundingBox())!
      expect(rect.width).toBeGreaterThan(100)
      expect(rect.x).toBeGreaterThanOrEqual(frame.x)
      expect(rect.y + rect.height).toBeLessThanOrEqual(frame.y + frame.height + 1)
      rects.push({ table: await box.getAttribute('data-table'), ...rect })
    }
    for (const [i, a] of rects.entries()) {
      for (const b of rects.slice(i + 1)) {
        const apart =
          a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
        expect(apart, `${a.table} and ${b.table} overlap`).toBe(true)
      }
    }
    const posts = page.locator('g.table-box[data-table="public.posts"]')
    await expect.poll(() => posts.textContent()).toMatch(/PK\s*id.*FK\s*author_id/)
    const lines = await page.locator('#diagram path.fk-line').all()
    const joins = await Promise.all(
      lines.map(async (l) => `${await l.getAttribute('data-from')}->${await l.getAttribute('data-to')}`),
    )
    expect(joins.sort()).toEqual([
      'public.posts->public.authors',
      'public.posts->public.posts',
      'public.tags->public.posts',
    ])
  })

  it('looks like the committed baseline', async () => {
    const shot = await page.locator('#diagram').screenshot()
    if (UPDATE) await writeFile(BASELINE, shot)
    if (!existsSync(BASELINE))
      throw new Error(
        `No baseline at ${BASELINE}: run the test once with TIDEMARK_UPDATE_SCREENSHOTS=1 and commit it.`,
      )
    const diff = await comparePngs(browser, shot, await readFile(BASELINE))
    expect(diff.sameSize, 'the diagram changed size').toBe(true)
    expect(diff.changed).toBeLessThan(0.01)
  })

  it('shows the pending migration with its data-loss hazard', async () => {
    await page.click('nav button[data-tab="migrations"]')
    const row = page.locator(`#migrations tr[data-migration="${DROP_RATING}"]`)
    await expect.poll(() => row.textContent()).toContain('pending')
    expect(await row.locator('.hazard').textContent()).toBe(
      'data-loss: drops column "public"."posts"."rating" and its data',
    )
  })

  it('shows the hand edit as drift with the reconcile SQL', async () => {
    await page.click('nav button[data-tab="check"]')
    await page.waitForSelector('#drift-status[data-status="drifted"]', { timeout: 30_000 })
    expect(await page.locator('#drift-findings').textContent()).toContain('nickname')
    expect(await page.locator('#reconcile-sql').textContent()).toMatch(/DROP COLUMN "nickname"/i)
    expect(await page.locator('#journal-status').textContent()).toContain('1 applied')
  })

  it('edits cells in the grid with typed inputs, shows refusals, and stores the edits', async () => {
    await page.click('nav button[data-tab="data"]')
    await page.selectOption('#table-select', 'public.posts')
    const cell = (row: number, column: string) =>
      page.locator(`#grid tr[data-row="${row}"] td[data-column="${column}"]`)
    await expect.poll(() => cell(1, 'title').textContent()).toBe('Post 2')

    await cell(1, 'title').click()
    await cell(1, 'title').locator('input[type="text"]').fill('Edited in the studio')
    await cell(1, 'title').locator('button.save').click()
    await expect.poll(() => cell(1, 'title').textContent()).toBe('Edited in the studio')

    await cell(1, 'published').click()
    await cell(1, 'published').locator('input[type="checkbox"]').check()
    await cell(1, 'published').locator('button.save').click()
    await expect.poll(() => cell(1, 'published').textContent()).toBe('true')

    await cell(1, 'published_at').click()
    await cell(1, 'published_at').locator('input[type="datetime-local"]').fill('2026-05-06T07:08')
    await cell(1, 'published_at').locator('button.save').click()
    await expect.poll(() => cell(1, 'published_at').textContent()).toBe('2026-05-06 07:08:00')

    await cell(1, 'mood').click()
    await cell(1, 'mood').locator('select').selectOption('stormy')
    await cell(1, 'mood').locator('button.save').click()
    await expect.poll(() => cell(1, 'mood').textContent()).toBe('stormy')

    await cell(1, 'rating').click()
    await cell(1, 'rating').locator('input[type="number"]').fill('-2')
    await cell(1, 'rating').locator('button.save').click()
    await expect.poll(() => page.locator('#error').textContent()).toContain('posts_rating_check')
    expect(await page.locator('#error').isVisible()).toBe(true)

    await page.selectOption('#table-select', 'public.tags')
    await expect.poll(() => page.locator('#readonly-note').textContent()).toContain('no primary key')

    expect(pageErrors).toEqual([])
    // Read back with SQL on the studio's own connection (the embedded database takes one process at
    // a time; the API test reads its edits back after the studio has closed it).
    const { rows } = await studio!.db.execute(
      sql`select title, published, to_char(published_at, 'YYYY-MM-DD HH24:MI') as at, mood::text, rating::text from posts where id = 2`,
    )
    expect(rows).toEqual([
      {
        title: 'Edited in the studio',
        published: true,
        at: '2026-05-06 07:08',
        mood: 'stormy',
        rating: '4.5',
      },
    ])
  })
})
