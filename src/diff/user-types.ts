import { objectKey as key } from '../model/object-key.js'
import { typeKey, typesInDependencyOrder, type UserType } from '../model/type-order.js'
import type { CompositeTypeModel, DomainModel, SchemaModel, TableModel } from '../model/types.js'
import type { ChangeBody, TypeColumnUse } from './changes.js'
import { deepEqual as same } from './equal.js'
import { typeColumns, typeInContainer, typeInUse } from './type-columns.js'

export interface UserTypePlan {
  /** Types being rebuilt step aside (the types made of them first), before enums change. */
  readonly detach: ChangeBody[]
  /** After enums and before tables: every type created, rebuilt or altered, in dependency order. */
  readonly create: ChangeBody[]
  /** Types nothing declares any more, dropped after the tables that used them. */
  readonly drop: ChangeBody[]
  /** `schema.table.column` of the columns a rebuild moves back: they get their new default with the move. */
  readonly movedColumns: ReadonlySet<string>
  /** `schema.table` of the tables with moved columns: views over them are rebuilt. */
  readonly movedTables: ReadonlySet<string>
}

/**
 * Domains and composite types: created, dropped, altered in place where PostgreSQL can, else
 * rebuilt. `replacedEnums` (`schema.name`) are enums the plan replaces: a type holding one is rebuilt
 * too, since the old enum can only go once nothing stands on it.
 */
export function planUserTypes(
  source: SchemaModel,
  to: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
  replacedEnums: ReadonlySet<string> = new Set(),
): UserTypePlan {
  const sourceTypes = new Map(
    typesInDependencyOrder(source.domains, source.compositeTypes).map((t) => [key(t.model), t]),
  )
  const targetOrder = typesInDependencyOrder(to.domains, to.compositeTypes)
  const targetKeys = new Set(targetOrder.map((t) => key(t.model)))

  // Types PostgreSQL cannot alter in place, and every type made of one of them (it blocks the drop).
  const rebuilt = new Set<string>()
  for (const type of targetOrder) {
    const current = sourceTypes.get(key(type.model))
    if (current !== undefined && needsRebuild(current, type, source)) rebuilt.add(key(type.model))
  }
  const droppedEarly = new Set<string>()
  for (const [name, type] of sourceTypes) {
    if (partsOf(type).some((part) => replacedEnums.has(part))) {
      ;(targetKeys.has(name) ? rebuilt : droppedEarly).add(name)
    }
  }
  for (let grew = rebuilt.size + droppedEarly.size > 0; grew; ) {
    grew = false
    for (const [name, type] of sourceTypes) {
      if (rebuilt.has(name) || droppedEarly.has(name)) continue
      if (!partsOf(type).some((part) => rebuilt.has(part) || droppedEarly.has(part))) continue
      ;(targetKeys.has(name) ? rebuilt : droppedEarly).add(name)
      grew = true
    }
  }

  const movedColumns = new Set<string>()
  const movedTables = new Set<string>()
  const uses = new Map<string, readonly TypeColumnUse[]>()
  for (const name of [...rebuilt, ...droppedEarly]) {
    const found = typeColumns(sourceTypes.get(name)!.model, source, targetTables)
    uses.set(name, found)
    for (const use of found) {
      // A column that leaves the type gets its new type and default from its own table's changes.
      if (use.back) movedColumns.add(`${key(use.table)}.${use.column}`)
      movedTables.add(key(use.table))
    }
  }

  const detach: ChangeBody[] = [...sourceTypes.values()]
    .reverse()
    .filter((t) => rebuilt.has(key(t.model)) || droppedEarly.has(key(t.model)))
    .map((t) => ({
      kind: 'detach-type',
      type: t,
      columns: uses.get(key(t.model))!,
      recreated: rebuilt.has(key(t.model)),
    }))
  const create: ChangeBody[] = []
  for (const type of targetOrder) {
    const name = key(type.model)
    const current = sourceTypes.get(name)
    if (current === undefined || rebuilt.has(name)) {
      create.push(createOrReplace(type, current, uses.get(name) ?? []))
    } else if (type.kind === 'domain' && current.kind === 'domain') {
      create.push(...alterDomain(current.model, type.model, source))
    } else if (type.kind === 'composite type' && current.kind === 'composite type') {
      create.push(...alterComposite(current.model, type.model))
    }
  }
  const drop: ChangeBody[] = [...sourceTypes.values()]
    .reverse()
    .filter((t) => !targetKeys.has(key(t.model)) && !droppedEarly.has(key(t.model)))
    .map((t) =>
      t.kind === 'domain'
        ? { kind: 'drop-domain', domain: t.model }
        : { kind: 'drop-composite-type', type: t.model },
    )
  return { detach, create, drop, movedColumns, movedTables }
}

