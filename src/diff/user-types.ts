import { objectKey as key } from '../model/object-key.js'
import { typesInDependencyOrder } from '../model/type-order.js'
import type { CompositeTypeModel, DomainModel, SchemaModel, TableModel } from '../model/types.js'
import type { ChangeBody, TypeColumnUse } from './changes.js'
import { deepEqual as same } from './equal.js'
import { typeColumns, typeInUse } from './type-columns.js'

export interface UserTypePlan {
  /** Created, altered and rebuilt types, in dependency order, after enums and before tables. */
  readonly create: ChangeBody[]
  /** Types nothing declares any more, dropped after the tables that used them. */
  readonly drop: ChangeBody[]
  /** `schema.table.column` of the columns a rebuild moves: they get their new default with the move. */
  readonly movedColumns: ReadonlySet<string>
  /** `schema.table` of the tables with moved columns: views over them are rebuilt. */
  readonly movedTables: ReadonlySet<string>
}

/** Domains and composite types: created, dropped, altered in place where PostgreSQL can, else rebuilt. */
export function planUserTypes(
  source: SchemaModel,
  to: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
): UserTypePlan {
  const sourceDomains = new Map(source.domains.map((d) => [key(d), d]))
  const sourceComposites = new Map(source.compositeTypes.map((t) => [key(t), t]))
  const targetKeys = new Set([...to.domains, ...to.compositeTypes].map(key))
  const movedColumns = new Set<string>()
  const movedTables = new Set<string>()
  const moved = (uses: readonly TypeColumnUse[]): readonly TypeColumnUse[] => {
    for (const use of uses) {
      movedColumns.add(`${key(use.table)}.${use.column}`)
      movedTables.add(key(use.table))
    }
    return uses
  }

  const create: ChangeBody[] = []
  for (const type of typesInDependencyOrder(to.domains, to.compositeTypes)) {
    if (type.kind === 'domain') {
      const current = sourceDomains.get(key(type.model))
      if (current === undefined) create.push({ kind: 'create-domain', domain: type.model })
      else create.push(...alterDomain(current, type.model, source, targetTables, moved))
    } else {
      const current = sourceComposites.get(key(type.model))
      if (current === undefined) create.push({ kind: 'create-composite-type', type: type.model })
      else create.push(...alterComposite(current, type.model, source, targetTables, moved))
    }
  }
  const drop: ChangeBody[] = typesInDependencyOrder(source.domains, source.compositeTypes)
    .reverse()
    .filter((type) => !targetKeys.has(key(type.model)))
    .map((type) =>
      type.kind === 'domain'
        ? { kind: 'drop-domain', domain: type.model }
        : { kind: 'drop-composite-type', type: type.model },
    )
  return { create, drop, movedColumns, movedTables }
}

type Moved = (uses: readonly TypeColumnUse[]) => readonly TypeColumnUse[]

function alterDomain(
  from: DomainModel,
  to: DomainModel,
  source: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
  moved: Moved,
): ChangeBody[] {
  if (from.type !== to.type || from.collation !== to.collation) {
    return [{ kind: 'replace-domain', from, to, columns: moved(typeColumns(to, source, targetTables)) }]
  }
  const ref = { schema: to.schema, name: to.name }
  const inUse = typeInUse(ref, source)
  const changes: ChangeBody[] = []
  if (from.default !== to.default)
    changes.push({ kind: 'set-domain-default', domain: ref, from: from.default, to: to.default })
  // Checks go before NOT NULL is set, so a failing check is reported for what it is.
  for (const check of from.checks) {
    const next = to.checks.find((c) => c.name === check.name)
    if (next === undefined || next.expression !== check.expression)
      changes.push({ kind: 'drop-domain-check', domain: ref, check })
  }
  for (const check of to.checks) {
    const previous = from.checks.find((c) => c.name === check.name)
    if (previous === undefined || previous.expression !== check.expression)
      changes.push({ kind: 'add-domain-check', domain: ref, check, inUse })
  }
  if (from.notNull !== to.notNull)
    changes.push({ kind: 'set-domain-not-null', domain: ref, notNull: to.notNull, inUse })
  if (from.comment !== to.comment)
    changes.push({ kind: 'set-domain-comment', domain: ref, from: from.comment, to: to.comment })
  return changes
}

function alterComposite(
  from: CompositeTypeModel,
  to: CompositeTypeModel,
  source: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
  moved: Moved,
): ChangeBody[] {
  const ref = { schema: to.schema, name: to.name }
  const comment: ChangeBody[] =
    from.comment === to.comment
      ? []
      : [{ kind: 'set-composite-type-comment', type: ref, from: from.comment, to: to.comment }]
  if (same(from.attributes, to.attributes)) return comment
  const names = (list: CompositeTypeModel['attributes']): string[] => list.map((a) => a.name)
  const kept = to.attributes.filter((a) => from.attributes.some((b) => b.name === a.name))
  const lastKept = kept.length === 0 ? -1 : to.attributes.indexOf(kept[kept.length - 1]!)
  const added = to.attributes.filter((a) => !kept.includes(a))
  const retyped = kept.filter(
    (a) =>
      !same(
        a,
        from.attributes.find((b) => b.name === a.name),
      ),
  )
  // ADD ATTRIBUTE only appends, and ALTER ATTRIBUTE TYPE is refused while a column uses the type.
  const inPlace =
    same(names(kept), names(from.attributes.filter((b) => kept.some((a) => a.name === b.name)))) &&
    added.every((a) => to.attributes.indexOf(a) > lastKept) &&
    (retyped.length === 0 || !typeInUse(ref, source))
  if (!inPlace) {
    return [
      { kind: 'replace-composite-type', from, to, columns: moved(typeColumns(to, source, targetTables)) },
    ]
  }
  const changes: ChangeBody[] = []
  for (const attribute of from.attributes) {
    if (!kept.some((a) => a.name === attribute.name))
      changes.push({ kind: 'drop-composite-attribute', type: ref, attribute })
  }
  for (const attribute of retyped) {
    const previous = from.attributes.find((b) => b.name === attribute.name)!
    changes.push({ kind: 'alter-composite-attribute', type: ref, from: previous, to: attribute })
  }
  for (const attribute of added) changes.push({ kind: 'add-composite-attribute', type: ref, attribute })
  return [...changes, ...comment]
}
