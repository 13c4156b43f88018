/**
 * `tidemark studio` as a user runs it: a separate process that prints the address, serves the page
 * with the token (403 without), and stops cleanly on Ctrl-C (SIGINT), closing the embedded database.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { tempProject } from '../cli/support.js'

const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url))
const tsx = import.meta.resolve('tsx')

describe('tidemark studio (the command)', { timeout: 60_000 }, () => {
  let remove: (() => Promise<void>) | undefined
  afterAll(() => remove?.())

  it('prints the address, serves the page to the token only, and stops on SIGINT', async () => {
    const project = await tempProject({ 'tidemark.config.ts': 'export default {}\n' })
    remove = project.remove
    const child = spawn(process.execPath, ['--import', tsx, main, 'studio'], { cwd: project.dir })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk
        const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(stdout)
        if (found) resolve(found[0])
      })
      exited.then(() => reject(new Error(`studio exited early: ${stderr}`)))
    })
    try {
      const page = await fetch(url)
      expect(page.status).toBe(200)
      expect(await page.text()).toContain('<title>Tidemark Studio</title>')
      const schema = await fetch(new URL('/api/schema', url))
      expect(schema.status).toBe(403)
      const tables = await fetch(new URL('/api/schema', url), {
        headers: { 'x-tidemark-token': new URL(url).searchParams.get('token')! },
      })
      expect(await tables.json()).toMatchObject({ tables: [] })
    } finally {
      child.kill('SIGINT')
    }
    expect(await exited).toBe(0)
    expect(stderr).toContain('Studio stopped.')
  })
})
