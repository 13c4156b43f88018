/**
 * docs/architecture.md describes the tree as it is: a folder added, moved or removed in src/
 * without the doc saying so fails here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../', import.meta.url))
const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8')

function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const path = join(dir, entry.name)
      return [relative(join(root, 'src'), path), ...folders(path)]
    })
}

/** The folders the doc's table lists, one row each (| `dialects/pg/codec/` | ... |), the root files' row aside. */
function listedFolders(): string[] {
  return [...doc.matchAll(/^\| `([a-z0-9/-]+)\/`/gm)]
    .map((match) => match[1]!)
    .filter((folder) => folder !== 'src')
}

describe('docs/architecture.md', () => {
  it('has a row for every folder of src/ (a folder may be named in its parent row instead)', () => {
    const listed = new Set(listedFolders())
    const unlisted = folders(join(root, 'src')).filter((folder) => {
      if (listed.has(folder)) return false
      // A parent row that names it (`baseline/` names `drizzle/`), or a folder with only listed children.
      const parent = folder.split('/').slice(0, -1).join('/')
      const name = folder.split('/').at(-1)!
      if (listed.has(parent) && doc.includes(`\`${name}/\``)) return false
      return ![...listed].some((entry) => entry.startsWith(`${folder}/`))
    })
    expect(unlisted).toEqual([])
  })

  it('lists no folder that does not exist', () => {
    const existing = new Set(folders(join(root, 'src')))
    expect(listedFolders().filter((folder) => !existing.has(folder))).toEqual([])
  })
})
