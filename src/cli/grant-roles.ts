import { granteeLabel } from '../diff/families/grants.js'
import { tableLabel } from '../diff/renames.js'
import type { SchemaModel } from '../model/types.js'
import { CliError } from './cli-error.js'

/**
 * Roles are cluster-wide and migrations do not create them: a grant may name only PUBLIC, a
 * predefined role (pg_*), or a role the config's `roles` lists (which migrate and push create where
 * missing). Caught at generate time, before a migration that cannot run on a fresh server is written.
 */
export function assertGrantRolesDeclared(model: SchemaModel, roles: readonly string[]): void {
  const listed = new Set(roles)
  const undeclared = model.grants.filter(
    (g) => g.grantee !== 'public' && !g.grantee.startsWith('pg_') && !listed.has(g.grantee),
  )
  if (undeclared.length === 0) return
  const first = undeclared[0]!
  const names = [...new Set(undeclared.map((g) => `'${granteeLabel(g.grantee)}'`))]
  const on = `${first.on} ${first.on === 'schema' ? first.name : tableLabel(first.schema, first.name)}`
  throw new CliError(
    `The grant on ${on} names role ${names[0]}${names.length > 1 ? ` (and ${names.slice(1).join(', ')})` : ''}, which the config's roles do not list.\nAdd ${names.length > 1 ? 'them' : 'it'} to roles in the config (migrate creates the roles listed there), or grant to a listed role.`,
  )
}
