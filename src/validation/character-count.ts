/** The length PostgreSQL gives a text: characters (code points), not UTF-16 units, so '😀' is 1. */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}
