/**
 * Interleaved measurement: every round runs each toolkit for the same time slice, in rotating
 * order, so drift in machine load spreads evenly over the toolkits.
 *
 * Slices rather than alternating single operations, sequentially too: an application runs one
 * toolkit in a hot loop. Alternating four toolkits (four pools) operation by operation made each
 * operation wake a different server backend: raw pg ran at half its hot-loop rate, and the
 * client-side cost of every toolkit was diluted in the longer round trip.
 */

export interface Contender {
  readonly name: string
  readonly run: (i: number) => Promise<unknown>
}

export interface Options {
  /** Total time per contender. */
  readonly durationMs: number
  /** Callers running at once (1: sequential). */
  readonly concurrency: number
  readonly warmupOps: number
}

/**
 * Operations per second per contender: contenders take turns in short slices (one caller, or
 * several at once), and each contender's figure is the median of its slices' rates.
 */
export async function measure(
  contenders: readonly Contender[],
  options: Options,
): Promise<Map<string, number>> {
  let iteration = 0
  for (const contender of contenders) {
    for (let i = 0; i < options.warmupOps; i++) await contender.run(iteration++)
  }
  return measureBySlices(contenders, options, () => iteration++)
}

async function measureBySlices(
  contenders: readonly Contender[],
  options: Options,
  next: () => number,
): Promise<Map<string, number>> {
  const sliceMs = 60
  const rounds = Math.max(3, Math.round(options.durationMs / sliceMs))
  const rates = contenders.map((): number[] => [])
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const index = (k + round) % contenders.length
      const started = performance.now()
      const deadline = started + sliceMs
      let done = 0
      const caller = async () => {
        while (performance.now() < deadline) {
          await contenders[index]!.run(next())
          done += 1
        }
      }
      await Promise.all(Array.from({ length: options.concurrency }, caller))
      rates[index]!.push((done * 1000) / (performance.now() - started))
    }
  }
  // The median slice: a burst of load from elsewhere on the machine moves one slice, not the figure.
  return new Map(contenders.map((c, k) => [c.name, median(rates[k]!)]))
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Synchronous version for compile-only work: iterations per second. */
export function measureSync(
  contenders: readonly { readonly name: string; readonly run: (i: number) => unknown }[],
  rounds: number,
  sliceMs: number,
): Map<string, number> {
  const ops = new Map<string, number>(contenders.map((c) => [c.name, 0]))
  const time = new Map<string, number>(contenders.map((c) => [c.name, 0]))
  let sink = 0
  for (const c of contenders) for (let i = 0; i < 2000; i++) if (c.run(i)) sink++
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(k + round) % contenders.length]!
      const started = performance.now()
      let done = 0
      while (performance.now() - started < sliceMs) {
        for (let i = 0; i < 100; i++) if (contender.run(done + i)) sink++
        done += 100
      }
      time.set(contender.name, time.get(contender.name)! + (performance.now() - started))
      ops.set(contender.name, ops.get(contender.name)! + done)
    }
  }
  if (sink < 0) console.log(sink)
  return new Map(contenders.map((c) => [c.name, (ops.get(c.name)! * 1000) / time.get(c.name)!]))
}
