import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, relative, resolve } from 'node:path'
import { CliError } from '../cli-error.js'
import { parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'

export const INIT_HELP = withGlobalFlags(`Usage: tidemark init [--schema PATH] [--migrations DIR]

Sets up Tidemark in an existing project: tidemark.config.ts, a schema module with a first table,
a migrations folder, and .tidemark/ (the embedded database and caches) in .gitignore. Files that
already exist are kept as they are.

  --schema PATH        the schema module to create (default src/db/schema.ts)
  --migrations DIR     the migrations folder (default migrations)
`)

const CONFIG_FILE = 'tidemark.config.ts'

const configText = (
  schema: string,
  migrations: string,
): string => `import { defineConfig } from 'tidemark/config'

export default defineConfig({
  schema: '${schema}',
  migrations: '${migrations}',
  // Without a URL, commands use an embedded PostgreSQL (PGlite) kept in .tidemark/.
  databaseUrl: process.env.DATABASE_URL,
})
`

const SCHEMA_TEXT = `import { sql, table, text, timestamptz, uuid } from 'tidemark/pg'

export const users = table('users', {
  id: uuid().primaryKey().default(sql\`gen_random_uuid()\`),
  email: text().notNull().unique(),
  createdAt: timestamptz('created_at').notNull().default(sql\`now()\`),
})
`

export async function initCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('init', args)
  if (flags.values.help === true) {
    io.stdout.write(INIT_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`init takes no arguments ('${flags.positionals[0]}'). Run 'tidemark init --help'.`)
  }
  const schema = relativePath(io.cwd, stringFlag(flags, 'schema') ?? 'src/db/schema.ts')
  const migrations = relativePath(io.cwd, stringFlag(flags, 'migrations') ?? 'migrations')
  if (!/\.(ts|mts|js|mjs)$/.test(schema)) {
    throw new CliError(`--schema names a module file, e.g. src/db/schema.ts, not '${schema}'.`)
  }
  const done: { path: string; created: boolean }[] = []
  const create = async (path: string, text: string): Promise<void> => {
    const full = resolve(io.cwd, path)
    if (await exists(full)) {
      done.push({ path, created: false })
      return
    }
    await mkdir(dirname(full), { recursive: true })
    await writeFile(full, text)
    done.push({ path, created: true })
  }
  await create(CONFIG_FILE, configText(`./${schema}`, `./${migrations}`))
  await create(schema, SCHEMA_TEXT)
  await create(`${migrations}/.gitkeep`, '')
  const ignored = await ignoreTidemarkFolder(io.cwd)

  if (flags.values.json === true) {
    io.stdout.write(`${JSON.stringify({ files: done, gitignore: ignored })}\n`)
    return 0
  }
  for (const { path, created } of done) {
    io.stdout.write(`${created ? 'Created' : 'Kept   '} ${path}\n`)
  }
  if (ignored) io.stdout.write('Added .tidemark/ to .gitignore\n')
  io.stdout.write(
    `\nNext: edit ${schema}, then\n  npx tidemark generate   # write the first migration\n  npx tidemark migrate    # apply it (to DATABASE_URL, or the embedded database)\n  npx tidemark check      # in CI: drift, forgotten generate, pending migrations\n`,
  )
  return 0
}

/** Adds `.tidemark/` to .gitignore unless a line already covers it; true when it was added. */
async function ignoreTidemarkFolder(cwd: string): Promise<boolean> {
  const path = resolve(cwd, '.gitignore')
  const text = await readFile(path, 'utf8').catch(() => '')
  const lines = text.split(/\r?\n/).map((line) => line.trim())
  if (lines.some((line) => line === '.tidemark' || line === '.tidemark/' || line === '/.tidemark/'))
    return false
  await appendFile(path, `${text === '' || text.endsWith('\n') ? '' : '\n'}.tidemark/\n`)
  return true
}

function relativePath(cwd: string, path: string): string {
  const rel = relative(cwd, resolve(cwd, path)).split('\\').join('/')
  if (rel.startsWith('..')) throw new CliError(`init writes inside the project; '${path}' is outside it.`)
  return rel
}

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  )
