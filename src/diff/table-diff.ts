import type {
  ColumnModel,
  ForeignKeyModel,
  IndexModel,
  TableCheckModel,
  TableModel,
  UniqueModel,
} from '../model/types.js'
import type { ChangeBody, ObjectRef } from './changes.js'
import { deepEqual } from './equal.js'
import type { ConstraintKind } from './families/constraints.js'
import { diffPolicies, type PolicyDiff } from './policies.js'

/** Everything that differs inside one table present on both sides, split by when it must run. */
export interface TableDiff {
  readonly table: ObjectRef
  /** Columns whose stored values or type change, so views and keys over them are rebuilt. */
  readonly reshapedColumns: ReadonlySet<string>
  readonly dropConstraints: ChangeBody[]
  readonly dropForeignKeys: ForeignKeyModel[]
  readonly dropColumns: ChangeBody[]
  readonly alterColumns: ChangeBody[]
  /** Identities added to existing columns: after old sequences are dropped, since they may reuse a name. */
  readonly addIdentities: ChangeBody[]
  readonly renames: ChangeBody[]
  readonly addConstraints: ChangeBody[]
  readonly addIndexes: ChangeBody[]
  readonly addForeignKeys: ForeignKeyModel[]
  /**
   * Comments set, changed or removed on the table, its columns, keys, checks and indexes (one added
   * or built again carries its own).
   */
  readonly comments: ChangeBody[]
  /** Storage parameters, UNLOGGED and REPLICA IDENTITY (after indexes: an identity may use one). */
  readonly options: ChangeBody[]
  /** Row-level security enabled, disabled, forced or no longer forced. */
  readonly rowLevelSecurity: ChangeBody[]
  /** Policies dropped before the columns they read change, then those created or altered at the end. */
  readonly policies: PolicyDiff
  /** A column a view may read was dropped or reshaped, or the primary key goes: views over it are rebuilt. */
  readonly changed: boolean
}

const same = deepEqual
const withoutName = <T extends { name: string }>(item: T): Omit<T, 'name'> => {
  const { name: _name, ...rest } = item
  return rest
}
// A comment is set in place (COMMENT ON): it never makes an object be built again.
const withoutComment = <T extends object>(item: T): Omit<T, 'comment'> => {
  const { comment: _comment, ...rest } = item as T & { comment?: unknown }
  return rest
}

/**
 * Pairs items by name; items left over on both sides with identical definitions are renames.
 * Returns what to drop, what to add, and what to rename. Comments are not compared (see
 * `keptComments`).
 */
export function pairByName<T extends { name: string }>(
  from: readonly T[],
  to: readonly T[],
  forceRebuild: (item: T) => boolean,
): { drop: T[]; add: T[]; rename: { from: string; to: string }[] } {
  const targets = new Map(to.map((item) => [item.name, item]))
  const sources = new Map(from.map((item) => [item.name, item]))
  const drop: T[] = []
  const add: T[] = []
  for (const item of from) {
    const target = targets.get(item.name)
    if (target === undefined) drop.push(item)
    else if (!same(withoutComment(item), withoutComment(target)) || forceRebuild(item)) {
      drop.push(item)
      add.push(target)
    }
  }
  for (const item of to) if (!sources.has(item.name)) add.push(item)

  const rename: { from: string; to: string }[] = []
  for (const gone of [...drop]) {
    if (targets.has(gone.name) || forceRebuild(gone)) continue
    const match = add.find(
      (a) => !sources.has(a.name) && same(withoutName(withoutComment(a)), withoutName(withoutComment(gone))),
    )
    if (match === undefined) continue
    drop.splice(drop.indexOf(gone), 1)
    add.splice(add.indexOf(match), 1)
    rename.push({ from: gone.name, to: match.name })
  }
  return { drop, add, rename }
}

/**
 * The comments that change on items that stay, under their name or renamed (those created again
 * carry their own), named as they are after the plan.
 */
