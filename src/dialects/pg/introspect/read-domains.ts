import type { CheckModel, DomainModel } from '../../../model/types.js'
import { sql } from '../../../sql/sql.js'
import { checkExpression, unquoteIdentifier } from '../grammar/catalog-text.js'
import { collationName } from './catalog-names.js'
import { byName, bySchemaAndName } from './order.js'
import { notExtensionMember, type ReadRows, type Scope } from './scope.js'

interface DomainRow {
  schema: string
  name: string
  type: string
  collation: string | null
  default: string | null
  not_null: boolean
  checks: [string, string][]
  comment: string | null
}

/**
 * Domains with their base type, collation (when not the base type's), default, NOT NULL and checks.
 * NOT NULL comes from pg_type, not from the NOT NULL constraint rows PostgreSQL 17+ also stores.
 */
export async function readDomains(rows: ReadRows, scope: Scope): Promise<DomainModel[]> {
  const found = await rows<DomainRow>(sql`
    select n.nspname::text as schema, t.typname::text as name, format_type(t.typbasetype, t.typtypmod) as type,
      case when t.typcollation <> bt.typcollation then ${collationName('t.typcollation')} end as collation,
      pg_get_expr(t.typdefaultbin, 0) as default, t.typnotnull as not_null,
      coalesce((select json_agg(json_build_array(k.conname, pg_get_constraintdef(k.oid)))
        from pg_constraint k where k.contypid = t.oid and k.contype = 'c'), '[]') as checks,
      obj_description(t.oid, 'pg_type') as comment
    from pg_type t
    join pg_type bt on bt.oid = t.typbasetype
    join pg_namespace n on n.oid = t.typnamespace
    where t.typtype = 'd' and ${scope.userSchema('n')} and ${notExtensionMember('pg_type', 't.oid')}`)
  return found
    .map((d) => ({
      schema: d.schema,
      name: d.name,
      type: d.type,
      notNull: d.not_null,
      default: d.default,
      collation: d.collation === null ? null : unquoteIdentifier(d.collation),
      checks: d.checks
        .map(([name, definition]): CheckModel => ({ name, expression: checkExpression(definition) }))
        .sort(byName),
      comment: d.comment,
    }))
    .sort(bySchemaAndName)
}
