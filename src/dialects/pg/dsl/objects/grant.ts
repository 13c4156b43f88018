import type { AnyColumn } from '../../../../schema/column.js'
import { schemaObjectKind } from '../../../../schema/kind.js'
import type { AnyTable, ColumnMap } from '../../../../schema/table.js'
import type { ViewBase } from '../../../../schema/view.js'
import type { PgNamespace } from '../namespace.js'
import type { PgSequence } from '../sequence.js'
import type { PgRoutine } from './routine.js'

export type TablePrivilege =
  | 'SELECT'
  | 'INSERT'
  | 'UPDATE'
  | 'DELETE'
  | 'TRUNCATE'
  | 'REFERENCES'
  | 'TRIGGER'
  | 'MAINTAIN'
/** The privileges a column-level grant can give. */
export type ColumnPrivilege = 'SELECT' | 'INSERT' | 'UPDATE' | 'REFERENCES'
export type SequencePrivilege = 'USAGE' | 'SELECT' | 'UPDATE'
export type SchemaPrivilege = 'USAGE' | 'CREATE'
export type RoutinePrivilege = 'EXECUTE'
export type Privilege = TablePrivilege | SequencePrivilege | SchemaPrivilege | RoutinePrivilege

/** A table or a view (materialized or not): GRANT ... ON TABLE. */
export type RelationTarget = AnyTable | ViewBase<string, ColumnMap>
export type GrantTarget = RelationTarget | PgSequence | PgRoutine | PgNamespace

interface GrantOptionsBase<P extends string> {
  /** The roles that receive the privileges; `'public'` is PUBLIC (every role). Roles are never created here. */
  readonly to: string | readonly string[]
  /** The privileges, or `'ALL'` for every privilege of the object's kind. */
  readonly privileges: readonly P[] | 'ALL'
  /** WITH GRANT OPTION: the roles may grant the privileges on. */
  readonly withGrantOption?: boolean
}

export type RelationGrantOptions =
  | (GrantOptionsBase<TablePrivilege> & { readonly columns?: undefined })
  | (GrantOptionsBase<ColumnPrivilege> & {
      /** Column-level grant: the privileges on these columns only. */
      readonly columns: readonly AnyColumn[]
    })
export type SequenceGrantOptions = GrantOptionsBase<SequencePrivilege>
export type SchemaGrantOptions = GrantOptionsBase<SchemaPrivilege>
export type RoutineGrantOptions = Omit<GrantOptionsBase<RoutinePrivilege>, 'privileges'> & {
  /** EXECUTE, the only privilege of a routine (the default). */
  readonly privileges?: readonly RoutinePrivilege[] | 'ALL'
}

/** Privileges declared on schema objects; export it with the schema (alone, or in an array). */
export interface PgGrant {
  readonly [schemaObjectKind]: 'grant'
  readonly on: readonly GrantTarget[]
  readonly to: readonly string[]
  /** As declared; `'ALL'` is expanded per object by toModel. */
  readonly privileges: readonly Privilege[] | 'ALL'
  readonly columns: readonly AnyColumn[] | undefined
  readonly withGrantOption: boolean
}

/**
 * GRANT privileges on tables and views, sequences, functions and procedures, or schemas. Grants are
 * part of the schema like any object: generate writes the GRANT and REVOKE statements that make the
 * database hold exactly the declared grants, and check reports a grant made or revoked by hand.
 * A schema that declares no grant at all leaves grants to its migrations.
 *
 * @example
 * export const notesAccess = grant(notes, { to: 'authenticated', privileges: ['SELECT', 'INSERT'] })
 * // GRANT SELECT, INSERT ON TABLE "public"."notes" TO "authenticated"
 * export const nicknameEdits = grant(users, { to: 'app', privileges: ['UPDATE'], columns: [users.nickname] })
 * // GRANT UPDATE ("nickname") ON TABLE "public"."users" TO "app"
 * export const apiAccess = grant(api, { to: ['anon', 'authenticated'], privileges: ['USAGE'] })
 * // GRANT USAGE ON SCHEMA "api" TO "anon", "authenticated"
 */
export function grant(on: RelationTarget | readonly RelationTarget[], options: RelationGrantOptions): PgGrant
export function grant(on: PgSequence | readonly PgSequence[], options: SequenceGrantOptions): PgGrant
export function grant(on: PgRoutine | readonly PgRoutine[], options: RoutineGrantOptions): PgGrant
export function grant(on: PgNamespace | readonly PgNamespace[], options: SchemaGrantOptions): PgGrant
export function grant(
  on: GrantTarget | readonly GrantTarget[],
  options: {
    readonly to: string | readonly string[]
    readonly privileges?: readonly Privilege[] | 'ALL'
    readonly columns?: readonly AnyColumn[] | undefined
    readonly withGrantOption?: boolean
  },
): PgGrant {
  const targets: readonly GrantTarget[] = Array.isArray(on) ? [...on] : [on as GrantTarget]
  if (targets.length === 0) throw new TypeError('grant() takes at least one object to grant on')
  if (typeof options !== 'object' || options === null)
    throw new TypeError("grant() takes options: { to: 'role', privileges: ['SELECT'] }")
  const to = typeof options.to === 'string' ? [options.to] : [...(options.to ?? [])]
  if (to.length === 0 || to.some((role) => typeof role !== 'string' || role === ''))
    throw new TypeError('grant(): `to` takes role names')
  const privileges = options.privileges ?? ['EXECUTE']
  if (privileges !== 'ALL' && (!Array.isArray(privileges) || privileges.length === 0))
    throw new TypeError("grant(): `privileges` takes a list of privileges, or 'ALL'")
  return Object.freeze({
    [schemaObjectKind]: 'grant' as const,
    on: Object.freeze(targets),
    to: Object.freeze(to),
    privileges: privileges === 'ALL' ? 'ALL' : Object.freeze([...privileges]),
    columns: options.columns === undefined ? undefined : Object.freeze([...options.columns]),
    withGrantOption: options.withGrantOption === true,
  })
}