export function keptComments<T extends { name: string; comment: string | null }>(
  from: readonly T[],
  to: readonly T[],
  paired: { readonly add: readonly T[]; readonly rename: readonly { from: string; to: string }[] },
): { name: string; from: string | null; to: string | null }[] {
  const created = new Set(paired.add.map((item) => item.name))
  const renamedFrom = new Map(paired.rename.map((r) => [r.to, r.from]))
  const changes: { name: string; from: string | null; to: string | null }[] = []
  for (const target of to) {
    if (created.has(target.name)) continue
    const name = renamedFrom.get(target.name) ?? target.name
    const current = from.find((item) => item.name === name)
    if (current === undefined || current.comment === target.comment) continue
    changes.push({ name: target.name, from: current.comment, to: target.comment })
  }
  return changes
}

function columnChanges(table: ObjectRef, from: ColumnModel, to: ColumnModel): ChangeBody[] {
  const changes: ChangeBody[] = []
  const column = to.name
  // A new collation goes through ALTER COLUMN ... TYPE too, the only statement that sets one.
  const typeChanged =
    from.type !== to.type || from.dimensions !== to.dimensions || from.collation !== to.collation
  if (from.generated !== null && to.generated === null) {
    changes.push({ kind: 'drop-generated', table, column })
  }
  if (from.identity !== null && to.identity === null) changes.push({ kind: 'drop-identity', table, column })
  const defaultChanged = from.default !== to.default
  if (from.default !== null && (defaultChanged || typeChanged)) {
    changes.push({ kind: 'set-column-default', table, column, default: null })
  }
  if (from.notNull && !to.notNull)
    changes.push({ kind: 'set-column-not-null', table, column, notNull: false })
  if (typeChanged) changes.push({ kind: 'alter-column-type', table, from, to })
  if (to.default !== null && (defaultChanged || typeChanged)) {
    changes.push({ kind: 'set-column-default', table, column, default: to.default })
  }
  if (from.identity === null && to.identity !== null) {
    changes.push({ kind: 'add-identity', table, column, identity: to.identity })
  } else if (from.identity !== null && to.identity !== null && !same(from.identity, to.identity)) {
    changes.push({ kind: 'alter-identity', table, column, from: from.identity, to: to.identity })
  }
  if (!from.notNull && to.notNull) changes.push({ kind: 'set-column-not-null', table, column, notNull: true })
  return changes
}

/**
 * A generated column whose expression changes, or a plain column that becomes generated, is dropped
 * and added again: PostgreSQL before 17 cannot change a stored expression in place.
 */
function replacesColumn(from: ColumnModel, to: ColumnModel): boolean {
  return to.generated !== null && from.generated !== to.generated
}

/**
 * An index rebuilt only for its storage parameters is altered in place instead (ALTER INDEX ... SET
 * takes effect as the index is next written): the pair leaves `indexes`, the changes are returned.
 */
export function alterIndexParameters(
  on: ObjectRef,
  indexes: { drop: IndexModel[]; add: IndexModel[] },
  rebuilt: (index: IndexModel) => boolean,
): ChangeBody[] {
  const changes: ChangeBody[] = []
  const bare = (index: IndexModel) => ({ ...index, storageParameters: [], comment: null })
  for (const target of [...indexes.add]) {
    const current = indexes.drop.find((i) => i.name === target.name)
    if (current === undefined || rebuilt(current) || !same(bare(current), bare(target))) continue
    indexes.drop.splice(indexes.drop.indexOf(current), 1)
    indexes.add.splice(indexes.add.indexOf(target), 1)
    changes.push({
      kind: 'set-storage-parameters',
      target: 'index',
      relation: { schema: on.schema, name: target.name },
      on,
      from: current.storageParameters,
      to: target.storageParameters,
    })
  }
  return changes
}

/**
 * Compares one table present on both sides. `referencedKeysChanged` tells whether a table's primary
 * key or unique constraints are rebuilt (foreign keys pointing at it must then be rebuilt too);
 * `reshapedElsewhere` gives the reshaped columns of other tables, for the same reason.
 */
