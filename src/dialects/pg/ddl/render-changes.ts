import type { ChangeBody, ObjectRef, StorageTarget } from '../../../diff/changes.js'
import { classifyTypeChange } from '../../../diff/type-change.js'
import type { EnumModel, IdentityModel, SequenceModel } from '../../../model/types.js'
import { assertNever } from '../../../util/assert-never.js'
import { quoteIdent, quoteLiteral } from '../quote.js'
import {
  columnTarget,
  commentOn,
  enumComments,
  enumTarget,
  tableComments,
  tableTarget,
  viewComments,
  viewTarget,
} from './render-comments.js'
import { createTable, createView } from './render-create.js'
import { renderGrantChange } from './render-grants.js'
import {
  commentOnOther,
  createOther,
  dropOther,
  readsTablesAtCreation,
  setTriggerState,
} from './render-others.js'
import {
  collate,
  columnDefinition,
  columnList,
  columnType,
  createIndex,
  foreignKeyConstraint,
  notValid,
  qualified,
  replicaIdentityClause,
  sequenceClauses,
  storageParameterList,
  uniqueConstraint,
} from './render-parts.js'
import { alterPolicy, createPolicy, dropPolicy } from './render-policies.js'
import { setRowLevelSecurity, tableRowLevelSecurity } from './render-row-level-security.js'
import { renderTypeChange } from './render-types.js'

const table = (ref: ObjectRef): string => qualified(ref.schema, ref.name)
const alterTable = (ref: ObjectRef, action: string): string => `ALTER TABLE ${table(ref)} ${action}`
const alterColumn = (ref: ObjectRef, column: string, action: string): string =>
  alterTable(ref, `ALTER COLUMN ${quoteIdent(column)} ${action}`)

/**
 * The PostgreSQL statements for a list of changes, in order, each without a trailing semicolon.
 * Every identifier is quoted; expressions are written as the changes carry them.
 */
export function renderChanges(changes: readonly ChangeBody[]): string[] {
  const statements: string[] = []
  let bodiesUnchecked = false
  for (const change of changes) {
    // As pg_dump does: a SQL function's body may read tables created later in the same migration
    // (or that read it in their defaults); PostgreSQL checked every body when generate loaded it.
    if (!bodiesUnchecked && change.kind === 'create-other' && readsTablesAtCreation(change.object)) {
      statements.push('SET LOCAL check_function_bodies = off')
      bodiesUnchecked = true
    }
    statements.push(...renderChange(change))
  }
  return statements
}

