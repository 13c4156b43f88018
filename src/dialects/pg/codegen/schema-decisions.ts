import type {
  CheckModel,
  ColumnModel,
  ForeignKeyModel,
  IndexModel,
  SchemaModel,
  SequenceModel,
  TableModel,
  UniqueModel,
} from '../../../model/types.js'
import { nextvalExpression } from '../dsl/sequence.js'
import { indexColumnNames, makeObjectName, nameAddition } from '../grammar/naming.js'
import { sequenceNumbers } from '../grammar/sequence-numbers.js'
import { type NameCandidate, namesToWrite } from './names-to-write.js'

/** Decisions about the whole schema that writing any one table depends on. */
export interface SchemaDecisions {
  /** The sequence a column owns and is written as `serial()` for, if any. */
  serialSequence(column: ColumnModel): SequenceModel | undefined
  /** Sequences written as `sequence(...)`. */
  readonly sequences: readonly SequenceModel[]
  /** Whether code must spell out the name of a constraint, an index, or a column's identity sequence. */
  writesName(object: object): boolean
  /** For a check PostgreSQL named after one column, that column (the check is written on it). */
  checkColumn(check: CheckModel): string | undefined
  readonly warnings: readonly string[]
}

/**
 * Decides which names the code spells out so that toModel gives back every name exactly: a name is left out of the code when it
 * is the one PostgreSQL (and toModel) would choose, and written otherwise. A column that owns a
 * sequence with serial's defaults and default name is written as serial.
 */
export function schemaDecisions(model: SchemaModel): SchemaDecisions {
  const candidates = new Map<object, NameCandidate>()
  const add = (object: object, schema: string, name: string, defaultName: string | undefined): void => {
    candidates.set(object, { schema, name, defaultName })
  }
  const serialCandidates = new Map<ColumnModel, SequenceModel>()
  const checkColumns = new Map<CheckModel, string | undefined>()

  for (const table of model.tables) {
    const at = (addition: string | undefined, label: string): string =>
      makeObjectName(table.name, addition, label)
    for (const column of table.columns) {
      const owned = serialCandidate(model, table, column)
      if (owned !== undefined) {
        serialCandidates.set(column, owned)
        add(owned, table.schema, owned.name, at(column.name, 'seq'))
      }
      if (column.identity !== null)
        add(column, table.schema, column.identity.sequence.name, at(column.name, 'seq'))
    }
    if (table.primaryKey !== null)
      add(table.primaryKey, table.schema, table.primaryKey.name, at(undefined, 'pkey'))
    for (const u of table.uniques) add(u, table.schema, u.name, at(nameAddition(u.columns), 'key'))
    for (const fk of table.foreignKeys) add(fk, table.schema, fk.name, at(nameAddition(fk.columns), 'fkey'))
    for (const check of table.checks) {
      const column = table.columns.find((c) => at(c.name, 'check') === check.name)?.name
      checkColumns.set(check, column)
      const matches = column !== undefined || at(undefined, 'check') === check.name
      add(check, table.schema, check.name, matches ? check.name : undefined)
    }
    for (const index of table.indexes)
      add(index, table.schema, index.name, at(nameAddition(indexColumnNames(indexKeys(index))), 'idx'))
  }
  for (const view of model.views) {
    for (const index of view.indexes) {
      const defaultName = makeObjectName(view.name, nameAddition(indexColumnNames(indexKeys(index))), 'idx')
      add(index, view.schema, index.name, defaultName)
    }
  }

  const serialSequences = new Set(serialCandidates.values())
  const fixed = [...model.tables, ...model.views, ...model.sequences.filter((s) => !serialSequences.has(s))]
  const written = namesToWrite([...candidates.values()], fixed)
  const isWritten = (object: object): boolean => {
    const candidate = candidates.get(object)
    return candidate !== undefined && written.has(candidate)
  }

  const serials = new Map([...serialCandidates].filter(([, sequence]) => !isWritten(sequence)))
  const serialSet = new Set(serials.values())
  const sequences = model.sequences.filter((s) => !serialSet.has(s))
  // An owner the code holds is written as ownedBy; one it does not hold cannot be.
  const pulled = new Set(model.tables.map((t) => `${t.schema}.${t.name}`))
  const warnings = sequences
    .filter((s) => s.ownedBy !== null && !pulled.has(`${s.schema}.${s.ownedBy.table}`))
    .map(
      (s) =>
        `sequence ${s.schema}.${s.name} is owned by column ${s.ownedBy!.table}.${s.ownedBy!.column}, whose table is not pulled: it is written as a standalone sequence`,
    )
  return {
    serialSequence: (column) => serials.get(column),
    sequences,
    writesName: isWritten,
    checkColumn: (check) => (isWritten(check) ? undefined : checkColumns.get(check)),
    warnings,
  }
}

/** An index's keys and INCLUDE columns, as PostgreSQL names a new index after them. */
function indexKeys(index: IndexModel): ({ column: string } | { expression: string })[] {
  return [
    ...index.elements.map((e) => (e.column !== null ? { column: e.column } : { expression: e.expression! })),
    ...index.include.map((column) => ({ column })),
  ]
}

/**
 * The sequence a column would get from serial(): an integer column, NOT NULL, whose default is
 * nextval of a sequence it owns, of the column's type and with the default options.
 */
function serialCandidate(
  model: SchemaModel,
  table: TableModel,
  column: ColumnModel,
): SequenceModel | undefined {
  const type = column.type
  if (type !== 'smallint' && type !== 'integer' && type !== 'bigint') return undefined
  if (column.dimensions !== 0 || !column.notNull || column.identity !== null || column.generated !== null) {
    return undefined
  }
  const sequence = model.sequences.find(
    (s) =>
      s.schema === table.schema &&
      s.ownedBy?.table === table.name &&
      s.ownedBy.column === column.name &&
      column.default === nextvalExpression(s.schema, s.name),
  )
  if (sequence === undefined || sequence.type !== type) return undefined
  const defaults = sequenceNumbers(type, {})
  const same = (Object.keys(defaults) as (keyof typeof defaults)[]).every((k) => defaults[k] === sequence[k])
  return same ? sequence : undefined
}

/** Single-column unique constraints and foreign keys that can be written on their column. */
export function inlineConstraints(
  table: TableModel,
  hasTarget: (fk: ForeignKeyModel) => boolean,
): { uniques: Map<string, UniqueModel>; foreignKeys: Map<string, ForeignKeyModel> } {
  const uniques = new Map<string, UniqueModel>()
  for (const u of table.uniques) {
    const [column] = u.columns
    if (u.columns.length === 1 && !u.deferrable && !u.nullsNotDistinct && !uniques.has(column!)) {
      uniques.set(column!, u)
    }
  }
  const foreignKeys = new Map<string, ForeignKeyModel>()
  for (const fk of table.foreignKeys) {
    const [column] = fk.columns
    if (
      fk.columns.length === 1 &&
      !fk.deferrable &&
      !fk.matchFull &&
      hasTarget(fk) &&
      !foreignKeys.has(column!)
    ) {
      foreignKeys.set(column!, fk)
    }
  }
  return { uniques, foreignKeys }
}
