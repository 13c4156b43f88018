import { quoteIdent, quoteLiteral } from '../../dialects/pg/grammar/index.js'
import type { SchemaModel } from '../../model/types.js'
import type { MigrationFolder } from '../folder/migration-folder.js'
import { loadSqlParser, sqlParser } from '../folder/sql-parser.js'
import type { ShadowDatabase } from './shadow.js'

/** Role names PostgreSQL resolves by itself, never created. */
const BUILT_IN = new Set(['public', 'current_user', 'current_role', 'session_user'])

/**
 * Roles are cluster-wide: a policy or GRANT names roles that no migration creates. The embedded
 * shadow database is private to this run, so the roles the history and the schema name are created
 * there (NOLOGIN, no privileges) before anything refers to them. On a server shadow they must
 * already exist, as on the servers the migrations run on.
 */
export async function provideRoles(shadow: ShadowDatabase, names: Iterable<string>): Promise<void> {
  if (shadow.kind !== 'embedded') return
  const wanted = [...new Set(names)].filter((name) => !BUILT_IN.has(name) && !name.startsWith('pg_'))
  if (wanted.length === 0) return
  // DO blocks: a role created by an earlier run of this shadow (or built in) is left as it is.
  const statements = wanted.map(
    (name) =>
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${quoteLiteral(name)}) THEN CREATE ROLE ${quoteIdent(name)} NOLOGIN; END IF; END $$`,
  )
  await shadow.runScript(`${statements.join(';\n')};`)
}

/** The roles a schema's policies, grants and owners name. */
export function rolesOfModel(model: SchemaModel): string[] {
  return [
    ...model.tables.flatMap((t) => t.policies.flatMap((p) => p.roles)),
    ...model.grants.map((g) => g.grantee),
    ...(model.owners ?? []).map((o) => o.owner),
  ]
}

/**
 * The roles migration files name (policies, grants, owners) without creating them, read with
 * PostgreSQL's own parser. A file the parser refuses names none here: replaying it reports that.
 */
export async function rolesOfHistory(folder: MigrationFolder): Promise<string[]> {
  await loadSqlParser()
  const named = new Set<string>()
  const created = new Set<string>()
  for (const migration of folder.migrations) {
    let tree: unknown
    try {
      tree = sqlParser().parseSync(migration.up)
    } catch {
      continue
    }
    walk(tree, (node) => {
      // A list of roles holds RoleSpec nodes; a single role (OWNER TO r) is the RoleSpec's fields.
      const spec = (node.RoleSpec ?? (typeof node.roletype === 'string' ? node : undefined)) as
        | { roletype?: string; rolename?: string }
        | undefined
      if (spec?.roletype === 'ROLESPEC_CSTRING' && spec.rolename !== undefined) named.add(spec.rolename)
      const create = node.CreateRoleStmt as { role?: string } | undefined
      if (create?.role !== undefined) created.add(create.role)
    })
  }
  return [...named].filter((name) => !created.has(name))
}

function walk(value: unknown, visit: (node: Record<string, unknown>) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit)
  } else if (typeof value === 'object' && value !== null) {
    visit(value as Record<string, unknown>)
    for (const child of Object.values(value)) walk(child, visit)
  }
}
