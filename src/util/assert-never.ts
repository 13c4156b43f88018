/**
 * The `default` of a switch over a union: it only compiles when every member has its own case, so a
 * new member (a change kind, an AST node) that nobody handles fails the build instead of being
 * skipped at run time.
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`)
}
