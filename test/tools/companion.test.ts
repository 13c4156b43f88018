/**
 * @tidemark/cli is plain JavaScript with no build step and the loader reads it by name: the two
 * must agree on the tools and on what each offers, or a command would fail only where the
 * companion is installed.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tools } from '../../packages/cli/index.js'
import { TOOL_EXPORTS, type ToolName } from '../../src/tools/load-tool.js'

const manifest = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as {
    devDependencies?: Record<string, string>
    dependencies?: Record<string, string>
    peerDependencies?: Record<string, string>
  }

describe('@tidemark/cli', () => {
  it('has a loader for every tool Tidemark reads, and no other', () => {
    expect(Object.keys(tools).sort()).toEqual(Object.keys(TOOL_EXPORTS).sort())
  })

  it.each(Object.keys(TOOL_EXPORTS) as ToolName[])(
    '%s offers every export the loader reads',
    async (name) => {
      const module = (await tools[name]()) as Record<string, unknown>
      for (const key of TOOL_EXPORTS[name]) expect(typeof module[key], `${name}.${key}`).toBe('function')
    },
  )

  it('depends on the versions tidemark develops against; tidemark has it and them as optional peers', () => {
    const companion = manifest('../../packages/cli/package.json')
    const root = manifest('../../package.json')
    const names = Object.keys(TOOL_EXPORTS)
    expect(Object.keys(companion.dependencies ?? {}).sort()).toEqual([...names].sort())
    for (const name of names) {
      expect(companion.dependencies?.[name], name).toBe(root.devDependencies?.[name])
      expect(root.peerDependencies?.[name], name).toBe(root.devDependencies?.[name])
    }
    expect(root.dependencies).toBeUndefined()
    expect(root.peerDependencies?.['@tidemark/cli']).toBe(
      `^${(manifest('../../package.json') as { version?: string }).version}`,
    )
  })
})
