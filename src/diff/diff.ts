import type {
  EnumModel,
  OtherObjectKind,
  OtherObjectModel,
  SchemaModel,
  SequenceModel,
  TableModel,
} from '../model/types.js'
import { viewsInDependencyOrder } from '../model/view-order.js'
import type { Change, ChangeBody, EnumColumnUse } from './changes.js'
import { deepEqual } from './equal.js'
import { hazardsOf } from './hazards.js'
import { applyRenames, NO_RENAMES, type Renames, tableLabel } from './renames.js'
import { diffTable, keysChange, type TableDiff } from './table-diff.js'

export interface DiffOptions {
  /** Tables and columns that keep their data under a new name. */
  readonly renames?: Renames
}

const key = (o: { schema: string; name: string }): string => `${o.schema}.${o.name}`
const same = deepEqual

/** Kinds created before tables (columns, defaults and checks may use them) and dropped after them. */
const EARLY_KINDS: readonly OtherObjectKind[] = [
  'extension',
  'domain',
  'composite type',
  'range type',
  'function',
  'procedure',
  'aggregate',
]
const otherKey = (o: OtherObjectModel): string => `${o.kind}\u0000${o.schema}\u0000${o.table}\u0000${o.name}`
const isEarly = (o: OtherObjectModel): boolean => EARLY_KINDS.includes(o.kind)
/** Routines are replaced in place (CREATE OR REPLACE), so objects that call them stay. */
const replacesInPlace = (o: OtherObjectModel): boolean => o.kind === 'function' || o.kind === 'procedure'

/**
 * The changes that turn a database at `from` into `to`, in an order PostgreSQL accepts: what depends
 * on an object is dropped before it and created after it (types and enums before the tables that use
 * them, tables before foreign keys, views after what they read and rebuilt when it changes). Pure and
 * deterministic: the same models give the same changes, in the same order.
 *
 * Column order is not compared: PostgreSQL can only append columns, and rebuilding a table to move
 * one is never worth the lock.
 */
