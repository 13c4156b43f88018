import { SchemaError } from '../../../model/schema-error.js'
import type {
  CheckModel,
  ColumnModel,
  PrimaryKeyModel,
  SequenceModel,
  TableModel,
  UniqueModel,
} from '../../../model/types.js'
import type { AnyColumn, ColumnOwner } from '../../../schema/column.js'
import { type AnyTable, tableDefinition } from '../../../schema/table.js'
import type { ForeignKeySpec, TableExtraSpec, UniqueSpec } from '../../../schema/table-extras.js'
import { identifierProblem } from '../../../sql/identifiers.js'
import { SQL } from '../../../sql/sql.js'
import { ddlExpression } from '../compiler/fragment.js'
import { nextvalExpression } from '../dsl/sequence.js'
import { defaultLiteral } from '../grammar/default-literal.js'
import { type NameAllocator, nameAddition } from '../grammar/naming.js'
import { sequenceNumbers } from '../grammar/sequence-numbers.js'
import { buildIndexes } from './build-indexes.js'
import { partitionKeyModel, partitionOfModel } from './build-partition.js'
import { buildPolicies } from './build-policies.js'
import { commentText } from './comment-text.js'
import { storageParameterModels } from './storage-parameters.js'

/** A foreign key whose target is resolved once every table is built. */
export interface PendingForeignKey {
  readonly owner: { readonly schema: string; readonly name: string }
  readonly spec: Pick<ForeignKeySpec, 'name' | 'onDelete' | 'onUpdate' | 'deferrable' | 'matchFull'>
  readonly columns: readonly string[]
  readonly references: () => readonly AnyColumn[]
}

export interface BuiltTable {
  readonly model: TableModel
  readonly sequences: readonly SequenceModel[]
  readonly foreignKeys: readonly PendingForeignKey[]
}

/** Canonical order for unnamed objects of one kind, so their default names never depend on declaration order. */
function byJson<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, key: JSON.stringify(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item)
}

