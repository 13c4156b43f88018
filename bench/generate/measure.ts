export interface Row {
  readonly scenario: string
  readonly tool: string
  readonly medianMs: number
  /** Against drizzle-kit in the same scenario; null for breakdown rows. */
  readonly ratioToDrizzleKit: number | null
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** One timed run of one tool: resets its state first, returns the milliseconds the run took. */
export interface Contender {
  readonly tool: string
  run(): Promise<number>
}

/**
 * Runs every contender once per round, round after round, so a slow spell on a shared machine
 * lands on all of them rather than on one; returns each tool's median, with its ratio to the
 * contender named `drizzle-kit`.
 */
export async function compare(
  scenario: string,
  rounds: number,
  contenders: readonly Contender[],
): Promise<Row[]> {
  const times = new Map<string, number[]>(contenders.map((c) => [c.tool, []]))
  for (let round = 1; round <= rounds; round++) {
    for (const contender of contenders) {
      const ms = await contender.run()
      times.get(contender.tool)!.push(ms)
      console.error(`  ${scenario} | ${contender.tool} | round ${round}: ${Math.round(ms)} ms`)
    }
  }
  const baseline = median(times.get('drizzle-kit') ?? [])
  return contenders.map((c) => {
    const medianMs = median(times.get(c.tool)!)
    return { scenario, tool: c.tool, medianMs, ratioToDrizzleKit: baseline > 0 ? medianMs / baseline : null }
  })
}
