import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface RoutineRow {
  schema: string
  name: string
  kind: 'f' | 'w' | 'p'
  arguments: string
  definition: string
  comment: string | null
}

/**
 * Functions (window functions included) and procedures, by pg_get_functiondef. Their names carry
 * the identity argument types, since a name can be overloaded. Routines PostgreSQL creates for a
 * type (range constructors) are part of the type and left out.
 */
export async function readRoutines(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<RoutineRow>(sql`
    select n.nspname::text as schema, p.proname::text as name, p.prokind::text as kind,
      ${identityArguments('p')} as arguments, pg_get_functiondef(p.oid) as definition,
      obj_description(p.oid, 'pg_proc') as comment
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    where p.prokind in ('f', 'w', 'p') and ${scope.userSchema('n')} and ${notExtensionMember('pg_proc', 'p.oid')}
      and not exists (select from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid
        and d.deptype = 'i')`)
  return found.map((r) =>
    definedObject(
      r.kind === 'p' ? 'procedure' : 'function',
      r.schema,
      `${r.name}(${r.arguments})`,
      null,
      r.definition,
      r.comment,
    ),
  )
}

/** `integer, text`: the types of a routine's call signature (pg_proc.proargtypes), as format_type prints them. */
export function identityArguments(alias: string) {
  return sql.raw(`coalesce((select string_agg(format_type(u.type, null), ', ' order by u.ord)
      from unnest(${alias}.proargtypes::oid[]) with ordinality u(type, ord)), '')`)
}