/** `schema.name` of the types a type is made of: a domain's base, a composite's attributes. */
function partsOf(type: UserType): string[] {
  return type.kind === 'domain'
    ? [typeKey(type.model.type)]
    : type.model.attributes.map((a) => typeKey(a.type))
}

function createOrReplace(
  type: UserType,
  current: UserType | undefined,
  columns: readonly TypeColumnUse[],
): ChangeBody {
  if (type.kind === 'domain') {
    return current?.kind === 'domain'
      ? { kind: 'replace-domain', from: current.model, to: type.model, columns }
      : { kind: 'create-domain', domain: type.model }
  }
  return current?.kind === 'composite type'
    ? { kind: 'replace-composite-type', from: current.model, to: type.model, columns }
    : { kind: 'create-composite-type', type: type.model }
}

/**
 * ALTER DOMAIN cannot change a base type or collation, nor set NOT NULL where values sit inside
 * arrays or composite types. ADD ATTRIBUTE only appends, and ALTER
 * ATTRIBUTE TYPE is refused while a column uses the type. A domain that became a composite (or the
 * other way round) is rebuilt too.
 */
function needsRebuild(current: UserType, target: UserType, source: SchemaModel): boolean {
  if (current.kind !== target.kind) return true
  if (current.kind === 'domain' && target.kind === 'domain') {
    const { model: from } = current
    const { model: to } = target
    // SET NOT NULL must check every value, which PostgreSQL refuses inside arrays and composites.
    const notNullInContainer = to.notNull && !from.notNull && typeInContainer(from, source)
    return from.type !== to.type || from.collation !== to.collation || notNullInContainer
  }
  if (current.kind !== 'composite type' || target.kind !== 'composite type') return true
  const from = current.model.attributes
  const to = target.model.attributes
  if (same(from, to)) return false
  const kept = to.filter((a) => from.some((b) => b.name === a.name))
  const lastKept = kept.length === 0 ? -1 : to.indexOf(kept[kept.length - 1]!)
  const keptInOrder = same(
    kept.map((a) => a.name),
    from.filter((b) => kept.some((a) => a.name === b.name)).map((b) => b.name),
  )
  const appended = to.every((a) => kept.includes(a) || to.indexOf(a) > lastKept)
  const retyped = kept.some(
    (a) =>
      !same(
        a,
        from.find((b) => b.name === a.name),
      ),
  )
  return !keptInOrder || !appended || (retyped && typeInUse(current.model, source))
}

function alterDomain(from: DomainModel, to: DomainModel, source: SchemaModel): ChangeBody[] {
  const ref = { schema: to.schema, name: to.name }
  const inUse = typeInUse(ref, source)
  const validated = !typeInContainer(ref, source)
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
      changes.push({ kind: 'add-domain-check', domain: ref, check, inUse, validated })
  }
  if (from.notNull !== to.notNull)
    changes.push({ kind: 'set-domain-not-null', domain: ref, notNull: to.notNull, inUse })
  if (from.comment !== to.comment)
    changes.push({ kind: 'set-domain-comment', domain: ref, from: from.comment, to: to.comment })
  return changes
}

/** Attributes dropped, retyped and appended in place (the plan has ruled out a rebuild). */
function alterComposite(from: CompositeTypeModel, to: CompositeTypeModel): ChangeBody[] {
  const ref = { schema: to.schema, name: to.name }
  const changes: ChangeBody[] = []
  for (const attribute of from.attributes) {
    if (!to.attributes.some((a) => a.name === attribute.name))
      changes.push({ kind: 'drop-composite-attribute', type: ref, attribute })
  }
  for (const attribute of to.attributes) {
    const previous = from.attributes.find((b) => b.name === attribute.name)
    if (previous === undefined) changes.push({ kind: 'add-composite-attribute', type: ref, attribute })
    else if (!same(previous, attribute))
      changes.push({ kind: 'alter-composite-attribute', type: ref, from: previous, to: attribute })
  }
  if (from.comment !== to.comment)
    changes.push({ kind: 'set-composite-type-comment', type: ref, from: from.comment, to: to.comment })
  return changes
}
