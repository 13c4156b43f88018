import type { Queryable } from '../../../database/database.js'
import { type SQL, sql } from '../../../sql/sql.js'

/** What to read: every user schema unless `schemas` narrows it, minus excluded tables. */
export interface IntrospectOptions {
  /** Read only these schemas (and extensions installed into them). */
  readonly schemas?: readonly string[]
  /** Tables to leave out entirely, with everything that belongs to them (e.g. a migration journal). */
  readonly exclude?: readonly { readonly schema: string; readonly table: string }[]
  /**
   * The roles that apply the migrations: an object one of them owns reads as owned by "the
   * migrations' role" (no entry in `owners`). The session's current_user when absent.
   */
  readonly migrationRoles?: readonly string[]
}

/** Runs one catalog query and returns its rows. */
export type ReadRows = <Row>(query: SQL) => Promise<Row[]>

export function rowReader(db: Queryable): ReadRows {
  return async <Row>(query: SQL) => (await db.execute<Row>(query)).rows
}

/** The filters every catalog query shares, built once from the options. */
export class Scope {
  private readonly schemas: readonly string[] | null
  private readonly excluded: ReadonlySet<string>
  private readonly migrationRoles: readonly string[] | null

  constructor(options: IntrospectOptions = {}) {
    this.schemas = options.schemas === undefined ? null : [...options.schemas]
    this.excluded = new Set((options.exclude ?? []).map((t) => tableKey(t.schema, t.table)))
    this.migrationRoles = options.migrationRoles === undefined ? null : [...options.migrationRoles]
  }

  /** The role whose oid is `owner` (a column such as `c.relowner`) is not one that applies migrations. */
  notMigrationRole(owner: string): SQL {
    return sql`not (pg_get_userbyid(${sql.raw(owner)})::text = any(coalesce(${this.migrationRoles}::text[], array[current_user::text])))`
  }

  /**
   * The namespace aliased `alias` holds user objects the options ask for: not a system schema
   * (pg_*, information_schema) and not created by an extension.
   */
  userSchema(alias: string): SQL {
    return sql`(${sql.raw(alias)}.nspname not like 'pg\\_%' and ${sql.raw(alias)}.nspname <> 'information_schema'
      and ${notExtensionMember('pg_namespace', `${alias}.oid`)} and ${this.requested(alias)})`
  }

  /** The namespace aliased `alias` is one the `schemas` option asks for (true without the option). */
  requested(alias: string): SQL {
    return sql`(${this.schemas}::text[] is null or ${sql.raw(alias)}.nspname = any(${this.schemas}::text[]))`
  }

  /** Whether the `schemas` option narrows what is read (objects of no schema ask it). */
  isNarrowed(): boolean {
    return this.schemas !== null
  }

  isExcluded(schema: string, table: string): boolean {
    return this.excluded.has(tableKey(schema, table))
  }
}

/** The object `oid` of the catalog `catalog` was not created by an extension (pg_depend deptype 'e'). */
export function notExtensionMember(catalog: string, oid: string): SQL {
  return sql.raw(
    `not exists (select from pg_depend x where x.classid = '${catalog}'::regclass and x.objid = ${oid} and x.deptype = 'e')`,
  )
}

export function tableKey(schema: string, table: string): string {
  return JSON.stringify([schema, table])
}