/** Builds one table's model; default names are taken from the schema's name allocator. */
export function buildTable(table: AnyTable, names: NameAllocator): BuiltTable {
  const def = table[tableDefinition]
  const label = `table ${def.schema}.${def.name}`
  const fail = (problem: string, what = ''): never => {
    throw new SchemaError(what === '' ? label : `${label}, ${what}`, problem)
  }
  const nameOf = (column: AnyColumn, what: string): string => {
    // `t.email` after email left the table's columns: TypeScript flags it, a loose cast does not.
    if (column === undefined || column === null) {
      fail(
        'one of its columns is undefined: was it removed from the table or renamed? List existing columns only',
        what,
      )
    }
    if (!belongsTo(column, def)) {
      const owner = column.table === undefined ? 'no table' : `${column.table.schema}.${column.table.name}`
      fail(`column ${column.config.name ?? '?'} belongs to ${owner}, not to this table`, what)
    }
    return column.name
  }

  // A partition's columns are its parent's: PostgreSQL copies them, and the model lists none.
  const entries = def.partitionOf === undefined ? Object.values(def.columns) : []
  if (entries.length > 1600) fail('a table can have at most 1600 columns')
  const seenNames = new Set<string>()
  for (const column of entries) {
    const problem = identifierProblem(column.name)
    if (problem !== undefined) fail(problem, `column ${column.name}`)
    if (seenNames.has(column.name))
      fail(`two columns are named ${column.name}; give one of them another name`, `column ${column.name}`)
    seenNames.add(column.name)
  }

  const extras: TableExtraSpec[] = def.extras().map((extra) => extra.spec)
  const specs = <K extends TableExtraSpec['kind']>(kind: K) =>
    extras.filter((e): e is Extract<TableExtraSpec, { kind: K }> => e.kind === kind)
  const checkName = (name: string | undefined, what: string): string | undefined => {
    if (name === undefined) return undefined
    const problem = identifierProblem(name)
    if (problem !== undefined) fail(problem, what)
    return name
  }
  const columnNames = (list: readonly AnyColumn[], what: string): string[] => {
    if (list.length === 0) fail('needs at least one column', what)
    const result = list.map((column) => nameOf(column, what))
    const duplicate = result.find((name, i) => result.indexOf(name) !== i)
    if (duplicate !== undefined) fail(`column ${duplicate} is listed twice`, what)
    return result
  }

  // The primary key's columns are known first: they are NOT NULL whatever their declaration says.
  const pkFromColumns = entries.filter((column) => column.config.primaryKey)
  const pkSpecs = specs('primaryKey')
  if (pkSpecs.length + (pkFromColumns.length > 0 ? 1 : 0) > 1 || pkFromColumns.length > 1) {
    fail('more than one primary key; use primaryKey(a, b) for a composite key')
  }
  const pkSpec = pkSpecs[0]
  const pkColumns = pkSpec ? columnNames(pkSpec.columns, 'primary key') : pkFromColumns.map((c) => c.name)

  const sequences: SequenceModel[] = []
  const columns: ColumnModel[] = entries.map((column) => {
    const what = `column ${column.name}`
    const c = column.config
    const at = (problem: string): never => fail(problem, what)
    if (c.identity && (c.default || c.type.serial))
      at('an identity column cannot also have a default or be serial')
    if (c.generated && (c.default || c.identity || c.type.serial))
      at('a generated column cannot have a default or identity')
    let defaultText: string | null = null
    let identity: ColumnModel['identity'] = null
    if (c.type.serial !== undefined) {
      if (c.default) at('a serial column already has a default (its sequence)')
      const sequenceName = names.choose(def.name, column.name, 'seq')
      defaultText = nextvalExpression(def.schema, sequenceName)
      sequences.push({
        schema: def.schema,
        name: sequenceName,
        type: c.type.serial,
        ...sequenceNumbers(c.type.serial, {}),
        ownedBy: { table: def.name, column: column.name },
      })
    } else if (c.default !== undefined) {
      const value = c.default.value
      // DEFAULT NULL is what a column without a default does; PostgreSQL would print it as NULL::type.
      if (value !== null) {
        try {
          defaultText = value instanceof SQL ? ddlExpression(value) : defaultLiteral(value, c.type)
        } catch (error) {
          at(`invalid default: ${(error as Error).message}`)
        }
      }
    }
    if (c.identity !== undefined) {
      const family = c.type.family
      if ((family !== 'smallint' && family !== 'integer' && family !== 'bigint') || c.type.dimensions > 0) {
        at(`identity needs a smallint, integer or bigint column, not ${c.type.sql}`)
      }
      const { name: explicitName, ...options } = c.identity.sequence
      if (explicitName !== undefined) {
        const problem = identifierProblem(explicitName)
        if (problem !== undefined) at(`identity sequence name: ${problem}`)
      }
      let numbers: ReturnType<typeof sequenceNumbers> | undefined
      try {
        numbers = sequenceNumbers(family as 'integer', options)
      } catch (error) {
        at(`identity: ${(error as Error).message}`)
      }
      identity = {
        generation: c.identity.generation,
        sequence: { name: explicitName ?? names.choose(def.name, column.name, 'seq'), ...numbers! },
      }
    }
    return {
      name: column.name,
      type: c.type.sql,
      dimensions: c.type.dimensions,
      notNull: c.notNull || pkColumns.includes(column.name),
      default: defaultText,
      identity,
      generated: c.generated === undefined ? null : ddlExpression(c.generated),
      collation: c.collation ?? null,
      comment: commentText(c.comment, `${label}, ${what}`),
    }
  })

  const primaryKey: PrimaryKeyModel | null =
    pkColumns.length === 0
      ? null
      : {
          name: checkName(pkSpec?.name, 'primary key') ?? names.choose(def.name, undefined, 'pkey'),
          columns: pkColumns,
        }

  // Unique constraints: column-level in column order, then table-level in canonical order.
  const uniqueInputs: { spec: Omit<UniqueSpec, 'columns' | 'kind'>; columns: string[] }[] = []
  for (const column of entries) {
    const u = column.config.unique
    if (u !== undefined) {
      uniqueInputs.push({
        spec: { name: u.name, nullsNotDistinct: u.nullsNotDistinct, deferrable: undefined },
        columns: [column.name],
      })
    }
  }
  const tableUniques = specs('unique').map((u) => ({
    spec: { name: u.name, nullsNotDistinct: u.nullsNotDistinct, deferrable: u.deferrable },
    columns: columnNames(u.columns, `unique ${u.name ?? ''}`.trim()),
  }))
  uniqueInputs.push(...byJson(tableUniques))
  const uniques: UniqueModel[] = uniqueInputs.map(({ spec, columns: keyColumns }) => ({
    name:
      checkName(spec.name, 'unique constraint') ?? names.choose(def.name, nameAddition(keyColumns), 'key'),
    columns: keyColumns,
    nullsNotDistinct: spec.nullsNotDistinct,
    deferrable: spec.deferrable !== undefined,
    initiallyDeferred: spec.deferrable === 'deferred',
  }))

  // Checks: column-level ones are named after their column, table-level ones after the single
  // column they mention (as PostgreSQL does), else after the table alone.
  const checkInputs: { name: string | undefined; column: string | undefined; expression: string }[] = []
  for (const column of entries) {
    for (const check of column.config.checks) {
      checkInputs.push({ name: check.name, column: column.name, expression: ddlExpression(check.expression) })
    }
  }
  for (const spec of specs('check')) {
    const mentioned = mentionedColumns(spec.expression)
    checkInputs.push({
      name: spec.name,
      column: mentioned.length === 1 ? mentioned[0] : undefined,
      expression: ddlExpression(spec.expression),
    })
  }
  const checks: CheckModel[] = byJson(checkInputs).map((check) => {
    if (check.expression === '') fail('a check constraint needs an expression')
    return {
      name: checkName(check.name, 'check constraint') ?? names.choose(def.name, check.column, 'check'),
      expression: check.expression,
    }
  })

  const owner = { schema: def.schema, name: def.name }
  const foreignKeyInputs: PendingForeignKey[] = []
  for (const column of entries) {
    const ref = column.config.references
    if (ref === undefined) continue
    foreignKeyInputs.push({
      owner,
      spec: {
        name: checkName(ref.name, `column ${column.name}`),
        onDelete: ref.onDelete,
        onUpdate: ref.onUpdate,
        deferrable: undefined,
      },
      columns: [column.name],
      references: () => [ref.target()],
    })
  }
  for (const spec of specs('foreignKey')) {
    foreignKeyInputs.push({
      owner,
      spec: { ...spec, name: checkName(spec.name, 'foreign key') },
      columns: columnNames(spec.columns, `foreign key ${spec.name ?? ''}`.trim()),
      references: spec.references,
    })
  }

  const indexes = buildIndexes(def.name, specs('index'), nameOf, fail, names)

  const storage = specs('storageParameters')
  if (storage.length > 1) fail(`has ${storage.length} storageParameters() extras; a table takes at most one`)
  const identities = specs('replicaIdentity')
  if (identities.length > 1)
    fail(`has ${identities.length} replicaIdentity() extras; a table takes at most one`)
  const identity = identities[0]?.identity ?? 'default'

  const comments = specs('comment')
  if (comments.length > 1) fail(`has ${comments.length} comment() extras; a table takes at most one`)
  const comment = commentText(comments[0]?.text, label)

  const model: TableModel = {
    ...owner,
    columns,
    primaryKey,
    uniques,
    foreignKeys: [],
    checks,
    indexes,
    comment,
    rowLevelSecurity: {
      enabled: specs('rowLevelSecurity').some((s) => s.flag === 'enabled'),
      forced: specs('rowLevelSecurity').some((s) => s.flag === 'forced'),
    },
    policies: buildPolicies(specs('policy'), fail),
    storageParameters: storageParameterModels(storage[0]?.parameters, (problem) => fail(problem)),
    unlogged: specs('unlogged').length > 0,
    replicaIdentity:
      typeof identity === 'string'
        ? { kind: identity, index: null }
        : { kind: 'index', index: checkName(identity.index, 'replica identity index')! },
    partitionBy: partitionKeyModel(specs('partitionBy'), nameOf, fail),
    partitionOf: partitionOfModel(def, fail),
  }
  return { model, sequences, foreignKeys: foreignKeyInputs }
}

export function belongsTo(column: AnyColumn, owner: ColumnOwner): boolean {
  return (
    column.table !== undefined && column.table.schema === owner.schema && column.table.name === owner.name
  )
}

/** The distinct columns a fragment interpolates, in order of appearance. */
function mentionedColumns(fragment: SQL): string[] {
  const found: string[] = []
  const visit = (f: SQL): void => {
    for (const chunk of f.chunks) {
      if (chunk.kind === 'column' && !found.includes(chunk.name)) found.push(chunk.name)
      else if (chunk.kind === 'sql') visit(chunk.sql)
    }
  }
  visit(fragment)
  return found
}
