import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * The longest files first, whatever the runner knows of earlier runs: on a fresh checkout it orders
 * unknown files by size, and the drift suite's parts are small files that declare hundreds of slow
 * tests. Started last, they would leave one worker busy long after the other ran out of files.
 */
const HEAVY = [
  /drift-suite-\d/,
  /oss-history/,
  /oss-schemas/,
  /generate-round-trip/,
  /catalog-round-trip/,
  /deploy-safety/,
  /baseline-drizzle/,
  /nextjs-api/,
]

export class HeavyFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = HEAVY.findIndex((pattern) => pattern.test(file.moduleId))
      return index === -1 ? HEAVY.length : index
    }
    return sorted
      .map((file, order) => ({ file, order }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.order - b.order)
      .map(({ file }) => file)
  }
}
