import { objectKey as key } from '../model/object-key.js'
import type { OtherObjectKind, OtherObjectModel, SchemaModel } from '../model/types.js'
import { viewsInDependencyOrder } from '../model/view-order.js'
import type { Change, ChangeBody } from './changes.js'
import { planEnums } from './enums.js'
import { deepEqual } from './equal.js'
import { hazardsOf } from './hazards.js'
import { applyRenames, NO_RENAMES, type Renames, tableLabel } from './renames.js'
import { diffSequences } from './sequences.js'
import { diffTable, keysChange, type TableDiff } from './table-diff.js'
import { planUserTypes } from './user-types.js'

export interface DiffOptions {
  /** Tables and columns that keep their data under a new name. */
  readonly renames?: Renames
}

const same = deepEqual

/** Kinds created before tables (columns, defaults and checks may use them) and dropped after them. */
const EARLY_KINDS: readonly OtherObjectKind[] = [
  'extension',
  'range type',
  'function',
  'procedure',
  'aggregate',
]
const otherKey = (o: OtherObjectModel): string => `${o.kind}\u0000${o.schema}\u0000${o.table}\u0000${o.name}`
const isEarly = (o: OtherObjectModel): boolean => EARLY_KINDS.includes(o.kind)
/** Routines are replaced in place (CREATE OR REPLACE), so objects that call them stay. */
const replacesInPlace = (o: OtherObjectModel): boolean => o.kind === 'function' || o.kind === 'procedure'
/** Routines may take or return domains and composite types: created after them, dropped before. */
const isRoutine = (o: OtherObjectModel): boolean =>
  o.kind === 'function' || o.kind === 'procedure' || o.kind === 'aggregate'

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

  // Enums: labels added in place; removals and reorders replace the type and move its columns.
  const enums = planEnums(source, to, targetTables)
  for (const table of enums.movedTables) changedTables.add(table)
  // Domains and composite types: altered in place where PostgreSQL can, else rebuilt around their columns.
  const replacedEnums = new Set(
    enums.replacements.flatMap((c) => (c.kind === 'replace-enum' ? [key(c.to)] : [])),
  )
  const types = planUserTypes(source, to, targetTables, replacedEnums)
  for (const table of types.movedTables) changedTables.add(table)
  const notMovedDefault = (d: TableDiff) => (c: ChangeBody) =>
    !(
      c.kind === 'set-column-default' &&
      (enums.movedColumns.has(`${key(d.table)}.${c.column}`) ||
        types.movedColumns.has(`${key(d.table)}.${c.column}`))
    )

  // Views: rebuilt when their query changes or anything they read changes shape.
  const sourceViews = new Map(source.views.map((v) => [key(v), v]))
  const targetViews = new Map(to.views.map((v) => [key(v), v]))
  const rebuiltViews = new Set<string>()
  for (const view of viewsInDependencyOrder(source.views)) {
    const target = targetViews.get(key(view))
    const stale =
      target === undefined ||
      !same({ ...view, comment: null }, { ...target, comment: null }) ||
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
  for (const d of tableDiffs) plan.addAll(d.policies.drop)
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
  for (const o of createdOthers)
    if (isEarly(o) && !isRoutine(o)) plan.add({ kind: 'create-other', object: o })
  // Domains and composite types: those rebuilt step aside before an enum they hold is replaced;
  // all are created after enums (a domain may be over one), before routines.
  plan.addAll(types.detach)
  plan.addAll(enums.create)
  plan.addAll(enums.additions)
  plan.addAll(enums.replacements)
  plan.addAll(types.create)
  for (const o of createdOthers) if (isRoutine(o)) plan.add({ kind: 'create-other', object: o })
  const sequences = diffSequences(source.sequences, to.sequences, droppedTables, tableDiffs)
  plan.addAll(sequences.create)

  // 4. Reshape existing tables, then create new ones.
  for (const d of tableDiffs) plan.addAll(d.renames)
  for (const d of tableDiffs) plan.addAll(d.alterColumns.filter(notMovedDefault(d)))
  plan.addAll(enums.moves)
  // Sequences nothing uses any more go now, before identities that may take their names.
  plan.addAll(sequences.drop)
  for (const d of tableDiffs) plan.addAll(d.addIdentities)
  for (const t of createdTables)
    plan.add({ kind: 'create-table', table: { ...t, foreignKeys: [], indexes: [], policies: [] } })
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

  // 6. Views in dependency order (a created one carries its comment), comments on what stays, then
  // what hangs on tables and views.
  for (const view of viewsInDependencyOrder(to.views)) {
    const current = sourceViews.get(key(view))
    if (current === undefined || rebuiltViews.has(key(view))) plan.add({ kind: 'create-view', view })
  }
  for (const d of tableDiffs) plan.addAll(d.rowLevelSecurity)
  for (const t of createdTables) {
    for (const policy of t.policies)
      plan.add({ kind: 'create-policy', table: { schema: t.schema, name: t.name }, policy })
  }
  for (const d of tableDiffs) plan.addAll(d.policies.createOrAlter)
  for (const d of tableDiffs) plan.addAll(d.comments)
  for (const view of to.views) {
    const current = sourceViews.get(key(view))
    if (current === undefined || rebuiltViews.has(key(view)) || current.comment === view.comment) continue
    const ref = { schema: view.schema, name: view.name }
    plan.add({
      kind: 'set-view-comment',
      view: ref,
      materialized: view.materialized,
      from: current.comment,
      to: view.comment,
    })
  }
  plan.addAll(enums.comments)
  for (const o of createdOthers) if (!isEarly(o)) plan.add({ kind: 'create-other', object: o })

  // 7. Drop what nothing uses any more.
  for (const o of [...droppedOthers].reverse()) if (isRoutine(o)) plan.add({ kind: 'drop-other', object: o })
  plan.addAll(types.drop)
  plan.addAll(enums.drop)
  for (const o of [...droppedOthers].reverse())
    if (isEarly(o) && !isRoutine(o)) plan.add({ kind: 'drop-other', object: o })
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
