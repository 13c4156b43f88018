import type { Queryable } from '../../database/database.js'
import { quoteIdent, quoteLiteral } from '../../dialects/pg/grammar/index.js'
import { DatabaseError, TidemarkError } from '../../errors.js'
import { sql } from '../../sql/sql.js'

/**
 * Creates the roles that do not exist yet, NOLOGIN and without privileges: the roles a schema's
 * policies name, when the config asks Tidemark to manage them. Roles are cluster-wide, so they are
 * created outside any migration and never dropped. Safe when several deploys run it at once (a role
 * another one created first is left alone). Returns the roles it created.
 */
export async function ensureRoles(db: Queryable, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return []
  const { rows } = await db.execute<{ name: string }>(
    sql`select rolname::text as name from pg_roles where rolname = any(${[...roles]}::text[])`,
  )
  const existing = new Set(rows.map((r) => r.name))
  const created: string[] = []
  for (const role of roles) {
    if (existing.has(role)) continue
    try {
      await db.execute(sql.raw(createRoleIfMissing(role)))
    } catch (error) {
      const denied = error instanceof DatabaseError && error.code === '42501'
      throw new TidemarkError(
        denied
          ? `Creating role ${quoteLiteral(role)} needs the CREATEROLE privilege: create the role yourself, or run with a user that has it.`
          : `Could not create role ${quoteLiteral(role)}: ${(error as Error).message}`,
        { cause: error },
      )
    }
    created.push(role)
  }
  return created
}

/** A statement that creates the role NOLOGIN unless it exists, even when another session races it. */
export function createRoleIfMissing(role: string): string {
  return `DO $$ BEGIN CREATE ROLE ${quoteIdent(role)} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`
}
