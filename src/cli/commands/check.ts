import { relative } from 'node:path'
import { type CheckReport, checkDatabase } from '../../migrate/check/check.js'
import { redactUrl } from '../../migrate/replay/shadow.js'
import { checkOptions, readCheckInputs } from '../check-inputs.js'
import { CliError } from '../cli-error.js'
import { openLiveDatabase } from '../connect.js'
import { parseFlags, stringFlag, withGlobalFlags } from '../flags.js'
import type { CliIo } from '../io.js'
import { resolveSettings, type Settings } from '../settings.js'
import { type Paint, paint, progress } from '../terminal.js'

export const CHECK_HELP = withGlobalFlags(`Usage: tidemark check [--fail-on FINDINGS] [flags]

Tells whether the live database is what its migrations and the code say, in three parts:
  drift     the database against a replay of the migrations applied to it (hand edits)
  code      the schema modules against all migrations (a forgotten 'tidemark generate')
  journal   applied migrations against the files (edited, missing, pending, out of order)
Only reads the live database. Exit code 0 when clean, 1 when a finding fails the check.

  --fail-on FINDINGS   comma-separated findings that fail the check (default: all):
                       drift, code, journal, or within journal: pending, edited, missing,
                       out-of-order, unfinished; 'none' only reports.
                       In CI against production: --fail-on drift,edited,missing
`)

const JOURNAL_FINDINGS = ['pending', 'edited', 'missing', 'out-of-order', 'unfinished'] as const
type Finding = 'drift' | 'code' | (typeof JOURNAL_FINDINGS)[number]
const ALL_FINDINGS: readonly Finding[] = ['drift', 'code', ...JOURNAL_FINDINGS]

export async function checkCommand(args: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('check', args, { 'fail-on': { type: 'string' } })
  if (flags.values.help === true) {
    io.stdout.write(CHECK_HELP)
    return 0
  }
  if (flags.positionals.length > 0) {
    throw new CliError(`check takes no arguments ('${flags.positionals[0]}'). Run 'tidemark check --help'.`)
  }
  const failOn = parseFailOn(stringFlag(flags, 'fail-on'))
  const settings = await resolveSettings(flags, io)
  const inputs = await readCheckInputs(settings)
  const line = progress(io, settings.json)
  const db = await openLiveDatabase(settings)
  let report: CheckReport
  try {
    report = await checkDatabase(checkOptions(settings, db, inputs, (step) => line.step(step)))
  } finally {
    line.done()
    await db.close()
  }
  const failed = failures(report).filter((finding) => failOn.has(finding))
  if (settings.json) {
    io.stdout.write(`${JSON.stringify({ ...report, failed })}\n`)
  } else {
    io.stdout.write(renderReport(report, settings, io, failed))
  }
  return failed.length > 0 ? 1 : 0
}

function parseFailOn(value: string | undefined): ReadonlySet<Finding> {
  if (value === undefined) return new Set(ALL_FINDINGS)
  const chosen = new Set<Finding>()
  for (const word of value.split(',').map((w) => w.trim())) {
    if (word === 'none' || word === '') continue
    if (word === 'journal') for (const finding of JOURNAL_FINDINGS) chosen.add(finding)
    else if ((ALL_FINDINGS as readonly string[]).includes(word)) chosen.add(word as Finding)
    else {
      throw new CliError(
        `--fail-on does not know '${word}'. Use drift, code, journal, pending, edited, missing, out-of-order, unfinished or none.`,
      )
    }
  }
  return chosen
}

/** The findings the report holds, whether or not they fail the check. */
function failures(report: CheckReport): Finding[] {
  const found: Finding[] = []
  if (report.drift.status !== 'clean') found.push('drift')
  if (report.code.status === 'differs' || report.code.status === 'unknown') found.push('code')
  const j = report.journal
  if (j.pending.length > 0) found.push('pending')
  if (j.edited.length > 0) found.push('edited')
  if (j.missing.length > 0) found.push('missing')
  if (j.outOfOrder.length > 0) found.push('out-of-order')
  if (j.unfinished.length > 0) found.push('unfinished')
  return found
}

