import type {
  ColumnModel,
  ForeignKeyModel,
  IndexModel,
  ReplicaIdentityModel,
  SequenceModel,
  StorageParameterModel,
  UniqueModel,
} from '../../../model/types.js'
import { quoteIdent, quoteLiteral } from '../grammar/quote.js'

/** `"schema"."name"`: every identifier Tidemark writes is quoted. */
export function qualified(schema: string, name: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(name)}`
}

export function columnList(columns: readonly string[]): string {
  return `(${columns.map(quoteIdent).join(', ')})`
}

/** The column type with its declared dimensions (format_type prints one `[]` whatever their number). */
export function columnType(column: ColumnModel): string {
  if (column.dimensions <= 1) return column.type
  return column.type.replace(/\[\]$/, '') + '[]'.repeat(column.dimensions)
}

/** ` COLLATE "C"`, or nothing; a qualified name is written as the catalog printed it. */
export function collate(collation: string | null): string {
  if (collation === null) return ''
  return ` COLLATE ${collation.includes('.') ? collation : quoteIdent(collation)}`
}

export function sequenceClauses(
  sequence: Omit<SequenceModel, 'schema' | 'name' | 'ownedBy' | 'type'>,
): string {
  return [
    `INCREMENT BY ${sequence.increment}`,
    `MINVALUE ${sequence.minValue}`,
    `MAXVALUE ${sequence.maxValue}`,
    `START WITH ${sequence.start}`,
    `CACHE ${sequence.cache}`,
    sequence.cycle ? 'CYCLE' : 'NO CYCLE',
  ].join(' ')
}

export function columnDefinition(column: ColumnModel): string {
  const parts = [quoteIdent(column.name), columnType(column) + collate(column.collation)]
  if (column.identity !== null) {
    const { name, ...numbers } = column.identity.sequence
    const generation = column.identity.generation === 'always' ? 'ALWAYS' : 'BY DEFAULT'
    parts.push(
      `GENERATED ${generation} AS IDENTITY (SEQUENCE NAME ${quoteIdent(name)} ${sequenceClauses(numbers)})`,
    )
  }
  if (column.default !== null) parts.push(`DEFAULT ${column.default}`)
  if (column.generated !== null) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`)
  if (column.notNull) parts.push('NOT NULL')
  return parts.join(' ')
}

function deferrable(item: { deferrable: boolean; initiallyDeferred: boolean }): string {
  if (!item.deferrable) return ''
  return item.initiallyDeferred ? ' DEFERRABLE INITIALLY DEFERRED' : ' DEFERRABLE'
}

export function uniqueConstraint(unique: UniqueModel): string {
  const nulls = unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''
  return `CONSTRAINT ${quoteIdent(unique.name)} UNIQUE${nulls} ${columnList(unique.columns)}${deferrable(unique)}`
}

export function foreignKeyConstraint(fk: ForeignKeyModel): string {
  const target = `${qualified(fk.references.schema, fk.references.table)} ${columnList(fk.references.columns)}`
  const actions = [
    fk.onDelete === 'no action' ? '' : ` ON DELETE ${fk.onDelete.toUpperCase()}`,
    fk.onUpdate === 'no action' ? '' : ` ON UPDATE ${fk.onUpdate.toUpperCase()}`,
  ].join('')
  return `CONSTRAINT ${quoteIdent(fk.name)} FOREIGN KEY ${columnList(fk.columns)} REFERENCES ${target}${fk.matchFull ? ' MATCH FULL' : ''}${actions}${deferrable(fk)}${notValid(fk)}`
}

/** NOT VALID, for a key or check that must stay unvalidated (it is only ever added by ALTER TABLE). */
export function notValid(constraint: { readonly notValid?: true }): string {
  return constraint.notValid ? ' NOT VALID' : ''
}

export function createIndex(
  table: { readonly schema: string; readonly name: string },
  index: IndexModel,
): string {
  const keys = index.elements.map((element) => {
    let key = element.column !== null ? quoteIdent(element.column) : `(${element.expression})`
    if (element.collation !== null) key += ` COLLATE ${quoteIdent(element.collation)}`
    if (element.opclass !== null) key += ` ${element.opclass}`
    if (element.order === 'desc') key += ' DESC'
    const defaultNulls = element.order === 'desc' ? 'first' : 'last'
    if (element.nulls !== defaultNulls) key += ` NULLS ${element.nulls.toUpperCase()}`
    return key
  })
  const unique = index.unique ? 'UNIQUE ' : ''
  const include = index.include.length > 0 ? ` INCLUDE ${columnList(index.include)}` : ''
  const nulls = index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''
  const where = index.where === null ? '' : ` WHERE (${index.where})`
  const on = qualified(table.schema, table.name)
  const storage = withClause(index.storageParameters)
  return `CREATE ${unique}INDEX ${quoteIdent(index.name)} ON ${on} USING ${index.method} (${keys.join(', ')})${include}${nulls}${storage}${where}`
}

/** `fillfactor = 70`; a value that is not a plain word or number is written as a literal. */
export function storageParameterList(parameters: readonly StorageParameterModel[]): string {
  return parameters
    .map((p) => `${p.name} = ${/^[a-z0-9_]+$|^\d+(\.\d+)?$/.test(p.value) ? p.value : quoteLiteral(p.value)}`)
    .join(', ')
}

/** ` WITH (fillfactor = 70)`, or nothing. */
export function withClause(parameters: readonly StorageParameterModel[]): string {
  return parameters.length === 0 ? '' : ` WITH (${storageParameterList(parameters)})`
}

/** `REPLICA IDENTITY FULL`, `REPLICA IDENTITY USING INDEX "orders_code_key"`. */
export function replicaIdentityClause(identity: ReplicaIdentityModel): string {
  if (identity.kind === 'index') return `REPLICA IDENTITY USING INDEX ${quoteIdent(identity.index!)}`
  return `REPLICA IDENTITY ${identity.kind.toUpperCase()}`
}

/** `ALTER TABLE "s"."t" <action>`. */
export const alterTable = (table: { schema: string; name: string }, action: string): string =>
  `ALTER TABLE ${qualified(table.schema, table.name)} ${action}`

/** `ALTER TABLE "s"."t" ALTER COLUMN "c" <action>`. */
export const alterColumn = (
  table: { schema: string; name: string },
  column: string,
  action: string,
): string => alterTable(table, `ALTER COLUMN ${quoteIdent(column)} ${action}`)
