import { describe, expect, it } from 'vitest'
import { CliError } from '../../src/cli/cli-error.js'
import { dataLossConsent, dataLossRefusal } from '../../src/cli/data-loss-consent.js'
import type { CliIo } from '../../src/cli/io.js'
import { DataLossError } from '../../src/migrate/index.js'

const io = (interactive: boolean): CliIo => ({
  stdout: { write: () => {} },
  stderr: { write: () => {} },
  cwd: '.',
  env: {},
  interactive,
})

const refused = new DataLossError([
  { name: '20261201000100_drop_bio', direction: 'up', reasons: ['drops column users.bio and its values'] },
])

describe('the CLI and migrations that lose data', () => {
  it('runs them when told, asks on a terminal, and refuses anywhere else (CI, --json)', () => {
    expect(dataLossConsent(true, io(false), false)).toBe(true)
    expect(dataLossConsent(true, io(true), false)).toBe(true)
    expect(dataLossConsent(false, io(false), false)).toBe(false)
    expect(dataLossConsent(false, io(true), true)).toBe(false)
    expect(typeof dataLossConsent(false, io(true), false)).toBe('function')
  })

  it('reports a refusal with what is lost and the fix, or briefly after a no on a terminal', () => {
    const ci = dataLossRefusal(refused, io(false), false)
    expect(ci).toBeInstanceOf(CliError)
    expect((ci as CliError).exitCode).toBe(1)
    expect((ci as Error).message).toBe(
      'Nothing was run: 20261201000100_drop_bio loses data (drops column users.bio and its values).\n' +
        'Run with --allow-data-loss (or set allowDataLoss: true in the config) to run it anyway.',
    )
    expect((dataLossRefusal(refused, io(true), false) as Error).message).toBe('Nothing was run.')
    const other = new Error('something else')
    expect(dataLossRefusal(other, io(false), false)).toBe(other)
  })
})