export function renderChange(change: ChangeBody): string[] {
  switch (change.kind) {
    case 'create-schema':
      return [`CREATE SCHEMA ${quoteIdent(change.schema)}`]
    case 'drop-schema':
      return [`DROP SCHEMA ${quoteIdent(change.schema)}`]
    case 'create-other':
      return change.replaces ? [createOther(change.object)[0]!] : createOther(change.object)
    case 'drop-other':
      return [dropOther(change.object)]
    case 'set-other-comment':
      return [commentOnOther(change.object, change.to)]
    case 'set-trigger-state':
      return [setTriggerState(change.object, change.to)]
    case 'create-enum':
      return [
        `CREATE TYPE ${qualified(change.enum.schema, change.enum.name)} AS ENUM (${change.enum.values.map(quoteLiteral).join(', ')})`,
        ...enumComments(change.enum),
      ]
    case 'drop-enum':
      return [`DROP TYPE ${qualified(change.enum.schema, change.enum.name)}`]
    case 'add-enum-value': {
      const position = change.before === null ? '' : ` BEFORE ${quoteLiteral(change.before)}`
      return [`ALTER TYPE ${table(change.enum)} ADD VALUE ${quoteLiteral(change.value)}${position}`]
    }
    case 'replace-enum':
      return [...replaceEnum(change.to), ...enumComments(change.to)]
    case 'move-enum-columns':
      return moveEnumColumns(change)
    case 'create-domain':
    case 'drop-domain':
    case 'set-domain-default':
    case 'set-domain-not-null':
    case 'add-domain-check':
    case 'drop-domain-check':
    case 'detach-type':
    case 'replace-domain':
    case 'set-domain-comment':
    case 'create-composite-type':
    case 'drop-composite-type':
    case 'add-composite-attribute':
    case 'drop-composite-attribute':
    case 'alter-composite-attribute':
    case 'replace-composite-type':
    case 'set-composite-type-comment':
      return renderTypeChange(change)
    case 'create-sequence': {
      const s = change.sequence
      return [`CREATE SEQUENCE ${qualified(s.schema, s.name)} AS ${s.type} ${sequenceClauses(s)}`]
    }
    case 'drop-sequence':
      return [`DROP SEQUENCE ${qualified(change.sequence.schema, change.sequence.name)}`]
    case 'alter-sequence': {
      const s = change.to
      return [`ALTER SEQUENCE ${qualified(s.schema, s.name)} AS ${s.type} ${sequenceClauses(s)}`]
    }
    case 'rename-sequence':
      return [`ALTER SEQUENCE ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`]
    case 'set-sequence-owner':
      return [setSequenceOwner(change.sequence)]
    case 'create-table':
      return [
        createTable(change.table),
        ...tableRowLevelSecurity(change.table),
        ...tableComments(change.table),
      ]
    case 'drop-table':
      return [`DROP TABLE ${table(change.table)}`]
    case 'rename-table':
      return [`ALTER TABLE ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`]
    case 'add-column': {
      const { schema, name } = change.table
      const column = change.column
      return [
        alterTable(change.table, `ADD COLUMN ${columnDefinition(column)}`),
        ...(column.comment === null
          ? []
          : [commentOn(columnTarget(schema, name, column.name), column.comment)]),
      ]
    }
    case 'drop-column':
      return [alterTable(change.table, `DROP COLUMN ${quoteIdent(change.column.name)}`)]
    case 'rename-column':
      return [
        alterTable(change.table, `RENAME COLUMN ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`),
      ]
    case 'alter-column-type':
      return [
        alterColumn(
          change.table,
          change.to.name,
          `TYPE ${columnType(change.to)}${collate(change.to.collation)}${usingCast(change)}`,
        ),
      ]
    case 'set-column-default':
      return [
        alterColumn(
          change.table,
          change.column,
          change.default === null ? 'DROP DEFAULT' : `SET DEFAULT ${change.default}`,
        ),
      ]
    case 'set-column-not-null':
      return [alterColumn(change.table, change.column, change.notNull ? 'SET NOT NULL' : 'DROP NOT NULL')]
    case 'add-identity':
      return [alterColumn(change.table, change.column, `ADD ${identityClause(change.identity)}`)]
    case 'drop-identity':
      return [alterColumn(change.table, change.column, 'DROP IDENTITY')]
    case 'alter-identity':
      return alterIdentity(change.table, change.column, change.from, change.to)
    case 'drop-generated':
      return [alterColumn(change.table, change.column, 'DROP EXPRESSION')]
    case 'add-primary-key': {
      const pk = change.primaryKey
      return [
        alterTable(
          change.table,
          `ADD CONSTRAINT ${quoteIdent(pk.name)} PRIMARY KEY ${columnList(pk.columns)}`,
        ),
      ]
    }
    case 'add-unique':
      return [alterTable(change.table, `ADD ${uniqueConstraint(change.unique)}`)]
    case 'add-check':
      return [
        alterTable(
          change.table,
          `ADD CONSTRAINT ${quoteIdent(change.check.name)} CHECK (${change.check.expression})${notValid(change.check)}`,
        ),
      ]
    case 'add-foreign-key':
      return [alterTable(change.table, `ADD ${foreignKeyConstraint(change.foreignKey)}`)]
    case 'drop-primary-key':
      return [alterTable(change.table, `DROP CONSTRAINT ${quoteIdent(change.primaryKey.name)}`)]
    case 'drop-unique':
      return [alterTable(change.table, `DROP CONSTRAINT ${quoteIdent(change.unique.name)}`)]
    case 'drop-check':
      return [alterTable(change.table, `DROP CONSTRAINT ${quoteIdent(change.check.name)}`)]
    case 'drop-foreign-key':
      return [alterTable(change.table, `DROP CONSTRAINT ${quoteIdent(change.foreignKey.name)}`)]
    case 'rename-constraint':
      return [
        alterTable(change.table, `RENAME CONSTRAINT ${quoteIdent(change.from)} TO ${quoteIdent(change.to)}`),
      ]
    case 'create-index':
      return [createIndex(change.table, change.index)]
    case 'drop-index':
      return [`DROP INDEX ${qualified(change.table.schema, change.index.name)}`]
    case 'rename-index':
      return [`ALTER INDEX ${qualified(change.schema, change.from)} RENAME TO ${quoteIdent(change.to)}`]
    case 'create-view':
      return [createView(change.view), ...viewComments(change.view)]
    case 'create-view-index':
      return [createIndex(change.view, change.index)]
    case 'drop-view-index':
      return [`DROP INDEX ${qualified(change.view.schema, change.index.name)}`]
    case 'drop-view': {
      const kind = change.view.materialized ? 'MATERIALIZED VIEW' : 'VIEW'
      return [`DROP ${kind} ${qualified(change.view.schema, change.view.name)}`]
    }
    case 'set-table-comment':
      return [commentOn(tableTarget(change.table.schema, change.table.name), change.to)]
    case 'set-column-comment':
      return [commentOn(columnTarget(change.table.schema, change.table.name, change.column), change.to)]
    case 'set-view-comment':
      return [commentOn(viewTarget(change.view.schema, change.view.name, change.materialized), change.to)]
    case 'set-storage-parameters':
      return setStorageParameters(change)
    case 'set-unlogged':
      return [alterTable(change.table, change.unlogged ? 'SET UNLOGGED' : 'SET LOGGED')]
    case 'set-replica-identity':
      return [alterTable(change.table, replicaIdentityClause(change.to))]
    case 'set-row-level-security':
      return [setRowLevelSecurity(change.table, change.flag, change.to)]
    case 'create-policy':
      return [createPolicy(change.table, change.policy)]
    case 'drop-policy':
      return [dropPolicy(change.table, change.policy)]
    case 'alter-policy':
      return alterPolicy(change.table, change.from, change.to)
    case 'set-enum-comment':
      return [commentOn(enumTarget(change.enum.schema, change.enum.name), change.to)]
    case 'detach-partition': {
      const parent = qualified(change.partitionOf.schema, change.partitionOf.table)
      return [`ALTER TABLE ${parent} DETACH PARTITION ${table(change.table)}`]
    }
    case 'attach-partition': {
      const parent = qualified(change.partitionOf.schema, change.partitionOf.table)
      return [`ALTER TABLE ${parent} ATTACH PARTITION ${table(change.table)} ${change.partitionOf.bound}`]
    }
    case 'grant':
    case 'revoke':
      return [renderGrantChange(change)]
    default:
      return assertNever(change)
  }
}

