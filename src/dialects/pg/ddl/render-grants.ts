import type { ChangeBody, GrantedPrivilege, GrantTarget } from '../../../diff/changes.js'
import type { GrantObjectKind } from '../../../model/types.js'
import { quoteIdent } from '../grammar/quote.js'
import { columnList, qualified } from './render-parts.js'

type GrantChange = Extract<ChangeBody, { kind: 'grant' | 'revoke' }>

const KEYWORD: Record<GrantObjectKind, string> = {
  schema: 'SCHEMA',
  table: 'TABLE',
  sequence: 'SEQUENCE',
  function: 'FUNCTION',
  procedure: 'PROCEDURE',
}

/**
 * `GRANT SELECT, UPDATE ("nickname") ON TABLE "public"."users" TO "app"`, or the REVOKE
 * (`REVOKE GRANT OPTION FOR ...` when only the option goes).
 */
export function renderGrantChange(change: GrantChange): string {
  const what = `${privilegeList(change.privileges)} ON ${grantTarget(change.target)}`
  if (change.kind === 'grant')
    return `GRANT ${what} TO ${grantee(change.grantee)}${change.withGrantOption ? ' WITH GRANT OPTION' : ''}`
  return `REVOKE ${change.grantOptionOnly ? 'GRANT OPTION FOR ' : ''}${what} FROM ${grantee(change.grantee)}`
}

/** `TABLE "s"."t"`, `SCHEMA "s"`, `FUNCTION "s"."f"(integer, text)` (a routine by its argument types). */
export function grantTarget(target: GrantTarget): string {
  const keyword = KEYWORD[target.on]
  if (target.on === 'schema') return `${keyword} ${quoteIdent(target.name)}`
  const paren = target.name.indexOf('(')
  if (paren > 0)
    return `${keyword} ${qualified(target.schema, target.name.slice(0, paren))}${target.name.slice(paren)}`
  return `${keyword} ${qualified(target.schema, target.name)}`
}

function privilegeList(privileges: readonly GrantedPrivilege[]): string {
  return privileges
    .map((p) => (p.columns.length === 0 ? p.privilege : `${p.privilege} ${columnList(p.columns)}`))
    .join(', ')
}

/** PUBLIC is a keyword, not a role name. */
function grantee(role: string): string {
  return role === 'public' ? 'PUBLIC' : quoteIdent(role)
}
