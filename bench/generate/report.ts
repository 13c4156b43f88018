import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Row } from './measure.js'

export function printTable(rows: readonly Row[]): void {
  const cells = rows.map((r) => [
    r.scenario,
    r.tool,
    String(Math.round(r.medianMs)),
    r.ratioToDrizzleKit === null ? '' : `${r.ratioToDrizzleKit.toFixed(2)}x`,
  ])
  const header = ['scenario', 'tool', 'median ms', 'Tidemark/drizzle-kit']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
  const line = (values: readonly string[]) =>
    values.map((v, i) => (i >= 2 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const c of cells) console.log(line(c))
}

export async function writeResults(path: string, rows: readonly Row[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const rounded = rows.map((r) => ({
    ...r,
    medianMs: Math.round(r.medianMs),
    ratioToDrizzleKit: r.ratioToDrizzleKit === null ? null : Number(r.ratioToDrizzleKit.toFixed(2)),
  }))
  await writeFile(path, `${JSON.stringify(rounded, null, 2)}\n`)
}