/**
 * In-place changes go without USING, so PostgreSQL can skip the rewrite. Widening ones cast
 * directly. Others go through text: every type has a text form and an input function, so the
 * migration is valid SQL for any pair of types and fails, rolled back, only on a value that does not
 * convert (the change carries a data-loss hazard).
 */
function usingCast(change: Extract<ChangeBody, { kind: 'alter-column-type' }>): string {
  const kind = classifyTypeChange(change.from, change.to)
  if (kind === 'in-place') return ''
  const column = quoteIdent(change.to.name)
  const type = columnType(change.to)
  const viaText = kind === 'narrowing' && !/^(text|character varying)(\(\d+\))?$/.test(change.to.type)
  return viaText ? ` USING ${column}::text::${type}` : ` USING ${column}::${type}`
}

function identityClause(identity: IdentityModel): string {
  const { name, ...numbers } = identity.sequence
  const generation = identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'
  return `GENERATED ${generation} AS IDENTITY (SEQUENCE NAME ${quoteIdent(name)} ${sequenceClauses(numbers)})`
}

function alterIdentity(ref: ObjectRef, column: string, from: IdentityModel, to: IdentityModel): string[] {
  const statements: string[] = []
  if (from.sequence.name !== to.sequence.name) {
    statements.push(
      `ALTER SEQUENCE ${qualified(ref.schema, from.sequence.name)} RENAME TO ${quoteIdent(to.sequence.name)}`,
    )
  }
  const actions: string[] = []
  if (from.generation !== to.generation) {
    actions.push(`SET GENERATED ${to.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`)
  }
  const a = from.sequence
  const b = to.sequence
  if (a.increment !== b.increment) actions.push(`SET INCREMENT BY ${b.increment}`)
  if (a.minValue !== b.minValue) actions.push(`SET MINVALUE ${b.minValue}`)
  if (a.maxValue !== b.maxValue) actions.push(`SET MAXVALUE ${b.maxValue}`)
  if (a.start !== b.start) actions.push(`SET START WITH ${b.start}`)
  if (a.cache !== b.cache) actions.push(`SET CACHE ${b.cache}`)
  if (a.cycle !== b.cycle) actions.push(b.cycle ? 'SET CYCLE' : 'SET NO CYCLE')
  if (actions.length > 0) statements.push(alterColumn(ref, column, actions.join(' ')))
  return statements
}

