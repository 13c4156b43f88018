import { parseArgs } from 'node:util'
import { CliError } from './cli-error.js'

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

/** Parses a command's flags strictly: an unknown flag is a usage error that names the command's help. */
export function parseFlags(command: string, args: readonly string[], extra: FlagSpec = {}): ParsedFlags {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: { ...COMMON_FLAGS, ...extra },
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
