import { type AllowDataLoss, DataLossError, type DataLossRisk } from '../migrate/runner/data-loss.js'
import { loadTool } from '../tools/load-tool.js'
import { CliError } from './cli-error.js'
import type { CliIo } from './io.js'
import { paint } from './terminal.js'

/**
 * Whether `migrate` (and `migrate down`) may run migrations that lose data: yes with
 * --allow-data-loss or the config's allowDataLoss; on a terminal, the person is asked after seeing
 * what is lost; anywhere else (CI), no: nothing runs silently.
 */
export function dataLossConsent(allowed: boolean, io: CliIo, json: boolean): AllowDataLoss {
  if (allowed) return true
  if (!io.interactive || json) return false
  return async (risks) => {
    const { confirm } = await loadTool('@clack/prompts', 'asking before data loss')
    const p = paint(io)
    for (const line of riskLines(risks)) io.stdout.write(`${p.yellow(line)}\n`)
    const answer = await confirm({
      message: risks[0]?.direction === 'down' ? 'Undo these migrations?' : 'Apply these migrations?',
      initialValue: false,
    })
    return answer === true
  }
}

/** A refusal as the CLI reports it: what loses data (unless it was just shown), and the fix. */
export function dataLossRefusal(error: unknown, io: CliIo, json: boolean): unknown {
  if (!(error instanceof DataLossError)) return error
  if (io.interactive && !json) return new CliError('Nothing was run.', 1, { cause: error })
  return new CliError(
    `Nothing was run: ${riskLines(error.risks).join('; ')}.\n` +
      'Run with --allow-data-loss (or set allowDataLoss: true in the config) to run it anyway.',
    1,
    { cause: error },
  )
}

function riskLines(risks: readonly DataLossRisk[]): string[] {
  return risks.map(
    (risk) =>
      `${risk.direction === 'down' ? 'undoing ' : ''}${risk.name} loses data (${risk.reasons.join('; ')})`,
  )
}
