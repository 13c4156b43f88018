import type { PolicyModel } from '../../../model/types.js'
import type { PolicySpec } from '../../../schema/table-extras.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { ddlExpression } from '../compiler/fragment.js'

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * A table's policies as the model holds them: sorted by name, roles sorted, PUBLIC as `public`
 * (the catalog's spelling), expressions as written. `fail` reports a problem with one of them.
 */
export function buildPolicies(
  specs: readonly PolicySpec[],
  fail: (problem: string, what: string) => never,
): PolicyModel[] {
  const seen = new Set<string>()
  const policies = specs.map((spec): PolicyModel => {
    const what = `policy ${spec.name}`
    const problem = identifierProblem(spec.name)
    if (problem !== undefined) fail(problem, what)
    if (seen.has(spec.name)) fail('two policies have this name', what)
    seen.add(spec.name)
    const roles = (spec.roles ?? ['public']).map((r) => (r.toLowerCase() === 'public' ? 'public' : r))
    if (roles.length === 0) fail('`to` names no role; leave it out for PUBLIC', what)
    const using = spec.using === undefined ? null : ddlExpression(spec.using)
    const withCheck = spec.withCheck === undefined ? null : ddlExpression(spec.withCheck)
    // PostgreSQL refuses these combinations; saying so here beats a failed migration.
    if (spec.command === 'insert' && using !== null) fail('an insert policy takes withCheck, not using', what)
    if ((spec.command === 'select' || spec.command === 'delete') && withCheck !== null) {
      fail(`a ${spec.command} policy takes using, not withCheck`, what)
    }
    return {
      name: spec.name,
      permissive: spec.permissive,
      command: spec.command,
      roles: [...new Set(roles)].sort(compareText),
      using,
      withCheck,
    }
  })
  return policies.sort((a, b) => compareText(a.name, b.name))
}
