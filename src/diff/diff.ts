import { objectKey as key } from '../model/object-key.js'
import { tablesInPartitionOrder } from '../model/partition-order.js'
import type { SchemaModel, TableModel } from '../model/types.js'
import { viewsInDependencyOrder } from '../model/view-order.js'
import type { Change, ChangeBody } from './changes.js'
import { planDefinedObjects } from './defined-objects.js'
import { planEnums } from './enums.js'
import { deepEqual } from './equal.js'
import { planGrants } from './grants.js'
import { hazardsOf } from './hazards.js'
import { planOwners } from './owners.js'
import { columnsForComparison, planPartitions } from './partitions.js'
import { applyRenames, NO_RENAMES, type Renames, tableLabel } from './renames.js'
import { routineDependents } from './routine-dependents.js'
import { diffSequences } from './sequences.js'
import { diffTable, keysChange, type TableDiff } from './table-diff.js'
import { planUserTypes } from './user-types.js'
import { planViewIndexes } from './view-indexes.js'

export interface DiffOptions {
  /** Tables and columns that keep their data under a new name. */
  readonly renames?: Renames
}

const same = deepEqual
const DEFAULT_IDENTITY = { kind: 'default', index: null } as const

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
  // A table whose partition key changes is dropped and created again, with its partitions.
  const partitions = planPartitions(sourceTables, targetTables)
  const rebuilt = partitions.rebuilt
  const paired = (t: { schema: string; name: string }) =>
    rebuilt.has(key(t)) ? undefined : sourceTables.get(key(t))
  const keysRebuilt = (schema: string, table: string): boolean => {
    const current = sourceTables.get(`${schema}.${table}`)
    if (current !== undefined && rebuilt.has(`${schema}.${table}`)) return true
    return current !== undefined && keysChange(current, targetTables.get(`${schema}.${table}`))
  }
  const compared = (current: TableModel, target: TableModel): [TableModel, TableModel] => [
    columnsForComparison(current, target, sourceTables),
    columnsForComparison(target, current, targetTables),
  ]
  // Columns reshaped in each table, computed first so foreign keys in other tables can see them.
  const reshaped = new Map<string, ReadonlySet<string>>()
  const none: ReadonlySet<string> = new Set()
  for (const target of to.tables) {
    const current = paired(target)
    if (current === undefined) continue
    reshaped.set(
      key(target),
      diffTable(
        ...compared(current, target),
        () => none,
        () => false,
      ).reshapedColumns,
    )
  }
  const tableDiffs: TableDiff[] = []
  for (const target of to.tables) {
    const current = paired(target)
    if (current === undefined) continue
    tableDiffs.push(
      diffTable(
        ...compared(current, target),
        (schema, table) => reshaped.get(`${schema}.${table}`) ?? none,
        keysRebuilt,
      ),
    )
  }
  // Partitions after their parent when created, before it when dropped.
  const droppedTables = tablesInPartitionOrder(
    source.tables.filter((t) => !targetTables.has(key(t)) || rebuilt.has(key(t))),
  ).reverse()
  const createdTables = tablesInPartitionOrder(
    to.tables.filter((t) => !sourceTables.has(key(t)) || rebuilt.has(key(t))),
  )
  const changedTables = new Set([...tableDiffs.filter((d) => d.changed).map((d) => key(d.table)), ...rebuilt])

  // Enums: labels added in place; removals and reorders replace the type and move its columns. A
  // rebuilt table has no columns to move: it is dropped before and created on the new type.
  const keptTables = new Map([...targetTables].filter(([name]) => !rebuilt.has(name)))
  const enums = planEnums(source, to, keptTables)
  for (const table of enums.movedTables) changedTables.add(table)
  // Domains and composite types: altered in place where PostgreSQL can, else rebuilt around their columns.
  const replacedEnums = new Set(
    enums.replacements.flatMap((c) => (c.kind === 'replace-enum' ? [key(c.to)] : [])),
  )
  const types = planUserTypes(source, to, keptTables, replacedEnums)
  for (const table of types.movedTables) changedTables.add(table)
  const notMovedDefault = (d: TableDiff) => (c: ChangeBody) =>
    !(
      c.kind === 'set-column-default' &&
      (enums.movedColumns.has(`${key(d.table)}.${c.column}`) ||
        types.movedColumns.has(`${key(d.table)}.${c.column}`))
    )

  // Extensions, routines, triggers, ...: by kind, schema, table and name; compared by definition.
  const relations = (m: SchemaModel) => ({ tables: m.tables, views: m.views })
  // Routines over an enum that is replaced are dropped and created again around it.
  const replacedEnumTypes = enums.replacements.flatMap((c) => (c.kind === 'replace-enum' ? [c.from] : []))
  const defined = planDefinedObjects(
    source.definedObjects,
    to.definedObjects,
    { from: relations(source), to: relations(to) },
    replacedEnumTypes,
  )
  // What calls a routine dropped and created again steps aside while it is.
  const dependents = routineDependents(defined.recreatedRoutines, source, to, tableDiffs)

  // Views: rebuilt when their query changes, anything they read changes shape, or a routine they
  // call is dropped and created again.
  const sourceViews = new Map(source.views.map((v) => [key(v), v]))
  const targetViews = new Map(to.views.map((v) => [key(v), v]))
  const rebuiltViews = new Set<string>()
  for (const view of viewsInDependencyOrder(source.views)) {
    const target = targetViews.get(key(view))
    const stale =
      target === undefined ||
      dependents.views.has(key(view)) ||
      !same(
        { ...view, comment: null, storageParameters: [], indexes: [] },
        { ...target, comment: null, storageParameters: [], indexes: [] },
      ) ||
      view.dependsOn.some(
        (d) => changedTables.has(d) || rebuiltViews.has(d) || (!targetTables.has(d) && !targetViews.has(d)),
      )
    if (stale) rebuiltViews.add(key(view))
  }
  const viewIndexes = planViewIndexes(source.views, to.views, rebuiltViews)
  // Views there before the plan runs and not rebuilt by it: building an index on one locks it.
  const keptViews = new Set(source.views.map(key).filter((k) => targetViews.has(k) && !rebuiltViews.has(k)))

  // 0. Renames first: every later change names tables and columns as they are after them.
  for (const r of renames.tables) plan.add({ kind: 'rename-table', ...r })
  for (const r of renames.columns) {
    plan.add({ kind: 'rename-column', table: { schema: r.schema, name: r.table }, from: r.from, to: r.to })
  }

  // 1. Drop what depends on objects that change: triggers, policies, rules, views, foreign keys.
  plan.addAll(defined.dropLate)
  for (const d of tableDiffs) plan.addAll(d.policies.drop)
  plan.addAll(dependents.before)
  plan.addAll(defined.dropBeforeViews)
  plan.addAll(viewIndexes.drop)
  for (const view of viewsInDependencyOrder(source.views).reverse()) {
    if (rebuiltViews.has(key(view))) plan.add({ kind: 'drop-view', view })
  }
  // Routines PostgreSQL cannot replace in place, once nothing calls them: before anything is created.
  plan.addAll(defined.dropRecreated)
  plan.addAll(defined.dropBeforeTables)
  for (const d of tableDiffs) {
    for (const foreignKey of d.dropForeignKeys)
      plan.add({ kind: 'drop-foreign-key', table: d.table, foreignKey })
  }
  plan.addAll(partitions.detach)
  for (const t of droppedTables) {
    for (const foreignKey of t.foreignKeys) {
      plan.add({ kind: 'drop-foreign-key', table: { schema: t.schema, name: t.name }, foreignKey })
    }
  }
  // 2. Drop indexes and constraints that go or change, then tables and columns. A rebuilt table's
  // sequences stay (DROP TABLE would take those it owns along) and are owned again once it is back.
  for (const d of tableDiffs) plan.addAll(d.dropConstraints)
  for (const s of source.sequences) {
    if (s.ownedBy === null || !rebuilt.has(`${s.schema}.${s.ownedBy.table}`)) continue
    if (to.sequences.some((t) => key(t) === key(s)))
      plan.add({ kind: 'set-sequence-owner', sequence: { ...s, ownedBy: null } })
  }
  for (const t of droppedTables) plan.add({ kind: 'drop-table', table: { ...t, foreignKeys: [] } })
  for (const d of tableDiffs) plan.addAll(d.dropColumns)

  // 3. Create what tables need: schemas, extensions and types, enums, sequences.
  const sourceSchemas = new Set(source.schemas)
  for (const schema of to.schemas) if (!sourceSchemas.has(schema)) plan.add({ kind: 'create-schema', schema })
  plan.addAll(defined.createExtensions)
  // Domains and composite types: those rebuilt step aside before an enum they hold is replaced;
  // all are created after enums (a domain may be over one), before routines.
  plan.addAll(types.detach)
  plan.addAll(enums.create)
  plan.addAll(enums.additions)
  plan.addAll(enums.replacements)
  plan.addAll(types.create)
  // Routines after the types they may take or return.
  plan.addAll(defined.createEarly)
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
  plan.addAll(partitions.attach)
  plan.addAll(sequences.owners)

  // 5. Keys, indexes and foreign keys (after every table exists, so cycles and self-references work).
  for (const d of tableDiffs) plan.addAll(d.addConstraints)
  for (const t of createdTables) {
    for (const index of t.indexes)
      plan.add({ kind: 'create-index', table: { schema: t.schema, name: t.name }, index })
  }
  for (const d of tableDiffs) plan.addAll(d.addIndexes)
  // Storage parameters, UNLOGGED and replica identity, once the index an identity uses exists.
  for (const d of tableDiffs) plan.addAll(d.options)
  for (const t of createdTables) {
    if (t.replicaIdentity.kind === 'default') continue
    const table = { schema: t.schema, name: t.name }
    plan.add({ kind: 'set-replica-identity', table, from: DEFAULT_IDENTITY, to: t.replicaIdentity })
  }
  for (const t of createdTables) {
    for (const foreignKey of t.foreignKeys) {
      plan.add({ kind: 'add-foreign-key', table: { schema: t.schema, name: t.name }, foreignKey })
    }
  }
  for (const d of tableDiffs) {
    for (const foreignKey of d.addForeignKeys)
      plan.add({ kind: 'add-foreign-key', table: d.table, foreignKey })
  }

  plan.addAll(defined.createAfterTables)

  // 6. Views in dependency order (a created one carries its comment), comments on what stays, then
  // what hangs on tables and views.
  for (const view of viewsInDependencyOrder(to.views)) {
    const current = sourceViews.get(key(view))
    if (current === undefined || rebuiltViews.has(key(view)))
      plan.add({ kind: 'create-view', view: { ...view, indexes: [] } })
  }
  // A materialized view's indexes once it exists, before anything that may refresh it.
  plan.addAll(viewIndexes.rename)
  plan.addAll(viewIndexes.create)
  plan.addAll(viewIndexes.options)
  plan.addAll(defined.createAfterViews)
  for (const d of tableDiffs) plan.addAll(d.rowLevelSecurity)
  for (const t of createdTables) {
    for (const policy of t.policies)
      plan.add({ kind: 'create-policy', table: { schema: t.schema, name: t.name }, policy })
  }
  for (const d of tableDiffs) plan.addAll(d.policies.createOrAlter)
  plan.addAll(dependents.after)
  for (const d of tableDiffs) plan.addAll(d.comments)
  for (const view of to.views) {
    const current = sourceViews.get(key(view))
    if (current === undefined || rebuiltViews.has(key(view))) continue
    if (!same(current.storageParameters, view.storageParameters)) {
      plan.add({
        kind: 'set-storage-parameters',
        target: view.materialized ? 'materialized view' : 'view',
        relation: { schema: view.schema, name: view.name },
        on: null,
        from: current.storageParameters,
        to: view.storageParameters,
      })
    }
    if (current.comment === view.comment) continue
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
  plan.addAll(defined.createLate)
  plan.addAll(defined.alter)
  // Owners once every object exists, before grants (a new owner takes over the old one's grants).
  plan.addAll(
    planOwners(from, to, renames, ownersReset(rebuilt, rebuiltViews, sourceViews, defined, enums, types)),
  )
  // Grants last: every object they name exists; those dropped and created again lost theirs.
  const recreated = new Set([
    ...[...rebuilt, ...rebuiltViews].map((k) => `table:${k}`),
    ...defined.recreatedRoutines.map((r) => `${r.kind}:${r.schema}.${r.name}`),
  ])
  plan.addAll(planGrants(from, to, renames, recreated))

  // 7. Drop what nothing uses any more.
  plan.addAll(defined.dropEarly)
  plan.addAll(types.drop)
  plan.addAll(enums.drop)
  plan.addAll(defined.dropExtensions)
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
        : change.kind === 'drop-table' && rebuilt.has(key(change.table))
          ? [
              {
                kind: 'data-loss' as const,
                message: `rebuilds ${tableLabel(change.table.schema, change.table.name)} for a new partition key: drops it and all its rows`,
              },
            ]
          : hazardsOf(change, existingTables, keptViews),
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
 * The objects the plan drops and creates again (by ownedObjectKey): they come back owned by the role
 * that runs it, whatever their owner was.
 */
function ownersReset(
  rebuilt: ReadonlySet<string>,
  rebuiltViews: ReadonlySet<string>,
  views: ReadonlyMap<string, { materialized: boolean }>,
  defined: ReturnType<typeof planDefinedObjects>,
  enums: ReturnType<typeof planEnums>,
  types: ReturnType<typeof planUserTypes>,
): Set<string> {
  return new Set([
    ...[...rebuilt].map((k) => `table:${k}`),
    ...[...rebuiltViews].map((k) => `${views.get(k)?.materialized ? 'materialized view' : 'view'}:${k}`),
    ...defined.recreatedRoutines.map((r) => `${r.kind}:${r.schema}.${r.name}`),
    ...enums.replacements.flatMap((c) => (c.kind === 'replace-enum' ? [`enum:${key(c.to)}`] : [])),
    ...types.detach.flatMap((c) =>
      c.kind === 'detach-type' && c.recreated ? [`${c.type.kind}:${key(c.type.model)}`] : [],
    ),
  ])
}
