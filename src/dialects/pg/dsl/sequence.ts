import type { AnyColumn } from '../../../schema/column.js'
import { DEFAULT_SCHEMA, schemaObjectKind } from '../../../schema/kind.js'
import type { SequenceOptions } from '../../../schema/options.js'
import { type Chunk, SQL, type SqlReference, toSqlChunk } from '../../../sql/sql.js'
import { qualifiedName, quoteLiteral } from '../grammar/quote.js'

export interface PgSequence extends SqlReference {
  readonly [schemaObjectKind]: 'sequence'
  readonly schema: string
  readonly name: string
  readonly as: 'smallint' | 'integer' | 'bigint'
  readonly options: Omit<SequenceOptions, 'name'>
  /** OWNED BY: the column whose drop drops the sequence, given lazily (its table may come later). */
  readonly ownedBy: (() => AnyColumn) | undefined
  /** `nextval('<schema>.<name>'::regclass)`, e.g. for a column default. */
  nextval(): SQL<string>
}

/**
 * CREATE SEQUENCE (bigint unless `as` says otherwise). `ownedBy` ties it to a column of a table in
 * the same schema (ALTER SEQUENCE ... OWNED BY): dropping the column or table drops the sequence.
 *
 * @example
 * export const invoiceNumbers = sequence('invoice_numbers', { start: 1000, ownedBy: () => invoices.number })
 * export const invoices = table('invoices', { number: bigint().notNull().default(invoiceNumbers.nextval()) })
 */
export function sequence(
  name: string,
  options: Omit<SequenceOptions, 'name'> & {
    as?: 'smallint' | 'integer' | 'bigint'
    schema?: string
    ownedBy?: () => AnyColumn
  } = {},
): PgSequence {
  const { as = 'bigint', schema = DEFAULT_SCHEMA, ownedBy, ...rest } = options
  if (ownedBy !== undefined && typeof ownedBy !== 'function')
    throw new TypeError(`sequence ${name}: ownedBy takes a function, () => table.column`)
  return Object.freeze({
    [schemaObjectKind]: 'sequence' as const,
    schema,
    name,
    as,
    options: Object.freeze(rest),
    ownedBy,
    nextval: () => new SQL<string>([{ kind: 'text', text: nextvalExpression(schema, name) }]),
    [toSqlChunk]: (): Chunk => ({ kind: 'identifier', names: [schema, name] }),
  })
}

/** `nextval('<schema>.<name>'::regclass)` exactly as pg_get_expr() prints a sequence default. */
export function nextvalExpression(schema: string, name: string): string {
  return `nextval(${quoteLiteral(qualifiedName(schema, name))}::regclass)`
}
