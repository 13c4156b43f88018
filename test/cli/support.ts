import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../src/cli/run.js'

export interface CliRun {
  readonly code: number
  readonly out: string
  readonly err: string
}

/** Runs the CLI in-process in `cwd`, capturing what it writes. */
export async function tidemark(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; interactive?: boolean } = {},
): Promise<CliRun> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    interactive: options.interactive ?? false,
  })
  return { code, out: out.join(''), err: err.join('') }
}

/** A throwaway project folder with the given files; `remove()` deletes it. */
export async function tempProject(files: Record<string, string> = {}): Promise<{
  dir: string
  write(path: string, text: string): Promise<void>
  remove(): Promise<void>
}> {
  const dir = await mkdtemp(join(tmpdir(), 'tidemark-cli-'))
  const write = async (path: string, text: string) => {
    const { mkdir } = await import('node:fs/promises')
    const { dirname } = await import('node:path')
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), text)
  }
  for (const [path, text] of Object.entries(files)) await write(path, text)
  return { dir, write, remove: () => rm(dir, { recursive: true, force: true }) }
}
