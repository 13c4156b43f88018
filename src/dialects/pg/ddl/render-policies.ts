import type { PolicyModel, TableModel } from '../../../model/types.js'
import { quoteIdent } from '../grammar/quote.js'
import { policyComments } from './render-comments.js'
import { qualified } from './render-parts.js'

type TableRef = { readonly schema: string; readonly name: string }

// PUBLIC is a keyword, not a role: quoted, it would name a role called "public".
const roleList = (roles: readonly string[]): string =>
  roles.map((r) => (r === 'public' ? 'PUBLIC' : quoteIdent(r))).join(', ')

const on = (policy: PolicyModel, table: TableRef): string =>
  `${quoteIdent(policy.name)} ON ${qualified(table.schema, table.name)}`

/** CREATE POLICY with every clause spelled out. */
export function createPolicy(table: TableRef, policy: PolicyModel): string {
  const parts = [
    `CREATE POLICY ${on(policy, table)}`,
    `AS ${policy.permissive ? 'PERMISSIVE' : 'RESTRICTIVE'}`,
    `FOR ${policy.command.toUpperCase()}`,
    `TO ${roleList(policy.roles)}`,
  ]
  if (policy.using !== null) parts.push(`USING (${policy.using})`)
  if (policy.withCheck !== null) parts.push(`WITH CHECK (${policy.withCheck})`)
  return parts.join(' ')
}

export function dropPolicy(table: TableRef, policy: PolicyModel): string {
  return `DROP POLICY ${on(policy, table)}`
}

/** ALTER POLICY for what it can change in place: roles, and expressions that stay present. */
export function alterPolicy(table: TableRef, from: PolicyModel, to: PolicyModel): string[] {
  const statements: string[] = []
  const alter = (clause: string) => statements.push(`ALTER POLICY ${on(to, table)} ${clause}`)
  if (from.roles.join('\u0000') !== to.roles.join('\u0000')) alter(`TO ${roleList(to.roles)}`)
  if (from.using !== to.using && to.using !== null) alter(`USING (${to.using})`)
  if (from.withCheck !== to.withCheck && to.withCheck !== null) alter(`WITH CHECK (${to.withCheck})`)
  return statements
}

/** The policies of a table just created, each with its comment. */
export function tablePolicies(table: TableModel): string[] {
  return table.policies.flatMap((p) => [createPolicy(table, p), ...policyComments(table, p)])
}
