/**
 * The demo (`npm run demo`): the mobile-backend schema goes through Tidemark's main job on an embedded
 * database, with no server: generate the first migration from the schema, apply it, change the schema,
 * generate and apply the next one (with its hazards), write and read typed rows; then a hand edit of
 * the database, which `check` reports as drift and `generate --from-db` and `baseline` adopt.
 *
 * It works in a fresh folder under the system's temp directory and runs the `tidemark` command's entry
 * point; in your own project the same steps are `npx tidemark generate` and `npx tidemark migrate`.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { fromPGlite } from 'tidemark/pglite'
import { runCli } from '../../src/cli/run.js'
import { writeAndReadRows } from './rows.js'
import * as schema from './schema.js'

const project = mkdtempSync(join(tmpdir(), 'tidemark-demo-'))

function tidemark(...args: string[]): Promise<void> {
  return tidemarkExpecting(0, ...args)
}

/**
 * Runs the command's entry point, the function `npx tidemark` calls, in this process: one start of
 * Node.js and of the module graph for the whole demo. Its output streams as it is written, and on a
 * terminal its progress line shows what a long step is doing.
 */
async function tidemarkExpecting(exitCode: number, ...args: string[]): Promise<void> {
  console.log(`\n$ tidemark ${args.join(' ')}`)
  const indented = (stream: NodeJS.WriteStream) => ({
    write: (text: string) => stream.write(text.replace(/^(?=.)/gm, '  ')),
  })
  const code = await runCli(args, {
    stdout: indented(process.stdout),
    stderr: {
      write: (text: string) =>
        process.stderr.write(text.startsWith('\r') ? text : text.replace(/^(?=.)/gm, '  ')),
    },
    cwd: project,
    env: process.env,
    interactive: false,
    colors: Boolean(process.stdout.isTTY) && (process.env.NO_COLOR ?? '') === '',
    progress: Boolean(process.stderr.isTTY),
  })
  if (code !== exitCode) throw new Error(`tidemark ${args.join(' ')} exited with ${code}`)
  if (exitCode !== 0) console.log(`  (exit code ${exitCode})`)
}

function showMigration(slug: string, lines: number): void {
  const name = readdirSync(join(project, 'migrations')).find((entry) => entry.endsWith(`_${slug}`))!
  const up = readFileSync(join(project, 'migrations', name, 'up.sql'), 'utf8').split('\n')
  console.log(`\n  migrations/${name}/up.sql:`)
  for (const line of up.slice(0, lines)) console.log(`  | ${line}`)
  if (up.length > lines) console.log(`  | ... (${up.length - lines} more lines)`)
}

try {
  copyFileSync(new URL('./schema.ts', import.meta.url), join(project, 'schema.ts'))
  writeFileSync(
    join(project, 'tidemark.config.ts'),
    "import { defineConfig } from 'tidemark/config'\n\nexport default defineConfig({ schema: './schema.ts' })\n",
  )
  console.log(`A project in ${project} with the mobile-backend schema and a tidemark.config.ts.`)

  await tidemark('generate', '--name', 'init')
  showMigration('init', 14)
  await tidemark('migrate')
  await tidemark('generate')

  // The next feature: a bio for every user, and push tokens looked up by their age.
  const schemaFile = join(project, 'schema.ts')
  const source = readFileSync(schemaFile, 'utf8')
  const changed = source
    .replace(
      "displayName: text('display_name'),",
      "displayName: text('display_name'),\n    bio: text().notNull().default(''),",
    )
    .replace(
      "export const pushTokens = table('push_tokens', {",
      "export const pushTokens = table('push_tokens', {\n  lastUsedAt: timestamptz('last_used_at'),",
    )
  if (changed === source) throw new Error('the demo expected users.displayName in schema.ts')
  writeFileSync(schemaFile, changed)
  console.log('\nEdited schema.ts: users gets a bio, push_tokens a last_used_at.')
  await tidemark('generate', '--name', 'user_bio')
  showMigration('user_bio', 12)
  await tidemark('migrate')

  // The database the migrations built, in the project's .tidemark folder.
  const db = fromPGlite(new PGlite(join(project, '.tidemark', 'pglite')), { schema })
  try {
    console.log('\nTyped rows on the migrated database:')
    await writeAndReadRows(db)
  } finally {
    await db.close()
  }

  // Someone fixes production by hand: a column and an index nobody wrote a migration for.
  const live = new PGlite(join(project, '.tidemark', 'pglite'))
  await live.exec(
    'alter table users add column referral_code text; create index sessions_expires_at_hotfix on auth.sessions (expires_at)',
  )
  await live.close()
  console.log('\nA hand edit on the database: users.referral_code and an index on sessions.')
  await tidemarkExpecting(1, 'check')
  // Keep the edit: write it as a migration and record it as applied where it already is.
  await tidemark('generate', '--from-db', '--name', 'adopt_hotfix')
  const adopted = readdirSync(join(project, 'migrations')).find((entry) => entry.endsWith('_adopt_hotfix'))!
  await tidemark('baseline', '--to', adopted)
  await tidemark('check', '--fail-on', 'drift,journal')
} finally {
  rmSync(project, { recursive: true, force: true })
}