export function diff(from: SchemaModel, to: SchemaModel, options: DiffOptions = {}): Change[] {
  const renames = options.renames ?? NO_RENAMES
  const source = applyRenames(from, renames)
  const existingTables = new Set(source.tables.map(key))
  const plan = new Plan()

  const sourceTables = new Map(source.tables.map((t) => [key(t), t]))
  const targetTables = new Map(to.tables.map((t) => [key(t), t]))
  const keysRebuilt = (schema: string, table: string): boolean => {
    const current = sourceTables.get(`${schema}.${table}`)
    return current !== undefined && keysChange(current, targetTables.get(`${schema}.${table}`))
  }
  // Columns reshaped in each table, computed first so foreign keys in other tables can see them.
  const reshaped = new Map<string, ReadonlySet<string>>()
  const none: ReadonlySet<string> = new Set()
  for (const target of to.tables) {
    const current = sourceTables.get(key(target))
    if (current === undefined) continue
    reshaped.set(
      key(target),
      diffTable(
        current,
        target,
        () => none,
        () => false,
      ).reshapedColumns,
    )
  }
  const tableDiffs: TableDiff[] = []
  for (const target of to.tables) {
    const current = sourceTables.get(key(target))
    if (current === undefined) continue
    tableDiffs.push(
      diffTable(current, target, (schema, table) => reshaped.get(`${schema}.${table}`) ?? none, keysRebuilt),
    )
  }
  const droppedTables = source.tables.filter((t) => !targetTables.has(key(t)))
  const createdTables = to.tables.filter((t) => !sourceTables.has(key(t)))
  const changedTables = new Set(tableDiffs.filter((d) => d.changed).map((d) => key(d.table)))

  // Enums: additions go in place; removals and reorders rebuild the type.
  const sourceEnums = new Map(source.enums.map((e) => [key(e), e]))
  const targetEnums = new Map(to.enums.map((e) => [key(e), e]))
  const rebuiltEnums: { from: EnumModel; to: EnumModel }[] = []
  const enumAdditions: ChangeBody[] = []
  for (const target of to.enums) {
    const current = sourceEnums.get(key(target))
    if (current === undefined || same(current.values, target.values)) continue
    const additions = valuesAddedInPlace(current.values, target.values)
    if (additions === null) {
      rebuiltEnums.push({ from: current, to: target })
    } else {
      for (const { value, before } of additions) {
        enumAdditions.push({
          kind: 'add-enum-value',
          enum: { schema: target.schema, name: target.name },
          value,
          before,
        })
      }
    }
  }
  const enumReplacements = rebuiltEnums.map(
    ({ from: f, to: t }): ChangeBody => ({ kind: 'replace-enum', from: f, to: t }),
  )
  const enumMoves = rebuiltEnums.map(({ to: t }): ChangeBody & { kind: 'move-enum-columns' } => ({
    kind: 'move-enum-columns',
    enum: t,
    columns: enumColumns(t, source, targetTables),
  }))
  // Moved columns get their new default with the move; views over them are rebuilt.
  const movedColumns = new Set<string>()
  for (const move of enumMoves) {
    for (const use of move.columns) {
      movedColumns.add(`${key(use.table)}.${use.column}`)
      changedTables.add(key(use.table))
    }
  }
  const notMovedDefault = (d: TableDiff) => (c: ChangeBody) =>
    !(c.kind === 'set-column-default' && movedColumns.has(`${key(d.table)}.${c.column}`))

  // Views: rebuilt when their query changes or anything they read changes shape.
  const sourceViews = new Map(source.views.map((v) => [key(v), v]))
  const targetViews = new Map(to.views.map((v) => [key(v), v]))
  const rebuiltViews = new Set<string>()
  for (const view of viewsInDependencyOrder(source.views)) {
    const target = targetViews.get(key(view))
    const stale =
      target === undefined ||
      !same(view, target) ||
      view.dependsOn.some(
        (d) => changedTables.has(d) || rebuiltViews.has(d) || (!targetTables.has(d) && !targetViews.has(d)),
      )
    if (stale) rebuiltViews.add(key(view))
  }

  // Others (functions, triggers, ...): by kind, schema, table and name; compared by definition.
  const sourceOthers = new Map(source.others.map((o) => [otherKey(o), o]))
  const targetOthers = new Map(to.others.map((o) => [otherKey(o), o]))
  const droppedOthers = source.others.filter((o) => {
    const target = targetOthers.get(otherKey(o))
    return target === undefined || (target.definition !== o.definition && !replacesInPlace(o))
  })
  const createdOthers = to.others.filter((o) => sourceOthers.get(otherKey(o))?.definition !== o.definition)

  // 0. Renames first: every later change names tables and columns as they are after them.
  for (const r of renames.tables) plan.add({ kind: 'rename-table', ...r })
  for (const r of renames.columns) {
    plan.add({ kind: 'rename-column', table: { schema: r.schema, name: r.table }, from: r.from, to: r.to })
  }

  // 1. Drop what depends on objects that change: triggers, policies, rules, views, foreign keys.
  for (const o of droppedOthers) if (!isEarly(o)) plan.add({ kind: 'drop-other', object: o })
  for (const view of viewsInDependencyOrder(source.views).reverse()) {
    if (rebuiltViews.has(key(view))) plan.add({ kind: 'drop-view', view })
  }
  for (const d of tableDiffs) {
    for (const foreignKey of d.dropForeignKeys)
      plan.add({ kind: 'drop-foreign-key', table: d.table, foreignKey })
  }
  for (const t of droppedTables) {
    for (const foreignKey of t.foreignKeys) {
      plan.add({ kind: 'drop-foreign-key', table: { schema: t.schema, name: t.name }, foreignKey })
    }
  }
  // 2. Drop indexes and constraints that go or change, then tables and columns.
  for (const d of tableDiffs) plan.addAll(d.dropConstraints)
  for (const t of droppedTables) plan.add({ kind: 'drop-table', table: { ...t, foreignKeys: [] } })
  for (const d of tableDiffs) plan.addAll(d.dropColumns)

  // 3. Create what tables need: schemas, extensions and types, enums, sequences.
  const sourceSchemas = new Set(source.schemas)
  for (const schema of to.schemas) if (!sourceSchemas.has(schema)) plan.add({ kind: 'create-schema', schema })
  for (const o of createdOthers) if (isEarly(o)) plan.add({ kind: 'create-other', object: o })
  for (const e of to.enums) if (!sourceEnums.has(key(e))) plan.add({ kind: 'create-enum', enum: e })
  plan.addAll(enumAdditions)
  plan.addAll(enumReplacements)
  const sequences = diffSequences(source.sequences, to.sequences, droppedTables, tableDiffs)
  plan.addAll(sequences.create)

  // 4. Reshape existing tables, then create new ones.
  for (const d of tableDiffs) plan.addAll(d.renames)
  for (const d of tableDiffs) plan.addAll(d.alterColumns.filter(notMovedDefault(d)))
  plan.addAll(enumMoves)
  // Sequences nothing uses any more go now, before identities that may take their names.
  plan.addAll(sequences.drop)
  for (const d of tableDiffs) plan.addAll(d.addIdentities)
  for (const t of createdTables)
    plan.add({ kind: 'create-table', table: { ...t, foreignKeys: [], indexes: [] } })
  plan.addAll(sequences.owners)

  // 5. Keys, indexes and foreign keys (after every table exists, so cycles and self-references work).
  for (const d of tableDiffs) plan.addAll(d.addConstraints)
  for (const t of createdTables) {
    for (const index of t.indexes)
      plan.add({ kind: 'create-index', table: { schema: t.schema, name: t.name }, index })
  }
  for (const d of tableDiffs) plan.addAll(d.addIndexes)
  for (const t of createdTables) {
    for (const foreignKey of t.foreignKeys) {
      plan.add({ kind: 'add-foreign-key', table: { schema: t.schema, name: t.name }, foreignKey })
    }
  }
  for (const d of tableDiffs) {
    for (const foreignKey of d.addForeignKeys)
      plan.add({ kind: 'add-foreign-key', table: d.table, foreignKey })
  }

  // 6. Views in dependency order, then what hangs on tables and views.
  for (const view of viewsInDependencyOrder(to.views)) {
    const current = sourceViews.get(key(view))
    if (current === undefined || rebuiltViews.has(key(view))) plan.add({ kind: 'create-view', view })
  }
  for (const o of createdOthers) if (!isEarly(o)) plan.add({ kind: 'create-other', object: o })

  // 7. Drop what nothing uses any more.
  for (const e of source.enums) if (!targetEnums.has(key(e))) plan.add({ kind: 'drop-enum', enum: e })
  for (const o of [...droppedOthers].reverse()) if (isEarly(o)) plan.add({ kind: 'drop-other', object: o })
  const targetSchemas = new Set(to.schemas)
  for (const schema of [...source.schemas].reverse()) {
    if (!targetSchemas.has(schema)) plan.add({ kind: 'drop-schema', schema })
  }
  // A view that is dropped for good (not rebuilt) is seen by a running app.
  return plan.changes.map((change) => ({
    ...change,
    hazards:
      change.kind === 'drop-view' && !targetViews.has(key(change.view))
        ? [
            {
              kind: 'breaking' as const,
              message: `drops view ${tableLabel(change.view.schema, change.view.name)}`,
            },
          ]
        : hazardsOf(change, existingTables),
  }))
}

