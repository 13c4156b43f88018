import { defaultGrants, grantKey, grantObjectKey, PRIVILEGES } from '../../../model/grants.js'
import type { GrantModel, SchemaModel, TableModel } from '../../../model/types.js'
import { type JsNode, type JsProperty, js } from '../../../ts-printer/js-ast.js'
import type { EmitContext } from './emit-context.js'
import { tableColumn } from './emit-context.js'

/** What the module can name: the variable of each object a grant may be on, by grantObjectKey. */
export type GrantVariables = ReadonlyMap<string, string>

/**
 * `grant(notes, { to: ['anon', 'authenticated'], privileges: ['SELECT'] })` for each set of grants
 * that share an object, privileges, columns and grant option; PostgreSQL's default EXECUTE for
 * PUBLIC on a routine is left to the routine. Grants on objects the module does not declare (a
 * serial column's sequence) are not written: each is a warning.
 */
export function emitGrants(
  context: EmitContext,
  model: SchemaModel,
  variables: GrantVariables,
  warn: (message: string) => void,
): JsNode[] {
  const defaults = new Set(
    model.grants.flatMap((g) => defaultGrants(g.on, g.schema, g.name)).map((g) => grantKey(g)),
  )
  const tables = new Map(model.tables.map((t) => [`${t.schema}.${t.name}`, t]))
  // One entry per object, role and grant option: its privileges on the whole object and per column.
  const held = new Map<string, { grants: GrantModel[] }>()
  for (const grant of model.grants) {
    if (defaults.has(grantKey(grant)) && !grant.grantable) continue
    if (!variables.has(grantObjectKey(grant))) {
      warn(
        `grant of ${grant.privilege} on ${grant.on} ${grant.schema}.${grant.name} to ${grant.grantee}: the object is not declared in the code, so the grant is not written`,
      )
      continue
    }
    if (grant.column !== null && !tables.has(`${grant.schema}.${grant.name}`)) {
      warn(
        `grant of ${grant.privilege} (${grant.column}) on view ${grant.schema}.${grant.name} to ${grant.grantee}: a view's columns are not declared, so the grant is not written`,
      )
      continue
    }
    const key = JSON.stringify([grantObjectKey(grant), grant.grantee, grant.grantable])
    const entry = held.get(key) ?? { grants: [] }
    entry.grants.push(grant)
    held.set(key, entry)
  }
  // Calls that differ only by role are merged: `to: [...]`.
  const calls = new Map<
    string,
    { grant: GrantModel; privileges: string[]; columns: string[]; to: string[] }
  >()
  for (const { grants } of held.values()) {
    const first = grants[0]!
    const order = PRIVILEGES[first.on]
    const rank = (p: string) => order.indexOf(p)
    const whole = grants.filter((g) => g.column === null).map((g) => g.privilege)
    const byColumn = new Map<string, string[]>()
    for (const g of grants.filter((g) => g.column !== null))
      byColumn.set(g.column!, [...(byColumn.get(g.column!) ?? []), g.privilege])
    // Columns with the same privileges share a call.
    const columnSets = new Map<string, string[]>()
    for (const [column, privileges] of byColumn) {
      const set = JSON.stringify(privileges.sort((a, b) => rank(a) - rank(b)))
      columnSets.set(set, [...(columnSets.get(set) ?? []), column])
    }
    const parts: [string[], string[]][] = [
      ...(whole.length === 0 ? [] : [[whole.sort((a, b) => rank(a) - rank(b)), []] as [string[], string[]]]),
      ...[...columnSets].map(
        ([set, columns]) => [JSON.parse(set) as string[], columns] as [string[], string[]],
      ),
    ]
    for (const [privileges, columns] of parts) {
      const key = JSON.stringify([grantObjectKey(first), first.grantable, privileges, columns])
      const call = calls.get(key) ?? { grant: first, privileges, columns, to: [] }
      call.to.push(first.grantee)
      calls.set(key, call)
    }
  }
  return [...calls.values()].map(({ grant, privileges, columns, to }) => {
    const properties: JsProperty[] = [
      { key: 'to', value: to.length === 1 ? js.string(to[0]!) : js.array(to.map(js.string)) },
    ]
    const routine = grant.on === 'function' || grant.on === 'procedure'
    if (!routine) properties.push({ key: 'privileges', value: js.array(privileges.map(js.string)) })
    if (columns.length > 0) {
      const table = tables.get(`${grant.schema}.${grant.name}`) as TableModel
      properties.push({ key: 'columns', value: js.array(columns.map((c) => tableColumn(context, table, c))) })
    }
    if (grant.grantable) properties.push({ key: 'withGrantOption', value: js.literal('true') })
    return js.call(context.imports.use('grant'), [
      js.identifier(variables.get(grantObjectKey(grant))!),
      js.object(properties),
    ])
  })
}
