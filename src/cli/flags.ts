import { parseArgs } from 'node:util'
import { CliError } from './cli-error.js'
import { didYouMean } from './did-you-mean.js'

/** Flags every command understands (see the README's CLI section). */
export const COMMON_FLAGS = {
  config: { type: 'string' },
  url: { type: 'string' },
  schema: { type: 'string' },
  migrations: { type: 'string' },
  'shadow-url': { type: 'string' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

type FlagSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>

export interface ParsedFlags {
  readonly values: Record<string, string | boolean | string[] | undefined>
  readonly positionals: string[]
}

/** What every command's help lists after its own flags (and the main help under its commands). */
const GLOBAL_FLAG_LINES: readonly (readonly [flag: string, line: string])[] = [
  ['--config', '  --config PATH        config file (default tidemark.config.ts)'],
  [
    '--url',
    '  --url URL            the live database (default: config, then DATABASE_URL, then .tidemark/ PGlite)',
  ],
  ['--schema', '  --schema PATHS       schema modules, folders or globs, comma-separated'],
  ['--migrations', '  --migrations DIR     migrations folder (default migrations)'],
  ['--shadow-url', "  --shadow-url URL     a server for generate's scratch database instead of PGlite"],
  ['--json', '  --json               one JSON document on stdout'],
  ['--verbose', '  --verbose            details and stack traces'],
  ['--help', '  -h, --help           this help'],
]

/** The main help's section on the flags every command takes. */
export const GLOBAL_FLAGS_HELP = GLOBAL_FLAG_LINES.map(([, line]) => `${line}\n`).join('')

/**
 * A command's help followed by the flags every command takes, less those the command explains
 * itself (init's --schema creates a file, say).
 */
export function withGlobalFlags(help: string): string {
  const own = (flag: string) => help.includes(`\n  ${flag} `)
  const lines = GLOBAL_FLAG_LINES.filter(([flag]) => !own(flag)).map(([, line]) => `${line}\n`)
  return `${help}\nFlags every command takes:\n${lines.join('')}`
}

/**
 * Parses a command's flags strictly: an unknown flag is a usage error that names the closest known
 * flag, or else the command's help.
 */
export function parseFlags(command: string, args: readonly string[], extra: FlagSpec = {}): ParsedFlags {
  const options = { ...COMMON_FLAGS, ...extra }
  assertKnownFlags(args, options)
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    })
    return { values: values as ParsedFlags['values'], positionals }
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]?.replace(/\. To specify a positional.*$/, '')
    throw new CliError(`${reason}. Run 'tidemark ${command} --help' for its flags.`)
  }
}

export function stringFlag(flags: ParsedFlags, name: string): string | undefined {
  const value = flags.values[name]
  return typeof value === 'string' ? value : undefined
}

export function listFlag(flags: ParsedFlags, name: string): string[] {
  const value = flags.values[name]
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
}

/** A mistyped flag gets the flag it was probably meant to be, when one is close. */
function assertKnownFlags(args: readonly string[], options: FlagSpec): void {
  const { tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  })
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue
    const known = Object.keys(options)
    const meant = token.rawName.startsWith('--') ? didYouMean(token.name, known) : undefined
    if (meant !== undefined) throw new CliError(`unknown flag '${token.rawName}'. Did you mean '--${meant}'?`)
    // Short flags, and long ones near nothing: parseArgs's own message, with the help to look at.
    return
  }
}