class Plan {
  readonly changes: ChangeBody[] = []
  add(change: ChangeBody): void {
    this.changes.push(change)
  }
  addAll(changes: readonly ChangeBody[]): void {
    this.changes.push(...changes)
  }
}

/**
 * The labels to add with ALTER TYPE … ADD VALUE when `to` keeps every label of `from` in the same
 * relative order; null when labels are removed or reordered, which needs a rebuild. They are added
 * from the last to the first, each before its successor in `to`, which exists by then (null: append).
 */
function valuesAddedInPlace(
  from: readonly string[],
  to: readonly string[],
): { value: string; before: string | null }[] | null {
  const existing = new Set(from)
  if (
    !same(
      to.filter((v) => existing.has(v)),
      from,
    )
  )
    return null
  const additions: { value: string; before: string | null }[] = []
  for (let i = to.length - 1; i >= 0; i--) {
    const value = to[i]!
    if (!existing.has(value)) additions.push({ value, before: to[i + 1] ?? null })
  }
  return additions
}

/**
 * Columns that exist before the plan on the enum being replaced and stay on it after: they move to
 * the new type, with their new default.
 */
function enumColumns(
  target: EnumModel,
  source: SchemaModel,
  targetTables: ReadonlyMap<string, TableModel>,
): EnumColumnUse[] {
  const names = new Set([`${target.schema}.${target.name}`, quotedTypeName(target)])
  const isEnum = (type: string): boolean => names.has(type.replace(/(\[\])+$/, ''))
  const uses: EnumColumnUse[] = []
  for (const table of source.tables) {
    const after = targetTables.get(key(table))
    for (const column of table.columns) {
      const next = after?.columns.find((c) => c.name === column.name)
      if (next === undefined || !isEnum(column.type) || next.type !== column.type) continue
      uses.push({
        table: { schema: table.schema, name: table.name },
        column: column.name,
        dimensions: next.dimensions,
        hadDefault: column.default !== null,
        default: next.default,
      })
    }
  }
  return uses
}