export function diffTable(
  from: TableModel,
  to: TableModel,
  reshapedColumnsOf: (schema: string, table: string) => ReadonlySet<string>,
  keysRebuilt: (schema: string, table: string) => boolean,
): TableDiff {
  const table: ObjectRef = { schema: to.schema, name: to.name }
  const sourceColumns = new Map(from.columns.map((c) => [c.name, c]))
  const targetNames = new Set(to.columns.map((c) => c.name))
  const reshaped = new Set<string>()
  const dropColumns: ChangeBody[] = []
  const alterColumns: ChangeBody[] = []
  const addIdentities: ChangeBody[] = []
  const comments: ChangeBody[] = []
  if (from.comment !== to.comment) {
    comments.push({ kind: 'set-table-comment', table, from: from.comment, to: to.comment })
  }

  for (const column of from.columns) {
    if (!targetNames.has(column.name)) {
      dropColumns.push({ kind: 'drop-column', table, column })
      reshaped.add(column.name)
    }
  }
  for (const column of to.columns) {
    const current = sourceColumns.get(column.name)
    if (current === undefined) {
      alterColumns.push({ kind: 'add-column', table, column })
    } else if (replacesColumn(current, column)) {
      dropColumns.push({ kind: 'drop-column', table, column: current })
      alterColumns.push({ kind: 'add-column', table, column })
      reshaped.add(column.name)
    } else {
      const changes = columnChanges(table, current, column)
      if (changes.some((c) => c.kind === 'alter-column-type' || c.kind === 'drop-generated')) {
        reshaped.add(column.name)
      }
      // An identity goes before new sequences are created: a serial's sequence may take its name.
      dropColumns.push(...changes.filter((c) => c.kind === 'drop-identity'))
      addIdentities.push(...changes.filter((c) => c.kind === 'add-identity'))
      alterColumns.push(...changes.filter((c) => c.kind !== 'drop-identity' && c.kind !== 'add-identity'))
      if (current.comment !== column.comment) {
        comments.push({
          kind: 'set-column-comment',
          table,
          column: column.name,
          from: current.comment,
          to: column.comment,
        })
      }
    }
  }

  const touchesReshaped = (columns: readonly string[]): boolean => columns.some((c) => reshaped.has(c))
  const indexColumns = (index: IndexModel): string[] => [
    ...index.elements.flatMap((e) => (e.column === null ? [] : [e.column])),
    ...index.include,
  ]
  const primaryKeys = pairByName(
    from.primaryKey === null ? [] : [from.primaryKey],
    to.primaryKey === null ? [] : [to.primaryKey],
    (pk) => touchesReshaped(pk.columns),
  )
  const uniques = pairByName<UniqueModel>(from.uniques, to.uniques, (u) => touchesReshaped(u.columns))
  const checks = pairByName<TableCheckModel>(from.checks, to.checks, () => false)
  const indexes = pairByName<IndexModel>(from.indexes, to.indexes, (i) => touchesReshaped(indexColumns(i)))
  const indexParameters = alterIndexParameters(table, indexes, (i) => touchesReshaped(indexColumns(i)))
  const foreignKeys = pairByName<ForeignKeyModel>(from.foreignKeys, to.foreignKeys, (fk) => {
    if (touchesReshaped(fk.columns)) return true
    const target = reshapedColumnsOf(fk.references.schema, fk.references.table)
    return (
      fk.references.columns.some((c) => target.has(c)) ||
      keysRebuilt(fk.references.schema, fk.references.table)
    )
  })

  const dropConstraints: ChangeBody[] = [
    ...indexes.drop.map((index): ChangeBody => ({ kind: 'drop-index', table, index })),
    ...checks.drop.map((check): ChangeBody => ({ kind: 'drop-check', table, check })),
    ...uniques.drop.map((unique): ChangeBody => ({ kind: 'drop-unique', table, unique })),
    ...primaryKeys.drop.map((primaryKey): ChangeBody => ({ kind: 'drop-primary-key', table, primaryKey })),
  ]
  const renames: ChangeBody[] = [
    ...[...primaryKeys.rename, ...uniques.rename, ...checks.rename, ...foreignKeys.rename].map(
      (r): ChangeBody => ({ kind: 'rename-constraint', table, from: r.from, to: r.to }),
    ),
    ...indexes.rename.map((r): ChangeBody => ({ kind: 'rename-index', schema: table.schema, ...r })),
  ]
  const addConstraints: ChangeBody[] = [
    ...primaryKeys.add.map((primaryKey): ChangeBody => ({ kind: 'add-primary-key', table, primaryKey })),
    ...uniques.add.map((unique): ChangeBody => ({ kind: 'add-unique', table, unique })),
    ...checks.add.map((check): ChangeBody => ({ kind: 'add-check', table, check })),
  ]
  const addIndexes = indexes.add.map((index): ChangeBody => ({ kind: 'create-index', table, index }))
  const constraintComment =
    (of: ConstraintKind) =>
    (c: { name: string; from: string | null; to: string | null }): ChangeBody => ({
      kind: 'set-constraint-comment',
      table,
      constraint: c.name,
      of,
      from: c.from,
      to: c.to,
    })
  comments.push(
    ...keptComments(
      from.primaryKey === null ? [] : [from.primaryKey],
      to.primaryKey === null ? [] : [to.primaryKey],
      primaryKeys,
    ).map(constraintComment('primary key')),
    ...keptComments(from.uniques, to.uniques, uniques).map(constraintComment('unique constraint')),
    ...keptComments(from.checks, to.checks, checks).map(constraintComment('check constraint')),
    ...keptComments(from.foreignKeys, to.foreignKeys, foreignKeys).map(constraintComment('foreign key')),
    ...keptComments(from.indexes, to.indexes, indexes).map(
      (c): ChangeBody => ({ kind: 'set-index-comment', table, index: c.name, from: c.from, to: c.to }),
    ),
  )
  const rebuiltIndexes = [...primaryKeys.add, ...uniques.add, ...indexes.add].map((i) => i.name)
  const options: ChangeBody[] = [...indexParameters]
  if (!same(from.storageParameters, to.storageParameters)) {
    const [before, after] = [from.storageParameters, to.storageParameters]
    options.push({
      kind: 'set-storage-parameters',
      target: 'table',
      relation: table,
      on: null,
      from: before,
      to: after,
    })
  }
  if (from.unlogged !== to.unlogged) options.push({ kind: 'set-unlogged', table, unlogged: to.unlogged })
  // An index built again has lost its place as the identity.
  const identityIndex = to.replicaIdentity.index
  if (
    !same(from.replicaIdentity, to.replicaIdentity) ||
    (identityIndex !== null && rebuiltIndexes.includes(identityIndex))
  ) {
    options.push({ kind: 'set-replica-identity', table, from: from.replicaIdentity, to: to.replicaIdentity })
  }

  return {
    table,
    reshapedColumns: reshaped,
    dropConstraints,
    dropForeignKeys: foreignKeys.drop,
    dropColumns,
    alterColumns,
    addIdentities,
    renames,
    addConstraints,
    addIndexes,
    addForeignKeys: foreignKeys.add,
    comments,
    options,
    rowLevelSecurity: (['enabled', 'forced'] as const)
      .filter((flag) => from.rowLevelSecurity[flag] !== to.rowLevelSecurity[flag])
      .map((flag) => ({ kind: 'set-row-level-security', table, flag, to: to.rowLevelSecurity[flag] })),
    policies: diffPolicies(from, to, reshaped),
    // PostgreSQL keeps a view over a table through everything else (constraints, indexes,
    // defaults, NOT NULL, identity); a grouped view may rest on the primary key.
    changed: reshaped.size > 0 || primaryKeys.drop.length > 0,
  }
}

/** Whether a key that foreign keys may point at (primary key or unique, by columns) goes away. */
export function keysChange(from: TableModel, to: TableModel | undefined): boolean {
  if (to === undefined) return true
  const keys = (t: TableModel): Set<string> =>
    new Set(
      [...(t.primaryKey === null ? [] : [t.primaryKey]), ...t.uniques].map((k) => k.columns.join('\u0000')),
    )
  const kept = keys(to)
  return [...keys(from)].some((k) => !kept.has(k))
}
