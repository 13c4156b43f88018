import {
  compareGrants,
  defaultGrants,
  grantableObjectList,
  grantKey,
  grantObjectKey,
  PRIVILEGES,
} from '../model/grants.js'
import type { GrantModel, SchemaModel } from '../model/types.js'
import type { ChangeBody, GrantedPrivilege, GrantTarget } from './changes.js'
import { NO_RENAMES, type Renames } from './renames.js'

/**
 * GRANT and REVOKE for what differs, revokes first. An object created by the plan, or dropped and
 * created again (`recreated`, by grantObjectKey), starts from what PostgreSQL gives a new object
 * (EXECUTE for PUBLIC on a routine); an object or column the plan drops takes its grants along.
 */
export function planGrants(
  from: SchemaModel,
  to: SchemaModel,
  renames: Renames,
  recreated: ReadonlySet<string>,
): ChangeBody[] {
  const source = renamedGrants(from.grants, renames)
  const sourceObjects = new Set(
    grantableObjectList(from).map((o) => grantObjectKey(renamedObject(o, renames))),
  )
  const kept = (key: string): boolean => sourceObjects.has(key) && !recreated.has(key)
  const sourceColumns = tableColumns(from, renames)
  const targetColumns = tableColumns(to, NO_RENAMES)
  // A view's columns are not in the model: a column grant on a kept view is compared as it is.
  const columnKept = (g: GrantModel): boolean => {
    const table = `${g.schema}.${g.name}`
    if (!sourceColumns.has(table) || !targetColumns.has(table)) return true
    return sourceColumns.get(table)!.has(g.column!) && targetColumns.get(table)!.has(g.column!)
  }
  const targetObjects = grantableObjectList(to)
  const targetKeys = new Set(targetObjects.map(grantObjectKey))
  const before: GrantModel[] = [
    ...source.filter(
      (g) =>
        kept(grantObjectKey(g)) && targetKeys.has(grantObjectKey(g)) && (g.column === null || columnKept(g)),
    ),
    ...targetObjects
      .filter((o) => !kept(grantObjectKey(o)))
      .flatMap((o) => defaultGrants(o.on, o.schema, o.name)),
  ]
  // Only what `to` holds: a model may carry grants of objects it does not have (generate loads the
  // schema into its scratch database with the grants of the history, and grants them last).
  const after = to.grants.filter(
    (g) =>
      targetKeys.has(grantObjectKey(g)) &&
      (g.column === null || targetColumns.get(`${g.schema}.${g.name}`)?.has(g.column) !== false),
  )
  const was = new Map(before.map((g) => [grantKey(g), g]))
  const is = new Map(after.map((g) => [grantKey(g), g]))
  const revokes: GrantModel[] = []
  const optionRevokes: GrantModel[] = []
  const grants: GrantModel[] = []
  for (const [key, grant] of was) {
    const wanted = is.get(key)
    if (wanted === undefined) revokes.push(grant)
    else if (grant.grantable && !wanted.grantable) optionRevokes.push(grant)
  }
  for (const [key, grant] of is) {
    const held = was.get(key)
    if (held === undefined || (grant.grantable && !held.grantable)) grants.push(grant)
  }
  return [
    ...grouped(revokes, (target, grantee, privileges) => ({
      kind: 'revoke',
      target,
      grantee,
      privileges,
      grantOptionOnly: false,
    })),
    ...grouped(optionRevokes, (target, grantee, privileges) => ({
      kind: 'revoke',
      target,
      grantee,
      privileges,
      grantOptionOnly: true,
    })),
    ...groupedByOption(grants),
  ]
}

function groupedByOption(grants: readonly GrantModel[]): ChangeBody[] {
  const make =
    (withGrantOption: boolean) =>
    (target: GrantTarget, grantee: string, privileges: GrantedPrivilege[]): ChangeBody => ({
      kind: 'grant',
      target,
      grantee,
      privileges,
      withGrantOption,
    })
  return [
    ...grouped(
      grants.filter((g) => !g.grantable),
      make(false),
    ),
    ...grouped(
      grants.filter((g) => g.grantable),
      make(true),
    ),
  ].sort((a, b) => compareChanges(a, b))
}

/** One change per object and role, its privileges in PostgreSQL's documented order. */
function grouped(
  grants: readonly GrantModel[],
  make: (target: GrantTarget, grantee: string, privileges: GrantedPrivilege[]) => ChangeBody,
): ChangeBody[] {
  const groups = new Map<string, GrantModel[]>()
  for (const grant of [...grants].sort(compareGrants)) {
    const key = JSON.stringify([grant.on, grant.schema, grant.name, grant.grantee])
    groups.set(key, [...(groups.get(key) ?? []), grant])
  }
  return [...groups.values()].map((list) => {
    const first = list[0]!
    const order = PRIVILEGES[first.on]
    const byPrivilege = new Map<string, string[]>()
    const whole: string[] = []
    for (const g of list) {
      if (g.column === null) whole.push(g.privilege)
      else byPrivilege.set(g.privilege, [...(byPrivilege.get(g.privilege) ?? []), g.column])
    }
    const rank = (p: string): number => order.indexOf(p)
    const privileges: GrantedPrivilege[] = [
      ...whole.sort((a, b) => rank(a) - rank(b)).map((privilege) => ({ privilege, columns: [] })),
      ...[...byPrivilege]
        .sort(([a], [b]) => rank(a) - rank(b))
        .map(([privilege, columns]) => ({ privilege, columns })),
    ]
    return make({ on: first.on, schema: first.schema, name: first.name }, first.grantee, privileges)
  })
}

function compareChanges(a: ChangeBody, b: ChangeBody): number {
  const keyOf = (c: ChangeBody): string =>
    c.kind === 'grant' || c.kind === 'revoke'
      ? JSON.stringify([c.target.on, c.target.schema, c.target.name, c.grantee])
      : ''
  const [x, y] = [keyOf(a), keyOf(b)]
  return x < y ? -1 : x > y ? 1 : 0
}

/** The columns of each table, by `schema.name`, under their names after the renames. */
function tableColumns(model: SchemaModel, renames: Renames): Map<string, Set<string>> {
  return new Map(
    model.tables.map((t) => {
      const name = renamedTable(t.schema, t.name, renames)
      return [
        `${t.schema}.${name}`,
        new Set(t.columns.map((c) => renamedColumn(t.schema, name, c.name, renames))),
      ]
    }),
  )
}

function renamedGrants(grants: readonly GrantModel[], renames: Renames): GrantModel[] {
  if (renames.tables.length === 0 && renames.columns.length === 0) return [...grants]
  return grants.map((g) => {
    if (g.on !== 'table') return g
    const name = renamedTable(g.schema, g.name, renames)
    const column = g.column === null ? null : renamedColumn(g.schema, name, g.column, renames)
    return { ...g, name, column }
  })
}

function renamedObject<T extends { on: string; schema: string; name: string }>(o: T, renames: Renames): T {
  return o.on === 'table' ? { ...o, name: renamedTable(o.schema, o.name, renames) } : o
}

function renamedTable(schema: string, name: string, renames: Renames): string {
  return renames.tables.find((r) => r.schema === schema && r.from === name)?.to ?? name
}

/** `table` is the table's name after the renames. */
function renamedColumn(schema: string, table: string, column: string, renames: Renames): string {
  return (
    renames.columns.find((r) => r.schema === schema && r.table === table && r.from === column)?.to ?? column
  )
}