function renderReport(
  report: CheckReport,
  settings: Settings,
  io: CliIo,
  failed: readonly Finding[],
): string {
  const p = paint(io)
  const lines: string[] = []
  const where =
    settings.databaseUrl === undefined
      ? 'the embedded database in .tidemark/'
      : redactUrl(settings.databaseUrl)
  const folder = relative(io.cwd, settings.migrations) || settings.migrations
  lines.push(`Checked ${where} against ${folder}/`, '')
  lines.push(...driftLines(report, p), '', ...codeLines(report, p), '', ...journalLines(report, p), '')
  lines.push(
    failed.length === 0
      ? p.green('Result: clean.')
      : p.red(`Result: failed on ${failed.join(', ')} (exit 1).`),
  )
  return `${lines.join('\n')}\n`
}

function driftLines(report: CheckReport, p: Paint): string[] {
  const drift = report.drift
  const notes = drift.notes.map((note) => `  ${p.dim(note)}`)
  const migrations = `${drift.appliedMigrations} applied migration${drift.appliedMigrations === 1 ? '' : 's'}`
  if (drift.status === 'unknown') return [p.bold(p.yellow('Drift: unknown')), ...notes]
  if (drift.status === 'unadopted') return [`${p.bold('Drift:')} ${p.yellow('not adopted')}`, ...notes]
  if (drift.status === 'clean')
    return [`${p.bold('Drift:')} ${p.green('none')}: the database matches its ${migrations}.`, ...notes]
  const count = drift.findings.length
  const lines = [
    `${p.bold('Drift:')} ${p.red(`${count} difference${count === 1 ? '' : 's'}`)} between the database and its ${migrations}:`,
    ...drift.findings.map((finding) => `  ${finding.message}`),
    ...notes,
    '',
    '  To put the database back as the migrations say, run this SQL:',
    ...drift.reconcile.sql.flatMap((statement) => statement.split('\n').map((l) => `    ${l}`)),
  ]
  if (drift.reconcile.hazards.length > 0) {
    lines.push('  Running it would:')
    for (const hazard of drift.reconcile.hazards)
      lines.push(`    ${p.yellow(hazard.kind)}: ${hazard.message}`)
  }
  lines.push(
    "  Or keep the database's changes: 'tidemark generate --from-db' writes them as a migration,",
    "  then 'tidemark baseline --to <that migration>' records it as applied here.",
  )
  return lines
}

function codeLines(report: CheckReport, p: Paint): string[] {
  const code = report.code
  if (code.status === 'skipped')
    return [`${p.bold('Code:')} skipped`, ...code.notes.map((n) => `  ${p.dim(n)}`)]
  if (code.status === 'unknown')
    return [p.bold(p.yellow('Code: unknown')), ...code.notes.map((n) => `  ${p.dim(n)}`)]
  if (code.status === 'clean')
    return [`${p.bold('Code:')} ${p.green('in step')}: the migrations build what the schema modules declare.`]
  return [
    `${p.bold('Code:')} ${p.red('differs from the migrations')}: 'tidemark generate' would write ${code.changes.length} change${code.changes.length === 1 ? '' : 's'}:`,
    ...code.changes.map((change) => `  ${change.description}`),
  ]
}

function journalLines(report: CheckReport, p: Paint): string[] {
  const j = report.journal
  const groups: [string, readonly string[], string][] = [
    [
      'edited after it was applied',
      j.edited,
      "restore the file, or 'tidemark migrate --accept-edited NAME' if the edit is deliberate",
    ],
    ['applied, but its file is missing', j.missing, 'restore the file from version control'],
    [
      'started and never finished',
      j.unfinished,
      'check the database, then finish or remove the migration by hand',
    ],
    [
      'pending',
      j.pending,
      // Migrating a database that already holds the tables would fail on the first CREATE.
      report.drift.status === 'unadopted'
        ? "adopt the database first (see Drift), then 'tidemark migrate' applies the rest"
        : "run 'tidemark migrate'",
    ],
    [
      'pending, older than the latest applied migration',
      j.outOfOrder,
      'rename it to sort after the applied ones',
    ],
  ]
  const found = groups.filter(([, names]) => names.length > 0)
  const applied = `${j.applied.length} applied`
  if (found.length === 0) return [`${p.bold('Journal:')} ${p.green('in step')}: ${applied}, none pending.`]
  const lines = [`${p.bold('Journal:')} ${applied}; ${p.red('findings')}:`]
  for (const [what, names, fix] of found) {
    for (const name of names) lines.push(`  ${name}: ${what}`)
    lines.push(`    ${p.dim(`fix: ${fix}`)}`)
  }
  return lines
}
