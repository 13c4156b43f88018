import type { DefinedObjectModel } from '../../../../model/types.js'
import { sql } from '../../../../sql/sql.js'
import { notExtensionMember, type ReadRows, type Scope } from '../scope.js'
import { definedObject } from './defined-object.js'

interface CastRow {
  schema: string
  source: string
  target: string
  function: string | null
  context: 'e' | 'a' | 'i'
  method: 'f' | 'i' | 'b'
  comment: string | null
}

const CONTEXT: Record<CastRow['context'], string> = { e: '', a: ' AS ASSIGNMENT', i: ' AS IMPLICIT' }

/**
 * Casts a user created: those whose function, target type or source type lives in a user schema
 * (the built-in casts are all between pg_catalog types, with pg_catalog functions), less those
 * PostgreSQL made itself for a type. A cast belongs to no schema; it is filed under the first of
 * those schemas, which also decides whether the `schemas` option reads it.
 */
export async function readCasts(rows: ReadRows, scope: Scope): Promise<DefinedObjectModel[]> {
  const found = await rows<CastRow>(sql`
    select * from (
      select case when ${scope.userSchema('fn')} then fn.nspname::text
          when ${scope.userSchema('tn')} then tn.nspname::text
          when ${scope.userSchema('sn')} then sn.nspname::text end as schema,
        format_type(c.castsource, null) as source, format_type(c.casttarget, null) as target,
        case when c.castfunc <> 0 then c.castfunc::regprocedure::text end as function,
        c.castcontext::text as context, c.castmethod::text as method,
        obj_description(c.oid, 'pg_cast') as comment
      from pg_cast c
      join pg_type st on st.oid = c.castsource
      join pg_namespace sn on sn.oid = st.typnamespace
      join pg_type tt on tt.oid = c.casttarget
      join pg_namespace tn on tn.oid = tt.typnamespace
      left join pg_proc f on f.oid = c.castfunc
      left join pg_namespace fn on fn.oid = f.pronamespace
      where ${notExtensionMember('pg_cast', 'c.oid')}
        -- The cast PostgreSQL makes with each range type, to its multirange, goes and comes with it.
        and not exists (select from pg_depend d where d.classid = 'pg_cast'::regclass and d.objid = c.oid
          and d.deptype = 'i')
    ) casts
    where schema is not null`)
  return found.map((c) => {
    const name = `(${c.source} AS ${c.target})`
    const how =
      c.method === 'f' ? `WITH FUNCTION ${c.function}` : c.method === 'i' ? 'WITH INOUT' : 'WITHOUT FUNCTION'
    return definedObject(
      'cast',
      c.schema,
      name,
      null,
      `CREATE CAST ${name} ${how}${CONTEXT[c.context]}`,
      c.comment,
    )
  })
}
