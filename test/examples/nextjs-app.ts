import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { runCommand } from '../support/run-node.js'

/**
 * The Next.js example run as its users run it, in a copy under test/.nextjs-api/ (inside the
 * repository, so next, react, pg and the rest resolve from the root's node_modules by walking up),
 * with `tidemark` installed in the copy's node_modules from this checkout's source.
 */

const root = fileURLToPath(new URL('../../', import.meta.url))
const example = join(root, 'examples', 'nextjs-api')

export interface CommandRun {
  readonly code: number | null
  readonly output: string
}

export interface ExampleApp {
  readonly dir: string
  /** Runs an npm script of the example (`npm run <script>`), collecting stdout and stderr together. */
  npm(script: string, env?: NodeJS.ProcessEnv): Promise<CommandRun>
  /** `next start` on a free loopback port; resolves with its base URL once it answers. */
  start(env?: NodeJS.ProcessEnv): Promise<RunningApp>
  remove(): void
}

export interface RunningApp {
  readonly url: string
  stop(): Promise<void>
}

/** Copies the example (its sources and committed migrations) and installs this checkout as `tidemark`. */
export async function prepareExample(): Promise<ExampleApp> {
  const dir = join(root, 'test', '.nextjs-api', randomBytes(4).toString('hex'))
  // What a run of the example leaves behind is not copied: each test starts from the sources.
  const skip = new Set(['node_modules', '.next', '.tidemark', 'next-env.d.ts', 'tsconfig.tsbuildinfo'])
  cpSync(example, dir, { recursive: true, filter: (source) => !skip.has(source.slice(example.length + 1)) })
  await installTidemark(join(dir, 'node_modules', 'tidemark'))
  // The command's tools as the example's devDependencies install them: through @tidemark/cli.
  cpSync(join(root, 'packages', 'cli'), join(dir, 'node_modules', '@tidemark', 'cli'), { recursive: true })
  mkdirSync(join(dir, 'node_modules', '.bin'))
  symlinkSync('../tidemark/dist/cli/main.js', join(dir, 'node_modules', '.bin', 'tidemark'))
  return {
    dir,
    npm: (script, env = {}) => run('npm', ['run', '--silent', script], dir, env),
    start: (env = {}) => startNext(dir, env),
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
      // The folder of copies goes too, unless another run still has its copy there.
      try {
        rmdirSync(dirname(dir))
      } catch {}
    },
  }
}

/**
 * The package as `npm pack` would ship it, except that dist/ is transpiled by esbuild (a second)
 * rather than built by tsc (half a minute): the app is type-checked by `npm run build` in the
 * example itself, not by this test (see nextjs-api.test.ts).
 */
async function installTidemark(target: string): Promise<void> {
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(root, 'src', file))
  await build({
    entryPoints: sources,
    outdir: join(target, 'dist'),
    outbase: join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  })
  cpSync(join(root, 'package.json'), join(target, 'package.json'))
  chmodSync(join(target, 'dist', 'cli', 'main.js'), 0o755)
  writeFileSync(join(target, 'README.md'), 'Built from the repository for its tests.\n')
}

function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NO_COLOR: '1' }
  // The example reads DATABASE_URL; the test says which database each run uses.
  delete base.DATABASE_URL
  return { ...base, ...env }
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<CommandRun> {
  return runCommand(command, args, { cwd, env: childEnv(env) }).then(({ code, output }) => ({ code, output }))
}

async function startNext(dir: string, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  const port = await freePort()
  const next = join(root, 'node_modules', 'next', 'dist', 'bin', 'next')
  const child = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: childEnv(env),
  })
  let output = ''
  child.stdout.on('data', (chunk) => {
    output += chunk
  })
  child.stderr.on('data', (chunk) => {
    output += chunk
  })
  const url = `http://127.0.0.1:${port}`
  try {
    await waitUntilAnswering(url, child, () => output)
  } catch (error) {
    child.kill('SIGKILL')
    throw error
  }
  return { url, stop: () => stop(child) }
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output()}`)
    const answered = await fetch(`${url}/api/tasks`).then(
      () => true,
      () => false,
    )
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`next start did not answer within 30 s:\n${output()}`)
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
