import { relative, sep } from 'node:path'

/**
 * Why a project module (config or schema) failed to load, with the file and line to look at: the
 * parser's location for a syntax error, or the first stack frame in the project's own files for an
 * error thrown while it ran. `reason` is one line; `where` is `schema.ts:4:11` when known.
 */
export function describeModuleError(
  error: unknown,
  cwd: string,
): { reason: string; where: string | undefined } {
  const message = error instanceof Error ? error.message : String(error)
  const reason = (message.split('\n')[0] ?? '').replace(/^Error: /, '').trim() || 'unknown error'
  const text = `${message}\n${error instanceof Error ? (error.stack ?? '') : ''}`
  for (const match of text.matchAll(/(\/[^\s():]+|[A-Za-z]:\\[^\s():]+):(\d+):(\d+)/g)) {
    const [, file, line, column] = match
    if (file === undefined || file.includes(`${sep}node_modules${sep}`)) continue
    if (!file.startsWith(cwd)) continue
    return { reason, where: `${relative(cwd, file) || file}:${line}:${column}` }
  }
  return { reason, where: undefined }
}
