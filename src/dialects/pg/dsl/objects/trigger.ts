import type { TriggerState } from '../../../../model/types.js'
import type { AnyColumn } from '../../../../schema/column.js'
import { schemaObjectKind } from '../../../../schema/kind.js'
import type { ColumnMap } from '../../../../schema/table.js'
import { type AnyTable, tableDefinition } from '../../../../schema/table.js'
import { type ViewBase, viewDefinition } from '../../../../schema/view.js'
import type { SQL } from '../../../../sql/sql.js'
import { ddlExpression } from '../../compiler/fragment.js'
import { quoteIdent, quoteLiteral } from '../../grammar/quote.js'
import { definedAt } from './defined-at.js'
import type { PgRoutine } from './routine.js'

/** A table, or a view (INSTEAD OF triggers). */
export type TriggerTarget = AnyTable | ViewBase<string, ColumnMap>

export type TriggerEvent = 'insert' | 'update' | 'delete' | 'truncate'

export interface TriggerOptions {
  /** BEFORE, AFTER, or INSTEAD OF (on views, for each row). */
  readonly timing: 'before' | 'after' | 'instead of'
  /** The events that fire it, in any order. */
  readonly events: readonly TriggerEvent[]
  /** UPDATE OF: fire on an update only when one of these columns is a target of its SET. */
  readonly updateOf?: readonly AnyColumn[]
  /** Once per affected row, or once per statement. */
  readonly forEach: 'row' | 'statement'
  /** WHEN: a condition on OLD and NEW (row triggers) that must hold for the function to run. */
  readonly when?: SQL
  /** The trigger function (declared with `pgFunction`, returning `trigger`), or its qualified name. */
  readonly execute: PgRoutine | string
  /** Literal arguments passed to the function as TG_ARGV. */
  readonly arguments?: readonly string[]
  /** REFERENCING OLD TABLE / NEW TABLE names, for AFTER ... FOR EACH STATEMENT triggers. */
  readonly referencing?: { readonly oldTable?: string; readonly newTable?: string }
  /**
   * The firing state: `true` or `'origin'` (the default), `false` or `'disabled'`, `'always'` or
   * `'replica'` (for logical replication).
   */
  readonly enabled?: boolean | TriggerState
  /** COMMENT ON TRIGGER. An empty text is no comment. */
  readonly comment?: string
}

export interface PgTrigger {
  readonly [schemaObjectKind]: 'trigger'
  readonly name: string
  /** The table or view it is on. */
  readonly on: TriggerTarget
  readonly function: PgRoutine | undefined
  readonly statement: string
  readonly enabled: TriggerState
  readonly comment: string | undefined
  readonly definedAt: string | undefined
}

/**
 * Declares CREATE TRIGGER on a table (or INSTEAD OF on a view). The function it executes is part of
 * the schema when it is a declared `pgFunction`.
 *
 * @example
 * export const usersTouch = trigger('users_touch', users, {
 *   timing: 'before',
 *   events: ['update'],
 *   updateOf: [users.email, users.name],
 *   forEach: 'row',
 *   when: sql`old.* is distinct from new.*`,
 *   execute: touch,
 * })
 */
export function trigger(name: string, on: TriggerTarget, options: TriggerOptions): PgTrigger
/**
 * A trigger written as its whole CREATE TRIGGER statement, for what the options do not say
 * (constraint triggers, DEFERRABLE, FROM): `trigger(users, sql\`create constraint trigger ...\`)`.
 */
export function trigger(
  on: TriggerTarget,
  statement: SQL | string,
  options?: Pick<TriggerOptions, 'enabled' | 'comment'>,
): PgTrigger
export function trigger(
  first: string | TriggerTarget,
  second: TriggerTarget | SQL | string,
  third?: TriggerOptions | Pick<TriggerOptions, 'enabled' | 'comment'>,
): PgTrigger {
  const where = definedAt()
  if (typeof first !== 'string') return fromStatement(first, second as SQL | string, third ?? {}, where)
  return fromOptions(first, second as TriggerTarget, third as TriggerOptions, where)
}

