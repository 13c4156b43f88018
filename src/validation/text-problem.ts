/**
 * Why PostgreSQL would refuse a text value, or undefined: it stores no NUL character, and a
 * length limit counts characters (code points), not UTF-16 units, so '😀' is one.
 */
export function textProblem(text: string, maxLength: number | undefined): string | undefined {
  if (text.includes('\u0000')) return 'Text cannot contain the NUL character'
  if (maxLength === undefined) return undefined
  let count = 0
  for (const _ of text) count++
  return count > maxLength ? `Text must have at most ${maxLength} characters` : undefined
}
