/**
 * `npm run bench:install`: what an app that only runs queries installs with its toolkit. Each app
 * is a fresh folder with node-postgres and the toolkit, installed by npm as a user would (Tidemark
 * from the tarball `npm pack` makes of this checkout); the figure is the size of its node_modules,
 * with the app that installs node-postgres alone as the baseline.
 *
 * The command's tools come with @tidemark/cli (packed from packages/cli); the app that also runs the
 * `tidemark` command is measured too. The versions of drizzle-orm and kysely are those this
 * repository's lockfile holds.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))
const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>
}
const locked = (name: string) => `${name}@${lock.packages[`node_modules/${name}`]?.version ?? 'latest'}`

/** Bytes on disk under a folder, counted file by file (symbolic links not followed). */
function sizeOf(path: string): number {
  const info = statSync(path, { throwIfNoEntry: false })
  if (info === undefined || info.isSymbolicLink()) return 0
  if (!info.isDirectory()) return info.size
  return readdirSync(path).reduce((total, entry) => total + sizeOf(join(path, entry)), 0)
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

const work = mkdtempSync(join(tmpdir(), 'tidemark-install-'))
try {
  console.error('packing tidemark (builds first)...')
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], repo)) as {
    filename: string
  }[]
  const tarball = join(work, packed[0]!.filename)
  const packedCli = JSON.parse(
    npm(['pack', '--json', '--pack-destination', work], join(repo, 'packages', 'cli')),
  ) as { filename: string }[]
  const cliTarball = join(work, packedCli[0]!.filename)

  const apps: Record<string, string[]> = {
    'pg (raw)': [locked('pg')],
    tidemark: [locked('pg'), tarball],
    // The project that also runs the `tidemark` command (as a dev dependency, installed all the same).
    'tidemark + @tidemark/cli': [locked('pg'), tarball, cliTarball],
    'drizzle-orm': [locked('pg'), locked('drizzle-orm')],
    kysely: [locked('pg'), locked('kysely')],
  }
  const sizes = new Map<string, { bytes: number; packages: number }>()
  for (const [name, packages] of Object.entries(apps)) {
    console.error(`installing ${name}...`)
    const app = mkdtempSync(join(work, 'app-'))
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }))
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', ...packages], app)
    const modules = join(app, 'node_modules')
    const installed = Object.keys(
      (JSON.parse(readFileSync(join(modules, '.package-lock.json'), 'utf8')) as { packages: object })
        .packages,
    ).length
    sizes.set(name, { bytes: sizeOf(modules), packages: installed })
  }
  const base = sizes.get('pg (raw)')!.bytes
  console.log(
    '\n## install size of a query-only app, and of one that also runs the tidemark command (node_modules; ratio to node-postgres alone)',
  )
  for (const [name, { bytes, packages }] of sizes) {
    const extra = (bytes - base) / 1024
    console.log(
      `${name.padEnd(26)}${`${(bytes / 1024 / 1024).toFixed(2)} MB`.padStart(10)}${`(${(bytes / base).toFixed(2)}x)`.padStart(9)}` +
        `${`+${extra.toFixed(0)} KB over pg`.padStart(20)}${`${packages} packages`.padStart(14)}`,
    )
  }
} finally {
  rmSync(work, { recursive: true, force: true })
}