/** format_type quotes names that need it: `public."Mood"`. */
function quotedTypeName(e: EnumModel): string {
  const q = (s: string): string => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replaceAll('"', '""')}"`)
  return `${q(e.schema)}.${q(e.name)}`
}

function diffSequences(
  from: readonly SequenceModel[],
  to: readonly SequenceModel[],
  droppedTables: readonly TableModel[],
  tableDiffs: readonly TableDiff[],
): { create: ChangeBody[]; owners: ChangeBody[]; drop: ChangeBody[] } {
  const targets = new Map(to.map((s) => [key(s), s]))
  const sources = new Map(from.map((s) => [key(s), s]))
  const create: ChangeBody[] = []
  const owners: ChangeBody[] = []
  const drop: ChangeBody[] = []
  const droppedTableKeys = new Set(droppedTables.map(key))
  const droppedColumns = new Set(
    tableDiffs.flatMap((d) =>
      d.dropColumns.flatMap((c) => (c.kind === 'drop-column' ? [`${key(d.table)}.${c.column.name}`] : [])),
    ),
  )
  // Dropping a table or column drops the sequences it owns.
  const droppedWithOwner = (s: SequenceModel): boolean =>
    s.ownedBy !== null &&
    (droppedTableKeys.has(`${s.schema}.${s.ownedBy.table}`) ||
      droppedColumns.has(`${s.schema}.${s.ownedBy.table}.${s.ownedBy.column}`))

  const gone = from.filter((s) => !targets.has(key(s)))
  const added = to.filter((s) => !sources.has(key(s)))
  const strip = ({ name: _name, ...rest }: SequenceModel) => rest
  for (const target of added) {
    const renamed = gone.find((g) => !droppedWithOwner(g) && same(strip(g), strip(target)))
    if (renamed !== undefined) {
      gone.splice(gone.indexOf(renamed), 1)
      create.push({ kind: 'rename-sequence', schema: target.schema, from: renamed.name, to: target.name })
      continue
    }
    create.push({ kind: 'create-sequence', sequence: { ...target, ownedBy: null } })
    if (target.ownedBy !== null) owners.push({ kind: 'set-sequence-owner', sequence: target })
  }
  for (const target of to) {
    const current = sources.get(key(target))
    if (current === undefined) continue
    const { ownedBy: currentOwner, ...currentRest } = current
    const { ownedBy: targetOwner, ...targetRest } = target
    if (!same(currentRest, targetRest)) create.push({ kind: 'alter-sequence', from: current, to: target })
    if (!same(currentOwner, targetOwner) || (targetOwner !== null && droppedWithOwner(current))) {
      owners.push({ kind: 'set-sequence-owner', sequence: target })
    }
  }
  for (const s of gone) if (!droppedWithOwner(s)) drop.push({ kind: 'drop-sequence', sequence: s })
  return { create, owners, drop }
}
