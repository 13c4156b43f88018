/**
 * Why a nested array is not rectangular (PostgreSQL needs every sub-array of a level to have the
 * same length), or undefined when it is. The nesting itself is checked element by element elsewhere.
 */
export function arrayShapeProblem(value: readonly unknown[], dimensions: number): string | undefined {
  let level: readonly unknown[] = [value]
  for (let depth = 1; depth < dimensions; depth++) {
    const arrays = level.flatMap((item) => (Array.isArray(item) ? item : []))
    const lengths = new Set(arrays.map((item) => (Array.isArray(item) ? item.length : -1)))
    if (lengths.size > 1) return 'must have sub-arrays of one length at each level'
    level = arrays
  }
  return undefined
}
