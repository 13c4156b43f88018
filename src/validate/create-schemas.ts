import { TidemarkError } from '../errors.js'
import type { ColumnsOf, InferInsert, InferSelect } from '../schema/infer.js'
import type { AnyTable, ColumnMap } from '../schema/table.js'
import { setOwnProperty } from '../util/own-property.js'
import { type SchemaPurpose, tableFields, type WrittenColumns } from '../validation/table-fields.js'
import type { StandardSchemaV1 } from './standard-schema.js'
import { collectValueIssues } from './value-issues.js'

/** A Standard Schema of a table's rows, plus `parse`, which returns the value or throws. */
export interface TableSchema<T> extends StandardSchemaV1<T, T> {
  /** The value with only the schema's keys, or a {@link ValidationError} listing every issue. */
  parse(value: unknown): T
}

/**
 * Extra checks per column, run on values that passed the column type's own checks (never on null):
 * return `true` to accept, or `false` or a message to refuse.
 */
export type Checks<C extends ColumnMap> = {
  readonly [K in keyof C]?: (value: NonNullable<C[K]['$value']>) => boolean | string
}

/** The changes an update makes: any written column, with its select type. */
export type UpdateRow<T> = {
  [K in keyof InferInsert<T>]?: K extends keyof InferSelect<T> ? InferSelect<T>[K] : never
}

/** Thrown by `parse`: the message lists each issue with its path. */
export class ValidationError extends TidemarkError {
  readonly issues: readonly StandardSchemaV1.Issue[]

  constructor(issues: readonly StandardSchemaV1.Issue[]) {
    super(
      issues
        .map((issue) => `${(issue.path ?? []).map(String).join('.') || '(value)'}: ${issue.message}`)
        .join('\n'),
    )
    this.name = 'ValidationError'
    this.issues = issues
  }
}

type Source = { readonly $name: string }
type Check = (value: unknown) => boolean | string

/**
 * A Standard Schema of the rows a table (or a view with declared columns) returns, typed
 * `InferSelect<typeof table>`.
 *
 * @example
 * const User = createSelectSchema(users)
 * const user = User.parse(row)
 */
export function createSelectSchema<T extends Source>(
  source: T,
  checks?: Checks<ColumnsOf<T>>,
): TableSchema<InferSelect<T>> {
  return build(source, 'select', checks)
}

/**
 * A Standard Schema of the values an insert takes, typed `InferInsert<typeof table>`: generated
 * columns are left out; a column with a default, or one that may be NULL, is optional.
 *
 * @example
 * const NewUser = createInsertSchema(users, { email: (email) => email.includes('@') || 'Not an email' })
 */
export function createInsertSchema<T extends AnyTable>(
  table: T,
  checks?: Checks<WrittenColumns<ColumnsOf<T>>>,
): TableSchema<InferInsert<T>> {
  return build(table, 'insert', checks)
}

/** A Standard Schema of the changes an update makes: every column but the generated ones, optional. */
export function createUpdateSchema<T extends AnyTable>(
  table: T,
  checks?: Checks<WrittenColumns<ColumnsOf<T>>>,
): TableSchema<UpdateRow<T>> {
  return build(table, 'update', checks)
}

function build<T>(source: object, purpose: SchemaPurpose, checks: object | undefined): TableSchema<T> {
  const fields = tableFields(source, purpose)
  const extra = (checks ?? {}) as Record<string, Check | undefined>
  const keys = new Set(fields.map((field) => field.key))
  for (const key of Object.keys(extra)) {
    if (!keys.has(key))
      throw new TypeError(`Cannot check ${JSON.stringify(key)}: the ${purpose} schema has no such column`)
  }
  const validate = (input: unknown): StandardSchemaV1.Result<T> => {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return { issues: [{ message: 'Expected an object' }] }
    const record = input as Record<string, unknown>
    const issues: StandardSchemaV1.Issue[] = []
    const value: Record<string, unknown> = {}
    for (const field of fields) {
      const item = Object.hasOwn(record, field.key) ? record[field.key] : undefined
      if (item === undefined) {
        if (!field.optional) issues.push({ message: 'Required', path: [field.key] })
        continue
      }
      setOwnProperty(value, field.key, item)
      if (item === null) {
        if (!field.nullable) issues.push({ message: 'Expected a value, not null', path: [field.key] })
        continue
      }
      const before = issues.length
      collectValueIssues(field.rule, item, [field.key], issues)
      const check = Object.hasOwn(extra, field.key) ? extra[field.key] : undefined
      if (check === undefined || issues.length > before) continue
      const verdict = check(item)
      if (verdict !== true)
        issues.push({ message: verdict === false ? 'Invalid value' : verdict, path: [field.key] })
    }
    return issues.length === 0 ? { value: value as T } : { issues }
  }
  return {
    '~standard': { version: 1, vendor: 'tidemark', validate },
    parse(input: unknown): T {
      const result = validate(input)
      if (result.issues !== undefined) throw new ValidationError(result.issues)
      return result.value
    },
  }
}