function fromStatement(
  on: TriggerTarget,
  source: SQL | string,
  options: Pick<TriggerOptions, 'enabled' | 'comment'>,
  where: string | undefined,
): PgTrigger {
  const target = relationOf(on)
  if (target === undefined) throw new TypeError('trigger(): the first argument must be a table or a view')
  const statement = (typeof source === 'string' ? source : ddlExpression(source)).trim().replace(/;\s*$/, '')
  const name = /^create\s+(?:constraint\s+)?trigger\s+("(?:[^"]|"")*"|[\w$]+)/i.exec(statement)?.[1]
  if (name === undefined)
    throw new TypeError(`trigger() on ${target.schema}.${target.name} takes a CREATE TRIGGER statement`)
  const unquoted = name.startsWith('"') ? name.slice(1, -1).replaceAll('""', '"') : name.toLowerCase()
  return Object.freeze({
    [schemaObjectKind]: 'trigger' as const,
    name: unquoted,
    on,
    function: undefined,
    statement,
    enabled: stateOf(options.enabled),
    comment: options.comment,
    definedAt: where,
  })
}

function fromOptions(
  name: string,
  on: TriggerTarget,
  options: TriggerOptions,
  where: string | undefined,
): PgTrigger {
  if (typeof name !== 'string' || name === '') throw new TypeError('trigger() takes a name')
  const target = relationOf(on)
  if (target === undefined)
    throw new TypeError(`trigger ${name}: the second argument must be a table or a view`)
  const label = `trigger ${name} on ${target.schema}.${target.name}`
  const events = [...new Set(options.events)]
  if (events.length === 0) throw new TypeError(`${label}: list at least one event`)
  const updateOf = options.updateOf ?? []
  if (updateOf.length > 0 && !events.includes('update'))
    throw new TypeError(`${label}: updateOf needs the update event`)
  const eventText = events.map((event) =>
    event === 'update' && updateOf.length > 0
      ? `UPDATE OF ${updateOf.map((c) => quoteIdent(columnName(c, target, label))).join(', ')}`
      : event.toUpperCase(),
  )
  const parts = [
    `CREATE TRIGGER ${quoteIdent(name)} ${options.timing.toUpperCase()} ${eventText.join(' OR ')}`,
    `ON ${quoteIdent(target.schema)}.${quoteIdent(target.name)}`,
  ]
  const referencing = options.referencing
  if (referencing?.oldTable !== undefined || referencing?.newTable !== undefined) {
    const names = [
      referencing.oldTable === undefined ? '' : ` OLD TABLE AS ${quoteIdent(referencing.oldTable)}`,
      referencing.newTable === undefined ? '' : ` NEW TABLE AS ${quoteIdent(referencing.newTable)}`,
    ]
    parts.push(`REFERENCING${names.join('')}`)
  }
  parts.push(`FOR EACH ${options.forEach.toUpperCase()}`)
  if (options.when !== undefined) parts.push(`WHEN (${ddlExpression(options.when)})`)
  const fn = typeof options.execute === 'string' ? undefined : options.execute
  const fnName =
    fn === undefined ? String(options.execute) : `${quoteIdent(fn.schema)}.${quoteIdent(fn.name)}`
  if (fn !== undefined && fn.kind !== 'function')
    throw new TypeError(`${label}: execute takes a function, not a procedure`)
  parts.push(`EXECUTE FUNCTION ${fnName}(${(options.arguments ?? []).map(quoteLiteral).join(', ')})`)
  const enabled = stateOf(options.enabled)
  return Object.freeze({
    [schemaObjectKind]: 'trigger' as const,
    name,
    on,
    function: fn,
    statement: parts.join(' '),
    enabled,
    comment: options.comment,
    definedAt: where,
  })
}

function stateOf(enabled: TriggerOptions['enabled']): TriggerState {
  if (enabled === undefined || enabled === true) return 'origin'
  return enabled === false ? 'disabled' : enabled
}

export function relationOf(on: unknown): { schema: string; name: string } | undefined {
  if (typeof on !== 'object' || on === null) return undefined
  if (tableDefinition in on) return (on as AnyTable)[tableDefinition]
  if (viewDefinition in on) return (on as ViewBase<string, ColumnMap>)[viewDefinition]
  return undefined
}

function columnName(column: AnyColumn, target: { schema: string; name: string }, label: string): string {
  const owner = column.table
  if (owner === undefined || owner.schema !== target.schema || owner.name !== target.name)
    throw new TypeError(`${label}: updateOf takes columns of ${target.name}`)
  return column.name
}