function setSequenceOwner(sequence: SequenceModel): string {
  const owner =
    sequence.ownedBy === null
      ? 'NONE'
      : `${qualified(sequence.schema, sequence.ownedBy.table)}.${quoteIdent(sequence.ownedBy.column)}`
  return `ALTER SEQUENCE ${qualified(sequence.schema, sequence.name)} OWNED BY ${owner}`
}

/** The name the old type takes while its columns move to the new one; at most 63 bytes. */
function retiredEnumName(name: string): string {
  const suffix = '__tidemark_old'
  let base = name
  while (Buffer.byteLength(base + suffix) > 63) base = base.slice(0, -1)
  return base + suffix
}

/**
 * Removing or reordering enum labels: PostgreSQL cannot do either in place. The old type steps aside
 * under a retired name and a new one takes its name; later statements (new columns, defaults) use
 * the new type. Then the columns still on the old type move over through text (failing, and rolling
 * back, if a row holds a removed label), and the old type is dropped.
 */
function replaceEnum(e: EnumModel): string[] {
  return [
    `ALTER TYPE ${qualified(e.schema, e.name)} RENAME TO ${quoteIdent(retiredEnumName(e.name))}`,
    `CREATE TYPE ${qualified(e.schema, e.name)} AS ENUM (${e.values.map(quoteLiteral).join(', ')})`,
  ]
}

function moveEnumColumns(change: Extract<ChangeBody, { kind: 'move-enum-columns' }>): string[] {
  const { schema, name } = change.enum
  const statements: string[] = []
  for (const use of change.columns) {
    const dims = '[]'.repeat(use.dimensions)
    const type = `${qualified(schema, name)}${dims}`
    const column = quoteIdent(use.column)
    if (use.hadDefault) statements.push(alterColumn(use.table, use.column, 'DROP DEFAULT'))
    statements.push(alterColumn(use.table, use.column, `TYPE ${type} USING ${column}::text${dims}::${type}`))
    if (use.default !== null)
      statements.push(alterColumn(use.table, use.column, `SET DEFAULT ${use.default}`))
  }
  statements.push(`DROP TYPE ${qualified(schema, retiredEnumName(name))}`)
  return statements
}

const STORAGE_TARGETS: Record<StorageTarget, string> = {
  table: 'TABLE',
  index: 'INDEX',
  view: 'VIEW',
  'materialized view': 'MATERIALIZED VIEW',
}

/** RESET what goes, then SET what is new or changed. */
function setStorageParameters(change: Extract<ChangeBody, { kind: 'set-storage-parameters' }>): string[] {
  const alter = `ALTER ${STORAGE_TARGETS[change.target]} ${table(change.relation)}`
  const kept = new Set(change.to.map((p) => p.name))
  const reset = change.from.filter((p) => !kept.has(p.name)).map((p) => p.name)
  const set = change.to.filter((p) => !change.from.some((f) => f.name === p.name && f.value === p.value))
  return [
    ...(reset.length === 0 ? [] : [`${alter} RESET (${reset.join(', ')})`]),
    ...(set.length === 0 ? [] : [`${alter} SET (${storageParameterList(set)})`]),
  ]
}
